"""The Python API over the C library: objects, conversions, errors,
ownership. Expected values come from the standards (GB/T 29264-2012 table
3-1, T/CESA 1299-2023 clause counts, AHP arithmetic worked by hand) or are
compared with what the C library's own tool prints for the same input.
"""

import json
import subprocess

import pytest

from conftest import ROOT

import itss
from itss import classification, errors, maturity, quality

EXAMPLE_ASSESSMENT = ROOT / "examples" / "assessment.json"
EXAMPLE_EVALUATION = ROOT / "examples" / "evaluation.json"


def c_json(c_cli, *args):
    p = subprocess.run([c_cli, *args, "--format", "json"], capture_output=True, check=True)
    return json.loads(p.stdout)


# ---- package ------------------------------------------------------------------

def test_version_matches_the_library_and_the_package():
    assert itss.version() == itss.__version__ == "1.1.0"


def test_error_hierarchy():
    # each kind is an ItssError and the closest built-in exception
    assert issubclass(itss.NotFoundError, itss.ItssError)
    assert issubclass(itss.NotFoundError, LookupError)
    assert issubclass(itss.ParseError, ValueError)
    assert issubclass(itss.SchemaError, ValueError)
    assert issubclass(itss.InvalidValueError, ValueError)
    assert issubclass(itss.FileError, OSError)
    assert issubclass(itss.NoMemoryError, MemoryError)
    assert issubclass(itss.InternalError, RuntimeError)
    assert issubclass(itss.LibraryVersionError, ImportError)
    e = errors.from_record(code=-12, name="ITSS_EINTERNAL", message="broken invariant")
    assert type(e) is itss.InternalError and isinstance(e, itss.ItssError)
    e = errors.from_record(code=-99, name="", message="future code")
    assert type(e) is itss.ItssError and e.code == -99


# ---- classification ------------------------------------------------------------

def test_lookup_level_3_class():
    # GB/T 29264-2012 table 3-1: 040201 网络运维服务 under 0402 硬件运维服务
    c = classification.lookup("040201")
    assert (c.code, c.level, c.parent, c.name_zh) == ("040201", 3, "0402", "网络运维服务")
    assert c.name_en and c.source.startswith("GB/T 29264-2012")
    d = c.to_dict()
    assert d["code"] == "040201" and d["name"]["zh"] == "网络运维服务"
    d["code"] = "changed"  # to_dict gives a copy: the class is unchanged
    assert c.to_dict()["code"] == "040201"
    with pytest.raises(AttributeError):
        c.code = "x"  # frozen


def test_lookup_top_level_has_no_parent():
    c = classification.lookup("01")
    assert (c.level, c.parent, c.name_zh) == (1, None, "信息技术咨询服务")


def test_lookup_unknown_code_names_the_problem():
    with pytest.raises(itss.NotFoundError) as info:
        classification.lookup("0407")
    e = info.value
    assert isinstance(e, LookupError)
    assert (e.code, e.name, e.path, e.line, e.column) == (-3, "ITSS_ENOTFOUND", "", 0, 0)
    assert '"0407"' in e.message and "0499" in e.message  # names it, lists 04's classes
    assert str(e) == e.message


@pytest.mark.parametrize("code, problem", [
    ("", "empty"), ("04a1", "not_digits"), ("040", "bad_length"), ("0407", "unknown_code"),
    ("990101", "unknown_parent")])
def test_validate_problems(code, problem):
    v = classification.validate(code)
    assert (v.valid, v.problem) == (False, problem)
    assert v.message and v.cls is None
    # the status lookup raises: a code that cannot exist is a bad value,
    # a well-formed one that does not is not found
    expected = "ITSS_EVALUE" if problem in ("empty", "not_digits", "bad_length") else "ITSS_ENOTFOUND"
    assert v.error == expected
    with pytest.raises(itss.ItssError) as info:
        classification.lookup(code)
    assert info.value.name == expected
    assert not classification.is_valid(code)


def test_validate_valid_code():
    v = classification.validate("0402")
    assert (v.valid, v.problem, v.message, v.error) == (True, "ok", None, None)
    assert v.cls == classification.lookup("0402")
    assert classification.is_valid("0402")


