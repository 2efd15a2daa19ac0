"""Loading libitss and calling it through ctypes.

Everything that touches C lives here: where the shared object is found,
the prototypes of the functions the package uses, turning an ``itss_error``
into a Python exception, and taking ownership of the strings the library
returns (released with ``itss_free``, never with another allocator).
"""

from __future__ import annotations

import ctypes
import json
import operator
import os
import pathlib
from ctypes import POINTER, byref, c_char, c_char_p, c_int, c_size_t, c_void_p
from typing import Optional, Sequence, Tuple, Union

from . import errors

#: The library release this package was written for (major, minor).
REQUIRED = (1, 1)
#: The ABI (SONAME number) this package was written for.
SOVERSION = 1

#: ITSS_MAX_DOCUMENT_SIZE of itss/common.h: the largest document the
#: library reads. Readers here stop one byte beyond it and let the library
#: refuse the input (ITSS_ELIMIT).
MAX_DOCUMENT_SIZE = 64 * 1024 * 1024

#: How deep the library lets arrays and objects nest (docs/security.md):
#: a document is level 1, its members level 2, and no value may be on a
#: level beyond this one.
MAX_NESTING = 2048

#: The largest value of a C size_t.
SIZE_MAX = 2 ** (8 * ctypes.sizeof(c_size_t)) - 1

FORMAT_JSON = 0
FORMAT_JSON_PRETTY = 1
FORMAT_TEXT = 2
FORMAT_HTML = 3
FORMAT_SVG = 4
FORMAT_CSV = 5
FORMAT_XLSX = 6

#: itss_direction of itss/classify.h.
FORWARD = 0
REVERSE = 1

#: itss_ahp_mode of itss/quality.h.
AHP_STRICT = 0
AHP_ALLOW_INCONSISTENT = 1

Document = Union[dict, list, str, bytes, bytearray, "os.PathLike[str]"]


class _Error(ctypes.Structure):
    _fields_ = [
        ("code", c_int),
        ("message", c_char * 320),
        ("path", c_char * 256),
        ("line", c_size_t),
        ("column", c_size_t),
        ("position", c_size_t),
    ]


def _candidates() -> list:
    """Where to look for the library, in order: ITSS_LIBRARY, the library
    installed with this package by ``meson install -Dpython=enabled`` (its
    path is in ``itss/_installed.py``), the build tree of a source checkout,
    then the system's loader path."""
    explicit = os.environ.get("ITSS_LIBRARY")
    if explicit:
        return [explicit]
    found = []
    try:
        from . import _installed  # written by meson install
        found.append(_installed.LIBRARY)
    except ImportError:
        pass
    here = pathlib.Path(__file__).resolve().parent
    root = here.parent.parent.parent  # bindings/python/itss -> source root
    if (root / "meson.build").is_file() and (root / "include" / "itss" / "itss.h").is_file():
        lib = root / "build" / "lib" / ("libitss.so.%d" % SOVERSION)
        if lib.is_file():
            found.append(str(lib))
    found.append("libitss.so.%d" % SOVERSION)
    return found


def check_version(found: str) -> None:
    """Refuse a library whose release cannot serve this package.

    The major version must match and the library's minor version must be
    at least the required one (later minor releases only add to the API).
    Raises :class:`itss.LibraryVersionError`.
    """
    try:
        major, minor = (int(p) for p in found.split(".")[:2])
    except ValueError:
        raise errors.LibraryVersionError(
            "libitss reports version %r, which is not MAJOR.MINOR.PATCH" % found) from None
    want_major, want_minor = REQUIRED
    if major != want_major or minor < want_minor:
        raise errors.LibraryVersionError(
            "this itss package needs libitss %d.%d or a later %d.x but found libitss %s; "
            "install the matching library or point ITSS_LIBRARY at it"
            % (want_major, want_minor, want_major, found))


def _load() -> ctypes.CDLL:
    tried = []
    lib = None
    for name in _candidates():
        try:
            lib = ctypes.CDLL(name)
            break
        except OSError as exc:
            tried.append("%s (%s)" % (name, exc))
    if lib is None:
        raise errors.LibraryNotFoundError(
            "cannot load libitss: tried " + "; ".join(tried) +
            ". Build it (meson) and install it, or set ITSS_LIBRARY to the path of libitss.so.%d"
            % SOVERSION)
    try:
        lib.itss_version_string.restype = c_char_p
        lib.itss_version_string.argtypes = []
        found = lib.itss_version_string()
    except AttributeError:
        raise errors.LibraryNotFoundError(
            "%s is not libitss: it has no itss_version_string" % lib._name) from None
    check_version(found.decode("ascii", "replace") if found else "?")
    _declare(lib)
    return lib


