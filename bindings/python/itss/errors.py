"""The exceptions raised by the itss package.

Every failure reported by libitss becomes an :class:`ItssError` of the
subclass that matches its status code. Each subclass also derives from the
closest built-in exception (``LookupError`` for an unknown code, ``ValueError``
for a bad document, ``OSError`` for a file that cannot be read), so code
that does not know this package can still catch it sensibly.
"""

from __future__ import annotations

import errno as _errno
import os
import re
from dataclasses import dataclass
from typing import Dict, Optional, Tuple, Type


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
        index: in a batch (``rate_many``, ``score_many``), the 0-based
            position of the item that failed; None outside a batch.
        input_line: in a batch read from a JSONL file, the 1-based line of
            that item; 0 otherwise.
        source: that JSONL file's name ("" otherwise).
    """

    code: int
    name: str
    message: str
    path: str
    line: int
    column: int
    position: int
    index: Optional[int] = None
    input_line: int = 0
    source: str = ""

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
        if self.input_line:
            text = "%s:%d: %s" % (self.source or "line", self.input_line, text)
        elif self.index is not None:
            text = "item %d: %s" % (self.index, text)
        return text

    def message_in(self, lang: str) -> str:
        """The message in a language, "zh" or "en", as the library writes
        it (itss_error_message): the same kind of message with the same
        names and values. str(e) and :attr:`message` stay in English. A
        message of no kind the library writes comes back as it is; another
        language tag raises InvalidValueError."""
        from . import _lib  # loaded by then: it raised this error
        return _lib.error_message(self, _lib.lang(lang))

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
    """ITSS_ENOTFOUND: a well-formed identifier that names nothing. Raised
    as it is for a key the caller gave (a class code, a clause id, a model
    id); for an identifier inside an input document the error is an
    :class:`UnknownIdError`, which is also a ValueError."""


class UnknownIdError(NotFoundError, ValueError):
    """ITSS_ENOTFOUND located in an input document (an unknown clause,
    indicator or service of an assessment, evaluation or catalog): a bad
    input, hence a ValueError, and still a NotFoundError (a LookupError)
    as before. ``path`` (or ``line``) says where."""


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
    """ITSS_EIO: a file could not be read (or written). As for an
    OSError, ``errno`` is the system's error number (``errno.ENOENT``) and
    ``strerror`` its text when the cause is known, ``filename`` the file;
    None when unknown. str(e) is the library's message."""

    def __init__(self, message: str = "", **record) -> None:
        super().__init__(message, **record)
        number, text, filename = file_details(message)
        self.errno, self.strerror, self.filename = number, text, filename

    def __reduce__(self) -> tuple:
        # errno, strerror and filename are not in the instance dict
        cls, args, state = super().__reduce__()[:3]
        state = dict(state or {}, errno=self.errno, strerror=self.strerror,
                     filename=self.filename)
        return cls, args, state


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


#: The texts of the system's error numbers (os.strerror), longest first.
_STRERROR = sorted(((os.strerror(n), n) for n in _errno.errorcode), key=lambda t: -len(t[0]))

#: The library's messages about a file: 'cannot open "FILE": TEXT' and
#: the like, the file quoted after a verb.
_FILE_MESSAGE = re.compile(r'^cannot \w+ (?:"(?P<quoted>.*)"|(?P<plain>\S.*?)): (?P<why>.+)$')


def file_details(message: str) -> Tuple[Optional[int], Optional[str], Optional[str]]:
    """(errno, strerror, filename) of a message about a file, each None
    when the message does not say it."""
    m = _FILE_MESSAGE.match(message)
    if m is None:
        return None, None, None
    filename = m.group("quoted") if m.group("quoted") is not None else m.group("plain")
    why = m.group("why")
    for text, number in _STRERROR:
        if why == text or why.startswith(text):
            return number, text, filename
    return None, None, filename


def from_record(*, code: int, name: str, message: str, path: str = "", line: int = 0,
                column: int = 0, position: int = 0) -> ItssError:
    """The exception for a status code (a code this package does not know
    gives a plain ItssError). An ITSS_ENOTFOUND located in a document (a
    path or a line) is an :class:`UnknownIdError`."""
    cls = _BY_CODE.get(code, ItssError)
    if cls is NotFoundError and (path or line):
        cls = UnknownIdError
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
    "Problem", "ItssError", "ArgumentError", "NoMemoryError", "NotFoundError", "UnknownIdError",
    "ParseError",
    "SchemaError", "InvalidValueError", "DuplicateError", "ModelError", "FileError",
    "LimitError", "ConsistencyError", "InternalError", "LibraryNotFoundError",
    "LibraryVersionError",
]