def test_hierarchy():
    # table 3-1: nine top-level classes 01..09; 04 has 0401..0405 and 0499
    assert [c.code for c in classification.top()] == ["0%d" % i for i in range(1, 10)]
    assert [c.code for c in classification.children("04")] == [
        "0401", "0402", "0403", "0404", "0405", "0499"]
    assert [c.code for c in classification.ancestors("040201")] == ["04", "0402"]
    assert classification.ancestors("04") == []
    below = [c.code for c in classification.descendants("0402")]
    assert below == ["040201", "040202", "040203", "040204", "040299"]
    assert len(classification.builtin()) == 55


def test_search():
    found = classification.search("网络运维服务")
    assert found[0].code == "040201"  # the exact name comes first
    assert classification.search("zzzz-no-such-name") == []
    with pytest.raises(itss.InvalidValueError):
        classification.search("   ")


def test_tree_and_export():
    t = classification.tree("0402")
    assert [n["code"] for n in t["tree"][0]["children"]] == [
        "040201", "040202", "040203", "040204", "040299"]
    doc = classification.export()
    assert len(doc["classes"]) == 55 and doc["edition"] == "GB/T 29264-2012"


def test_crosswalks():
    ids = {x.id for x in classification.crosswalks()}
    assert ids == {"gbt4754", "db21"}
    m = classification.map("gbt4754", "040201")
    assert [(x.class_code, x.target_code, x.relation) for x in m] == [
        ("040201", "6540", "narrower")]
    back = classification.map("gbt4754", "6540", reverse=True)
    assert "040201" in [x.class_code for x in back]
    with pytest.raises(itss.NotFoundError):
        classification.map("nosuch", "04")


def test_loaded_catalog_round_trip_and_close():
    doc = classification.export()
    with classification.Catalog.load(doc) as cat:
        assert len(cat) == 55 and cat.edition == "GB/T 29264-2012"
        assert cat.export() == doc
        assert cat.lookup("040201") == classification.lookup("040201")
    assert cat.closed
    with pytest.raises(ValueError, match="closed"):
        cat.lookup("04")
    cat.close()  # idempotent
    b = classification.builtin()
    b.close()  # the built-in catalog is never released
    assert not b.closed and b.lookup("01").level == 1


def test_catalog_load_error_locates_the_problem():
    doc = classification.export()
    doc["classes"][3]["level"] = "two"
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    # the offending value is on the line that reads ` "level": "two",`
    line = text.splitlines().index('   "level": "two",') + 1
    with pytest.raises(itss.SchemaError) as info:
        classification.Catalog.load(text)
    e = info.value
    assert (e.path, e.line, e.column) == ("/classes/3/level", line, 13)


def test_bad_argument_types():
    with pytest.raises(TypeError):
        classification.lookup(40201)
    with pytest.raises(itss.ArgumentError):
        classification.lookup("04\x0001")
    with pytest.raises(TypeError):
        maturity.rate(42)


# ---- maturity -------------------------------------------------------------------

def test_rate_inputs_agree_and_match_the_c_tool(c_cli):
    text = EXAMPLE_ASSESSMENT.read_text(encoding="utf-8")
    by_path = maturity.rate(str(EXAMPLE_ASSESSMENT))
    assert maturity.rate(EXAMPLE_ASSESSMENT) == by_path
    assert maturity.rate(text) == by_path
    assert maturity.rate(text.encode("utf-8")) == by_path
    assert maturity.rate(json.loads(text)) == by_path
    assert by_path == c_json(c_cli, "maturity", "rate", str(EXAMPLE_ASSESSMENT))
    for target in (3, 4, 5):
        assert maturity.rate(EXAMPLE_ASSESSMENT, target) == c_json(
            c_cli, "maturity", "rate", str(EXAMPLE_ASSESSMENT), "--target", str(target))


def test_rate_empty_assessment():
    # nothing rated: below level 1, and every level-1 clause is a gap (44
    # level-1 clauses in T/CESA 1299-2023 sections 6 to 10)
    r = maturity.rate({"ratings": {}})
    assert r["level"] == 0
    assert r["gaps"]["target"] == 1 and len(r["gaps"]["clauses"]) == 44
    assert len(r["unrated"]) == 519


def test_rate_target_arguments():
    with pytest.raises(itss.ArgumentError):
        maturity.rate({"ratings": {}}, 0)
    with pytest.raises(itss.ArgumentError):
        maturity.rate({"ratings": {}}, 6)  # the model has 5 levels
    # a text is a level's ordinal, name or label (an empty assessment is
    # at level 0, so the gaps of level 2 are listed)
    assert maturity.rate({"ratings": {}}, "2")["gaps"]["target"] == 2
    with pytest.raises(itss.NotFoundError):
        maturity.rate({"ratings": {}}, "x")
    with pytest.raises(TypeError):
        maturity.rate({"ratings": {}}, 2.0)


