"""GB/T 29264-2012 classification of IT services.

The module-level functions use the catalog built into libitss; a
:class:`Catalog` loaded from a document offers the same methods.

>>> from itss import classification
>>> c = classification.lookup("040201")
>>> c.name_zh, c.level, c.parent
('网络运维服务', 3, '0402')
"""

from __future__ import annotations

import json
from ctypes import byref, c_char_p, c_int, c_size_t, c_void_p
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from . import _lib
from ._lib import lib

__all__ = [
    "Class", "Validation", "Crosswalk", "Mapping", "Catalog", "builtin", "lookup", "validate",
    "is_valid", "search", "top", "children", "ancestors", "descendants", "tree", "export",
    "crosswalks", "map",
]


@dataclass(frozen=True)
class Class:
    """One class of the catalog. Plain data: it does not refer to the
    library and outlives any catalog it came from.

    ``parent`` is None at level 1; ``includes`` and ``excludes`` are
    ``{"zh": ..., "en": ...}`` or None when the standard says nothing.
    """

    code: str
    level: int
    parent: Optional[str]
    name_zh: str
    name_en: str
    description_zh: str = field(repr=False)
    description_en: str = field(repr=False)
    catch_all: bool
    source: str = field(repr=False)
    includes: Optional[Dict[str, str]] = field(default=None, repr=False)
    excludes: Optional[Dict[str, str]] = field(default=None, repr=False)
    _raw: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def _from_json(cls, obj: dict) -> "Class":
        return cls(
            code=obj["code"], level=obj["level"], parent=obj["parent"],
            name_zh=obj["name"]["zh"], name_en=obj["name"]["en"],
            description_zh=obj["description"]["zh"], description_en=obj["description"]["en"],
            catch_all=obj["catch_all"], source=obj["source"],
            includes=obj.get("includes"), excludes=obj.get("excludes"), _raw=obj)

    def to_dict(self) -> dict:
        """The class as the library's JSON object (docs/schema/class.schema.json)."""
        return json.loads(json.dumps(self._raw))


@dataclass(frozen=True)
class Validation:
    """The verdict on a code: ``problem`` is "ok", "empty", "not_digits",
    "bad_length", "unknown_parent" or "unknown_code"; ``message`` says what
    is wrong and ``error`` is the status :meth:`Catalog.lookup` would
    raise ("ITSS_EVALUE" or "ITSS_ENOTFOUND"), both None when valid;
    ``cls`` is the class when valid."""

    input: str
    valid: bool
    problem: str
    message: Optional[str] = None
    error: Optional[str] = None
    cls: Optional[Class] = None


@dataclass(frozen=True)
class Crosswalk:
    """An informative mapping from GB/T 29264 to another scheme."""

    id: str
    scheme: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class Mapping:
    """One mapping of a crosswalk. ``relation`` says how the GB/T 29264
    class relates to the target: "exact", "narrower", "broader" or
    "related"; ``note`` (``{"zh", "en"}`` or None) says why."""

    class_code: str
    class_name: Dict[str, str]
    target_code: str
    target_name: Dict[str, str]
    relation: str
    note: Optional[Dict[str, str]] = None


def _classes(ptrs: List[int]) -> List[Class]:
    """Class objects for borrowed class pointers (one render call)."""
    if not ptrs:
        return []
    text = _lib.render(lib.itss_class_list_render, _lib.pointers(ptrs), len(ptrs),
                       _lib.FORMAT_JSON, 0)
    return [Class._from_json(o) for o in json.loads(text)]


