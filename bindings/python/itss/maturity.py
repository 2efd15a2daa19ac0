"""T/CESA 1299-2023 O&M service capability maturity: the model and the
rater.

The module-level functions use the model built into libitss; a
:class:`Model` loaded from a document offers the same methods.
:func:`rating` gives a :class:`Rating`, plain typed data that iterates
its domains (which iterate their items, which iterate their clauses);
its ``to_dict()`` is the library's JSON export (docs/maturity.md,
docs/schema/maturity-result.schema.json), which the deprecated
:func:`rate` returns. :func:`rate_many` rates a batch.

>>> from itss import maturity
>>> r = maturity.rating({"ratings": {}})
>>> r.level, r.gaps.target, len(r.gaps)
(0, 1, 44)
"""

from __future__ import annotations

import copy
import csv
import io
import json
import math
import os
import pickle
import warnings
import weakref
from ctypes import byref, c_void_p
from ctypes import c_char_p
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _lib, _tabular
from ._lib import lib

__all__ = ["Model", "Result", "Assessment", "Rating", "DomainRating", "ItemRating",
           "ClauseRating", "Gap", "Gaps", "LevelProfile", "Tally", "rating", "rate_many",
           "builtin", "rate", "assess", "report", "model",
           "clauses", "clause", "compare", "read", "check", "template"]

#: Names of the itss_satisfaction values (the JSON export's words for the
#: first four; the last, ITSS_SAT_NO_CLAUSE, is never a clause's status).
SATISFACTION = ("not_satisfied", "largely", "fully", "not_applicable", "no_clause")
#: ITSS_RATING_P, _L and _F (include/itss/maturity.h).
_RATING_P, _RATING_L, _RATING_F = 4, 5, 6


#: The largest item (and domain) number of any model (docs/maturity.md).
MAX_NUMBER = 1_000_000


# ---------------------------------------------------------------------------
# typed results: plain, immutable data made from a rated assessment


Names = Dict[str, str]


def _names(obj: Optional[dict]) -> Names:
    """A {"zh", "en"} object as a plain dict (empty when absent)."""
    return dict(obj) if obj else {}


@dataclass(frozen=True)
class Tally:
    """How a group of clauses (a level, a domain, a domain at a level)
    stands: its clauses, those applicable, fully and at least largely
    satisfied, unrated and not applicable, and the coverage (the share of
    applicable clauses fully satisfied; None without applicable ones)."""

    clauses: int
    applicable: int
    fully: int
    largely: int
    unrated: int
    not_applicable: int
    coverage: Optional[float]

    @classmethod
    def _from_json(cls, obj: dict) -> "Tally":
        return cls(clauses=obj["clauses"], applicable=obj["applicable"], fully=obj["fully"],
                   largely=obj["largely"], unrated=obj["unrated"],
                   not_applicable=obj["not_applicable"], coverage=obj["coverage"])


@dataclass(frozen=True)
class LevelProfile:
    """One level of the profile: whether it is reached and how its
    clauses stand (``name`` is empty for the levels of a domain, whose
    ``reached`` is None)."""

    level: int
    name: Names = field(repr=False)
    reached: Optional[bool]
    tally: Tally = field(repr=False)

    @classmethod
    def _from_json(cls, obj: dict) -> "LevelProfile":
        return cls(level=obj["level"], name=_names(obj.get("name")), reached=obj.get("reached"),
                   tally=Tally._from_json(obj))


#: The words of the CSV's "satisfied" column, as the JSON export says them.
_SATISFIED = {"fully": "fully", "largely": "largely", "no": "not_satisfied",
              "na": "not_applicable"}


@dataclass(frozen=True)
class ClauseRating:
    """One clause of the model as rated: its place (level; domain, None
    for a level-wide clause; item, None for a domain- or level-wide
    clause and the first for a clause of several items, all of which are
    in ``items``), the rating as given ("F", "85%", "na"; None when
    unrated), its grade (N, P, L, F; None for the binary scale and when
    unrated), how it is satisfied ("fully", "largely", "not_satisfied",
    "not_applicable", as :meth:`Result.clause_status` says), whether it
    blocks the target level, and the evidence and note of the assessment
    (None when absent)."""

    id: str
    level: int
    domain: Optional[str]
    item: Optional[int]
    rating: Optional[str] = field(repr=False)
    grade: Optional[str]
    satisfied: str
    blocks_target: bool
    items: Tuple[int, ...] = field(default=(), repr=False)
    evidence: Optional[str] = field(default=None, repr=False)
    note: Optional[str] = field(default=None, repr=False)

    @classmethod
    def _from_row(cls, row: Dict[str, str]) -> "ClauseRating":
        cell = _tabular.unescape_cell

        def text(key: str) -> Optional[str]:
            return cell(row[key]) if row[key] != "" else None

        items = tuple(int(n) for n in row["item"].split(";") if n)
        return cls(id=cell(row["clause"]), level=int(row["level"]), domain=text("domain"),
                   item=items[0] if items else None, items=items, rating=text("rating"),
                   grade=text("grade"), satisfied=_SATISFIED.get(row["satisfied"],
                                                                 row["satisfied"]),
                   blocks_target=row["blocks_target"] == "yes", evidence=text("evidence"),
                   note=text("note"))


@dataclass(frozen=True)
class ItemRating(_tabular.Branch[ClauseRating]):
    """One item (a numbered practice of a domain) as rated: its status at
    each level (level -> "fully", "largely", "not_satisfied",
    "not_applicable") and its clauses, in model order. Iterating an item
    gives its clauses."""

    _children = "clauses"

    number: int
    domain: str
    status: Dict[int, str]
    clauses: Tuple[ClauseRating, ...] = field(repr=False)