def test_rate_error_locations():
    # `{"ratings": {"6.1.1.a": "X"}}`: "X" starts at byte 24, column 25
    with pytest.raises(itss.InvalidValueError) as info:
        maturity.rate('{"ratings": {"6.1.1.a": "X"}}')
    e = info.value
    assert (e.path, e.line, e.column, e.position) == ("/ratings/6.1.1.a", 1, 25, 24)
    assert "1:25: " in str(e) and "(at /ratings/6.1.1.a)" in str(e)
    assert e.to_dict()["error"]["code"] == "ITSS_EVALUE"
    # line 3 is `    "6.1.1.b": 120`: the number starts at column 16
    with pytest.raises(itss.InvalidValueError) as info:
        maturity.rate('{\n  "ratings": {\n    "6.1.1.b": 120\n  }\n}')
    assert (info.value.line, info.value.column) == (3, 16)
    with pytest.raises(itss.NotFoundError) as info:
        maturity.rate({"ratings": {"99.9.9.z": "met"}})
    assert info.value.path == "/ratings/99.9.9.z"
    with pytest.raises(itss.ParseError) as info:
        maturity.rate('{"ratings": ')
    assert info.value.line == 1
    with pytest.raises(itss.FileError):
        maturity.rate("no/such/assessment.json")
    with pytest.raises(itss.ArgumentError):
        maturity.rate({"ratings": {"6.1.1.a": float("nan")}})


def test_report_text():
    text = maturity.report(EXAMPLE_ASSESSMENT, lang="en")
    assert "Level reached" in text and "Extended" in text
    # the tag is read by itss_lang_parse: case-insensitive, another tag is
    # a bad value
    assert maturity.report(EXAMPLE_ASSESSMENT, lang="EN") == text
    with pytest.raises(itss.InvalidValueError) as info:
        maturity.report(EXAMPLE_ASSESSMENT, lang="fr")
    assert info.value.name == "ITSS_EVALUE" and '"fr"' in info.value.message


def test_report_html_and_svg(c_cli):
    """format= selects the report: the same page and chart as the C tool's
    --format html|svg, from a path or from a result held by the library."""
    for fmt in ("html", "svg"):
        for lang in ("zh", "en"):
            p = subprocess.run([c_cli, "maturity", "rate", str(EXAMPLE_ASSESSMENT), "--format",
                                fmt, "--lang", lang], capture_output=True, check=True)
            expected = p.stdout.decode("utf-8").rstrip("\n") + "\n"
            got = maturity.report(EXAMPLE_ASSESSMENT, lang=lang, format=fmt)
            assert got.rstrip("\n") + "\n" == expected
            with maturity.assess(EXAMPLE_ASSESSMENT) as res:
                assert res.report(lang, format=fmt) == got
    page = maturity.report(EXAMPLE_ASSESSMENT, format="html")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    with pytest.raises(itss.ArgumentError) as info:
        maturity.report(EXAMPLE_ASSESSMENT, format="pdf")
    assert "'text', 'html', 'svg' or 'csv'" in info.value.message


def test_gap_evidence_and_note():
    """examples/assessment.json gives 7.4.9.b evidence and a note, 7.6.4.d
    a note only; both are gaps to the next level."""
    gaps = {g["id"]: g for g in maturity.rate(EXAMPLE_ASSESSMENT)["gaps"]["clauses"]}
    assert gaps["7.4.9.b"]["evidence"] == "《服务可用性与连续性计划》2026版"
    assert gaps["7.4.9.b"]["note"] == "计划已编制，两个核心系统的演练记录缺失"
    assert "evidence" not in gaps["7.6.4.d"]
    assert gaps["7.6.4.d"]["note"] == "软件库每月备份，但 3 月、6 月的备份未留记录"


def test_quality_report_formats():
    # the HTML page: the radar of the 5 characteristics, 16 sub-characteristic
    # bars; the SVG: the radar alone, as XML
    import re
    import xml.etree.ElementTree as ET
    page = quality.report(EXAMPLE_EVALUATION, lang="en", format="html")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en"' in page
    points = re.search(r'class="itss-radar-value" points="([^"]*)"', page).group(1)
    assert len(points.split()) == 5
    assert len(re.findall(r'class="itss-bar(?:-none)?"', page)) == 16
    svg = quality.report(EXAMPLE_EVALUATION, format="svg")
    ET.fromstring(svg.split("?>", 1)[1] if svg.startswith("<?xml") else svg)
    with pytest.raises(itss.ArgumentError):
        quality.report(EXAMPLE_EVALUATION, format="pdf")


