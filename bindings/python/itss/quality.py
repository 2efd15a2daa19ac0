"""GB/T 33850-2017 IT service quality: the quality model, indicator
catalogs, scoring of evaluations, comparison over time, and AHP weights.

The module-level functions use the model and indicator catalog built into
libitss. :func:`scorecard` gives a :class:`Scorecard`, plain typed data
that iterates its characteristics (which iterate their
sub-characteristics, which iterate their indicators); its ``to_dict()``
is the library's JSON export (docs/quality.md,
docs/schema/quality-result.schema.json), which the deprecated
:func:`score` returns. :func:`score_many` scores a batch.

>>> from itss import quality
>>> r = quality.scorecard({"service": "04",
...                        "scheme": {"indicators": ["incident_resolution_rate"]},
...                        "measurements": {"incident_resolution_rate": {"A": 99, "B": 100}}})
>>> r.score
0.99
"""

from __future__ import annotations

import copy
import json
import warnings
from ctypes import byref, c_void_p
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _lib, _tabular
from ._lib import lib

__all__ = ["IndicatorCatalog", "Evaluation", "Scorecard", "CharacteristicScore",
           "SubcharacteristicScore", "IndicatorScore", "scorecard", "score_many", "builtin",
           "model", "indicators", "scheme", "score",
           "report", "compare", "ahp", "read", "check", "template"]

#: The formats of ``report``.
REPORT_FORMATS = ("text", "html", "svg", "csv")


# ---------------------------------------------------------------------------
# typed results: plain, immutable data made from a scored evaluation


@dataclass(frozen=True)
class IndicatorScore:
    """One indicator of the scheme as scored: its place
    (``subcharacteristic``, ``characteristic``), method and polarity, its
    weight within its sub-characteristic, X (0..1; None when not
    evaluated), its status ("evaluated", "na", "no_events", "missing"),
    the reason of an "na" (None otherwise) and the measurement as given
    (``{"A", "B"}``, ``{"scores"}`` or ``{"na"}``)."""

    id: str
    subcharacteristic: str
    characteristic: str
    method: str = field(repr=False)
    polarity: str = field(repr=False)
    weight: float
    x: Optional[float]
    status: str
    reason: Optional[str] = field(default=None, repr=False)
    measurement: Dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class _NodeScore:
    """What a characteristic and a sub-characteristic have as scored:
    score (None when not evaluated), weight within its parent, coverage,
    status and the reason it was not evaluated."""

    id: str
    score: Optional[float]
    weight: float
    coverage: float = field(repr=False)
    status: str
    reason: Optional[str] = field(repr=False)


@dataclass(frozen=True)
class SubcharacteristicScore(_NodeScore, _tabular.Branch[IndicatorScore]):
    """One sub-characteristic of GB/T 33850-2017 as scored (see
    :class:`CharacteristicScore`) with its characteristic and indicators.
    Iterating it gives its indicators."""

    _children = "indicators"

    characteristic: str
    indicators: Tuple[IndicatorScore, ...] = field(repr=False)


@dataclass(frozen=True)
class CharacteristicScore(_NodeScore, _tabular.Branch[SubcharacteristicScore]):
    """One characteristic of GB/T 33850-2017 as scored: ``id``, ``score``
    (None when not evaluated), ``weight``, ``coverage``, ``status``,
    ``reason`` (why it was not evaluated, else None) and its
    sub-characteristics. Iterating it gives its sub-characteristics."""

    _children = "subcharacteristics"

    subcharacteristics: Tuple[SubcharacteristicScore, ...] = field(repr=False)

    @property
    def indicators(self) -> Tuple[IndicatorScore, ...]:
        """The indicators of all its sub-characteristics, in order."""
        return tuple(i for s in self.subcharacteristics for i in s.indicators)


#: The metadata of an evaluation that a result repeats, in order.
METADATA = ("id", "provider", "customer", "evaluator", "date", "period", "notes")