@dataclass(frozen=True)
class DomainRating(_tabular.Branch[ItemRating]):
    """One domain as rated: the level it reached, how its clauses stand,
    per level and in all, its items and all its clauses (those of its
    items and the domain-wide ones), in model order. Iterating a domain
    gives its items."""

    _children = "items"

    id: str
    name: Names = field(repr=False)
    part: str = field(repr=False)
    level: int
    level_name: Names = field(repr=False)
    tally: Tally = field(repr=False)
    levels: Tuple[LevelProfile, ...] = field(repr=False)
    items: Tuple[ItemRating, ...] = field(repr=False)
    clauses: Tuple[ClauseRating, ...] = field(repr=False)

    @property
    def coverage(self) -> Optional[float]:
        """The share of the domain's applicable clauses fully satisfied."""
        return self.tally.coverage


@dataclass(frozen=True)
class Gap:
    """A clause that blocks the target level, with the satisfaction it
    needs ("fully" below the target, "largely" at it), its summary and,
    when the assessment gives them, its rating, evidence and note."""

    id: str
    level: int
    domain: Optional[str]
    item: Optional[int]
    required: str
    rating: Optional[str] = field(repr=False)
    grade: Optional[str]
    summary: Names = field(repr=False)
    items: Tuple[int, ...] = field(default=(), repr=False)
    evidence: Optional[str] = field(default=None, repr=False)
    note: Optional[str] = field(default=None, repr=False)

    @classmethod
    def _from_json(cls, obj: dict) -> "Gap":
        item = obj.get("item")
        items = tuple(obj["items"]) if "items" in obj else (() if item is None else (item,))
        return cls(id=obj["id"], level=obj["level"], domain=obj.get("domain"), item=item,
                   items=items, required=obj["required"], rating=obj.get("rating"),
                   grade=obj.get("grade"), summary=_names(obj.get("summary")),
                   evidence=obj.get("evidence"), note=obj.get("note"))


@dataclass(frozen=True)
class Gaps(_tabular.Branch[Gap]):
    """The clauses that block the target level, in model order (the
    target is 0 and the list empty when the top level is reached).
    Iterable, with a length."""

    _children = "clauses"

    target: int
    target_name: Names = field(repr=False)
    clauses: Tuple[Gap, ...] = field(repr=False)

    def __repr__(self) -> str:
        return "Gaps(target=%d, clauses=%r)" % (self.target, [g.id for g in self.clauses])


#: The metadata of an assessment that a result repeats, in order.
METADATA = ("id", "organization", "scope", "date", "assessor", "notes")


@dataclass(frozen=True, repr=False)
class Rating(_tabular.Tabular, _tabular.Branch[DomainRating]):
    """A rated assessment as plain, immutable data (from :func:`rating`,
    :meth:`Model.rating`, :meth:`Result.rating` or :func:`rate_many`): it
    holds no library memory and pickles as it is.

    ``level`` is the level reached overall (0 below level 1),
    ``domains`` the domains (iterating the rating gives them), ``gaps``
    the clauses blocking the target, ``clauses`` every clause of the model
    as rated. :meth:`to_dict` gives exactly the dict of the JSON export
    (what the deprecated :func:`rate` returns), :meth:`to_records` one row
    per clause."""

    _children = "domains"

    model: str
    edition: str
    assessment_id: Optional[str]
    metadata: Dict[str, str]
    scale: str
    level: int
    level_name: Names
    itss_label: Optional[str]
    levels: Tuple[LevelProfile, ...]
    domains: Tuple[DomainRating, ...]
    gaps: Gaps
    clauses: Tuple[ClauseRating, ...]
    unrated: Tuple[str, ...]
    not_applicable: Tuple[Tuple[str, str], ...]
    _raw: dict = field(default_factory=dict, compare=False)

    _COLUMNS = ("model", "assessment", "clause", "level", "domain", "item", "rating", "grade",
                "satisfied", "blocks_target", "evidence", "note")

    @classmethod
    def _from_result(cls, doc: dict, csv_text: str) -> "Rating":
        """A rating from the JSON export of a result and its CSV (one row
        per clause in model order)."""
        rows = csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff"), newline=""))
        clauses = tuple(ClauseRating._from_row(row) for row in rows)
        by_item: Dict[int, List[ClauseRating]] = {}
        by_domain: Dict[Optional[str], List[ClauseRating]] = {}
        for c in clauses:
            by_domain.setdefault(c.domain, []).append(c)
            for number in c.items:
                by_item.setdefault(number, []).append(c)
        items: Dict[str, List[ItemRating]] = {}
        for it in doc["items"]:
            items.setdefault(it["domain"], []).append(ItemRating(
                number=it["number"], domain=it["domain"],
                status={int(k): v for k, v in it["status"].items()},
                clauses=tuple(by_item.get(it["number"], ()))))
        domains = tuple(DomainRating(
            id=d["id"], name=_names(d["name"]), part=d["part"], level=d["level"],
            level_name=_names(d.get("level_name")), tally=Tally._from_json(d),
            levels=tuple(LevelProfile._from_json(x) for x in d["levels"]),
            items=tuple(items.get(d["id"], ())), clauses=tuple(by_domain.get(d["id"], ())))
            for d in doc["domains"])
        gaps = doc["gaps"]
        return cls(
            model=doc["model"]["id"], edition=doc["model"].get("edition", ""),
            assessment_id=doc.get("id"),
            metadata={k: doc[k] for k in METADATA if k in doc},
            scale=doc["scale"], level=doc["level"], level_name=_names(doc.get("level_name")),
            itss_label=doc.get("itss_label"),
            levels=tuple(LevelProfile._from_json(x) for x in doc["levels"]),
            domains=domains,
            gaps=Gaps(target=gaps["target"], target_name=_names(gaps.get("target_name")),
                      clauses=tuple(Gap._from_json(g) for g in gaps["clauses"])),
            clauses=clauses, unrated=tuple(doc["unrated"]),
            not_applicable=tuple((x["id"], x["reason"]) for x in doc["not_applicable"]),
            _raw=doc)

    @property
    def target(self) -> int:
        """The level whose gaps are listed (0 when the top level is reached)."""
        return self.gaps.target

    def domain(self, domain_id: str) -> DomainRating:
        """One domain by id. Raises NotFoundError (a KeyError would not say
        which ids there are) for an id the model lacks."""
        for d in self.domains:
            if d.id == domain_id:
                return d
        raise _lib.fail(-3, "domain %r is not one of %s" % (
            domain_id, ", ".join(d.id for d in self.domains)))

    def __repr__(self) -> str:
        shown = "" if self.assessment_id is None else ", id=%r" % self.assessment_id
        return "Rating(model=%r%s, level=%d, target=%d, gaps=%d, unrated=%d)" % (
            self.model, shown, self.level, self.target, len(self.gaps), len(self.unrated))

    def to_dict(self) -> dict:
        """The result as the library's JSON export, the dict the deprecated
        :func:`rate` returns (a copy: changing it changes nothing here)."""
        return copy.deepcopy(self._raw)

    def to_records(self) -> List[_tabular.Record]:
        """One row per clause of the model, in model order: ``model``,
        ``assessment`` (the assessment's id, None without one),
        ``clause``, ``level``, ``domain``, ``item`` (None for a
        domain-wide clause), ``rating``, ``grade``, ``satisfied``,
        ``blocks_target``, ``evidence``, ``note``."""
        return [{"model": self.model, "assessment": self.assessment_id, "clause": c.id,
                 "level": c.level, "domain": c.domain, "item": c.item, "rating": c.rating,
                 "grade": c.grade, "satisfied": c.satisfied, "blocks_target": c.blocks_target,
                 "evidence": c.evidence, "note": c.note} for c in self.clauses]