def test_clauses_and_model():
    # T/CESA 1299-2023: 519 clauses, 44/136/199/111/29 per level
    per_level = [len(maturity.clauses(level=lv)) for lv in range(1, 6)]
    assert per_level == [44, 136, 199, 111, 29] and len(maturity.clauses()) == 519
    assert [c["id"] for c in maturity.clauses(level=1, item=3)] == ["6.1.3.a", "6.1.3.b"]
    c = maturity.clause("7.4.4.c")
    assert (c["id"], c["level"], c["domain"]) == ("7.4.4.c", 2, "process")
    with pytest.raises(itss.NotFoundError):
        maturity.clause("7.4.4.z")
    with pytest.raises(itss.NotFoundError):
        maturity.clauses(domain="nosuch")
    m = maturity.model()
    assert (len(m["levels"]), len(m["domains"]), len(m["items"])) == (5, 8, 48)
    assert maturity.builtin().levels == 5 and maturity.builtin().id == "tcesa1299-2023"


def test_custom_model():
    path = ROOT / "tests" / "cases" / "maturity" / "custom-model-load" / "model.json"
    with maturity.Model.load(path) as m:
        assert m.levels == 3 and len(m.clauses()) == 7
        every = {c["id"]: "met" for c in m.clauses()}
        assert m.rate({"ratings": every})["level"] == 3
    with pytest.raises(ValueError, match="closed"):
        m.rate({"ratings": {}})


def test_model_rule_and_thresholds():
    # the built-in model gives none: the defaults, T/CESA 1299-2023's rule
    # (largely at the level, fully below) and ISO/IEC 33020's bands
    m = maturity.builtin()
    assert m.rule == {"at_level": "largely", "below": "fully"}
    assert m.thresholds == {"P": 15.0, "L": 50.0, "F": 85.0}
    # format-thresholds-custom-55 sets the bands 20/60/90; format-rule-fully
    # the rule fully/fully (values written in their model.json)
    cases = ROOT / "tests" / "cases" / "maturity"
    with maturity.Model.load(cases / "format-thresholds-custom-55" / "model.json") as m:
        assert m.thresholds == {"P": 20.0, "L": 60.0, "F": 90.0}
        assert m.rule == {"at_level": "largely", "below": "fully"}
    with maturity.Model.load(cases / "format-rule-fully" / "model.json") as m:
        assert m.rule == {"at_level": "fully", "below": "fully"}


def test_levels_by_text():
    # T/CESA 1299-2023, 5.2: 协同级 is ordinal 3 with the ITSS label 二级;
    # 四级 (基本级) is the lowest, ordinal 1
    m = maturity.builtin()
    assert [m.level(t) for t in ("协同级", "二级", "Collaborative", "四级", "3")] == [3, 3, 3, 1, 3]
    with pytest.raises(errors.NotFoundError, match="1 基本级"):
        m.level("六级")
    assert m.assess(EXAMPLE_ASSESSMENT, target="二级").target == 3
    assert len(m.clauses(level="一级")) == 111  # section 9: 111 clauses


def test_recommendations():
    # format-should-unmet-not-blocking: sec-2a and ops-2c are should
    # clauses; ops-2c met, sec-2a N: one of two fully satisfied
    d = ROOT / "tests" / "cases" / "maturity" / "format-should-unmet-not-blocking"
    with maturity.Model.load(d / "model.json") as m:
        should = [c["id"] for c in m.clauses() if c.get("obligation") == "should"]
        assert should == ["ops-2c", "sec-2a"]
        every = {c["id"]: "F" for c in m.clauses()}
        every.update({"sec-2a": "N", "ops-2c": "met"})
        r = m.assess({"ratings": every})
        assert r.level == 3 and r.gaps() == []
        assert r.recommendation_coverage == 0.5
        assert r.clause_status("sec-2a") == "not_satisfied"
    assert maturity.builtin().assess({"ratings": {}}).recommendation_coverage is None


# ---- quality ------------------------------------------------------------------------

