"""The typed results of maturity and quality (Rating, Scorecard), batches
(rate_many, score_many), flat records and DataFrames, and the error
classes and attributes of bad input.

Expected values come from the standards and the documents, counted by
hand or read from the input files, never from the code under test:
T/CESA 1299-2023 has 8 domains and 48 items (5.1, table 1; the table of
docs/maturity.md) and 44/136/199/111/29 clauses per level, 519 in all;
GB/T 33850-2017 has 5 characteristics and 16 sub-characteristics (the
table of docs/quality.md). The legacy dicts are the library's JSON
export, which test_cases.py checks against hand-worked values.
"""

import dataclasses
import errno
import inspect
import json
import pickle
import sys
import threading
import time
import typing
import warnings

import pytest

from conftest import ROOT

import itss
from itss import classification, maturity, quality

import test_cases as cases

EXAMPLE_ASSESSMENT = ROOT / "examples" / "assessment.json"
EXAMPLE_EVALUATION = ROOT / "examples" / "evaluation.json"

# docs/maturity.md, "Parts, domains and items": domain ids in model order
# and the numbers of their items.
DOMAINS = [
    ("capability_management", range(1, 5)), ("quality_management", range(5, 8)),
    ("people", range(8, 14)), ("process", range(14, 25)), ("technology", range(25, 28)),
    ("resources", range(28, 34)), ("delivery", range(34, 42)), ("emergency", range(42, 49)),
]
CLAUSES_PER_LEVEL = [44, 136, 199, 111, 29]  # docs/maturity.md, the levels table

# docs/quality.md, the table of the quality model
CHARACTERISTICS = [
    ("security", ["availability", "integrity", "confidentiality"]),
    ("reliability", ["completeness", "continuity", "stability", "effectiveness",
                     "traceability"]),
    ("responsiveness", ["timeliness", "interactivity"]),
    ("tangibility", ["visibility", "professionalism", "compliance"]),
    ("friendliness", ["flexibility", "courtesy", "proactiveness"]),
]

# The five clauses blocking level 3 in examples/assessment.json (the tour
# of docs/python.md, worked from the ratings of the file).
EXAMPLE_GAPS = ["7.4.9.b", "7.6.4.d", "8.4.10.c", "8.5.3.b", "8.8.4.b"]


def load_json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def level1_full():
    """Every level-1 clause fully satisfied and nothing else rated: level
    1 reached, level 2 not (none of its clauses is rated)."""
    return {"ratings": {c["id"]: "F" for c in maturity.clauses(level=1)}}


# ---- repr -----------------------------------------------------------------

def readable(obj, *must):
    text = repr(obj)
    assert "object at" not in text and " at 0x" not in text, text
    assert len(text) < 300, text  # the key fields, not pages of data
    for part in must:
        assert part in text, (part, text)
    assert repr(obj) == text  # stable
    return text


def test_rating_repr_shows_the_key_fields():
    doc = load_json(EXAMPLE_ASSESSMENT)
    r = maturity.rating(EXAMPLE_ASSESSMENT)
    unrated = 519 - len(doc["ratings"])  # clauses the file does not rate
    text = readable(r, "model='tcesa1299-2023'", repr(doc["id"]), "level=2", "target=3", "gaps=5",
                    "unrated=%d" % unrated)
    assert repr(pickle.loads(pickle.dumps(r))) == text
    readable(r.domains[0], "capability_management", "level=")
    readable(r.domains[0].items[0], "number=1", "capability_management")
    readable(r.domains[0].items[0].clauses[0], "6.1.1.a", "satisfied='fully'")
    readable(r.gaps, "target=3", *EXAMPLE_GAPS)
    readable(r.gaps.clauses[0], "7.4.9.b", "required='fully'")
    readable(r.levels[0], "level=1", "reached=True")