def _deprecated(old: str, new: str) -> None:
    """Warn that a dict-returning call is deprecated (shown where the
    caller's code called it)."""
    warnings.warn("%s returns a dict and is deprecated; use %s, which returns a typed result "
                  "(its to_dict() gives the same dict)" % (old, new), DeprecationWarning,
                  stacklevel=3)


class Model(_lib.Handle):
    """A maturity model: the built-in T/CESA 1299-2023 one
    (:func:`builtin`) or an organisation's own, loaded with :meth:`load`.
    A loaded model owns library memory: use it in a ``with`` block or call
    :meth:`close`. Models are immutable: one model may rate from several
    threads at once."""

    _free_name = "itss_maturity_model_free"

    def __init__(self, ptr: int, owned: bool) -> None:
        super().__init__(ptr, owned)
        self._results: "weakref.WeakSet[Result]" = weakref.WeakSet()

    def close(self) -> None:
        """Release the model, and first every :class:`Result` made with
        it (they refer to it)."""
        if self._owned:
            for r in list(self._results):
                r.close()
        super().close()

    def __reduce__(self):
        """Pickling (for processes and clusters): a built-in model by its
        id, a loaded one as its exported document."""
        reduced = _lib.reduce_handle(self, builtin, self.export)
        return (builtin, (self.id,)) if not self._owned else reduced

    def _describe(self) -> str:
        return "id=%r, levels=%d, %s" % (self.id, self.levels, super()._describe())

    @classmethod
    def load(cls, doc: _lib.Document) -> "Model":
        """Load a model in the format itss-maturity-model/1 from a dict, a
        JSON string, bytes or a path."""
        ptr = _lib.load_handle(doc, "model", lib.itss_maturity_model_load,
                               lib.itss_maturity_model_load_file)
        return cls(ptr, owned=True)

    @property
    def id(self) -> str:
        """The model's id, e.g. "tcesa1299-2023"."""
        return _lib.string(lib.itss_maturity_model_id(self._ptr)) or ""

    @property
    def levels(self) -> int:
        """The number of levels N (levels are 1..N)."""
        return lib.itss_maturity_model_level_count(self._ptr)

    @property
    def warnings(self) -> List[dict]:
        """What the loader found suspicious but accepted: each domain, then
        each item, without clauses, as {"message", "path"} (the JSON path
        in the document). Empty for the built-in model."""
        p = self._ptr
        return [{"message": _lib.string(lib.itss_maturity_model_warning_message(p, i)),
                 "path": _lib.string(lib.itss_maturity_model_warning_path(p, i))}
                for i in range(lib.itss_maturity_model_warning_count(p))]

    @property
    def rule(self) -> dict:
        """The rating rule: what a level needs of its own clauses and of
        the clauses below it, {"at_level": "largely", "below": "fully"} by
        default (T/CESA 1299-2023)."""
        return {"at_level": SATISFACTION[lib.itss_maturity_model_rule_at_level(self._ptr)],
                "below": SATISFACTION[lib.itss_maturity_model_rule_below(self._ptr)]}

    @property
    def thresholds(self) -> dict:
        """The percentage a rating must exceed to be graded P, L and F,
        {"P": 15.0, "L": 50.0, "F": 85.0} by default."""
        return {g: lib.itss_maturity_model_threshold(self._ptr, k)
                for g, k in (("P", _RATING_P), ("L", _RATING_L), ("F", _RATING_F))}

    def level(self, text: str) -> int:
        """The ordinal of a level given by text: its ordinal ("3"), its
        name or its label in either language ("协同级", "二级"). Ordinal 1
        is the lowest. Raises NotFoundError for no such level, ValueError
        for a text that names two levels."""
        out = c_void_p()
        _lib.call(lib.itss_maturity_level_lookup, self._ptr, _lib.cstr(text, "level"),
                  byref(out))
        return lib.itss_maturity_level_ordinal(out.value)

    def _target(self, target: Union[None, int, str]) -> int:
        """The C target of a target argument: None (the next level, 0 for
        C), a level 1..N, or a level's name or label."""
        if target is None:
            return 0
        if isinstance(target, str):
            return self.level(target)
        return _lib.integer(target, "target level", 1, self.levels, " (None = the next level)")

    def _level(self, level: Union[None, int, str]) -> int:
        """A level argument that selects: None or 0 (all levels), 1..N, or
        a level's name or label."""
        if level is None:
            return 0
        if isinstance(level, str):
            return self.level(level)
        return _lib.integer(level, "level", 0, self.levels, " (0 or None = all levels)")

    def _assessment(self, assessment: "Source", encoding: Optional[str] = None) -> Tuple[int, bool]:
        """The C assessment of an argument and whether it is ours to free:
        an :class:`Assessment` of this model as it is; a dict, JSON text,
        bytes or a ``.json`` path loaded as JSON; another path read as a
        worksheet or JSON, its format detected from its content."""
        if isinstance(assessment, Assessment):
            if lib.itss_assessment_model(assessment._ptr) != self._ptr:
                raise _lib.fail(-1, "the assessment is of model %s, not of %s"
                                % (assessment.model.id, self.id))
            return assessment._ptr, False
        return _lib.open_source(assessment, "assessment", encoding,
                                (lib.itss_assessment_read, lib.itss_assessment_read_file),
                                (lib.itss_assessment_load, lib.itss_assessment_load_file),
                                before=(self._ptr,)), True

    def _rated(self, assessment: "Source", target: int, encoding: Optional[str] = None) -> int:
        """Load and rate an assessment; returns an owned result pointer."""
        a, owned = self._assessment(assessment, encoding)
        r = c_void_p()
        try:
            _lib.call(lib.itss_maturity_rate, a, target, byref(r))
        finally:
            if owned:
                lib.itss_assessment_free(a)
        return r.value

    def _render(self, assessment: "Source", target: Optional[int], fmt: int,
                lang: int, encoding: Optional[str] = None) -> str:
        t = self._target(target)
        text = _json_text(assessment)
        if text is not None and encoding is None:  # one call: load, rate, render
            return _lib.render(lib.itss_maturity_rate_json, self._ptr, text, len(text), t, fmt,
                               lang)
        r = self._rated(assessment, t, encoding)
        try:
            return _lib.render(lib.itss_maturity_result_render, r, fmt, lang)
        finally:
            lib.itss_maturity_result_free(r)

    def assess(self, assessment: "Source", target: Optional[int] = None, *,
               encoding: Optional[str] = None) -> "Result":
        """Rate an assessment and keep the result in the library: a
        :class:`Result` answers questions (level, a domain's level, gaps)
        without building the whole JSON export, the fast path for large
        batches. Same inputs and errors as :meth:`rate`."""
        t = self._target(target)
        text = _json_text(assessment)
        path = None
        if text is None and isinstance(assessment, Assessment):
            text = assessment.to_json().encode("utf-8")
        elif text is None:
            _, path = _lib.document(assessment, "assessment")
            if encoding is not None or not _lib.is_json_path(path):
                with self.read(assessment, encoding=encoding) as a:
                    return self.assess(a, target)
        result = Result(self._rated(assessment if text is None else text, t), self)
        result._source = (text, path, t)  # what pickling rates again
        self._results.add(result)
        return result

    def rate(self, assessment: "Source", target: Optional[int] = None, *,
             encoding: Optional[str] = None) -> dict:
        """Rate an assessment: a dict, a JSON string, bytes (JSON), an
        :class:`Assessment` or a path. A path ending in ``.json`` is read
        as JSON; another is a worksheet (.xlsx, .csv) or JSON, its format
        detected from its content; encoding names the encoding of a CSV
        file that is not UTF-8 ("GB18030").

        Returns the result as a dict (level reached overall and per domain,
        level profile, items, gaps to the target, unrated and
        not-applicable clauses). target: the level whose gaps to list, an
        int 1..N (N = :attr:`levels`); None lists the gaps to the next
        level. A target outside 1..N raises ArgumentError, one that is not
        an int (bool included) TypeError. Raises an ItssError subclass
        locating the first problem of the assessment (for a dict, line and
        column refer to its compact JSON serialisation; the path is exact).

        Deprecated: use :meth:`rating`, whose ``to_dict()`` is this dict.
        """
        _deprecated("Model.rate", "Model.rating")
        return self._rate_dict(assessment, target, encoding)

    def _rate_dict(self, assessment: "Source", target: Optional[int] = None,
                   encoding: Optional[str] = None) -> dict:
        return json.loads(self._render(assessment, target, _lib.FORMAT_JSON, 0, encoding))

    def rating(self, assessment: "Source", target: Union[None, int, str] = None, *,
               encoding: Optional[str] = None) -> "Rating":
        """Rate an assessment into a :class:`Rating`, plain typed data
        (same inputs, target and errors as :meth:`rate`)."""
        with self.assess(assessment, target, encoding=encoding) as res:
            return res.rating()

    def rate_many(self, items: "_tabular.Items", *, target: Union[None, int, str] = None,
                  threads: Optional[int] = None,
                  errors: str = "raise") -> "_tabular.Batch[Rating]":
        """Rate many assessments (see :func:`rate_many`)."""
        self._target(target)  # a bad target fails once, before any item
        return _tabular.run_many(items, lambda doc: self.rating(doc, target), threads=threads,
                                 errors=errors, item_columns=Rating._COLUMNS)

    def rate_json(self, assessment: "Source", target: Optional[int] = None, *,
                  encoding: Optional[str] = None) -> str:
        """The result as the library's compact JSON text on one line,
        exactly what ``itss maturity rate --jsonl`` writes for it (same
        inputs and errors as :meth:`rate`)."""
        return self._render(assessment, target, _lib.FORMAT_JSON, 0, encoding)

    def report(self, assessment: "Source", target: Optional[int] = None,
               lang: str = "zh", format: str = "text", *,
               encoding: Optional[str] = None) -> str:
        """The result as the library's report, in "zh" or "en": format
        "text", "html" (one self-contained page that prints on A4), "svg"
        (the chart of the domains alone) or "csv" (one row per clause:
        clause, level, domain, item, rating, grade, satisfied,
        blocks_target, evidence, note). Another format raises
        ArgumentError."""
        return self._render(assessment, target, _lib.report_fmt(format, REPORT_FORMATS),
                            _lib.lang(lang), encoding)

    def read(self, source: _lib.Document, format: Optional[str] = None,
             encoding: Optional[str] = None) -> "Assessment":
        """An assessment of this model from a document: a worksheet (XLSX
        or CSV, docs/worksheets.md) or JSON, given as a path, as bytes, or
        as a dict or JSON text. format: None (detected from the content:
        a zip archive is XLSX, a first non-blank ``{`` or ``[`` JSON,
        anything else CSV), "json", "csv" or "xlsx". encoding: None
        (UTF-8) or, for CSV only, another encoding the system's iconv knows
        ("GB18030"). Raises the ItssError of the first problem; for a
        worksheet its ``path`` is the cell ("sheet!F37", "F37" in CSV),
        ``line`` the row and ``column`` the column number."""
        ptr = _lib.read_source(source, "assessment", format, encoding, lib.itss_assessment_read,
                               lib.itss_assessment_read_file, before=(self._ptr,))
        a = Assessment(ptr, self)
        self._results.add(a)
        return a

    def check(self, source: _lib.Document, format: Optional[str] = None,
              encoding: Optional[str] = None) -> "_lib.Problems":
        """Every problem of a document that :meth:`read` would refuse, not
        only the first, in the order of the document: a list of
        :class:`itss.Problem` (empty when the document reads; at most
        1,000 are kept and its ``total`` counts all). Same arguments as
        :meth:`read`; raises only for bad arguments."""
        return _lib.check_source(source, "assessment", format, encoding,
                                 lib.itss_assessment_check, before=(self._ptr,))

    def new(self) -> "Assessment":
        """An empty assessment of this model (every clause unrated)."""
        out = c_void_p()
        _lib.call(lib.itss_assessment_new, self._ptr, byref(out))
        a = Assessment(out.value, self)
        self._results.add(a)
        return a

    def template(self, format: str = "xlsx", lang: str = "zh",
                 level: Union[None, int, str] = None, domain: Optional[str] = None) -> bytes:
        """The blank worksheet of this model (see :meth:`Assessment.to_sheet`)."""
        with self.new() as a:
            return a.to_sheet(format, lang, level, domain)

    def compare(self, assessments: Iterable["Source"], target: Optional[int] = None,
                labels: Optional[Sequence[Optional[str]]] = None) -> dict:
        """Rate two or more assessments of this model, in time order, and
        compare them: a dict with the structure of the library's JSON
        (docs/schema/maturity-comparison.schema.json): each assessment's
        label (None when not given), metadata, level and domain levels, and
        for each consecutive pair the changes of level and domain levels and
        the clauses whose grade went up ("improved"), down ("worsened") or
        to or from not applicable ("na_changed"). labels: None, or one label
        (or None) per assessment, such as its file name. target as for
        :meth:`rate` (it does not change the levels)."""
        return json.loads(self._compare(assessments, target, labels, _lib.FORMAT_JSON, 0))

    def _compare(self, assessments: Iterable["Source"], target: Optional[int],
                 labels: Optional[Sequence[Optional[str]]], fmt: int, lang: int) -> str:
        t = self._target(target)
        docs = list(assessments)
        if labels is not None:
            labels = list(labels)
            if len(labels) != len(docs):
                raise _lib.fail(-1, "labels: %d given for %d assessments"
                                % (len(labels), len(docs)))
        results: List[int] = []
        try:
            for doc in docs:
                results.append(self._rated(doc, t))
            return compare_rated(results, labels, fmt, lang)
        finally:
            for r in results:
                lib.itss_maturity_result_free(r)

    def export(self) -> dict:
        """The whole model as a document that :meth:`load` reads back."""
        return json.loads(_lib.render(lib.itss_maturity_model_export, self._ptr,
                                      _lib.FORMAT_JSON))

    def clauses(self, level: Optional[int] = None, domain: Optional[str] = None,
                item: Optional[int] = None) -> List[dict]:
        """The requirement clauses, optionally only those of a level (1..N),
        a domain id and/or an item number (1..1,000,000), in model order;
        None or 0 selects every level or item. Each is ``{"id", "level",
        "domain", "item", "summary": {"zh", "en"}, "source"}`` ("item" is
        absent for domain-wide clauses). A level or item out of its range
        raises ArgumentError; an item or domain the model lacks
        NotFoundError."""
        lv = self._level(level)
        it = 0 if item is None else _lib.integer(item, "item", 0, MAX_NUMBER,
                                                 " (0 or None = all items)")
        doc = json.loads(_lib.render(lib.itss_maturity_clauses_render, self._ptr, lv,
                                     _lib.cstr(domain, "domain"), it, _lib.FORMAT_JSON, 0))
        return doc["clauses"]

    def _lookup(self, fn, key: str, what: str) -> int:
        """A borrowed domain or clause pointer found by id (fn is a lookup
        of the form f(model, id, &out, &err)); raises NotFoundError."""
        out = c_void_p()
        _lib.call(fn, self._ptr, _lib.cstr(key, what), byref(out))
        return out.value

    def clause(self, clause_id: str) -> dict:
        """One clause by id (e.g. "7.4.4.c"). Raises NotFoundError."""
        c = self._lookup(lib.itss_maturity_clause_lookup, clause_id, "clause id")
        level = lib.itss_maturity_clause_level(c)
        domain = _lib.string(lib.itss_maturity_domain_id(lib.itss_maturity_clause_domain(c)))
        for obj in self.clauses(level=level, domain=domain):
            if obj["id"] == clause_id:
                return obj
        raise AssertionError("clause %s missing from its own selection" % clause_id)