class Catalog(_lib.Handle):
    """A GB/T 29264 catalog: the built-in one (:func:`builtin`) or one
    loaded with :meth:`load`. A loaded catalog owns library memory: use it
    in a ``with`` block or call :meth:`close` (the garbage collector frees
    it otherwise). Results (classes, mappings) are plain Python data that
    stay valid after the catalog is closed. A catalog is immutable and may
    be used from several threads at once."""

    _free_name = "itss_catalog_free"

    @classmethod
    def load(cls, doc: _lib.Document) -> "Catalog":
        """Load a catalog (docs/json-formats.md) from a dict, a JSON string,
        bytes or a path. Raises an :class:`itss.ItssError` subclass that
        locates the first problem."""
        ptr = _lib.load_handle(doc, "catalog", lib.itss_catalog_load, lib.itss_catalog_load_file)
        return cls(ptr, owned=True)

    def __reduce__(self):
        """Pickling (for processes and clusters): the built-in catalog by
        name, a loaded one as its exported document."""
        return _lib.reduce_handle(self, builtin, self.export)

    @property
    def edition(self) -> str:
        """The edition, e.g. "GB/T 29264-2012"."""
        return _lib.string(lib.itss_catalog_edition(self._ptr)) or ""

    def __len__(self) -> int:
        return lib.itss_catalog_class_count(self._ptr)

    def _describe(self) -> str:
        return "edition=%r, classes=%d, %s" % (self.edition, len(self), super()._describe())

    def _class_ptr(self, code: str) -> int:
        out = c_void_p()
        _lib.call(lib.itss_class_lookup, self._ptr, _lib.cstr(code, "code"), byref(out))
        return out.value

    def classes(self) -> List[Class]:
        """Every class in code order."""
        p = self._ptr
        return _classes([lib.itss_catalog_class_at(p, i) for i in range(len(self))])

    def lookup(self, code: str) -> Class:
        """The class with exactly this code. Raises NotFoundError for a
        well-formed code that does not exist (the message names it and
        lists its siblings) and InvalidValueError for a code that cannot
        exist (empty, not digits, wrong length)."""
        text = _lib.render(lib.itss_class_render, self._class_ptr(code), _lib.FORMAT_JSON, 0)
        return Class._from_json(json.loads(text))

    def validate(self, code: str) -> Validation:
        """Check a code without raising for an invalid one."""
        codes = (c_char_p * 1)(_lib.cstr(code, "code"))
        invalid = c_size_t()
        text = _lib.render(lib.itss_code_validate_render, self._ptr, codes, 1, _lib.FORMAT_JSON,
                           0, byref(invalid))
        v = json.loads(text)[0]
        cls = Class._from_json(v["class"]) if "class" in v else None
        rc = lib.itss_code_validate(self._ptr, codes[0], None, None)
        name = _lib.string(lib.itss_strerror_name(rc)) if rc else None
        return Validation(input=v["input"], valid=v["valid"], problem=v["problem"],
                          message=v.get("message"), error=name, cls=cls)

    def is_valid(self, code: str) -> bool:
        """True when the code names a class of the catalog."""
        problem = c_int()
        rc = lib.itss_code_validate(self._ptr, _lib.cstr(code, "code"), byref(problem), None)
        return rc == 0

    def search(self, text: str) -> List[Class]:
        """Classes whose Chinese or English name contains text (ASCII
        letters case-insensitively), exact matches first, then prefixes,
        then other matches. Raises InvalidValueError for blank text."""
        needle = _lib.cstr(text, "text")
        n = c_size_t()
        _lib.call(lib.itss_class_search, self._ptr, needle, None, 0, byref(n))
        buf = (c_void_p * max(n.value, 1))()
        _lib.call(lib.itss_class_search, self._ptr, needle, buf, n.value, byref(n))
        return _classes(list(buf[: n.value]))

    def top(self) -> List[Class]:
        """The level-1 classes."""
        p = self._ptr
        return _classes([lib.itss_catalog_top_at(p, i) for i in range(lib.itss_catalog_top_count(p))])

    def children(self, code: str) -> List[Class]:
        """The direct children of a class, in code order."""
        c = self._class_ptr(code)
        return _classes([lib.itss_class_child_at(c, i) for i in range(lib.itss_class_child_count(c))])

    def _listed(self, fn, code: str) -> List[Class]:
        c = self._class_ptr(code)
        n = fn(c, None, 0)
        buf = (c_void_p * max(n, 1))()
        fn(c, buf, n)
        return _classes(list(buf[:n]))

    def ancestors(self, code: str) -> List[Class]:
        """The ancestors of a class, from level 1 down to its parent."""
        return self._listed(lib.itss_class_ancestors, code)

    def descendants(self, code: str) -> List[Class]:
        """Every class below a class, in code order."""
        return self._listed(lib.itss_class_descendants, code)

    def tree(self, code: Optional[str] = None) -> dict:
        """The class tree (whole, or under code) as the library's JSON:
        ``{"edition", "tree": [{"code", "level", "name", "catch_all",
        "children": [...]}]}``."""
        return json.loads(_lib.render(lib.itss_catalog_tree_render, self._ptr,
                                      _lib.cstr(code, "code"), _lib.FORMAT_JSON, 0))

    def export(self, code: Optional[str] = None) -> dict:
        """The catalog (or the subtree under code) as a document that
        :meth:`load` reads back."""
        return json.loads(_lib.render(lib.itss_catalog_export, self._ptr,
                                      _lib.cstr(code, "code"), _lib.FORMAT_JSON))

    def crosswalks(self) -> List[Crosswalk]:
        """The crosswalks the catalog carries."""
        p = self._ptr
        out = []
        for i in range(lib.itss_catalog_crosswalk_count(p)):
            x = lib.itss_catalog_crosswalk_at(p, i)
            out.append(Crosswalk(
                id=_lib.string(lib.itss_crosswalk_id(x)) or "",
                scheme=_lib.string(lib.itss_crosswalk_scheme(x)) or "",
                name_zh=_lib.string(lib.itss_crosswalk_name(x, 0)) or "",
                name_en=_lib.string(lib.itss_crosswalk_name(x, 1)) or ""))
        return out

    def map(self, crosswalk: str, code: str, reverse: bool = False) -> List[Mapping]:
        """The mappings of a GB/T 29264 code to the crosswalk's scheme, or
        (reverse=True) of a code of that scheme back to GB/T 29264. A valid
        code without mappings gives []. Raises NotFoundError for an unknown
        crosswalk or code."""
        x = c_void_p()
        _lib.call(lib.itss_crosswalk_lookup, self._ptr, _lib.cstr(crosswalk, "crosswalk"),
                  byref(x))
        direction = _lib.REVERSE if reverse else _lib.FORWARD
        doc = json.loads(_lib.render(lib.itss_crosswalk_render, x, direction,
                                     _lib.cstr(code, "code"), _lib.FORMAT_JSON, 0))
        return [Mapping(class_code=m["class"]["code"], class_name=m["class"]["name"],
                        target_code=m["target"]["code"], target_name=m["target"]["name"],
                        relation=m["relation"], note=m.get("note"))
                for m in doc["mappings"]]