_P = c_void_p  # every opaque handle
_E = POINTER(_Error)
_S = POINTER(c_void_p)  # char **out
_N = POINTER(c_size_t)

# name: (restype, argtypes). Only the functions the package calls. Enum
# parameters and results (itss_lang, itss_format, itss_direction, ...) are
# C ints.
_PROTOTYPES = {
    "itss_version_hex": (ctypes.c_ulong, []),
    "itss_strerror_name": (c_char_p, [c_int]),
    "itss_free": (None, [c_void_p]),
    "itss_lang_parse": (c_int, [c_char_p, POINTER(c_int), _E]),
    "itss_error_render": (c_int, [_E, c_size_t, c_int, _S, _N, _E]),
    "itss_error_message": (c_int, [_E, c_int, _S, _N, _E]),
    "itss_error_describe": (c_int, [_E, c_size_t, c_int, c_int, _S, _N, _E]),
    # worksheets
    "itss_format_detect": (c_int, [c_char_p, c_size_t]),
    "itss_problem_list_total": (c_size_t, [_P]),
    "itss_problem_list_free": (None, [_P]),
    "itss_problem_list_render": (c_int, [_P, c_char_p, c_int, c_int, _S, _N, _E]),
    "itss_assessment_new": (c_int, [_P, POINTER(_P), _E]),
    "itss_assessment_read": (c_int, [_P, c_char_p, c_size_t, c_int, c_char_p, POINTER(_P), _E]),
    "itss_assessment_check": (c_int, [_P, c_char_p, c_size_t, c_int, c_char_p, POINTER(_P), _E]),
    "itss_assessment_render": (c_int, [_P, c_int, c_char_p, c_int, c_int, _S, _N, _E]),
    "itss_assessment_export": (c_int, [_P, c_int, _S, _N, _E]),
    "itss_maturity_result_domains_render": (c_int, [_P, c_int, c_int, _S, _N, _E]),
    "itss_evaluation_new": (c_int, [_P, c_char_p, POINTER(_P), _E]),
    "itss_evaluation_service": (c_char_p, [_P]),
    "itss_evaluation_read": (c_int, [_P, c_char_p, c_size_t, c_int, c_char_p, POINTER(_P), _E]),
    "itss_evaluation_check": (c_int, [_P, c_char_p, c_size_t, c_int, c_char_p, POINTER(_P), _E]),
    "itss_evaluation_render": (c_int, [_P, c_int, c_int, _S, _N, _E]),
    # classification
    "itss_catalog_builtin": (_P, []),
    "itss_catalog_load": (c_int, [c_char_p, c_size_t, POINTER(_P), _E]),
    "itss_catalog_load_file": (c_int, [c_char_p, POINTER(_P), _E]),
    "itss_catalog_free": (None, [_P]),
    "itss_catalog_edition": (c_char_p, [_P]),
    "itss_catalog_class_count": (c_size_t, [_P]),
    "itss_catalog_class_at": (_P, [_P, c_size_t]),
    "itss_catalog_top_count": (c_size_t, [_P]),
    "itss_catalog_top_at": (_P, [_P, c_size_t]),
    "itss_class_lookup": (c_int, [_P, c_char_p, POINTER(_P), _E]),
    "itss_code_validate": (c_int, [_P, c_char_p, POINTER(c_int), _E]),
    "itss_code_problem_name": (c_char_p, [c_int]),
    "itss_class_code": (c_char_p, [_P]),
    "itss_class_child_count": (c_size_t, [_P]),
    "itss_class_child_at": (_P, [_P, c_size_t]),
    "itss_class_ancestors": (c_size_t, [_P, POINTER(_P), c_size_t]),
    "itss_class_descendants": (c_size_t, [_P, POINTER(_P), c_size_t]),
    "itss_class_search": (c_int, [_P, c_char_p, POINTER(_P), c_size_t, _N, _E]),
    "itss_catalog_crosswalk_count": (c_size_t, [_P]),
    "itss_catalog_crosswalk_at": (_P, [_P, c_size_t]),
    "itss_crosswalk_lookup": (c_int, [_P, c_char_p, POINTER(_P), _E]),
    "itss_crosswalk_id": (c_char_p, [_P]),
    "itss_crosswalk_scheme": (c_char_p, [_P]),
    "itss_crosswalk_name": (c_char_p, [_P, c_int]),
    "itss_crosswalk_map": (c_int, [_P, c_int, c_char_p, POINTER(_P), c_size_t, _N, _E]),
    "itss_class_render": (c_int, [_P, c_int, c_int, _S, _N, _E]),
    "itss_class_list_render": (c_int, [POINTER(_P), c_size_t, c_int, c_int, _S, _N, _E]),
    "itss_catalog_export": (c_int, [_P, c_char_p, c_int, _S, _N, _E]),
    "itss_catalog_render": (c_int, [_P, c_char_p, c_int, c_int, _S, _N, _E]),
    "itss_catalog_tree_render": (c_int, [_P, c_char_p, c_int, c_int, _S, _N, _E]),
    "itss_code_validate_render": (
        c_int, [_P, POINTER(c_char_p), c_size_t, c_int, c_int, _N, _S, _N, _E]),
    "itss_crosswalk_render": (c_int, [_P, c_int, c_char_p, c_int, c_int, _S, _N, _E]),
    # maturity
    "itss_maturity_model_builtin": (_P, []),
    "itss_maturity_model_builtin_lookup": (c_int, [c_char_p, POINTER(_P), _E]),
    "itss_maturity_model_load": (c_int, [c_char_p, c_size_t, POINTER(_P), _E]),
    "itss_maturity_model_load_file": (c_int, [c_char_p, POINTER(_P), _E]),
    "itss_maturity_model_free": (None, [_P]),
    "itss_maturity_model_id": (c_char_p, [_P]),
    "itss_maturity_model_level_count": (c_size_t, [_P]),
    "itss_maturity_model_rule_at_level": (c_int, [_P]),
    "itss_maturity_model_warning_count": (c_size_t, [_P]),
    "itss_maturity_model_warning_message": (c_char_p, [_P, c_size_t]),
    "itss_maturity_model_warning_path": (c_char_p, [_P, c_size_t]),
    "itss_maturity_model_rule_below": (c_int, [_P]),
    "itss_maturity_model_threshold": (ctypes.c_double, [_P, c_int]),
    "itss_maturity_model_domain_count": (c_size_t, [_P]),
    "itss_maturity_model_item_count": (c_size_t, [_P]),
    "itss_maturity_model_clause_count": (c_size_t, [_P]),
    "itss_maturity_model_clause_at": (_P, [_P, c_size_t]),
    "itss_maturity_domain_lookup": (c_int, [_P, c_char_p, POINTER(_P), _E]),
    "itss_maturity_level_lookup": (c_int, [_P, c_char_p, POINTER(_P), _E]),
    "itss_maturity_level_ordinal": (c_int, [_P]),
    "itss_maturity_clause_lookup": (c_int, [_P, c_char_p, POINTER(_P), _E]),
    "itss_maturity_clause_id": (c_char_p, [_P]),
    "itss_maturity_clause_level": (c_int, [_P]),
    "itss_maturity_clause_domain": (_P, [_P]),
    "itss_maturity_domain_id": (c_char_p, [_P]),
    "itss_assessment_load": (c_int, [_P, c_char_p, c_size_t, POINTER(_P), _E]),
    "itss_assessment_load_file": (c_int, [_P, c_char_p, POINTER(_P), _E]),
    "itss_assessment_free": (None, [_P]),
    "itss_assessment_model": (_P, [_P]),
    "itss_assessment_read_file": (c_int, [_P, c_char_p, c_char_p, POINTER(_P), _E]),
    "itss_problem_list_problem_count": (c_size_t, [_P]),
    "itss_problem_list_problem_at": (_E, [_P, c_size_t]),
    "itss_maturity_rate": (c_int, [_P, c_int, POINTER(_P), _E]),
    "itss_maturity_result_free": (None, [_P]),
    "itss_maturity_result_level": (c_int, [_P]),
    "itss_maturity_result_domain_level": (c_int, [_P, _P]),
    "itss_maturity_result_coverage": (ctypes.c_double, [_P, _P, c_int]),
    "itss_maturity_result_recommendation_coverage": (ctypes.c_double, [_P]),
    "itss_maturity_result_clause_status": (c_int, [_P, _P]),
    "itss_maturity_result_target": (c_int, [_P]),
    "itss_maturity_result_gap_count": (c_size_t, [_P]),
    "itss_maturity_result_gap_at": (_P, [_P, c_size_t]),
    "itss_maturity_result_gap_required": (c_int, [_P, c_size_t]),
    "itss_maturity_result_unrated_count": (c_size_t, [_P]),
    "itss_maturity_result_unrated_at": (_P, [_P, c_size_t]),
    "itss_maturity_result_na_count": (c_size_t, [_P]),
    "itss_maturity_result_na_at": (_P, [_P, c_size_t]),
    "itss_maturity_result_na_reason": (c_char_p, [_P, c_size_t]),
    "itss_maturity_result_render": (c_int, [_P, c_int, c_int, _S, _N, _E]),
    "itss_maturity_rate_json": (
        c_int, [_P, c_char_p, c_size_t, c_int, c_int, c_int, _S, _N, _E]),
    "itss_maturity_compare": (c_int, [POINTER(_P), POINTER(c_char_p), c_size_t, POINTER(_P), _E]),
    "itss_maturity_comparison_free": (None, [_P]),
    "itss_maturity_comparison_render": (c_int, [_P, c_int, c_int, _S, _N, _E]),
    "itss_maturity_model_export": (c_int, [_P, c_int, _S, _N, _E]),
    "itss_maturity_model_render": (c_int, [_P, c_int, c_int, _S, _N, _E]),
    "itss_maturity_clauses_render": (
        c_int, [_P, c_int, c_char_p, c_int, c_int, c_int, _S, _N, _E]),
    # quality
    "itss_quality_model_builtin": (_P, []),
    "itss_quality_model_render": (c_int, [_P, c_int, c_int, _S, _N, _E]),
    "itss_indicator_catalog_builtin": (_P, []),
    "itss_indicator_catalog_load": (c_int, [c_char_p, c_size_t, POINTER(_P), _E]),
    "itss_indicator_catalog_load_file": (c_int, [c_char_p, POINTER(_P), _E]),
    "itss_indicator_catalog_extend": (c_int, [_P, c_char_p, c_size_t, POINTER(_P), _E]),
    "itss_indicator_catalog_extend_file": (c_int, [_P, c_char_p, POINTER(_P), _E]),
    "itss_indicator_catalog_free": (None, [_P]),
    "itss_indicator_catalog_indicator_count": (c_size_t, [_P]),
    "itss_indicator_catalog_indicator_at": (_P, [_P, c_size_t]),
    "itss_indicator_id": (c_char_p, [_P]),
    "itss_indicator_catalog_export": (c_int, [_P, c_char_p, c_int, _S, _N, _E]),
    "itss_indicator_catalog_render": (c_int, [_P, c_char_p, c_int, c_int, _S, _N, _E]),
    "itss_quality_scheme_render": (c_int, [_P, c_char_p, c_int, c_int, _S, _N, _E]),
    "itss_evaluation_load": (c_int, [_P, c_char_p, c_size_t, POINTER(_P), _E]),
    "itss_evaluation_load_file": (c_int, [_P, c_char_p, POINTER(_P), _E]),
    "itss_evaluation_free": (None, [_P]),
    "itss_evaluation_export": (c_int, [_P, c_int, _S, _N, _E]),
    "itss_evaluation_read_file": (c_int, [_P, c_char_p, c_char_p, POINTER(_P), _E]),
    "itss_quality_score": (c_int, [_P, POINTER(_P), _E]),
    "itss_quality_result_free": (None, [_P]),
    "itss_quality_result_render": (c_int, [_P, c_int, c_int, _S, _N, _E]),
    "itss_quality_score_json": (
        c_int, [_P, c_char_p, c_size_t, c_int, c_int, _S, _N, _E]),
    "itss_quality_compare_render": (c_int, [POINTER(_P), c_size_t, c_int, c_int, _S, _N, _E]),
    "itss_quality_compare_labeled_render": (
        c_int, [POINTER(_P), POINTER(c_char_p), c_size_t, c_int, c_int, _S, _N, _E]),
    "itss_ahp_json": (c_int, [c_char_p, c_size_t, c_int, c_int, c_int, _S, _N, _E]),
    # standards registry
    "itss_registry_builtin": (_P, []),
    "itss_standard_lookup": (c_int, [_P, c_char_p, POINTER(_P), _E]),
    "itss_standard_list": (
        c_int, [_P, c_char_p, c_char_p, c_char_p, POINTER(_P), c_size_t, _N, _E]),
    "itss_standard_search": (c_int, [_P, c_char_p, POINTER(_P), c_size_t, _N, _E]),
    "itss_standard_render": (c_int, [_P, c_int, c_int, _S, _N, _E]),
    "itss_standard_list_render": (c_int, [POINTER(_P), c_size_t, c_int, c_int, _S, _N, _E]),
    "itss_registry_framework_render": (c_int, [_P, c_int, c_int, _S, _N, _E]),
}


