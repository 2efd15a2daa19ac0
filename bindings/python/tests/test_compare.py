"""maturity.compare: three assessments of the small model of
tests/cases/maturity-compare, worked by hand in
tests/python/test_cli_maturity_compare.py (levels 1, 2, 0; the clause
changes listed there); labels, models and errors of the binding.
"""

import json

import pytest

from conftest import ROOT

from itss import errors, maturity

CMP = ROOT / "tests" / "cases" / "maturity-compare"
FILES = [CMP / f for f in ("2024.json", "2025.json", "2026.json")]
HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "]]>",
           '=HYPERLINK("http://x","y")']


@pytest.fixture()
def model():
    with maturity.Model.load(CMP / "model.json") as m:
        yield m


def test_levels_and_changes(model):
    c = model.compare(FILES)
    assert [a["level"] for a in c["assessments"]] == [1, 2, 0]
    assert [a["label"] for a in c["assessments"]] == [None, None, None]
    assert [a["id"] for a in c["assessments"]] == ["A-2024", "B-2025", "C-2026"]
    first, second = c["changes"]
    # 2024 -> 2025: svc-1a 88 (L with bands 20/60/90) -> 95 (F); not_met -> met;
    # unrated -> 70 (L); sec-3a N -> na is neither better nor worse
    assert [(x["id"], x["from"], x["to"]) for x in first["improved"]] == [
        ("svc-1a", "L", "F"), ("ops-2a", "N", "F"), ("sec-2a", "L", "F"), ("svc-2a", "P", "L"),
        ("ops-3a", None, "L")]
    assert first["na_changed"] == [{"id": "sec-3a", "from": "N", "to": "na"}]
    # 2025 -> 2026: F -> unrated, met -> not_met, L -> 50 (P)
    assert [(x["id"], x["from"], x["to"]) for x in second["worsened"]] == [
        ("sec-1a", "F", None), ("ops-2a", "F", "N"), ("svc-2a", "L", "P")]
    assert second["level"] == {"from": 2, "to": 0}


def test_module_function_and_inputs(model):
    docs = [json.loads(f.read_text(encoding="utf-8")) for f in FILES[:2]]
    c = maturity.compare(docs, labels=["2024", None], model=model)
    assert [a["label"] for a in c["assessments"]] == ["2024", None]
    assert c["model"]["id"] == "cmp-demo"
    # the built-in model by default and by id: empty assessments, no change
    c = maturity.compare([{"ratings": {}}, "{\"ratings\": {}}"])
    assert c["model"]["id"] == "tcesa1299-2023"
    assert c["changes"][0]["improved"] == [] and c["changes"][0]["level"] == {"from": 0, "to": 0}
    assert maturity.compare([{"ratings": {}}] * 2, model="itss1-2015")["model"]["id"] == "itss1-2015"


def test_hostile_labels_and_metadata_stay_text(model):
    docs = [{"id": h, "organization": h, "notes": h, "ratings": {}} for h in HOSTILE]
    c = model.compare(docs, labels=HOSTILE)
    assert [a["label"] for a in c["assessments"]] == HOSTILE
    assert [a["organization"] for a in c["assessments"]] == HOSTILE


def test_errors(model):
    with pytest.raises(errors.ArgumentError, match="at least two"):
        model.compare(FILES[:1])
    with pytest.raises(errors.ArgumentError, match="labels: 1 given for 2 assessments"):
        model.compare(FILES[:2], labels=["x"])
    with pytest.raises(errors.NotFoundError):
        model.compare([FILES[0], ROOT / "examples" / "assessment.json"])
    with pytest.raises(errors.ArgumentError, match="target level 4"):
        model.compare(FILES, target=4)
    with pytest.raises(TypeError):
        maturity.compare(FILES, model=3)
