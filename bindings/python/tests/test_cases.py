"""The data-driven cases of tests/cases/, run through the Python binding.

They are the cases the C tests run (tests/test_*_cases.c), with the same
operations and the same comparison: every key of an expected object must
be present and equal in the actual result, arrays element by element,
numbers to 12 significant digits; an expected error names the status and
whatever location it checks. Expected values were worked by hand from the
standards; the binding must give exactly what the C library gives.
"""

import json

import pytest

from conftest import ROOT

import itss
from itss import classification, maturity, quality

CASES = ROOT / "tests" / "cases"


def case_dirs(area):
    dirs = sorted(p.parent for p in (CASES / area).glob("*/input.json"))
    assert dirs, "no cases under %s" % (CASES / area)
    return dirs


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def error(e):
    """An ItssError as the runners' {"error": {...}} object."""
    assert e.message, "error without a message"
    body = {"code": e.name, "message": e.message, "path": e.path}
    if e.line:
        body.update(line=e.line, column=e.column, position=e.position)
    return {"error": body}


def match(exp, act, where=""):
    if isinstance(exp, dict):
        assert isinstance(act, dict), "%s: expected an object, got %r" % (where, act)
        for k, v in exp.items():
            if k == "message_contains":
                assert v in act.get("message", ""), \
                    "%s: message %r lacks %r" % (where, act.get("message"), v)
                continue
            assert k in act, "%s/%s: missing in actual %s" % (where, k, json.dumps(act)[:500])
            match(v, act[k], "%s/%s" % (where, k))
    elif isinstance(exp, list):
        assert isinstance(act, list), "%s: expected an array, got %r" % (where, act)
        assert len(exp) == len(act), "%s: expected %s, got %s" % (where, exp, act)
        for i, (e, a) in enumerate(zip(exp, act)):
            match(e, a, "%s/%d" % (where, i))
    elif (isinstance(exp, (int, float)) and not isinstance(exp, bool)
          and isinstance(act, (int, float)) and not isinstance(act, bool)):
        assert abs(exp - act) <= 1e-12 * max(1, abs(exp)), \
            "%s: expected %r, got %r" % (where, exp, act)
    else:
        assert exp == act and type(exp) is type(act), "%s: expected %r, got %r" % (where, exp, act)


def run(area, d):
    """The actual result of a case, or its error object."""
    op_input = load(d / "input.json")
    try:
        return OPS[area](d, op_input)
    except itss.ItssError as e:
        return error(e)


# ---- classification ------------------------------------------------------

def codes(classes):
    return {"codes": [c.code for c in classes]}


def classify(d, inp):
    op, code = inp["op"], inp.get("code")
    if op == "names":
        return {"names": {c.code: c.name_zh for c in classification.builtin().classes()}}
    if op == "export":
        doc = classification.export()
        by = {"1": 0, "2": 0, "3": 0}
        for c in doc["classes"]:
            by[str(c["level"])] += 1
        return {"count": len(doc["classes"]), "by_level": by, "edition": doc["edition"]}
    if op == "show":
        return {"class": classification.lookup(code).to_dict()}
    if op == "validate":
        v = classification.validate(code)
        r = {"valid": v.valid, "problem": v.problem}
        if not v.valid:
            r["error"] = v.error
        return r
    if op == "top":
        return codes(classification.top())
    if op in ("children", "ancestors", "descendants"):
        return codes(getattr(classification, op)(code))
    if op == "search":
        return codes(classification.search(inp["text"]))
    if op == "map":
        links = classification.map(inp["crosswalk"], code, inp.get("reverse", False))
        return {"mappings": [{"class": m.class_code, "target": m.target_code,
                              "relation": m.relation} for m in links]}
    if op == "load":
        with classification.Catalog.load(d / inp["file"]) as cat:
            return {"classes": len(cat)}
    raise AssertionError("unknown op " + op)


# ---- maturity ------------------------------------------------------------

def compose(model, inp):
    """The assessment of a "rate" case, built as the C runner builds it:
    every clause (of "fill_levels", default all) rated "fill", then
    "ratings" on top (null removes one), then "meta" and "scale"."""
    ratings = {}
    if "fill" in inp:
        levels = inp.get("fill_levels")
        for c in model.clauses():
            if levels is None or c["level"] in levels:
                ratings[c["id"]] = inp["fill"]
    for k, v in inp.get("ratings", {}).items():
        if v is None:
            ratings.pop(k, None)
        else:
            ratings[k] = v
    doc = dict(inp.get("meta", {}))
    if "scale" in inp:
        doc["scale"] = inp["scale"]
    doc["ratings"] = ratings
    return doc


def maturity_model(d, inp):
    """The model of a maturity case: loaded from the case, or built in."""
    if "model" in inp:
        return maturity.Model.load(d / inp["model"])
    return maturity.builtin(inp.get("builtin", maturity.DEFAULT_MODEL))


def maturity_case(d, inp):
    op = inp["op"]
    target = inp.get("target") or None
    with maturity_model(d, inp) as model:
        if op == "rate":
            return model.rate(compose(model, inp), target)
        if op == "rate_file":
            return model.rate(d / inp["file"], target)
        if op == "load_model":
            clauses = model.clauses()
            export = model.export()
            return {"levels": model.levels, "domains": len(export["domains"]),
                    "items": len(export["items"]), "clauses": len(clauses),
                    "clauses_per_level": [sum(c["level"] == lv for c in clauses)
                                          for lv in range(1, model.levels + 1)],
                    "warnings": model.warnings}
    raise AssertionError("unknown op " + op)


# ---- quality -------------------------------------------------------------

def document(d, inp, key):
    return inp[key] if key in inp else d / inp["file"]


def quality_catalog(d, inp):
    """The indicator catalog of a quality case: loaded, added to the
    built-in one, or built in."""
    if "catalog" in inp and "catalog_base" in inp:
        return quality.builtin().extend(d / inp["catalog"])
    if "catalog" in inp:
        return quality.IndicatorCatalog.load(d / inp["catalog"])
    return quality.builtin()


def quality_case(d, inp):
    op = inp["op"]
    with quality_catalog(d, inp) as cat:
        if op == "score":
            return cat.score(document(d, inp, "evaluation"))
        if op == "ahp":
            return quality.ahp(document(d, inp, "document"),
                               allow_inconsistent=inp.get("allow_inconsistent", False))
        if op == "load_catalog":
            ids = cat.ids()
            return {"count": len(ids), "ids": ids}
        if op == "scheme":
            return cat.scheme(inp["service"])
        if op == "compare":
            return cat.compare(inp["evaluations"])
    raise AssertionError("unknown op " + op)


OPS = {"classify": classify, "maturity": maturity_case, "quality": quality_case}


@pytest.mark.parametrize("d", case_dirs("classify"), ids=lambda p: p.name)
def test_classify_case(d):
    match(load(d / "expected.json"), run("classify", d))


@pytest.mark.parametrize("d", case_dirs("maturity"), ids=lambda p: p.name)
def test_maturity_case(d):
    match(load(d / "expected.json"), run("maturity", d))


@pytest.mark.parametrize("d", case_dirs("quality"), ids=lambda p: p.name)
def test_quality_case(d):
    match(load(d / "expected.json"), run("quality", d))


def test_every_case_directory_is_run():
    """A case directory without input.json would be skipped silently."""
    for area in OPS:
        for p in (CASES / area).iterdir():
            if p.is_dir():
                assert (p / "input.json").is_file() and (p / "expected.json").is_file(), p


