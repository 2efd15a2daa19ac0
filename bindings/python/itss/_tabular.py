"""What the typed results of maturity and quality share: flat records,
DataFrames, and rating or scoring many documents at once.

Plain Python: the rows are built from results already made by the
library; pandas is imported only when a DataFrame is asked for.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Callable, Dict, Generic, Iterable, Iterator, List, \
    Optional, Sequence, Tuple, TypeVar, Union

from . import _lib
from .errors import ItssError

if TYPE_CHECKING:  # pandas is optional: imported when a DataFrame is asked for
    import pandas

Record = Dict[str, Any]
T = TypeVar("T")


def data_frame(records: List[Record], columns: Sequence[str]) -> "pandas.DataFrame":
    """A pandas DataFrame of records with these columns, in this order.
    Raises ImportError saying what to install when pandas is missing."""
    try:
        import pandas
    except ImportError as exc:
        raise ImportError("to_pandas() needs pandas, which is not installed (pip install "
                          "pandas, or the system's python3-pandas); to_records() gives the "
                          "same rows as a list of dicts without it") from exc
    return pandas.DataFrame.from_records(records, columns=list(columns))


class Tabular:
    """A result that can be flattened to rows: subclasses define
    :meth:`to_records` and ``_COLUMNS``, the keys of every row in order."""

    _COLUMNS: Tuple[str, ...] = ()

    def to_records(self) -> List[Record]:  # pragma: no cover - defined by subclasses
        raise NotImplementedError

    def to_pandas(self) -> "pandas.DataFrame":
        """:meth:`to_records` as a pandas DataFrame, one row per record,
        its columns in the order of the records' keys (ImportError when
        pandas is not installed)."""
        return data_frame(self.to_records(), self._COLUMNS)


class Branch(Generic[T]):
    """A node of a result whose iteration and length are those of its
    children (of type T), the tuple named by ``_children``."""

    _children = ""

    def __iter__(self) -> Iterator[T]:
        return iter(getattr(self, self._children))

    def __len__(self) -> int:
        return len(getattr(self, self._children))


def unescape_cell(text: str) -> str:
    """A cell of the library's CSV as the text it holds: the writer puts
    an apostrophe in front of a text a spreadsheet would read as a formula
    (starting with ``=``, ``+``, ``-``, ``@``, TAB or CR, after any
    apostrophes), which is taken away again here."""
    body = text.lstrip("'")
    if text.startswith("'") and body[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return text[1:]
    return text


class Batch(List[T], Tabular):
    """The results of ``rate_many`` or ``score_many``, in input order:
    a list whose element i is the result of item i, or, with
    ``errors="return"``, the exception it raised. :meth:`to_records` gives
    the rows of every result, each with ``index`` (the item's 0-based
    position) and ``line`` (its line in a JSONL file, None otherwise)
    in front; an item that failed gives no row (see :attr:`failures`)."""

    lines: Optional[List[int]] = None
    _item_columns: Tuple[str, ...] = ()

    @property
    def _COLUMNS(self) -> Tuple[str, ...]:  # type: ignore[override]
        return ("index", "line") + self._item_columns

    @property
    def failures(self) -> List[Tuple[int, BaseException]]:
        """(index, exception) of every item that failed (only with
        ``errors="return"``)."""
        return [(i, r) for i, r in enumerate(self) if isinstance(r, BaseException)]

    def to_records(self) -> List[Record]:
        rows: List[Record] = []
        for i, result in enumerate(self):
            if isinstance(result, BaseException):
                continue
            where = {"index": i, "line": self.lines[i] if self.lines else None}
            rows.extend(dict(where, **row) for row in result.to_records())  # type: ignore
        return rows

    def __repr__(self) -> str:
        return "%s(results=%d, failed=%d)" % (type(self).__name__, len(self),
                                               len(self.failures))


Items = Union[str, "os.PathLike[str]", Iterable[Any]]


def _jsonl(path: Union[str, "os.PathLike[str]"]) -> Iterator[Tuple[int, bytes]]:
    """(line number, text) of each non-blank line of a JSONL file."""
    name = _lib._path(path, "JSONL file")
    try:
        with open(name, "rb") as f:
            for number, line in enumerate(f, 1):
                if line.strip():
                    yield number, line
    except OSError as exc:
        raise _lib.file_error(name, exc) from None


def run_many(items: Items, one: Callable[[Any], T], *, threads: Optional[int], errors: str,
             item_columns: Tuple[str, ...]) -> Batch[T]:
    """Apply one() to each item, in order, on a pool of threads when
    threads > 1. items is an iterable of documents or the path of a JSONL
    file (str or os.PathLike; one document per non-blank line). With
    errors="raise" the first failing item (in input order) raises, its
    ``index`` (and ``input_line``, for JSONL) set and shown in its
    message; with errors="return" the exception takes the result's place
    in the batch."""
    if errors not in ("raise", "return"):
        raise _lib.fail(-1, "errors must be 'raise' or 'return', not %r" % (errors,))
    if threads is not None:
        threads = _lib.integer(threads, "threads", 1, 1024, " (None = this thread only)")
    source = ""
    if isinstance(items, (str, bytes, os.PathLike)):
        if not isinstance(items, os.PathLike) and os.fsdecode(items).lstrip()[:1] in ("{", "["):
            raise TypeError("items must be an iterable of documents or the path of a JSONL "
                            "file, not one JSON document")
        source = os.fsdecode(items)
        numbered = list(_jsonl(items))
        lines: Optional[List[int]] = [n for n, _ in numbered]
        docs: List[Any] = [text for _, text in numbered]
    elif isinstance(items, dict):
        raise TypeError("items must be an iterable of documents, not one document (a dict)")
    else:
        lines, docs = None, list(items)

    def guarded(pair: Tuple[int, Any]) -> Any:
        i, doc = pair
        try:
            return one(doc)
        except Exception as exc:  # located below, in input order
            _locate(exc, i, lines[i] if lines else 0, source)
            if errors == "raise":
                raise
            return exc

    if threads is None or threads == 1:
        results = [guarded(p) for p in enumerate(docs)]
    else:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            results = list(pool.map(guarded, enumerate(docs)))
    batch: Batch[T] = Batch(results)
    batch.lines = lines
    batch._item_columns = item_columns
    return batch


def _locate(exc: Exception, index: int, line: int, source: str) -> None:
    """Say which item an exception is about: an ItssError carries it in
    ``index``, ``input_line`` and its message, another exception in a
    note."""
    if isinstance(exc, ItssError):
        exc.index, exc.input_line, exc.source = index, line, source
    elif hasattr(exc, "add_note"):
        exc.add_note("%s:%d" % (source, line) if line else "item %d" % index)


__all__ = ["Batch", "Branch", "Tabular", "run_many", "data_frame", "unescape_cell"]