class Result(_lib.Handle):
    """A rated assessment held by the library (from :meth:`Model.assess`).

    It owns library memory: use it in a ``with`` block or call
    :meth:`close` (the garbage collector releases it otherwise). It refers
    to its model; closing a loaded model closes its results first. Results
    are immutable and may be read from several threads at once."""

    _free_name = "itss_maturity_result_free"

    def __init__(self, ptr: int, model: Model) -> None:
        super().__init__(ptr, owned=True)
        self._model = model  # keeps the model alive as long as the result
        self._source: Tuple[Optional[bytes], Optional[bytes], int] = (None, None, 0)

    def __reduce__(self):
        """Pickling (for processes and clusters): the model and the text of
        the assessment; unpickling rates it again, which gives this result.
        An assessment given as a path is read when pickling and must still
        give this result (PicklingError otherwise)."""
        text, path, target = self._source
        p = self._ptr  # raises ValueError when closed
        if text is None:
            if path is None:
                raise TypeError("this Result does not know its assessment: it cannot be pickled")
            text = _lib.read_path(path)
            mine = _lib.render(lib.itss_maturity_result_render, p, _lib.FORMAT_JSON, 0)
            if self._model._render(text, target or None, _lib.FORMAT_JSON, 0) != mine:
                raise pickle.PicklingError(
                    "%s no longer gives this result: the file changed since it was rated"
                    % os.fsdecode(path))
        return _rated_again, (self._model, text, target or None)

    @property
    def level(self) -> int:
        """The level reached overall, 0 (below level 1) to N."""
        return lib.itss_maturity_result_level(self._ptr)

    @property
    def target(self) -> int:
        """The level whose gaps are listed (0 when the top level is reached)."""
        return lib.itss_maturity_result_target(self._ptr)

    def _domain(self, domain: str) -> int:
        return self._model._lookup(lib.itss_maturity_domain_lookup, domain, "domain")

    def domain_level(self, domain: str) -> int:
        """The level reached by one domain. Raises NotFoundError for an
        unknown domain id."""
        p = self._ptr
        return lib.itss_maturity_result_domain_level(p, self._domain(domain))

    def coverage(self, domain: Optional[str] = None, level: int = 0) -> Optional[float]:
        """The share of applicable clauses fully satisfied, for the whole
        model or a domain, over all levels (0) or at one level; None when
        the group has no applicable clause. Raises NotFoundError for an
        unknown domain id, ArgumentError for a level outside 0..N."""
        p = self._ptr
        lv = self._model._level(level)
        d = None if domain is None else self._domain(domain)
        v = lib.itss_maturity_result_coverage(p, d, lv)
        return None if math.isnan(v) else v

    @property
    def recommendation_coverage(self) -> Optional[float]:
        """The share of applicable "should" clauses (recommendations) fully
        satisfied; None when the model has none applicable."""
        v = lib.itss_maturity_result_recommendation_coverage(self._ptr)
        return None if math.isnan(v) else v

    def clause_status(self, clause_id: str) -> str:
        """How a clause is satisfied: "fully", "largely", "not_satisfied"
        (also when unrated) or "not_applicable". Raises NotFoundError."""
        p = self._ptr
        c = self._model._lookup(lib.itss_maturity_clause_lookup, clause_id, "clause id")
        return SATISFACTION[lib.itss_maturity_result_clause_status(p, c)]

    def gaps(self) -> List[Tuple[str, str]]:
        """The clauses that block the target level, in order, each with the
        satisfaction it needs ("fully" below the target, "largely" at it)."""
        p = self._ptr
        out = []
        for i in range(lib.itss_maturity_result_gap_count(p)):
            c = lib.itss_maturity_result_gap_at(p, i)
            need = lib.itss_maturity_result_gap_required(p, i)
            out.append((_lib.string(lib.itss_maturity_clause_id(c)) or "", SATISFACTION[need]))
        return out

    def unrated(self) -> List[str]:
        """The ids of the clauses without a rating, in model order."""
        p = self._ptr
        return [_lib.string(lib.itss_maturity_clause_id(lib.itss_maturity_result_unrated_at(p, i)))
                or "" for i in range(lib.itss_maturity_result_unrated_count(p))]

    def not_applicable(self) -> List[Tuple[str, str]]:
        """The not-applicable clauses with their reasons, in model order."""
        p = self._ptr
        out = []
        for i in range(lib.itss_maturity_result_na_count(p)):
            c = lib.itss_maturity_result_na_at(p, i)
            out.append((_lib.string(lib.itss_maturity_clause_id(c)) or "",
                        _lib.string(lib.itss_maturity_result_na_reason(p, i)) or ""))
        return out

    def to_dict(self) -> dict:
        """The whole result as the library's JSON export (the dict of
        :meth:`Rating.to_dict`)."""
        return json.loads(_lib.render(lib.itss_maturity_result_render, self._ptr,
                                      _lib.FORMAT_JSON, 0))

    def rating(self) -> "Rating":
        """The result as a :class:`Rating`: plain typed data that outlives
        this object and its model."""
        return Rating._from_result(self.to_dict(), self.to_csv())

    def __repr__(self) -> str:
        if self.closed:
            return "Result(closed)"
        return "Result(model=%r, level=%d, target=%d, gaps=%d)" % (
            self._model.id, self.level, self.target,
            lib.itss_maturity_result_gap_count(self._ptr))

    def report(self, lang: str = "zh", format: str = "text") -> str:
        """The report, in "zh" or "en": format "text", "html", "svg" or
        "csv" (as :meth:`Model.report`)."""
        return _lib.render(lib.itss_maturity_result_render, self._ptr,
                           _lib.report_fmt(format, REPORT_FORMATS), _lib.lang(lang))

    def to_csv(self, lang: str = "zh") -> str:
        """The result as CSV, one row per clause in model order (the
        header is in English whatever lang; see docs/worksheets.md)."""
        return self.report(lang, "csv")

    def domains(self, format: str = "csv", lang: str = "zh") -> Union[str, dict]:
        """The domain profile as a table, one row per domain (id, name,
        level reached, coverage at each level, gaps): format "csv", "text"
        (the profile of the report) or "json" (a dict ``{"domains":
        [...]}`` with the objects of the result's "domains")."""
        table = {"csv": _lib.FORMAT_CSV, "text": _lib.FORMAT_TEXT, "json": _lib.FORMAT_JSON}
        if format not in table:
            raise _lib.fail(-1, "format must be 'csv', 'text' or 'json', not %r" % (format,))
        out = _lib.render(lib.itss_maturity_result_domains_render, self._ptr, table[format],
                          _lib.lang(lang))
        return json.loads(out) if format == "json" else out