@dataclass(frozen=True, repr=False)
class Scorecard(_tabular.Tabular, _tabular.Branch[CharacteristicScore]):
    """A scored evaluation as plain, immutable data (from
    :func:`scorecard`, :meth:`IndicatorCatalog.scorecard` or
    :func:`score_many`): it holds no library memory and pickles as it is.

    ``score``, ``coverage``, ``band`` and ``status`` are the overall ones;
    ``characteristics`` the five characteristics (iterating the scorecard
    gives them; each gives its sub-characteristics, which give their
    indicators); ``indicators`` every indicator of the scheme in scheme
    order. :meth:`to_dict` gives exactly the dict of the JSON export (what
    the deprecated :func:`score` returns), :meth:`to_records` one row per
    indicator."""

    _children = "characteristics"

    model: str
    service: str
    evaluation_id: Optional[str]
    metadata: Dict[str, str]
    score: Optional[float]
    coverage: float
    band: Optional[str]
    status: str
    characteristics: Tuple[CharacteristicScore, ...]
    indicators: Tuple[IndicatorScore, ...]
    bands: Tuple[Tuple[str, float], ...]
    _raw: dict = field(default_factory=dict, compare=False)

    _COLUMNS = ("service", "evaluation", "period", "indicator", "characteristic",
                "subcharacteristic", "method", "polarity", "weight", "x", "status", "reason")

    @classmethod
    def _from_json(cls, doc: dict) -> "Scorecard":
        reasons = {n["id"]: n.get("reason") for n in doc["not_evaluated"]}
        parent = {s["id"]: s["characteristic"] for s in doc["subcharacteristics"]}
        shown = ("id", "subcharacteristic", "method", "polarity", "weight", "x", "status")
        indicators = tuple(IndicatorScore(
            id=i["id"], subcharacteristic=i["subcharacteristic"],
            characteristic=parent.get(i["subcharacteristic"], ""), method=i["method"],
            polarity=i["polarity"], weight=i["weight"], x=i["x"], status=i["status"],
            reason=reasons.get(i["id"]),
            measurement={k: v for k, v in i.items() if k not in shown})
            for i in doc["indicators"])
        subs = tuple(SubcharacteristicScore(
            id=s["id"], characteristic=s["characteristic"], score=s["score"], weight=s["weight"],
            coverage=s["coverage"], status=s["status"], reason=s.get("reason"),
            indicators=tuple(i for i in indicators if i.subcharacteristic == s["id"]))
            for s in doc["subcharacteristics"])
        chars = tuple(CharacteristicScore(
            id=c["id"], score=c["score"], weight=c["weight"], coverage=c["coverage"],
            status=c["status"], reason=c.get("reason"),
            subcharacteristics=tuple(s for s in subs if s.characteristic == c["id"]))
            for c in doc["characteristics"])
        overall = doc["overall"]
        return cls(model=doc["model"], service=doc["service"], evaluation_id=doc.get("id"),
                   metadata={k: doc[k] for k in METADATA if k in doc}, score=overall["score"],
                   coverage=overall["coverage"], band=overall.get("band"),
                   status=overall["status"], characteristics=chars, indicators=indicators,
                   bands=tuple((b["grade"], b["min"]) for b in doc["bands"]), _raw=doc)

    def __repr__(self) -> str:
        shown = "" if self.evaluation_id is None else ", id=%r" % self.evaluation_id
        score = "None" if self.score is None else "%.4g" % self.score
        return "Scorecard(service=%r%s, score=%s, band=%r, coverage=%.4g, indicators=%d)" % (
            self.service, shown, score, self.band, self.coverage, len(self.indicators))

    def characteristic(self, characteristic_id: str) -> CharacteristicScore:
        """One characteristic by id; NotFoundError for another id."""
        for c in self.characteristics:
            if c.id == characteristic_id:
                return c
        raise _lib.fail(-3, "characteristic %r is not one of %s" % (
            characteristic_id, ", ".join(c.id for c in self.characteristics)))

    @property
    def not_evaluated(self) -> Tuple[IndicatorScore, ...]:
        """The indicators that were not evaluated ("na", "no_events",
        "missing"), with their reasons."""
        return tuple(i for i in self.indicators if i.status != "evaluated")

    def to_dict(self) -> dict:
        """The result as the library's JSON export, the dict the deprecated
        :func:`score` returns (a copy)."""
        return copy.deepcopy(self._raw)

    def to_records(self) -> List[_tabular.Record]:
        """One row per indicator of the scheme, in scheme order:
        ``service``, ``evaluation`` (the evaluation's id, None without
        one), ``period``, ``indicator``, ``characteristic``,
        ``subcharacteristic``, ``method``, ``polarity``, ``weight``, ``x``,
        ``status``, ``reason``."""
        period = self.metadata.get("period")
        return [{"service": self.service, "evaluation": self.evaluation_id, "period": period,
                 "indicator": i.id, "characteristic": i.characteristic,
                 "subcharacteristic": i.subcharacteristic, "method": i.method,
                 "polarity": i.polarity, "weight": i.weight, "x": i.x, "status": i.status,
                 "reason": i.reason} for i in self.indicators]


