"""The exceptions raised by the itss package.

Every failure reported by libitss becomes an :class:`ItssError` of the
subclass that matches its status code. Each subclass also derives from the
closest built-in exception (``LookupError`` for an unknown code, ``ValueError``
for a bad document, ``OSError`` for a file that cannot be read), so code
that does not know this package can still catch it sensibly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Type


class ItssError(Exception):
    """A libitss failure.

    Attributes:
        code: the negative ``ITSS_E*`` status (e.g. -3).
        name: its symbolic name (e.g. ``"ITSS_ENOTFOUND"``).
        message: one line naming what is wrong and the offending value.
        path: JSON Pointer of the offending value in an input document,
            ``""`` when the error is not about a document.
        line, column: 1-based location of the offending token (column in
            code points); 0 when unknown.
        position: 0-based byte offset of that token (meaningful when
            ``line`` > 0).
    """

    code: int
    name: str
    message: str
    path: str
    line: int
    column: int
    position: int

    def __init__(self, message: str = "", *, code: int = 0, name: str = "", path: str = "",
                 line: int = 0, column: int = 0, position: int = 0) -> None:
        super().__init__(message)
        self.code = code
        self.name = name
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.position = position

    def __str__(self) -> str:
        text = self.message
        if self.line:
            text = "%d:%d: %s" % (self.line, self.column, text)
        if self.path:
            text += " (at %s)" % self.path
        return text

    def __repr__(self) -> str:
        return "%s(%r, code=%d, path=%r, line=%d, column=%d)" % (
            type(self).__name__, self.message, self.code, self.path, self.line, self.column)

    def render(self, input_line: int = 0, format: str = "compact") -> str:
        """The library's own rendering of the error (itss_error_render):
        "compact" is the one-line JSON object a ``--jsonl`` batch writes
        for a failed line (with ``input_line`` when it is > 0), "json" the
        same indented, "text" the message line of standard error."""
        from . import _lib  # loaded by then: it raised this error
        return _lib.error_render(self, input_line, _lib.fmt(format))

    def to_dict(self) -> dict:
        """The error as the ``{"error": {...}}`` object of the JSON formats
        (location keys only when known)."""
        body = {"code": self.name, "status": self.code, "message": self.message,
                "path": self.path}
        if self.line:
            body.update(line=self.line, column=self.column, position=self.position)
        return {"error": body}


class ArgumentError(ItssError, ValueError):
    """ITSS_EINVAL: an argument the library cannot accept (bad option, an
    integer outside its documented range, a string or path with a NUL
    byte)."""


class NoMemoryError(ItssError, MemoryError):
    """ITSS_ENOMEM: the library ran out of memory."""


class NotFoundError(ItssError, LookupError):
    """ITSS_ENOTFOUND: a well-formed identifier that names nothing."""


class ParseError(ItssError, ValueError):
    """ITSS_EPARSE: the input is not well-formed JSON (or not UTF-8)."""


class SchemaError(ItssError, ValueError):
    """ITSS_ESCHEMA: well-formed JSON of the wrong shape (type, missing or
    unknown key)."""


class InvalidValueError(ItssError, ValueError):
    """ITSS_EVALUE: a value of the right type that is not acceptable."""


class DuplicateError(ItssError, ValueError):
    """ITSS_EDUPLICATE: the same key or identifier appears twice."""


class ModelError(ItssError, ValueError):
    """ITSS_EMODEL: a model or catalog contradicts itself."""


class FileError(ItssError, OSError):
    """ITSS_EIO: a file could not be read."""


class LimitError(ItssError, ValueError):
    """ITSS_ELIMIT: the input exceeds a documented limit."""


class ConsistencyError(ItssError, ValueError):
    """ITSS_ECONSISTENCY: an AHP comparison matrix is too inconsistent
    (CR >= 0.10)."""


class InternalError(ItssError, RuntimeError):
    """ITSS_EINTERNAL: libitss broke one of its own invariants (a bug in
    the library)."""


class LibraryNotFoundError(ImportError):
    """libitss could not be loaded (raised when ``itss`` is imported)."""


class LibraryVersionError(ImportError):
    """The libitss found is not a release this package can use."""


_BY_CODE: Dict[int, Type[ItssError]] = {
    -1: ArgumentError,
    -2: NoMemoryError,
    -3: NotFoundError,
    -4: ParseError,
    -5: SchemaError,
    -6: InvalidValueError,
    -7: DuplicateError,
    -8: ModelError,
    -9: FileError,
    -10: LimitError,
    -11: ConsistencyError,
    -12: InternalError,
}


def from_record(*, code: int, name: str, message: str, path: str = "", line: int = 0,
                column: int = 0, position: int = 0) -> ItssError:
    """The exception for a status code (a code this package does not know
    gives a plain ItssError)."""
    cls = _BY_CODE.get(code, ItssError)
    return cls(message, code=code, name=name, path=path, line=line, column=column,
               position=position)


@dataclass(frozen=True)
class Problem:
    """One problem of a document found by a check (``maturity.check``,
    ``quality.check``): plain, immutable data with the fields of the
    library's error record.

    For a worksheet, ``path`` is the cell, ``"sheet!F37"`` (``"F37"`` in
    CSV), ``line`` its row (also :attr:`row`) and ``column`` its column
    number (A = 1), and the message starts with the sheet, row, column and
    header; for JSON, ``path`` is the JSON Pointer and ``line`` and
    ``column`` the place in the text. 0 and ``""`` when unknown.
    """

    code: int
    name: str
    message: str
    path: str = ""
    line: int = 0
    column: int = 0
    position: int = 0

    @property
    def row(self) -> int:
        """The worksheet row (the line, for JSON)."""
        return self.line

    def exception(self) -> ItssError:
        """The exception a read of the document raises for this problem
        when it is the first one."""
        return from_record(code=self.code, name=self.name, message=self.message,
                           path=self.path, line=self.line, column=self.column,
                           position=self.position)

    def to_dict(self) -> dict:
        """The problem as the ``{"error": {...}}`` object of the JSON
        formats."""
        return self.exception().to_dict()

    def __str__(self) -> str:
        return str(self.exception())


__all__ = [
    "Problem", "ItssError", "ArgumentError", "NoMemoryError", "NotFoundError", "ParseError",
    "SchemaError", "InvalidValueError", "DuplicateError", "ModelError", "FileError",
    "LimitError", "ConsistencyError", "InternalError", "LibraryNotFoundError",
    "LibraryVersionError",
]