def test_scorecard_repr_shows_the_key_fields():
    doc = load_json(EXAMPLE_EVALUATION)
    s = quality.scorecard(EXAMPLE_EVALUATION)
    n = len(doc["scheme"]["indicators"])
    readable(s, "service='04'", repr(doc["id"]), "band='优'", "indicators=%d" % n)
    readable(s.characteristics[0], "security")
    readable(s.characteristics[1].subcharacteristics[0], "completeness")
    readable(s.indicators[0], doc["scheme"]["indicators"][0])


def test_handles_and_classes_have_readable_reprs():
    readable(maturity.builtin(), "tcesa1299-2023", "levels=5", "built-in")
    readable(quality.builtin(), "IndicatorCatalog(", "built-in")
    readable(classification.builtin(), "GB/T 29264-2012", "built-in")
    readable(classification.lookup("040201"), "040201", "网络运维服务")
    res = maturity.assess(EXAMPLE_ASSESSMENT)
    readable(res, "level=2", "target=3", "gaps=5")
    res.close()
    assert repr(res) == "Result(closed)"
    with maturity.read(EXAMPLE_ASSESSMENT) as a:
        readable(a, "tcesa1299-2023")
    with quality.read(EXAMPLE_EVALUATION) as e:
        readable(e, "service='04'")
    readable(maturity.rate_many([{"ratings": {}}]), "results=1", "failed=0")


# ---- iteration ------------------------------------------------------------

def test_a_rating_iterates_domains_items_and_clauses():
    r = maturity.rating({"ratings": {}})
    assert [d.id for d in r] == [d for d, _ in DOMAINS]
    assert len(r) == 8
    for d, (_, numbers) in zip(r, DOMAINS):
        assert [it.number for it in d] == list(numbers)
        assert all(it.domain == d.id for it in d)
    assert sum(len(d.clauses) for d in r) == 519
    per_level = [sum(c.level == lv for c in r.clauses) for lv in range(1, 6)]
    assert per_level == CLAUSES_PER_LEVEL
    # docs/maturity.md: item 3 has the level-1 clauses 6.1.3.a and 6.1.3.b;
    # 9.4.a-c belong to the process domain as a whole
    item3 = r.domain("capability_management").items[2]
    assert [c.id for c in item3 if c.level == 1] == ["6.1.3.a", "6.1.3.b"]
    wide = [c.id for c in r.domain("process").clauses if c.item is None]
    assert {"9.4.a", "9.4.b", "9.4.c"} <= set(wide)
    with pytest.raises(itss.NotFoundError):
        r.domain("finance")


def test_gaps_are_iterable():
    r = maturity.rating(EXAMPLE_ASSESSMENT)
    assert [g.id for g in r.gaps] == EXAMPLE_GAPS and len(r.gaps) == 5
    # below the target (level 3) a clause must be fully satisfied, at it largely
    assert [g.required for g in r.gaps] == ["fully", "fully", "largely", "largely", "largely"]
    # nothing rated: the 44 level-1 clauses block level 1
    empty = maturity.rating({"ratings": {}})
    assert empty.level == 0 and empty.target == 1 and len(empty.gaps) == 44
    assert {g.level for g in empty.gaps} == {1}
    assert maturity.rating(level1_full()).level == 1


def test_a_scorecard_iterates_characteristics_subcharacteristics_indicators():
    doc = load_json(EXAMPLE_EVALUATION)
    s = quality.scorecard(EXAMPLE_EVALUATION)
    assert [(c.id, [sc.id for sc in c]) for c in s] == CHARACTERISTICS
    nested = [i.id for c in s for sc in c for i in sc]
    assert sorted(nested) == sorted(doc["scheme"]["indicators"])
    assert [i.id for i in s.indicators] == doc["scheme"]["indicators"]
    # the one "na" measurement of the file, with its reason
    na = [k for k, v in doc["measurements"].items() if "na" in v]
    assert [i.id for i in s.not_evaluated] == na
    assert s.not_evaluated[0].reason == doc["measurements"][na[0]]["na"]