def _deprecated(old: str, new: str) -> None:
    """Warn that a dict-returning call is deprecated (shown where the
    caller's code called it)."""
    warnings.warn("%s returns a dict and is deprecated; use %s, which returns a typed result "
                  "(its to_dict() gives the same dict)" % (old, new), DeprecationWarning,
                  stacklevel=3)


class IndicatorCatalog(_lib.Handle):
    """A catalog of quality indicators: the built-in one (:func:`builtin`)
    or one loaded with :meth:`load`. A loaded catalog owns library memory:
    use it in a ``with`` block or call :meth:`close`. Catalogs are immutable
    and may be used from several threads at once."""

    _free_name = "itss_indicator_catalog_free"

    @classmethod
    def load(cls, doc: _lib.Document) -> "IndicatorCatalog":
        """Load a catalog ``{"indicators": [...]}`` on its own from a dict,
        a JSON string, bytes or a path (:meth:`extend` loads one on top of
        another catalog)."""
        ptr = _lib.load_handle(doc, "indicator catalog", lib.itss_indicator_catalog_load,
                               lib.itss_indicator_catalog_load_file)
        return cls(ptr, owned=True)

    def extend(self, doc: _lib.Document) -> "IndicatorCatalog":
        """A new catalog: this catalog's indicators, then those of a
        document (as for :meth:`load`), none of which may repeat an id of
        this catalog. ``quality.builtin().extend(doc)`` adds indicators to
        the built-in ones. The new catalog holds copies: it does not
        depend on this one."""
        ptr = _lib.load_handle(doc, "indicator catalog", lib.itss_indicator_catalog_extend,
                               lib.itss_indicator_catalog_extend_file, before=(self._ptr,))
        return type(self)(ptr, owned=True)

    def __reduce__(self):
        """Pickling (for processes and clusters): the built-in catalog by
        name, another one as its exported document."""
        return _lib.reduce_handle(self, builtin, self.indicators)

    def __len__(self) -> int:
        return lib.itss_indicator_catalog_indicator_count(self._ptr)

    def _describe(self) -> str:
        return "indicators=%d, %s" % (len(self), super()._describe())

    def ids(self) -> List[str]:
        """The indicator ids in catalog order."""
        p = self._ptr
        return [_lib.string(lib.itss_indicator_id(lib.itss_indicator_catalog_indicator_at(p, i))) or ""
                for i in range(len(self))]

    def indicators(self, service: Optional[str] = None) -> dict:
        """The catalog (or only the indicators meant for a GB/T 29264
        service code) as a document that :meth:`load` reads back,
        ``{"indicators": [...]}``."""
        return json.loads(_lib.render(lib.itss_indicator_catalog_export, self._ptr,
                                      _lib.cstr(service, "service"), _lib.FORMAT_JSON))

    def scheme(self, service: str) -> dict:
        """The default evaluation scheme of a service: every indicator meant
        for it, weights 1, no bands (usable as an evaluation's "scheme")."""
        return json.loads(_lib.render(lib.itss_quality_scheme_render, self._ptr,
                                      _lib.cstr(service, "service"), _lib.FORMAT_JSON, 0))

    def _evaluation(self, evaluation: "Source", encoding: Optional[str] = None):
        """The C evaluation of an argument and whether it is ours to free:
        an :class:`Evaluation` of this catalog as it is; a dict, JSON text,
        bytes or a ``.json`` path loaded as JSON; another path read as a
        measurement sheet or JSON, its format detected from its content."""
        if isinstance(evaluation, Evaluation):
            return evaluation._ptr, False
        return _lib.open_source(evaluation, "evaluation", encoding,
                                (lib.itss_evaluation_read, lib.itss_evaluation_read_file),
                                (lib.itss_evaluation_load, lib.itss_evaluation_load_file),
                                before=(self._ptr,)), True

    def _result(self, evaluation: "Source", encoding: Optional[str] = None) -> int:
        """Load and score an evaluation; returns an owned result pointer."""
        ev, owned = self._evaluation(evaluation, encoding)
        r = c_void_p()
        try:
            _lib.call(lib.itss_quality_score, ev, byref(r))
        finally:
            if owned:
                lib.itss_evaluation_free(ev)
        return r.value

    def _render(self, evaluation: "Source", fmt: int, lang: int,
                encoding: Optional[str] = None) -> str:
        text = None if isinstance(evaluation, Evaluation) else \
            _lib.document(evaluation, "evaluation")[0]
        if text is not None and encoding is None:
            return _lib.render(lib.itss_quality_score_json, self._ptr, text, len(text), fmt, lang)
        r = self._result(evaluation, encoding)
        try:
            return _lib.render(lib.itss_quality_result_render, r, fmt, lang)
        finally:
            lib.itss_quality_result_free(r)

    def score(self, evaluation: "Source", *, encoding: Optional[str] = None) -> dict:
        """Score an evaluation (a dict, a JSON string, bytes, an
        :class:`Evaluation` or a path): the overall score, coverage, band,
        every characteristic, sub-characteristic and indicator, and what
        was not evaluated. A path ending in ``.json`` is read as JSON;
        another is a measurement sheet (.xlsx, .csv) or JSON, its format
        detected from its content; encoding names the encoding of a CSV
        file that is not UTF-8. Returns the dict of the JSON export.

        Deprecated: use :meth:`scorecard`, whose ``to_dict()`` is this
        dict."""
        _deprecated("IndicatorCatalog.score", "IndicatorCatalog.scorecard")
        return self._score_dict(evaluation, encoding)

    def _score_dict(self, evaluation: "Source", encoding: Optional[str] = None) -> dict:
        return json.loads(self._render(evaluation, _lib.FORMAT_JSON, 0, encoding))

    def scorecard(self, evaluation: "Source", *, encoding: Optional[str] = None) -> Scorecard:
        """Score an evaluation into a :class:`Scorecard`, plain typed data
        (same inputs and errors as :meth:`score`)."""
        return Scorecard._from_json(self._score_dict(evaluation, encoding))

    def score_many(self, items: "_tabular.Items", *, threads: Optional[int] = None,
                   errors: str = "raise") -> "_tabular.Batch[Scorecard]":
        """Score many evaluations with this catalog (see :func:`score_many`)."""
        return _tabular.run_many(items, self.scorecard, threads=threads, errors=errors,
                                 item_columns=Scorecard._COLUMNS)

    def score_json(self, evaluation: "Source", *, encoding: Optional[str] = None) -> str:
        """The score as the library's compact JSON text on one line,
        exactly what ``itss quality score --jsonl`` writes for it (same
        inputs and errors as :meth:`score`)."""
        return self._render(evaluation, _lib.FORMAT_JSON, 0, encoding)

    def report(self, evaluation: "Source", lang: str = "zh", format: str = "text", *,
               encoding: Optional[str] = None) -> str:
        """The score as the library's report, in "zh" or "en": format
        "text", "html" (a self-contained page), "svg" (the radar of the
        characteristics alone) or "csv" (one row per node: node, kind,
        parent, name, weight, score, coverage, status)."""
        return self._render(evaluation, _lib.report_fmt(format, REPORT_FORMATS),
                            _lib.lang(lang), encoding)

    def read(self, source: _lib.Document, format: Optional[str] = None,
             encoding: Optional[str] = None) -> "Evaluation":
        """An evaluation from a document: a measurement sheet (XLSX or
        CSV, docs/worksheets.md) or JSON, given as a path, bytes, a dict or
        JSON text. format: None (detected from the content), "json", "csv"
        or "xlsx"; encoding: None (UTF-8) or, for CSV only, another
        encoding the system's iconv knows ("GB18030"). Raises the
        ItssError of the first problem, located at its cell for a sheet."""
        ptr = _lib.read_source(source, "evaluation", format, encoding, lib.itss_evaluation_read,
                               lib.itss_evaluation_read_file, before=(self._ptr,))
        return Evaluation(ptr, self)

    def check(self, source: _lib.Document, format: Optional[str] = None,
              encoding: Optional[str] = None) -> "_lib.Problems":
        """Every problem of a document that :meth:`read` would refuse, in
        the order of the document (a list of :class:`itss.Problem`, empty
        when it reads; at most 1,000 kept, ``total`` counts all)."""
        return _lib.check_source(source, "evaluation", format, encoding,
                                 lib.itss_evaluation_check, before=(self._ptr,))

    def template(self, service: str, scheme: Optional[dict] = None, format: str = "xlsx",
                 lang: str = "zh") -> bytes:
        """The blank measurement sheet of a service: one row per indicator
        of scheme (a scheme object as in an evaluation: "indicators",
        "weights", "ahp", "bands"; None: the service's default scheme),
        with the weights of characteristics and sub-characteristics and the
        bands. Weights set by AHP are written as the weights they give."""
        if not isinstance(service, str):
            raise TypeError("service must be a str, not %s" % type(service).__name__)
        doc: dict = {"service": service, "measurements": {}}
        if scheme is not None:
            doc["scheme"] = scheme
        with self.read(doc, "json") as ev:
            return ev.to_sheet(format, lang)

    def compare(self, evaluations: Iterable["Source"]) -> dict:
        """Score two or more evaluations of the same scheme, in time order,
        and report the scores and their changes."""
        return json.loads(self._compare(evaluations, _lib.FORMAT_JSON, 0))

    def _compare(self, evaluations: Iterable["Source"], fmt: int, lang: int) -> str:
        results: List[int] = []
        try:
            for ev in evaluations:
                results.append(self._result(ev))
            return _lib.render(lib.itss_quality_compare_render, _lib.pointers(results),
                               len(results), fmt, lang)
        finally:
            for r in results:
                lib.itss_quality_result_free(r)