def builtin() -> Catalog:
    """The GB/T 29264-2012 catalog built into the library (borrowed,
    immutable, never released)."""
    return _lib.builtin(Catalog, lib.itss_catalog_builtin)


def lookup(code: str) -> Class:
    """The built-in class with this code (see :meth:`Catalog.lookup`)."""
    return builtin().lookup(code)


def validate(code: str) -> Validation:
    """Check a code against the built-in catalog."""
    return builtin().validate(code)


def is_valid(code: str) -> bool:
    """True when the code names a built-in class."""
    return builtin().is_valid(code)


def search(text: str) -> List[Class]:
    """Search the built-in class names (see :meth:`Catalog.search`)."""
    return builtin().search(text)


def top() -> List[Class]:
    """The level-1 classes of the built-in catalog."""
    return builtin().top()


def children(code: str) -> List[Class]:
    """The direct children of a built-in class."""
    return builtin().children(code)


def ancestors(code: str) -> List[Class]:
    """The ancestors of a built-in class, top first."""
    return builtin().ancestors(code)


def descendants(code: str) -> List[Class]:
    """Every built-in class below a class."""
    return builtin().descendants(code)


def tree(code: Optional[str] = None) -> dict:
    """The built-in class tree (see :meth:`Catalog.tree`)."""
    return builtin().tree(code)


def export(code: Optional[str] = None) -> dict:
    """The built-in catalog in the load format."""
    return builtin().export(code)


def crosswalks() -> List[Crosswalk]:
    """The crosswalks of the built-in catalog ("gbt4754", "db21")."""
    return builtin().crosswalks()


def map(crosswalk: str, code: str, reverse: bool = False) -> List[Mapping]:  # noqa: A001
    """Map a code through a crosswalk of the built-in catalog."""
    return builtin().map(crosswalk, code, reverse)