def test_results_are_frozen_and_pickle():
    r = maturity.rating(EXAMPLE_ASSESSMENT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.level = 5
    assert pickle.loads(pickle.dumps(r)) == r
    s = quality.scorecard(EXAMPLE_EVALUATION)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.score = 1.0
    assert pickle.loads(pickle.dumps(s)) == s


# ---- to_dict is the legacy dict, for every case -----------------------------

def rate_cases():
    return [d for d in cases.case_dirs("maturity")
            if cases.load(d / "input.json")["op"] in ("rate", "rate_file")]


def score_cases():
    return [d for d in cases.case_dirs("quality")
            if cases.load(d / "input.json")["op"] == "score"]


def outcome(fn):
    try:
        return fn()
    except itss.ItssError as e:
        return (type(e), str(e))


def maturity_doc(d, inp, model):
    return cases.compose(model, inp) if inp["op"] == "rate" else d / inp["file"]


@pytest.mark.parametrize("d", rate_cases(), ids=lambda p: p.name)
def test_rating_to_dict_is_the_legacy_dict(d):
    inp = cases.load(d / "input.json")
    target = inp.get("target") or None
    with cases.maturity_model(d, inp) as model:
        doc = maturity_doc(d, inp, model)
        legacy = outcome(lambda: model.rate(doc, target))
        typed = outcome(lambda: model.rating(doc, target))
        if isinstance(legacy, dict):
            assert typed.to_dict() == legacy
            assert len(typed.to_records()) == len(model.clauses())
        else:
            assert typed == legacy


@pytest.mark.parametrize("d", score_cases(), ids=lambda p: p.name)
def test_scorecard_to_dict_is_the_legacy_dict(d):
    inp = cases.load(d / "input.json")
    with cases.quality_catalog(d, inp) as cat:
        doc = cases.document(d, inp, "evaluation")
        legacy = outcome(lambda: cat.score(doc))
        typed = outcome(lambda: cat.scorecard(doc))
        if isinstance(legacy, dict):
            assert typed.to_dict() == legacy
            assert len(typed.to_records()) == len(legacy["indicators"])
        else:
            assert typed == legacy


def test_to_dict_is_a_copy():
    r = maturity.rating(EXAMPLE_ASSESSMENT)
    r.to_dict()["level"] = 99
    assert r.to_dict()["level"] == 2


# ---- batches ----------------------------------------------------------------

def batch_docs(n):
    """n assessments of known levels (0, 1, 2 in turn), each with its id."""
    example = load_json(EXAMPLE_ASSESSMENT)
    kinds = [({"ratings": {}}, 0), (level1_full(), 1), (example, 2)]
    docs, levels = [], []
    for i in range(n):
        doc, level = kinds[i % 3]
        docs.append(dict(doc, id="A-%03d" % i))
        levels.append(level)
    return docs, levels


@pytest.mark.parametrize("threads", [None, 1, 8])
def test_rate_many_keeps_the_input_order(threads):
    docs, levels = batch_docs(60)
    batch = maturity.rate_many(docs, threads=threads)
    assert [r.assessment_id for r in batch] == ["A-%03d" % i for i in range(60)]
    assert [r.level for r in batch] == levels


def test_rate_many_works_on_several_threads(monkeypatch):
    seen = set()
    rating = maturity.Model.rating

    def slow(self, doc, target=None, **kw):
        seen.add(threading.get_ident())
        time.sleep(0.005)  # keeps a worker busy, so that the pool starts others
        return rating(self, doc, target, **kw)

    monkeypatch.setattr(maturity.Model, "rating", slow)
    docs, levels = batch_docs(24)
    assert [r.level for r in maturity.rate_many(docs, threads=4)] == levels
    assert 1 < len(seen) <= 4
    seen.clear()
    maturity.rate_many(docs[:3])
    assert seen == {threading.get_ident()}  # no pool without threads


def test_rate_many_takes_every_kind_of_item(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(EXAMPLE_ASSESSMENT.read_text(encoding="utf-8"), encoding="utf-8")
    with maturity.read(EXAMPLE_ASSESSMENT) as a:
        items = [{"ratings": {}}, json.dumps(level1_full()), json.dumps({"ratings": {}}).encode(),
                 path, str(path), a]
        assert [r.level for r in maturity.rate_many(items, threads=3)] == [0, 1, 0, 2, 2, 2]
    # another built-in model by id: ITSS.1-2015 has 4 levels
    assert maturity.rate_many([{"ratings": {}}], model="itss1-2015")[0].model == "itss1-2015"
    # a target for every item: level 2's gaps of an empty assessment are
    # its 44 + 136 clauses of levels 1 and 2
    assert len(maturity.rate_many([{"ratings": {}}], target=2)[0].gaps) == 44 + 136


def test_rate_many_raises_at_the_first_bad_item():
    docs, _ = batch_docs(6)
    docs[4] = {"ratings": {"6.1.1.z": "F"}}
    docs[5] = {"ratings": "no"}
    for threads in (None, 4):
        with pytest.raises(itss.UnknownIdError) as info:
            maturity.rate_many(docs, threads=threads)
        e = info.value
        assert e.index == 4 and e.input_line == 0 and e.path == "/ratings/6.1.1.z"
        assert str(e).startswith("item 4: ")
    batch = maturity.rate_many(docs, errors="return")
    assert [type(x).__name__ for x in batch] == ["Rating"] * 4 + ["UnknownIdError", "SchemaError"]
    assert [i for i, _ in batch.failures] == [4, 5]
    assert len(batch.to_records()) == 4 * 519
    with pytest.raises(itss.ArgumentError):
        maturity.rate_many(docs, errors="ignore")
    with pytest.raises(itss.ArgumentError):
        maturity.rate_many(docs, threads=0)
    with pytest.raises(TypeError):
        maturity.rate_many({"ratings": {}})  # one document, not an iterable of them
    with pytest.raises(TypeError):
        maturity.rate_many('{"ratings": {}}')


def write_jsonl(path, docs, bad_at):
    """docs one per line, a blank line after the first, and at line
    bad_at (1-based) a line that is not JSON."""
    lines = [json.dumps(d, ensure_ascii=False) for d in docs]
    lines.insert(1, "")
    lines.insert(bad_at - 1, '{"ratings": {')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_rate_many_reads_jsonl_and_names_the_bad_line(tmp_path):
    docs, levels = batch_docs(5)
    path = tmp_path / "batch.jsonl"
    write_jsonl(path, docs, bad_at=5)
    # lines: 1 doc0, 2 blank, 3 doc1, 4 doc2, 5 bad, 6 doc3, 7 doc4
    with pytest.raises(itss.ParseError) as info:
        maturity.rate_many(path)
    e = info.value
    assert e.input_line == 5 and e.index == 3
    assert str(e).startswith("%s:5: " % path)
    batch = maturity.rate_many(str(path), errors="return", threads=2)
    assert [type(x).__name__ for x in batch] == ["Rating"] * 3 + ["ParseError"] + ["Rating"] * 2
    assert batch.lines == [1, 3, 4, 5, 6, 7]
    assert [r.level for r in batch if not isinstance(r, Exception)] == levels
    rows = batch.to_records()
    assert len(rows) == 5 * 519
    assert sorted({(row["index"], row["line"]) for row in rows}) == \
        [(0, 1), (1, 3), (2, 4), (4, 6), (5, 7)]
    with pytest.raises(itss.FileError) as missing:
        maturity.rate_many(tmp_path / "none.jsonl")
    assert missing.value.errno == errno.ENOENT
    assert missing.value.filename == str(tmp_path / "none.jsonl")


def test_score_many_keeps_order_and_names_the_bad_item(tmp_path):
    base = load_json(EXAMPLE_EVALUATION)
    one = {"service": "04", "scheme": {"indicators": ["incident_resolution_rate"]},
           "measurements": {"incident_resolution_rate": {"A": 0, "B": 50}}}
    docs = []
    for i in range(30):
        # incident_resolution_rate alone scores A/B: i/50 (A = i of B = 50)
        d = json.loads(json.dumps(one))
        d["measurements"]["incident_resolution_rate"]["A"] = i
        d["id"] = "E-%02d" % i
        docs.append(d)
    docs.append(base)
    batch = quality.score_many(docs, threads=6)
    assert [s.evaluation_id for s in batch] == ["E-%02d" % i for i in range(30)] + [base["id"]]
    assert [s.score for s in batch[:30]] == pytest.approx([i / 50 for i in range(30)])
    assert len(batch.to_records()) == 30 + len(base["scheme"]["indicators"])
    bad = list(docs)
    bad[7] = dict(one, service="99")
    with pytest.raises(itss.UnknownIdError) as info:
        quality.score_many(bad, threads=3)
    assert info.value.index == 7 and info.value.path == "/service"
    path = tmp_path / "e.jsonl"
    write_jsonl(path, docs[:3], bad_at=3)
    out = quality.score_many(path, errors="return")
    assert [type(x).__name__ for x in out] == ["Scorecard", "ParseError", "Scorecard",
                                               "Scorecard"]
    assert out[1].input_line == 3


# ---- records and DataFrames ---------------------------------------------------

MATURITY_COLUMNS = ["model", "assessment", "clause", "level", "domain", "item", "rating", "grade",
                    "satisfied", "blocks_target", "evidence", "note"]
QUALITY_COLUMNS = ["service", "evaluation", "period", "indicator", "characteristic",
                   "subcharacteristic", "method", "polarity", "weight", "x", "status", "reason"]


def test_rating_records_one_per_clause():
    doc = load_json(EXAMPLE_ASSESSMENT)
    rows = maturity.rating(EXAMPLE_ASSESSMENT).to_records()
    assert len(rows) == 519 and list(rows[0]) == MATURITY_COLUMNS
    by = {row["clause"]: row for row in rows}
    assert {row["assessment"] for row in rows} == {doc["id"]}
    assert sorted(c for c, row in by.items() if row["blocks_target"]) == sorted(EXAMPLE_GAPS)
    assert by["7.6.3.g"]["satisfied"] == "not_applicable"
    assert by["6.1.1.a"]["evidence"] == doc["ratings"]["6.1.1.a"]["evidence"]
    assert by["6.1.1.a"]["item"] == 1 and by["9.4.a"]["item"] is None
    unrated = [c for c, row in by.items() if row["rating"] is None]
    assert len(unrated) == 519 - len(doc["ratings"])


def test_records_keep_text_a_spreadsheet_would_take_for_a_formula():
    # the CSV the records come from protects these with an apostrophe;
    # the records give the texts of the assessment
    texts = {"6.1.1.a": "=SUM(A1)", "6.1.1.b": "'=x", "6.1.1.c": "-5", "6.1.1.d": "'plain",
             "6.1.2.a": "@here"}
    doc = {"ratings": {c: {"rating": "F", "evidence": t, "note": t} for c, t in texts.items()}}
    by = {row["clause"]: row for row in maturity.rating(doc).to_records()}
    for c, t in texts.items():
        assert (by[c]["evidence"], by[c]["note"]) == (t, t)


def test_to_pandas_columns_and_rows():
    pandas = pytest.importorskip("pandas")
    df = maturity.rating(EXAMPLE_ASSESSMENT).to_pandas()
    assert isinstance(df, pandas.DataFrame)
    assert list(df.columns) == MATURITY_COLUMNS and len(df) == 519
    docs, _ = batch_docs(3)
    many = maturity.rate_many(docs).to_pandas()
    assert list(many.columns) == ["index", "line"] + MATURITY_COLUMNS and len(many) == 3 * 519
    assert list(many.groupby("index").size()) == [519, 519, 519]
    q = quality.scorecard(EXAMPLE_EVALUATION).to_pandas()
    assert list(q.columns) == QUALITY_COLUMNS
    assert len(q) == len(load_json(EXAMPLE_EVALUATION)["scheme"]["indicators"])


def test_to_pandas_without_pandas_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas fails
    with pytest.raises(ImportError, match="needs pandas"):
        maturity.rating({"ratings": {}}).to_pandas()
    with pytest.raises(ImportError, match="needs pandas"):
        quality.score_many([EXAMPLE_EVALUATION]).to_pandas()


# ---- the deprecated dict calls ------------------------------------------------

def test_dict_calls_are_deprecated_and_name_their_replacement():
    with pytest.warns(DeprecationWarning, match="maturity.rating"):
        assert maturity.rate({"ratings": {}})["level"] == 0
    with pytest.warns(DeprecationWarning, match="Model.rating"):
        maturity.builtin().rate({"ratings": {}})
    with maturity.read(EXAMPLE_ASSESSMENT) as a:
        with pytest.warns(DeprecationWarning, match="Assessment.rating"):
            a.rate()
    with pytest.warns(DeprecationWarning, match="quality.scorecard"):
        quality.score(EXAMPLE_EVALUATION)
    with pytest.warns(DeprecationWarning, match="IndicatorCatalog.scorecard"):
        quality.builtin().score(EXAMPLE_EVALUATION)
    with quality.read(EXAMPLE_EVALUATION) as e:
        with pytest.warns(DeprecationWarning, match="Evaluation.scorecard"):
            e.score()


def test_the_typed_calls_do_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        maturity.rating(EXAMPLE_ASSESSMENT)
        maturity.rate_many([{"ratings": {}}], threads=2)
        quality.scorecard(EXAMPLE_EVALUATION)
        quality.score_many([EXAMPLE_EVALUATION])
        with maturity.read(EXAMPLE_ASSESSMENT) as a:
            a.rating()
        with quality.read(EXAMPLE_EVALUATION) as e:
            e.scorecard()


def test_the_new_calls_are_fully_annotated():
    for fn in (maturity.rating, maturity.rate_many, quality.scorecard, quality.score_many,
               maturity.Model.rating, maturity.Result.rating, quality.IndicatorCatalog.scorecard,
               itss.ItssError.message_in):
        sig = inspect.signature(fn)
        assert sig.return_annotation is not inspect.Signature.empty, fn
        for name, p in sig.parameters.items():
            assert name == "self" or p.annotation is not inspect.Parameter.empty, (fn, name)
        typing.get_type_hints(fn)  # every name resolves
    for cls in (maturity.Rating, maturity.DomainRating, quality.Scorecard):
        typing.get_type_hints(cls)


# ---- errors -------------------------------------------------------------------

def hostile_cases():
    out = []
    for area in ("classify", "maturity", "quality"):
        for d in cases.case_dirs(area):
            if d.name.startswith("hostile-") and "error" in cases.load(d / "expected.json"):
                out.append((area, d))
    return out


@pytest.mark.parametrize("area,d", hostile_cases(), ids=lambda x: getattr(x, "name", x))
def test_every_hostile_input_raises_a_value_error(area, d):
    code = cases.load(d / "expected.json")["error"]["code"]
    with pytest.raises(itss.ItssError) as info:
        cases.OPS[area](d, cases.load(d / "input.json"))
    e = info.value
    assert e.name == code
    assert isinstance(e, ValueError), (type(e).__mro__, str(e))
    if code == "ITSS_ENOTFOUND":
        # an unknown id inside the document: both kinds, as documented
        assert isinstance(e, itss.UnknownIdError) and isinstance(e, itss.NotFoundError)
        assert isinstance(e, LookupError)


def test_error_classes():
    assert issubclass(itss.UnknownIdError, itss.NotFoundError)
    assert issubclass(itss.UnknownIdError, ValueError)
    assert issubclass(itss.FileError, OSError)
    for cls in (itss.ArgumentError, itss.ParseError, itss.SchemaError, itss.InvalidValueError,
                itss.DuplicateError, itss.ModelError, itss.LimitError, itss.ConsistencyError):
        assert issubclass(cls, ValueError), cls


def test_an_unknown_key_of_the_caller_stays_a_lookup_error():
    for call in (lambda: classification.lookup("0407"), lambda: maturity.clause("9.9.9.z"),
                 lambda: maturity.builtin("no-such-model"),
                 lambda: maturity.rating({"ratings": {}}).domain("finance")):
        with pytest.raises(itss.NotFoundError) as info:
            call()
        assert not isinstance(info.value, ValueError), info.value


def test_unknown_clause_in_an_assessment_is_a_value_error():
    with pytest.raises(ValueError) as info:
        maturity.rating({"ratings": {"7.4.4.z": "F"}})
    e = info.value
    assert isinstance(e, itss.UnknownIdError) and e.path == "/ratings/7.4.4.z"
    assert str(e) == '1:13: unknown clause "7.4.4.z": T/CESA 1299-2023 has no such ' \
                     'requirement clause (at /ratings/7.4.4.z)'


@pytest.mark.parametrize("call", [
    lambda p: maturity.rating(p), lambda p: quality.scorecard(p),
    lambda p: maturity.Model.load(p), lambda p: quality.IndicatorCatalog.load(p),
    lambda p: maturity.read(p), lambda p: classification.Catalog.load(p),
])
@pytest.mark.parametrize("name", ["missing.json", "missing.xlsx"])
def test_file_error_carries_errno_and_filename(tmp_path, call, name):
    path = tmp_path / name
    with pytest.raises(itss.FileError) as info:
        call(path)
    e = info.value
    assert isinstance(e, OSError)
    assert e.errno == errno.ENOENT and e.strerror == "No such file or directory"
    assert e.filename == str(path)
    assert str(e) == 'cannot open "%s": No such file or directory' % path  # as before


def test_file_error_names_a_long_path_whole_and_pickles(tmp_path):
    # the library's message shortens a long path; filename is the whole one
    path = tmp_path / ("x" * 200 + ".json")
    with pytest.raises(itss.FileError) as info:
        maturity.rating(path)
    e = info.value
    assert str(path) not in str(e) and e.filename == str(path)
    back = pickle.loads(pickle.dumps(e))
    assert (back.errno, back.strerror, back.filename) == (errno.ENOENT, e.strerror, str(path))
    assert str(back) == str(e)


def test_file_error_of_a_directory(tmp_path):
    with pytest.raises(itss.FileError) as info:
        maturity.Model.load(tmp_path)
    assert info.value.errno == errno.EISDIR and info.value.filename == str(tmp_path)


def test_file_error_of_a_file_python_reads(tmp_path):
    # the AHP document is read by Python before the library sees it
    with pytest.raises(itss.FileError) as info:
        quality.ahp(tmp_path / "none.json")
    assert info.value.errno == errno.ENOENT
    assert info.value.filename == str(tmp_path / "none.json")


def test_messages_in_both_languages():
    with pytest.raises(itss.ItssError) as info:
        maturity.rating({"ratings": {"7.4.4.z": "F"}})
    e = info.value
    assert e.message_in("en") == e.message
    zh = e.message_in("zh")
    # the template of the catalog (lib/msg/json.inc), written out by hand;
    # the clause id stays as it is
    assert zh == "未知的条款“7.4.4.z”：T/CESA 1299-2023 中没有这一要求条款"
    assert str(e).startswith("1:13: ")  # str(e) is unchanged
    with pytest.raises(itss.InvalidValueError):
        e.message_in("fr")
    # a message the library did not write comes back as it is
    made = itss.ArgumentError("threads 0 is outside 1..1024", code=-1, name="ITSS_EINVAL")
    assert made.message_in("zh") == made.message_in("en") == made.message