def _declare(lib: ctypes.CDLL) -> None:
    for name, (restype, argtypes) in _PROTOTYPES.items():
        try:
            fn = getattr(lib, name)
        except AttributeError:
            raise errors.LibraryVersionError(
                "%s lacks %s: it is not a complete libitss %d.%d" % (lib._name, name, *REQUIRED)
            ) from None
        fn.restype = restype
        fn.argtypes = argtypes


lib = _load()

# ---------------------------------------------------------------------------
# errors


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def raise_error(rc: int, err: _Error) -> None:
    """Raise the exception of a failed call (rc < 0)."""
    name = lib.itss_strerror_name(rc)
    raise errors.from_record(
        code=rc,
        name=_text(name) if name else "",
        message=_text(err.message) or "libitss error %d" % rc,
        path=_text(err.path),
        line=int(err.line),
        column=int(err.column),
        position=int(err.position),
    )


def fail(code: int, message: str, path: str = "") -> errors.ItssError:
    """An exception of the library's kind for a failure noticed before the
    library is called (an argument Python cannot pass, a file it cannot
    read); path is the JSON Pointer of the offending value of a document."""
    name = lib.itss_strerror_name(code)
    return errors.from_record(code=code, name=_text(name) if name else "", message=message,
                              path=path)


def call(fn, *args) -> None:
    """Call a libitss function whose last argument is an itss_error *;
    raise on failure."""
    err = _Error()
    rc = fn(*args, byref(err))
    if rc != 0:
        raise_error(rc, err)