class Evaluation(_lib.Handle):
    """An evaluation held by the library, read with
    :meth:`IndicatorCatalog.read` (from a measurement sheet or JSON). It
    owns library memory: use it in a ``with`` block or call :meth:`close`.
    It holds what it needs of its catalog. Evaluations are immutable."""

    _free_name = "itss_evaluation_free"

    def __init__(self, ptr: int, catalog: IndicatorCatalog) -> None:
        super().__init__(ptr, owned=True)
        self._catalog = catalog

    def __reduce__(self):
        """Pickling: the catalog and the evaluation's JSON document."""
        return _evaluation_again, (self._catalog, self.to_json())

    def _describe(self) -> str:
        return "service=%r" % (_lib.string(lib.itss_evaluation_service(self._ptr)) or "")

    def to_json(self) -> str:
        """The evaluation as the library's compact JSON document
        (docs/quality.md)."""
        return _lib.render(lib.itss_evaluation_export, self._ptr, _lib.FORMAT_JSON)

    def to_dict(self) -> dict:
        """The evaluation document as a dict (``score`` takes it)."""
        return json.loads(self.to_json())

    def to_sheet(self, format: str = "xlsx", lang: str = "zh") -> bytes:
        """The evaluation as a measurement sheet that
        :meth:`IndicatorCatalog.read` reads back: format "xlsx" or "csv"
        (UTF-8 with a byte-order mark), in lang ("zh" or "en"). The bytes
        of the file."""
        return _lib.render_bytes(lib.itss_evaluation_render, self._ptr,
                                 _lib.sheet_format(format), _lib.lang(lang))

    def score(self) -> dict:
        """The score as a dict (see :meth:`IndicatorCatalog.score`).
        Deprecated: use :meth:`scorecard`."""
        _deprecated("Evaluation.score", "Evaluation.scorecard")
        return self._catalog._score_dict(self)

    def scorecard(self) -> Scorecard:
        """The score as a :class:`Scorecard`."""
        return self._catalog.scorecard(self)

    def report(self, lang: str = "zh", format: str = "text") -> str:
        """The report of the score (see :meth:`IndicatorCatalog.report`)."""
        return self._catalog.report(self, lang, format)