def test_score_example_matches_the_c_tool(c_cli):
    r = quality.score(EXAMPLE_EVALUATION)
    assert r == c_json(c_cli, "quality", "score", str(EXAMPLE_EVALUATION))
    assert round(r["overall"]["score"], 3) == 0.902 and r["overall"]["band"] == "优"
    assert quality.score(EXAMPLE_EVALUATION.read_text(encoding="utf-8")) == r
    assert "优" in quality.report(EXAMPLE_EVALUATION)


def one_indicator(a, b):
    return {"service": "04", "scheme": {"indicators": ["incident_resolution_rate"]},
            "measurements": {"incident_resolution_rate": {"A": a, "B": b}}}


def test_score_ratio_by_hand():
    # X = A/B = 45/50 = 0.9; one indicator carries the whole score
    r = quality.score(one_indicator(45, 50))
    assert r["overall"]["score"] == pytest.approx(0.9, abs=1e-15)
    with pytest.raises(itss.InvalidValueError) as info:
        quality.score(one_indicator(51, 50))  # A > B
    assert info.value.path.startswith("/measurements/incident_resolution_rate")


def test_compare_by_hand():
    r = quality.compare([one_indicator(40, 50), one_indicator(45, 50)])
    assert r == quality.builtin().compare([one_indicator(40, 50), one_indicator(45, 50)])
    text = json.dumps(r)
    assert "0.8" in text and "0.9" in text


def test_indicator_catalogs():
    own = {"indicators": [{
        "id": "change_success_rate", "subcharacteristic": "completeness",
        "name": {"zh": "变更成功率", "en": "Change success rate"}, "method": "ratio", "polarity": "positive",
        "a": {"zh": "成功的变更数", "en": "successful changes"},
        "b": {"zh": "变更总数", "en": "changes"}}]}
    with quality.builtin().extend(own) as cat:
        assert cat.ids()[-1] == "change_success_rate" and len(cat) == 18
        assert cat.ids()[:17] == quality.builtin().ids()
    with quality.IndicatorCatalog.load(own) as alone:
        assert alone.ids() == ["change_success_rate"]
        # a catalog extends any catalog, not only the built-in one; the new
        # one holds copies and outlives its base
        more = dict(own["indicators"][0], id="change_failure_rate", polarity="negative")
        both = alone.extend({"indicators": [more]})
        with pytest.raises(itss.DuplicateError):
            alone.extend(own)
        ev = {"service": "04", "scheme": {"indicators": ["change_success_rate"]},
              "measurements": {"change_success_rate": {"A": 3, "B": 4}}}
        assert alone.score(ev)["overall"]["score"] == 0.75  # 3/4
        # a document as catalog= is added to the built-in indicators
        assert quality.score(ev, catalog=own)["overall"]["score"] == 0.75
    assert both.ids() == ["change_success_rate", "change_failure_rate"]
    ev["measurements"]["change_success_rate"] = {"A": 1, "B": 4}
    assert both.score(ev)["overall"]["score"] == 0.25  # 1/4
    both.close()
    with pytest.raises(itss.DuplicateError):
        quality.IndicatorCatalog.load({"indicators": own["indicators"] * 2})
    assert "incident_resolution_rate" in quality.scheme("04")["indicators"]
    assert len(quality.indicators()["indicators"]) == 17
    m = quality.model()
    assert len(m["characteristics"]) == 5


def test_ahp_by_hand():
    # a consistent matrix: every column is proportional to (4, 2, 1), so the
    # weights are 4/7, 2/7, 1/7, lambda_max = n = 3 and CI = CR = 0
    r = quality.ahp([[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]], labels=["a", "b", "c"])
    assert r["labels"] == ["a", "b", "c"]
    assert r["weights"] == pytest.approx([4 / 7, 2 / 7, 1 / 7], abs=1e-12)
    assert r["lambda_max"] == pytest.approx(3, abs=1e-12) and r["consistent"] is True
    # a cyclic matrix (a > b > c > a, ninefold) is as inconsistent as can be
    cyclic = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]
    with pytest.raises(itss.ConsistencyError):
        quality.ahp(cyclic)
    assert quality.ahp(cyclic, allow_inconsistent=True)["consistent"] is False
    with pytest.raises(itss.InvalidValueError) as info:
        quality.ahp([[1, 2], [0.4, 1]])  # 2 * 0.4 != 1
    assert info.value.path == "/matrix/1/0"
    doc = {"matrix": [[1, 3], [1 / 3, 1]]}
    assert quality.ahp(doc)["weights"] == pytest.approx([0.75, 0.25], abs=1e-12)
    with pytest.raises(itss.FileError):
        quality.ahp("no/such/matrix.json")