def render(fn, *args) -> str:
    """Call a function of the form f(..., char **out, size_t *len,
    itss_error *err) and return the string it made, released with
    itss_free whatever happens."""
    return render_bytes(fn, *args).decode("utf-8")


def render_bytes(fn, *args) -> bytes:
    """As render, but the bytes as made (an XLSX workbook holds NUL
    bytes)."""
    out = c_void_p()
    n = c_size_t()
    err = _Error()
    rc = fn(*args, byref(out), byref(n), byref(err))
    try:
        if rc != 0:
            raise_error(rc, err)
        return ctypes.string_at(out, n.value)
    finally:
        lib.itss_free(out)


def _record(e) -> dict:
    """The fields of an itss_error record as keyword arguments."""
    name = lib.itss_strerror_name(e.code)
    return dict(code=int(e.code), name=_text(name) if name else "", message=_text(e.message),
                path=_text(e.path), line=int(e.line), column=int(e.column),
                position=int(e.position))


class Problems(list):
    """The problems of a document (:class:`itss.Problem`), in the order of
    the document; at most 1,000 are kept, ``total`` counts every one
    found."""

    total: int = 0


def problems(fn, *args) -> Problems:
    """Call a check function f(..., itss_problem_list **out, itss_error *err)
    and return its problems, the list released with itss_problem_list_free
    whatever happens."""
    out = c_void_p()
    call(fn, *args, byref(out))
    try:
        found = Problems(errors.Problem(**_record(lib.itss_problem_list_problem_at(out, i).contents))
                         for i in range(lib.itss_problem_list_problem_count(out)))
        found.total = int(lib.itss_problem_list_total(out))
        return found
    finally:
        lib.itss_problem_list_free(out)