def _evaluation_again(catalog: IndicatorCatalog, text: str) -> Evaluation:
    """Unpickling an :class:`Evaluation`."""
    return catalog.read(text.encode("utf-8"), "json")


#: What a scoring function takes: a document or an Evaluation.
Source = Union[_lib.Document, Evaluation]


def builtin() -> IndicatorCatalog:
    """The indicator catalog built into the library (borrowed, immutable,
    never released)."""
    return _lib.builtin(IndicatorCatalog, lib.itss_indicator_catalog_builtin)


CatalogArg = Union[None, IndicatorCatalog, _lib.Document]


class _Using:
    """The catalog of a call: None (built-in), an IndicatorCatalog, or a
    document loaded on top of the built-in indicators for this call only."""

    def __init__(self, catalog: CatalogArg) -> None:
        self.own: Optional[IndicatorCatalog] = None
        if catalog is None:
            self.cat = builtin()
        elif isinstance(catalog, IndicatorCatalog):
            self.cat = catalog
        else:
            self.own = self.cat = builtin().extend(catalog)

    def __enter__(self) -> IndicatorCatalog:
        return self.cat

    def __exit__(self, *exc) -> None:
        if self.own is not None:
            self.own.close()


def model() -> dict:
    """The GB/T 33850-2017 quality model: 5 characteristics and 16
    sub-characteristics with names and definitions."""
    return json.loads(_lib.render(lib.itss_quality_model_render, lib.itss_quality_model_builtin(),
                                  _lib.FORMAT_JSON, 0))


