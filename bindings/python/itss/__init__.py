"""Python binding of libitss: China's Information Technology Service
Standards (ITSS) as data models and scoring engines.

- :mod:`itss.classification` — GB/T 29264-2012 service classification
- :mod:`itss.maturity` — T/CESA 1299-2023 O&M capability maturity rating
- :mod:`itss.quality` — GB/T 33850-2017 service quality scoring and AHP
- :mod:`itss.standards` — the ITSS standards registry (the ITSS 5.0 report)

The package is a thin layer over the C library (ctypes, standard library
only): every answer comes from libitss. Importing it loads the library
(``ITSS_LIBRARY``, then a source checkout's build tree, then the system's
``libitss.so.1``) and refuses a release it was not written for.

>>> import itss
>>> itss.version()
'1.1.0'
"""

from __future__ import annotations

from . import _lib
from .errors import (ArgumentError, ConsistencyError, DuplicateError, FileError, InternalError,
                     InvalidValueError, ItssError, LibraryNotFoundError, LibraryVersionError,
                     LimitError, ModelError, NoMemoryError, NotFoundError, ParseError,
                     Problem, SchemaError, UnknownIdError)
from . import classification, maturity, quality, standards  # noqa: E402  (after _lib has loaded)

__version__ = "1.1.0"


def version() -> str:
    """The version of the libitss library in use, "MAJOR.MINOR.PATCH"."""
    return _lib.version_string()


__all__ = [
    "version", "classification", "maturity", "quality", "standards", "ItssError", "ArgumentError",
    "NoMemoryError", "NotFoundError", "UnknownIdError", "ParseError", "SchemaError",
    "InvalidValueError", "DuplicateError", "ModelError", "FileError", "LimitError",
    "ConsistencyError", "InternalError", "LibraryNotFoundError", "LibraryVersionError", "Problem",
]