#: The formats of an input document by name (itss_format of itss/common.h).
INPUT_FORMATS = {"json": FORMAT_JSON, "csv": FORMAT_CSV, "xlsx": FORMAT_XLSX}


def input_format(name: Optional[str]) -> Optional[int]:
    """An input document's format by name: None (detected), "json", "csv"
    or "xlsx"; another name raises ArgumentError."""
    if name is None:
        return None
    if not isinstance(name, str):
        raise TypeError("format must be a str, not %s" % type(name).__name__)
    try:
        return INPUT_FORMATS[name]
    except KeyError:
        raise fail(-1, "format must be 'json', 'csv' or 'xlsx', not %r" % (name,)) from None


def sheet_format(name: str) -> int:
    """The format of a worksheet to write: "xlsx" or "csv"."""
    if name not in ("xlsx", "csv"):
        raise fail(-1, "format must be 'xlsx' or 'csv', not %r" % (name,))
    return INPUT_FORMATS[name]


def is_json_path(path: bytes) -> bool:
    """Whether a path names a JSON document by its suffix (.json, any
    case): such a file is read as JSON whatever it holds, so that a broken
    one gets JSON's errors."""
    return path.lower().endswith(b".json")


def _source(doc: Document, what: str, fmt: Optional[str], encoding: Optional[str]):
    """(format or None for "detect", C encoding, text, path) of a
    document: dict, list and JSON text are JSON unless fmt says else."""
    f = input_format(fmt)
    enc = cstr(encoding, "encoding")
    text, path = document(doc, what)
    if f is None and (isinstance(doc, (dict, list)) or (isinstance(doc, str) and text is not None)):
        f = FORMAT_JSON
    return f, enc, text, path