def test_assess_result_agrees_with_the_export():
    with maturity.assess(EXAMPLE_ASSESSMENT) as r:
        d = r.to_dict()
        assert d == maturity.rate(EXAMPLE_ASSESSMENT)
        assert (r.level, r.target) == (d["level"], d["gaps"]["target"])
        assert r.gaps() == [(g["id"], g["required"]) for g in d["gaps"]["clauses"]]
        assert {x["id"]: x["level"] for x in d["domains"]} == {
            x["id"]: r.domain_level(x["id"]) for x in d["domains"]}
        assert r.unrated() == d["unrated"]
        assert r.not_applicable() == [(c["id"], c["reason"]) for c in d["not_applicable"]]
        assert r.coverage(level=2) == d["levels"][1]["coverage"]
        process = next(x for x in d["domains"] if x["id"] == "process")
        assert r.coverage("process") == process["coverage"]
        assert r.coverage("process", 2) == process["levels"][1]["coverage"]
        with pytest.raises(itss.ArgumentError, match="level 6 is outside 0..5"):
            r.coverage(level=6)  # the model has 5 levels
        assert r.report("en") == maturity.report(EXAMPLE_ASSESSMENT, lang="en")
        # domains and clauses are found in the model: the library names them
        with pytest.raises(itss.NotFoundError, match='"nosuch"'):
            r.domain_level("nosuch")
        with pytest.raises(itss.NotFoundError, match='"nosuch"'):
            r.coverage("nosuch")
        with pytest.raises(itss.NotFoundError, match='"1.1.1.z"'):
            r.clause_status("1.1.1.z")
    assert r.closed


def test_assess_statuses_by_hand():
    # 6.1.1.a F (fully), 6.1.1.b 60 % (L: largely), 6.1.2.a unrated (not),
    # 6.1.2.b na; everything else unrated: level 0, target 1
    r = maturity.assess({"ratings": {"6.1.1.a": "F", "6.1.1.b": 60,
                                     "6.1.2.b": {"rating": "na", "reason": "无"}}})
    assert [r.clause_status(c) for c in ("6.1.1.a", "6.1.1.b", "6.1.2.a", "6.1.2.b")] == [
        "fully", "largely", "not_satisfied", "not_applicable"]
    assert (r.level, r.target) == (0, 1)
    # level 1 needs each of its 44 clauses largely: 6.1.1.a and 6.1.1.b are,
    # 6.1.2.b is excluded, the other 41 block it
    assert len(r.gaps()) == 41 and all(need == "largely" for _, need in r.gaps())
    assert r.not_applicable() == [("6.1.2.b", "无")]
    r.close()


def test_closing_a_model_closes_its_results():
    path = ROOT / "tests" / "cases" / "maturity" / "custom-model-load" / "model.json"
    m = maturity.Model.load(path)
    r = m.assess({"ratings": {}})
    assert r.level == 0
    m.close()
    assert r.closed  # never left pointing into a released model
    with pytest.raises(ValueError, match="closed"):
        r.gaps()


def test_builtin_models_by_id():
    # ITSS.1-2015 is built in next to T/CESA 1299-2023, chosen by id
    default = maturity.builtin()
    assert default is maturity.builtin("tcesa1299-2023") and default.id == "tcesa1299-2023"
    m = maturity.builtin("itss1-2015")
    assert m is maturity.builtin("itss1-2015") and m.id == "itss1-2015"
    assert m.levels == 4 and m.level("一级") == 4 and m.level("基本级") == 1
    assert m.rule == {"at_level": "fully", "below": "fully"}
    import pickle
    assert pickle.loads(pickle.dumps(m)) is m
    with pytest.raises(errors.NotFoundError, match="itss1-2015"):
        maturity.builtin("itss1")
    # a requirement of three rows, a level-wide one
    c = m.clause("t12-1.6.4-a")
    assert (c["domain"], c["items"]) == ("people", [43, 44, 45]) and "item" not in c
    w = m.clause("4.3.1.2-a")
    assert (w["domain"], w["item"]) == (None, None)
    ratings = {x["id"]: "met" for x in m.clauses()}
    ratings["4.3.1.2-a"] = "not_met"
    r = m.rate({"scale": "binary", "ratings": ratings})
    assert r["level"] == 0 and r["gaps"]["clauses"][0]["id"] == "4.3.1.2-a"
    assert r["level_wide"]["fully"] == 20