class Assessment(_lib.Handle):
    """An assessment held by the library, read with :meth:`Model.read`
    (from a worksheet or JSON) or made empty with :meth:`Model.new`.

    It owns library memory: use it in a ``with`` block or call
    :meth:`close`. It refers to its model; closing a loaded model closes
    its assessments first. Assessments are immutable."""

    _free_name = "itss_assessment_free"

    def __init__(self, ptr: int, model: Model) -> None:
        super().__init__(ptr, owned=True)
        self._model = model  # keeps the model alive as long as the assessment

    def __reduce__(self):
        """Pickling: the model and the assessment's JSON document."""
        return _assessment_again, (self._model, self.to_json())

    def _describe(self) -> str:
        return "model=%r" % self._model.id

    @property
    def model(self) -> Model:
        """The model the assessment rates against."""
        return self._model

    def to_json(self) -> str:
        """The assessment as the library's compact JSON document
        (docs/maturity.md), which :meth:`Model.read` reads back."""
        return _lib.render(lib.itss_assessment_export, self._ptr, _lib.FORMAT_JSON)

    def to_dict(self) -> dict:
        """The assessment document as a dict (``rate`` takes it)."""
        return json.loads(self.to_json())

    def to_sheet(self, format: str = "xlsx", lang: str = "zh",
                 level: Union[None, int, str] = None, domain: Optional[str] = None) -> bytes:
        """The assessment as a worksheet that :meth:`Model.read` reads back
        to an equal assessment: format "xlsx" or "csv" (UTF-8 with a
        byte-order mark), headers, levels, domain and item names and
        clause summaries in lang ("zh" or "en"). One row per clause of the
        model, or only of one level (1..N, or a level's name or label) and
        one domain id; a clause left out must be unrated
        (InvalidValueError naming it). An empty assessment gives the blank
        template. The bytes of the file."""
        lv = self._model._level(level)
        return _lib.render_bytes(lib.itss_assessment_render, self._ptr, lv,
                                 _lib.cstr(domain, "domain"), _lib.sheet_format(format),
                                 _lib.lang(lang))

    def rate(self, target: Optional[int] = None) -> dict:
        """The result of the assessment as a dict (see :meth:`Model.rate`).
        Deprecated: use :meth:`rating`."""
        _deprecated("Assessment.rate", "Assessment.rating")
        return self._model._rate_dict(self, target)

    def rating(self, target: Union[None, int, str] = None) -> "Rating":
        """The result of the assessment as a :class:`Rating`."""
        return self._model.rating(self, target)

    def assess(self, target: Optional[int] = None) -> "Result":
        """The result held by the library (see :meth:`Model.assess`)."""
        return self._model.assess(self, target)

    def report(self, target: Optional[int] = None, lang: str = "zh",
               format: str = "text") -> str:
        """The report of the result (see :meth:`Model.report`)."""
        return self._model.report(self, target, lang, format)