def _detected(text: bytes, f: Optional[int]) -> int:
    return lib.itss_format_detect(text, len(text)) if f is None else f


def read_source(doc: Document, what: str, fmt: Optional[str], encoding: Optional[str],
                from_text, from_file, before: tuple = ()) -> int:
    """Build an assessment or evaluation with a pair of readers of the forms
    f(*before, data, len, format, encoding, &out, &err) and
    f(*before, path, encoding, &out, &err); returns the owned pointer.

    dict, list and JSON text are JSON. Other bytes are in fmt, or in the
    format the library detects from their content (itss_format_detect). A
    path is read by the library, its format detected from its content; with
    fmt given, the file is read here and handed over in that format."""
    f, enc, text, path = _source(doc, what, fmt, encoding)
    out = c_void_p()
    if text is None and f is None:
        call_file(path, from_file, *before, path, enc, byref(out))
        return out.value
    if text is None:
        text = read_path(path)
    call(from_text, *before, text, len(text), _detected(text, f), enc, byref(out))
    return out.value


def check_source(doc: Document, what: str, fmt: Optional[str], encoding: Optional[str],
                 check, before: tuple = ()) -> Problems:
    """Every problem of a document (see :func:`read_source` for how its
    format is found) with a check function
    f(*before, data, len, format, encoding, &list, &err)."""
    f, enc, text, path = _source(doc, what, fmt, encoding)
    if text is None:
        text = read_path(path)
    return problems(check, *before, text, len(text), _detected(text, f), enc)


def open_source(doc: Document, what: str, encoding: Optional[str], readers: tuple,
                loaders: tuple, before: tuple = ()) -> int:
    """The owned pointer of a document given to a rating or scoring
    function: a dict, JSON text, bytes or a ``.json`` path loaded as JSON
    (loaders: the text and file loaders of :func:`load_handle`); another
    path read as a worksheet or JSON, its format detected from its content
    (readers: those of :func:`read_source`)."""
    text, path = document(doc, what)
    if text is None and (encoding is not None or not is_json_path(path)):
        return read_source(doc, what, None, encoding, *readers, before=before)
    if encoding is not None:
        raise fail(-1, "an encoding is only for a CSV file")
    return load_handle(doc, what, *loaders, before=before)


def _error_record(e: errors.ItssError) -> _Error:
    """The itss_error record of an exception."""
    rec = _Error()
    rec.code = e.code
    rec.message = e.message.encode("utf-8")[:319]
    rec.path = e.path.encode("utf-8")[:255]
    rec.line, rec.column, rec.position = e.line, e.column, e.position
    return rec


def error_render(e: errors.ItssError, input_line: int, fmt: int) -> str:
    """The library's own one-line description of an error (for batches)."""
    return render(lib.itss_error_render, byref(_error_record(e)),
                  integer(input_line, "input line", 0, SIZE_MAX), fmt)


def error_message(e: errors.ItssError, lang_value: int) -> str:
    """The message of an error in a language (itss_error_message). A
    message longer than the record holds was not written by the library:
    it comes back as it is."""
    if len(e.message.encode("utf-8")) > 319:
        return e.message
    return render(lib.itss_error_message, byref(_error_record(e)), lang_value)


def call_file(path: bytes, fn, *args) -> None:
    """:func:`call` for a function that reads the file at path: a
    FileError names the whole path as its ``filename`` (the library's
    message may shorten it)."""
    try:
        call(fn, *args)
    except errors.FileError as exc:
        exc.filename = os.fsdecode(path)
        raise


def string(raw: Optional[bytes]) -> Optional[str]:
    """A borrowed C string as str (None stays None)."""
    return None if raw is None else _text(raw)


def lang(tag: str) -> int:
    """A language tag ("zh" or "en", as itss_lang_parse reads it) as the
    library's itss_lang; another tag raises InvalidValueError."""
    out = c_int()
    call(lib.itss_lang_parse, cstr(tag, "language"), byref(out))
    return out.value


def fmt(name: str) -> int:
    """'json' (pretty), 'compact' (one line) or 'text'."""
    table = {"json": FORMAT_JSON_PRETTY, "compact": FORMAT_JSON, "text": FORMAT_TEXT}
    try:
        return table[name]
    except KeyError:
        raise fail(-1, "format must be 'json', 'compact' or 'text', not %r" % (name,)) from None


def report_fmt(name: str, names: tuple = ("text", "html", "svg")) -> int:
    """A report's format by name: 'text', 'html' (a self-contained page)
    'svg' (a chart) or 'csv' (a flat table), among those of names."""
    table = {"text": FORMAT_TEXT, "html": FORMAT_HTML, "svg": FORMAT_SVG, "csv": FORMAT_CSV}
    if name not in names:
        shown = ["'%s'" % n for n in names]
        raise fail(-1, "format must be %s or %s, not %r"
                   % (", ".join(shown[:-1]), shown[-1], name))
    return table[name]