def indicators(service: Optional[str] = None, catalog: CatalogArg = None) -> dict:
    """The indicator catalog, or the indicators meant for a service."""
    with _Using(catalog) as cat:
        return cat.indicators(service)


def scheme(service: str, catalog: CatalogArg = None) -> dict:
    """The default evaluation scheme of a service (see
    :meth:`IndicatorCatalog.scheme`)."""
    with _Using(catalog) as cat:
        return cat.scheme(service)


def score(evaluation: Source, catalog: CatalogArg = None, *,
          encoding: Optional[str] = None) -> dict:
    """Score an evaluation: a dict, JSON text or bytes, an
    :class:`Evaluation`, or a path to a measurement sheet (.xlsx, .csv) or
    JSON file. catalog: None for the built-in indicators, an
    :class:`IndicatorCatalog`, or a catalog document whose indicators are
    added to the built-in ones for this call. Returns the dict of the JSON
    export.

    Deprecated (kept for this release): use :func:`scorecard`, whose
    ``to_dict()`` is this dict."""
    _deprecated("quality.score", "quality.scorecard")
    if isinstance(evaluation, Evaluation):
        return evaluation._catalog._score_dict(evaluation)
    with _Using(catalog) as cat:
        return cat._score_dict(evaluation, encoding)


def scorecard(evaluation: Source, catalog: CatalogArg = None, *,
              encoding: Optional[str] = None) -> Scorecard:
    """Score an evaluation into a :class:`Scorecard` (plain, typed,
    immutable data): a dict, JSON text or bytes, an :class:`Evaluation`
    (scored with its own catalog), or a path to a measurement sheet
    (.xlsx, .csv) or JSON file. catalog as for :func:`score`."""
    if isinstance(evaluation, Evaluation):
        return evaluation.scorecard()
    with _Using(catalog) as cat:
        return cat.scorecard(evaluation, encoding=encoding)


def score_many(items: "_tabular.Items", *, catalog: CatalogArg = None,
               threads: Optional[int] = None,
               errors: str = "raise") -> "_tabular.Batch[Scorecard]":
    """Score many evaluations, one :class:`Scorecard` each, in input order.

    items: an iterable of evaluations (dicts, JSON strings, bytes, paths,
    :class:`Evaluation` objects) or the path of a JSONL file, one
    evaluation per line (blank lines skipped). catalog as for
    :func:`score`. threads: None or 1 scores in this thread; N > 1 on a
    pool of N threads; the results keep the input order. errors: "raise"
    (the default) raises the error of the first bad item, whose ``index``
    (0-based) and, for JSONL, ``input_line`` say which (str(e) starts
    with "item I:" or "FILE:LINE:"); "return" puts the exception in the
    item's place instead. The batch is a list with ``to_records()`` (one
    row per indicator of each result, with ``index`` and ``line``) and
    ``to_pandas()``."""
    with _Using(catalog) as cat:
        return cat.score_many(items, threads=threads, errors=errors)