def _assessment_again(model: Model, text: str) -> Assessment:
    """Unpickling an :class:`Assessment`."""
    return model.read(text.encode("utf-8"), "json")


#: What a rating function takes: a document or an Assessment.
Source = Union[_lib.Document, Assessment]

#: The formats of ``report``.
REPORT_FORMATS = ("text", "html", "svg", "csv")


def _json_text(doc) -> Optional[bytes]:
    """The JSON text of a document argument; None for a path or an
    Assessment."""
    if isinstance(doc, Assessment):
        return None
    text, _ = _lib.document(doc, "assessment")
    return text


def compare_rated(results: Sequence[int], labels: Optional[Sequence[Optional[str]]], fmt: int,
                  lang: int) -> str:
    """Compare results already rated (pointers the caller keeps and frees)
    and render the comparison in fmt and lang."""
    names = None
    if labels is not None:
        names = (c_char_p * max(len(labels), 1))(*[_lib.cstr(x, "label") for x in labels])
    comparison = c_void_p()
    try:
        _lib.call(lib.itss_maturity_compare, _lib.pointers(results), names, len(results),
                  byref(comparison))
        return _lib.render(lib.itss_maturity_comparison_render, comparison, fmt, lang)
    finally:
        lib.itss_maturity_comparison_free(comparison)