def cstr(value: Optional[str], what: str) -> Optional[bytes]:
    """A str argument as UTF-8 bytes for C; None stays NULL. A str with
    U+0000 raises ArgumentError: C would read only the part before it."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("%s must be a str, not %s" % (what, type(value).__name__))
    if "\0" in value:
        raise fail(-1, "%s %r contains an embedded null byte" % (what, value))
    return value.encode("utf-8", "surrogateescape")


def integer(value, what: str, low: int, high: int, note: str = "") -> int:
    """An integer argument for C, checked against the range low..high that
    its documentation gives (a range the C type holds), so that no value
    reaches the library truncated.

    int and objects with ``__index__`` are accepted; bool, float, str and
    other types raise TypeError. A value outside low..high raises
    ArgumentError (ITSS_EINVAL, a ValueError) naming it and the range;
    note, e.g. " (0 = all levels)", is added to the message."""
    if isinstance(value, bool):
        raise TypeError("%s must be an int, not bool" % what)
    try:
        n = operator.index(value)
    except TypeError:
        raise TypeError("%s must be an int, not %s" % (what, type(value).__name__)) from None
    if not low <= n <= high:
        raise fail(-1, "%s %d is outside %d..%d%s" % (what, n, low, high, note))
    return n


# ---------------------------------------------------------------------------
# documents


def document(doc: Document, what: str) -> Tuple[Optional[bytes], Optional[bytes]]:
    """Split an input into (JSON text, None) or (None, file path).

    dict and list: serialised compactly (``separators=(",", ":")``, UTF-8),
    so error locations refer to that serialisation; one nested deeper than
    the library reads (MAX_NESTING) raises LimitError at the first value
    too deep. bytes: JSON text as is. os.PathLike: a path. str: JSON text
    when its first non-blank character is ``{`` or ``[``, otherwise a path.
    A path with a NUL byte raises ArgumentError.
    """
    if isinstance(doc, (dict, list)):
        return _json_text(doc, what).encode("utf-8", "surrogatepass"), None
    if isinstance(doc, (bytes, bytearray)):
        return bytes(doc), None
    if isinstance(doc, os.PathLike):
        return None, _path(doc, what)
    if isinstance(doc, str):
        if doc.lstrip()[:1] in ("{", "["):
            return doc.encode("utf-8", "surrogatepass"), None
        return None, _path(doc, what)
    raise TypeError("the %s must be a dict, a JSON string, bytes or a path, not %s"
                    % (what, type(doc).__name__))


def _path(doc: Union[str, "os.PathLike[str]"], what: str) -> bytes:
    """A path for C (a NUL would end it early: ArgumentError)."""
    path = os.fsencode(doc)
    if b"\0" in path:
        raise fail(-1, "the %s path %r contains an embedded null byte"
                   % (what, os.fsdecode(path)))
    return path


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _json_text(doc, what: str) -> str:
    """The compact JSON text of a dict or list. Python's encoder recurses
    and gives up around its recursion limit (1,000 levels); a deeper
    document is written again without recursion, which also refuses one
    deeper than the library reads."""
    try:
        try:
            return _dumps(doc)
        except RecursionError:
            return _json_text_deep(doc, what)
    except errors.ItssError:  # LimitError of a document too deep
        raise
    except (TypeError, ValueError) as exc:
        raise fail(-1, "the %s cannot be written as JSON: %s" % (what, exc)) from None


_END = object()


def _json_text_deep(doc, what: str) -> str:
    """The text json.dumps gives for doc (see _dumps), written with a stack
    instead of recursion: containers are dict, list and tuple as for
    json.dumps, every other value and every key is written by json.dumps
    itself. Raises LimitError, located, at a value beyond MAX_NESTING,
    ValueError for a container that contains itself, and what json.dumps
    raises for a value it cannot write."""
    parts = []
    # one frame per open container: [container, is_object, items, count, key]
    frames: list = []
    open_ids = set()
    value = doc
    while True:
        if isinstance(value, (dict, list, tuple)):
            if id(value) in open_ids:
                raise ValueError("Circular reference detected")
            is_object = isinstance(value, dict)
            parts.append("{" if is_object else "[")
            items = iter(value.items()) if is_object else iter(enumerate(value))
            frames.append([value, is_object, items, 0, None])
            open_ids.add(id(value))
        else:
            parts.append(_dumps(value))
        while frames:  # the next value, or the end of the document
            frame = frames[-1]
            container, is_object, items, count, _ = frame
            item = next(items, _END)
            if item is _END:
                parts.append("}" if is_object else "]")
                open_ids.discard(id(container))
                frames.pop()
                continue
            key, value = item
            if count:
                parts.append(",")
            frame[3] = count + 1
            if is_object:
                key = _dumps({key: None})[1:-6]  # '{KEY:null}': the key as json.dumps writes it
                parts.append(key + ":")
                frame[4] = json.loads(key)
            else:
                frame[4] = str(key)
            if len(frames) + 1 > MAX_NESTING:  # the value is on level len(frames) + 1
                pointer = "".join("/" + f[4].replace("~", "~0").replace("/", "~1")
                                  for f in frames)
                raise fail(-10, "the %s is nested too deeply (the limit is %d levels)"
                           % (what, MAX_NESTING), pointer)
            break
        else:
            return "".join(parts)


def read_path(path: bytes) -> bytes:
    """Read a file for the functions that take only text; a failure is the
    library's kind of error (ITSS_EIO)."""
    try:
        with open(path, "rb") as f:
            return f.read(MAX_DOCUMENT_SIZE + 1)
    except OSError as exc:
        raise file_error(path, exc) from None


def file_error(path: bytes, exc: OSError) -> errors.ItssError:
    """The FileError of a file Python could not read, with the errno,
    strerror and filename of the OSError."""
    failure = fail(-9, "cannot read %s: %s" % (os.fsdecode(path), exc.strerror or exc))
    failure.errno, failure.strerror = exc.errno, exc.strerror  # type: ignore[attr-defined]
    failure.filename = os.fsdecode(path)  # type: ignore[attr-defined]
    return failure


def pointers(seq: Sequence[int]):
    """A C array of opaque pointers."""
    return (c_void_p * max(len(seq), 1))(*seq)


def version_string() -> str:
    return _text(lib.itss_version_string())


__all__ = ["lib", "call", "render", "document", "check_version", "version_string"]


class Handle:
    """A libitss object owned by Python (or a borrowed built-in one).

    Owned objects are released with their ``_free`` function by
    :meth:`close`, by leaving a ``with`` block, or, as a safety net, when
    the Python object is collected. Built-in objects are never released.
    """

    _free_name = ""

    def __init__(self, ptr: int, owned: bool) -> None:
        self._handle: Optional[int] = ptr
        self._owned = owned

    @property
    def _ptr(self) -> int:
        if self._handle is None:
            raise ValueError("%s is closed" % type(self).__name__)
        return self._handle

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has released the object."""
        return self._handle is None

    def close(self) -> None:
        """Release the library object now (idempotent). A built-in object
        stays usable: closing it does nothing."""
        if not self._owned:
            return
        ptr, self._handle = self._handle, None
        if ptr is not None:
            getattr(lib, self._free_name)(ptr)

    def _describe(self) -> str:
        """The key fields that repr shows of an open object."""
        return "built-in" if not self._owned else "loaded"

    def __repr__(self) -> str:
        return "%s(%s)" % (type(self).__name__, "closed" if self.closed else self._describe())

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone
            pass

    def __reduce__(self):
        # the address of library memory means nothing in another process
        raise TypeError("%s cannot be pickled" % type(self).__name__)


def reduce_handle(obj: Handle, builtin_fn, export):
    """``__reduce__`` of a loadable object: a built-in one unpickles as the
    built-in object of the receiving process (builtin_fn, no arguments), a
    loaded one as the object its class's ``load`` makes of ``export()``.
    A closed object raises ValueError."""
    obj._ptr  # noqa: B018  (raises ValueError when closed)
    if not obj._owned:
        return builtin_fn, ()
    return type(obj).load, (export(),)


_BUILTINS: dict = {}


def builtin(cls, getter):
    """The wrapper of a built-in object of the library (catalog, model,
    indicators), made on first use; getter is f(void) and returns it."""
    handle = _BUILTINS.get(cls)
    if handle is None:
        handle = _BUILTINS.setdefault(cls, cls(getter(), owned=False))
    return handle


def load_handle(doc: Document, what: str, from_text, from_file, before: tuple = (),
                after: tuple = ()) -> int:
    """Build a library object from a document with a pair of loaders of
    the forms f(*before, text, len, *after, &out, &err) and
    f(*before, path, *after, &out, &err); returns the owned pointer."""
    text, path = document(doc, what)
    out = c_void_p()
    if text is not None:
        call(from_text, *before, text, len(text), *after, byref(out))
    else:
        call_file(path, from_file, *before, path, *after, byref(out))
    return out.value
