"""The ITSS standards registry: every standard of the ITSS standards
system report 5.0 (tables 附B-1 to 附B-4), its status as of the report,
its place in the ITSS 5.0 framework and the part of libitss that
implements it (docs/standards.md).

>>> from itss import standards
>>> s = standards.show("gbt 33850 2017")
>>> s.number, s.status, s.area, s.implemented_by
('GB/T 33850-2017', 'published', 'general', 'quality')
"""

from __future__ import annotations

import builtins
import json
from ctypes import byref, c_size_t, c_void_p
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from . import _lib
from ._lib import lib

__all__ = ["Standard", "StandardRef", "Area", "Category", "Framework", "show", "list",
           "search", "framework"]


@dataclass(frozen=True)
class Standard:
    """One standard or plan. Plain data. ``number`` is None for a plan
    without one (find it by ``"B-1/56"``); ``table`` and ``row`` are None
    and 0 for an edition the report does not list; ``area`` and
    ``category`` are None when the report places it in no area (``note``
    says why). ``type``: "national", "industry", "group" or
    "international"; ``status``: "published", "approval", "comment",
    "review", "draft", "proposed", "developing" or "cancelled", with
    ``stage`` and ``role`` as printed for international standards.
    ``implemented_by``: "classification", "quality", "maturity" or None."""

    number: Optional[str]
    table: Optional[str]
    row: int
    type: str
    status: str
    title_zh: str
    title_en: str
    status_zh: str
    status_en: str
    category: Optional[str]
    area: Optional[str]
    summary_zh: str
    summary_en: str
    source: str
    implemented_by: Optional[str] = None
    replaces: Optional[str] = None
    replaced_by: Optional[str] = None
    stage: Optional[str] = None
    role: Optional[str] = None
    note: Optional[Dict[str, str]] = None
    _raw: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def _from_json(cls, o: dict) -> "Standard":
        return cls(
            number=o["number"], table=o["table"], row=o["row"], type=o["type"],
            status=o["status"], title_zh=o["title"]["zh"], title_en=o["title"]["en"],
            status_zh=o["status_label"]["zh"], status_en=o["status_label"]["en"],
            category=o["category"], area=o["area"], summary_zh=o["summary"]["zh"],
            summary_en=o["summary"]["en"], source=o["source"],
            implemented_by=o["implemented_by"], replaces=o["replaces"],
            replaced_by=o["replaced_by"], stage=o.get("stage"), role=o.get("role"),
            note=o.get("note"), _raw=o)

    def to_dict(self) -> dict:
        """The standard as the library's JSON object
        (docs/schema/standard.schema.json)."""
        return json.loads(json.dumps(self._raw))


@dataclass(frozen=True)
class StandardRef:
    """A standard as the framework tree names it."""

    number: Optional[str]
    table: Optional[str]
    row: int
    title_zh: str
    title_en: str
    status: str

    @classmethod
    def _from_json(cls, o: dict) -> "StandardRef":
        return cls(number=o["number"], table=o["table"], row=o["row"],
                   title_zh=o["title"]["zh"], title_en=o["title"]["en"], status=o["status"])


@dataclass(frozen=True)
class Area:
    """An area of the framework with its standards in table order."""

    id: str
    name_zh: str
    name_en: str
    source: str
    standards: List[StandardRef]


@dataclass(frozen=True)
class Category:
    """A category of the ITSS 5.0 framework."""

    id: str
    name_zh: str
    name_en: str
    source: str
    areas: List[Area]


@dataclass(frozen=True)
class Framework:
    """The framework tree, and the standards the report places in no area."""

    categories: List[Category]
    unplaced: List[StandardRef]


def _registry() -> int:
    return lib.itss_registry_builtin()


def _standards(ptrs: builtins.list) -> List[Standard]:
    if not ptrs:
        return []
    text = _lib.render(lib.itss_standard_list_render, _lib.pointers(ptrs), len(ptrs),
                       _lib.FORMAT_JSON, 0)
    return [Standard._from_json(o) for o in json.loads(text)]


def show(number: str) -> Standard:
    """The standard with this number (matched leniently: "GB/T 29264-2012",
    "gbt 29264 2012", full-width characters), or a plan by table and row
    ("B-1/56"). Raises NotFoundError for an unknown number and
    InvalidValueError for text with no letter or digit."""
    out = c_void_p()
    _lib.call(lib.itss_standard_lookup, _registry(), _lib.cstr(number, "number"), byref(out))
    return Standard._from_json(json.loads(
        _lib.render(lib.itss_standard_render, out.value, _lib.FORMAT_JSON, 0)))


def list(type: Optional[str] = None, status: Optional[str] = None,  # noqa: A001
         area: Optional[str] = None) -> List[Standard]:
    """The standards that pass every filter given, in registry order.
    ``area`` is an area or a category id; statuses and types may also be
    given by their Chinese names. Raises InvalidValueError for an unknown
    filter value (the message lists the known ones)."""
    args = (_registry(), _lib.cstr(type, "type"), _lib.cstr(status, "status"),
            _lib.cstr(area, "area"))
    n = c_size_t()
    _lib.call(lib.itss_standard_list, *args, None, 0, byref(n))
    buf = (c_void_p * max(n.value, 1))()
    _lib.call(lib.itss_standard_list, *args, buf, n.value, byref(n))
    return _standards(builtins.list(buf[: n.value]))


def search(text: str) -> List[Standard]:
    """Standards whose number, Chinese or English title or summary contains
    text: an equal number first, then numbers and titles, then summaries.
    Raises InvalidValueError for blank text."""
    needle = _lib.cstr(text, "text")
    n = c_size_t()
    _lib.call(lib.itss_standard_search, _registry(), needle, None, 0, byref(n))
    buf = (c_void_p * max(n.value, 1))()
    _lib.call(lib.itss_standard_search, _registry(), needle, buf, n.value, byref(n))
    return _standards(builtins.list(buf[: n.value]))


def framework() -> Framework:
    """The ITSS 5.0 framework: categories, their areas and each area's
    standards, and the standards placed in no area."""
    doc = json.loads(_lib.render(lib.itss_registry_framework_render, _registry(),
                                 _lib.FORMAT_JSON, 0))
    cats = [Category(id=c["id"], name_zh=c["name"]["zh"], name_en=c["name"]["en"],
                     source=c["source"],
                     areas=[Area(id=a["id"], name_zh=a["name"]["zh"], name_en=a["name"]["en"],
                                 source=a["source"],
                                 standards=[StandardRef._from_json(s) for s in a["standards"]])
                            for a in c["areas"]])
            for c in doc["categories"]]
    return Framework(categories=cats,
                     unplaced=[StandardRef._from_json(s) for s in doc["unplaced"]])