def _rated_again(model: Model, text: bytes, target: Optional[int]) -> Result:
    """Unpickling a :class:`Result`."""
    return model.assess(text, target)


DEFAULT_MODEL = "tcesa1299-2023"

_OTHER_BUILTINS: dict = {}


def builtin(model_id: str = DEFAULT_MODEL) -> Model:
    """A model built into the library (borrowed, immutable, never
    released): T/CESA 1299-2023 by default, or by its id, "itss1-2015" for
    ITSS.1-2015. Raises NotFoundError for another id."""
    if model_id == DEFAULT_MODEL:
        return _lib.builtin(Model, lib.itss_maturity_model_builtin)
    found = _OTHER_BUILTINS.get(model_id)
    if found is None:
        out = c_void_p()
        _lib.call(lib.itss_maturity_model_builtin_lookup, _lib.cstr(model_id, "model id"),
                  byref(out))
        found = _OTHER_BUILTINS.setdefault(model_id, Model(out.value, owned=False))
    return found


def rate(assessment: Source, target: Optional[int] = None, *,
         encoding: Optional[str] = None) -> dict:
    """Rate an assessment against the built-in model (see :meth:`Model.rate`):
    a dict, JSON text or bytes, an :class:`Assessment`, or a path to a
    worksheet (.xlsx, .csv) or JSON file. Returns the dict of the JSON
    export.

    Deprecated (kept for this release): use :func:`rating`, whose
    ``to_dict()`` is this dict."""
    _deprecated("maturity.rate", "maturity.rating")
    if isinstance(assessment, Assessment):
        return assessment._model._rate_dict(assessment, target)
    return builtin()._rate_dict(assessment, target, encoding)