def report(evaluation: Source, catalog: CatalogArg = None, lang: str = "zh",
           format: str = "text", *, encoding: Optional[str] = None) -> str:
    """The report of a scored evaluation: format "text", "html", "svg" or
    "csv" (see :meth:`IndicatorCatalog.report`)."""
    if isinstance(evaluation, Evaluation):
        return evaluation.report(lang, format)
    with _Using(catalog) as cat:
        return cat.report(evaluation, lang, format, encoding=encoding)


def read(source: _lib.Document, format: Optional[str] = None, encoding: Optional[str] = None,
         catalog: Optional[IndicatorCatalog] = None) -> Evaluation:
    """An evaluation from a measurement sheet (XLSX, CSV) or JSON, with the
    built-in indicators or an :class:`IndicatorCatalog` (see
    :meth:`IndicatorCatalog.read`)."""
    return _catalog(catalog).read(source, format, encoding)


def check(source: _lib.Document, format: Optional[str] = None, encoding: Optional[str] = None,
          catalog: Optional[IndicatorCatalog] = None) -> "_lib.Problems":
    """Every problem of an evaluation document (see
    :meth:`IndicatorCatalog.check`)."""
    return _catalog(catalog).check(source, format, encoding)


def template(service: str, scheme: Optional[dict] = None, format: str = "xlsx",
             lang: str = "zh", catalog: Optional[IndicatorCatalog] = None) -> bytes:
    """The blank measurement sheet of a service (see
    :meth:`IndicatorCatalog.template`)."""
    return _catalog(catalog).template(service, scheme, format, lang)


def _catalog(catalog: Optional[IndicatorCatalog]) -> IndicatorCatalog:
    """None (the built-in indicators) or an :class:`IndicatorCatalog`."""
    if catalog is None:
        return builtin()
    if not isinstance(catalog, IndicatorCatalog):
        raise TypeError("catalog must be None or an IndicatorCatalog, not %s"
                        % type(catalog).__name__)
    return catalog


def compare(evaluations: Iterable[Source], catalog: CatalogArg = None) -> dict:
    """Compare evaluations of the same scheme over time (see
    :meth:`IndicatorCatalog.compare`)."""
    with _Using(catalog) as cat:
        return cat.compare(evaluations)


def _ahp_text(matrix: Union[Sequence[Sequence[float]], _lib.Document],
              labels: Optional[Sequence[str]]) -> bytes:
    if isinstance(matrix, (list, tuple)) and (not matrix or isinstance(matrix[0], (list, tuple))):
        doc: dict = {"matrix": [list(row) for row in matrix]}
        if labels is not None:
            doc["labels"] = list(labels)
        text, _ = _lib.document(doc, "AHP document")
        return text  # type: ignore[return-value]
    if labels is not None:
        raise TypeError("labels go with a matrix, not with a whole AHP document")
    text, path = _lib.document(matrix, "AHP document")  # type: ignore[arg-type]
    return text if text is not None else _lib.read_path(path)  # type: ignore[arg-type]


def ahp(matrix: Union[Sequence[Sequence[float]], _lib.Document],
        labels: Optional[Sequence[str]] = None, allow_inconsistent: bool = False) -> dict:
    """AHP weights from a pairwise comparison matrix (a list of rows, or a
    whole document ``{"matrix": ..., "labels": ...}`` as a dict, JSON string,
    bytes or path). Returns ``{"labels", "weights", "lambda_max", "ci", "cr",
    "consistent"}``. Raises ConsistencyError when CR >= 0.10 unless
    allow_inconsistent, InvalidValueError naming the cell of a matrix that
    is not positive, reciprocal or unit-diagonal, and InvalidValueError for
    comparisons so far apart that the weights cannot be computed in
    doubles."""
    text = _ahp_text(matrix, labels)
    mode = _lib.AHP_ALLOW_INCONSISTENT if allow_inconsistent else _lib.AHP_STRICT
    return json.loads(_lib.render(lib.itss_ahp_json, text, len(text), mode, _lib.FORMAT_JSON, 0))