def rating(assessment: Source, target: Union[None, int, str] = None, *,
           model: "ModelArg" = None, encoding: Optional[str] = None) -> Rating:
    """Rate an assessment into a :class:`Rating` (plain, typed, immutable
    data): a dict, JSON text or bytes, an :class:`Assessment` (rated
    against its own model), or a path to a worksheet (.xlsx, .csv) or JSON
    file. model: None (the built-in T/CESA 1299-2023 model), a built-in
    model's id or a :class:`Model`. target as for :meth:`Model.rate`."""
    if isinstance(assessment, Assessment):
        return assessment.rating(target)
    return _model(model).rating(assessment, target, encoding=encoding)


def rate_many(items: "_tabular.Items", *, model: "ModelArg" = None,
              target: Union[None, int, str] = None, threads: Optional[int] = None,
              errors: str = "raise") -> "_tabular.Batch[Rating]":
    """Rate many assessments, one :class:`Rating` each, in input order.

    items: an iterable of assessments (dicts, JSON strings, bytes, paths,
    :class:`Assessment` objects) or the path of a JSONL file, one
    assessment per line (blank lines skipped). model and target as for
    :func:`rating`. threads: None or 1 rates in this thread; N > 1 on a
    pool of N threads (the library is thread-safe and releases the
    interpreter while it works); the results keep the input order.
    errors: "raise" (the default) raises the error of the first bad item,
    whose ``index`` (0-based) and, for JSONL, ``input_line`` say which
    (str(e) starts with "item I:" or "FILE:LINE:"); "return" puts the
    exception in the item's place instead. The batch is a list with
    ``to_records()`` (one row per clause of each result, with ``index``
    and ``line``) and ``to_pandas()``."""
    return _model(model).rate_many(items, target=target, threads=threads, errors=errors)


def assess(assessment: Source, target: Optional[int] = None, *,
           encoding: Optional[str] = None) -> Result:
    """Rate an assessment against the built-in model into a :class:`Result`
    (see :meth:`Model.assess`)."""
    if isinstance(assessment, Assessment):
        return assessment.assess(target)
    return builtin().assess(assessment, target, encoding=encoding)


def report(assessment: Source, target: Optional[int] = None, lang: str = "zh",
           format: str = "text", *, encoding: Optional[str] = None) -> str:
    """The report of an assessment rated against the built-in model, as
    text, HTML, SVG or CSV (see :meth:`Model.report`)."""
    if isinstance(assessment, Assessment):
        return assessment.report(target, lang, format)
    return builtin().report(assessment, target, lang, format, encoding=encoding)


ModelArg = Union[None, str, Model]


def _model(model: ModelArg) -> Model:
    """The model of a model argument: None (the built-in T/CESA 1299-2023
    model), a built-in model's id or a :class:`Model`."""
    if model is None or isinstance(model, str):
        return builtin() if model is None else builtin(model)
    if not isinstance(model, Model):
        raise TypeError("model must be None, a model id or a Model, not %s"
                        % type(model).__name__)
    return model


def read(source: _lib.Document, format: Optional[str] = None, encoding: Optional[str] = None,
         model: ModelArg = None) -> Assessment:
    """An assessment from a worksheet (XLSX, CSV) or JSON document, of the
    built-in model, another built-in one by id, or a :class:`Model` (see
    :meth:`Model.read`)."""
    return _model(model).read(source, format, encoding)


def check(source: _lib.Document, format: Optional[str] = None, encoding: Optional[str] = None,
          model: ModelArg = None) -> "_lib.Problems":
    """Every problem of an assessment document (see :meth:`Model.check`)."""
    return _model(model).check(source, format, encoding)


def template(format: str = "xlsx", lang: str = "zh", level: Union[None, int, str] = None,
             domain: Optional[str] = None, model: ModelArg = None) -> bytes:
    """The blank worksheet of a model, to fill in and read back with
    :func:`read` (see :meth:`Assessment.to_sheet`)."""
    return _model(model).template(format, lang, level, domain)


def model() -> dict:
    """The built-in model in its load format."""
    return builtin().export()


def clauses(level: Optional[int] = None, domain: Optional[str] = None,
            item: Optional[int] = None) -> List[dict]:
    """Clauses of the built-in model (see :meth:`Model.clauses`)."""
    return builtin().clauses(level, domain, item)


def clause(clause_id: str) -> dict:
    """One clause of the built-in model."""
    return builtin().clause(clause_id)


def compare(assessments: Iterable[Source], target: Optional[int] = None,
            labels: Optional[Sequence[Optional[str]]] = None,
            model: Union[None, str, Model] = None) -> dict:
    """Rate assessments against one model and compare them (see
    :meth:`Model.compare`): model None (the built-in T/CESA 1299-2023
    model), a built-in model's id or a :class:`Model`."""
    return _model(model).compare(assessments, target, labels)
