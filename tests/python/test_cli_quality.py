"""itss quality: score (single and --jsonl), model, indicators, scheme,
compare, ahp; JSON outputs against docs/schema.

Expected values are worked by hand from the rules of docs/quality.md.
"""
import json

import pytest

from conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "evaluation.json")


def test_score_example(cli, validate):
    rc, out, err = cli("quality", "score", EXAMPLE, "--format", "json")
    assert (rc, err) == (0, "")
    r = json.loads(out)
    validate(r, "quality-result")
    with open(EXAMPLE, encoding="utf-8") as f:
        validate(json.load(f), "evaluation")
    chars = {c["id"]: c for c in r["characteristics"]}
    # overall: reliability (weight 3), responsiveness (2), friendliness (1);
    # tangibility is selected but only through an na indicator
    expect = (3 * chars["reliability"]["score"] + 2 * chars["responsiveness"]["score"]
              + chars["friendliness"]["score"]) / 6
    assert abs(r["overall"]["score"] - expect) < 1e-12
    assert abs(r["overall"]["coverage"] - 6 / 7) < 1e-12
    assert r["overall"]["band"] == "优"
    assert chars["tangibility"]["reason"] == "nothing_evaluated"
    weights = {i["id"]: i["weight"] for i in r["indicators"]}
    assert abs(weights["call_answer_rate"] - 1 / 7) < 1e-12  # from the AHP matrix
    assert r["not_evaluated"] == [{"id": "training_coverage", "status": "na", "reason": "本季度没有安排培训"}]


def test_score_text(cli):
    rc, out, _ = cli("quality", "score", EXAMPLE)
    assert rc == 0 and "\n总体得分  0.902（等级 优）\n" in out
    rc, out, _ = cli("quality", "score", EXAMPLE, "--lang", "en")
    assert rc == 0 and "\nOverall     0.902 (grade 优)\n" in out


def test_score_errors_are_located(cli_en, tmp_path):
    f = tmp_path / "e.json"
    f.write_text('{"service": "04",\n "measurements": {"call_answer_rate": {"A": 5, "B": 4}}}', encoding="utf-8")
    rc, out, err = cli_en("quality", "score", str(f))
    assert rc == 1 and out == ""
    assert err.startswith("itss: %s:2:45: A (items meeting the requirement) cannot exceed B" % f)
    assert err.rstrip().endswith("(at /measurements/call_answer_rate/A)")


def test_score_jsonl(cli_en, tmp_path, validate):
    cli = cli_en  # the English messages
    good = json.dumps({"service": "04", "period": "Q1", "measurements": {"call_answer_rate": {"A": 9, "B": 10}}})
    bad = json.dumps({"service": "04", "measurements": {"call_answer_rate": {"scores": [3]}}})
    f = tmp_path / "batch.jsonl"
    f.write_text(good + "\n" + bad + "\n" + good + "\n", encoding="utf-8")
    rc, out, err = cli("quality", "score", "--jsonl", str(f))
    assert rc == 1
    lines = [json.loads(x) for x in out.splitlines()]
    assert len(lines) == 3
    validate(lines[0], "quality-result")
    assert lines[0]["overall"]["score"] == 0.9
    validate(lines[1], "error")
    assert lines[1]["error"]["input_line"] == 2
    assert lines[1]["error"]["path"] == "/measurements/call_answer_rate"
    assert "1 of 3 lines failed" in err


def test_model_and_indicators(cli, validate):
    rc, out, _ = cli("quality", "model", "--format", "json")
    assert rc == 0
    m = json.loads(out)
    validate(m, "quality-model")
    assert [c["id"] for c in m["characteristics"]] == ["security", "reliability", "responsiveness",
                                                      "tangibility", "friendliness"]
    assert sum(len(c["subcharacteristics"]) for c in m["characteristics"]) == 16
    rc, out, _ = cli("quality", "indicators", "--format", "json")
    assert rc == 0
    c = json.loads(out)
    validate(c, "indicator-catalog")
    assert len(c["indicators"]) == 17
    rc, out, _ = cli("quality", "indicators", "--service", "03", "--format", "json")
    assert [i["id"] for i in json.loads(out)["indicators"]] == [
        "service_visibility", "sla_achievement_rate", "staff_turnover_rate"]
    rc, _, err = cli("quality", "indicators", "--service", "0407")
    assert rc == 1 and "0407" in err


def test_scheme(cli, validate, tmp_path):
    rc, out, _ = cli("quality", "scheme", "--service", "04", "--format", "json")
    assert rc == 0
    s = json.loads(out)
    validate(s, "quality-scheme")
    assert len(s["indicators"]) == 15
    # the scheme is usable as the "scheme" of an evaluation
    service = s.pop("service")
    f = tmp_path / "e.json"
    f.write_text(json.dumps({"service": service, "scheme": s, "measurements": {}}), encoding="utf-8")
    rc, out, _ = cli("quality", "score", str(f), "--format", "json")
    assert rc == 0 and json.loads(out)["overall"]["indicators"] == 15
    rc, _, err = cli("quality", "scheme")
    assert rc == 2 and "--service" in err


def test_compare(cli, tmp_path, validate):
    files = []
    for q, a in (("Q1", 65), ("Q2", 96)):
        f = tmp_path / ("%s.json" % q)
        f.write_text(json.dumps({"service": "04", "period": q, "scheme": {"indicators": ["incident_resolution_rate"]},
                                 "measurements": {"incident_resolution_rate": {"A": a, "B": 100}}}), encoding="utf-8")
        files.append(str(f))
    rc, out, _ = cli("quality", "compare", *files, "--format", "json")
    assert rc == 0
    c = json.loads(out)
    validate(c, "quality-compare")
    assert c["overall"]["scores"] == [0.65, 0.96]
    assert abs(c["overall"]["change"] - 0.31) < 1e-12
    rc, out, _ = cli("quality", "compare", *files)
    assert rc == 0 and "Q1" in out and "+0.310" in out
    rc, _, err = cli("quality", "compare", files[0])
    assert rc == 2


def _evaluations(tmp_path, periods, measured):
    """One file per evaluation of service 04 with the scheme call_answer_rate
    (timeliness, under responsiveness), incident_resolution_rate and
    problem_resolution_rate (both effectiveness, under reliability)."""
    ids = ["call_answer_rate", "incident_resolution_rate", "problem_resolution_rate"]
    files = []
    for i, (period, a) in enumerate(zip(periods, measured)):
        doc = {"service": "04", "scheme": {"indicators": ids},
               "measurements": {k: {"A": v, "B": 100} for k, v in zip(ids, a)}}
        if period:
            doc["period"] = period
        f = tmp_path / ("q%d.json" % (i + 1))
        f.write_text(json.dumps(doc), encoding="utf-8")
        files.append(str(f))
    return files


def _rows(text):
    """(indent, cells) of each line, cells split at two or more spaces."""
    import re
    return [(len(line) - len(line.lstrip(" ")), re.split(r" {2,}", line.strip()))
            for line in text.splitlines()]


def test_compare_hierarchy_and_file_labels(cli, tmp_path):
    # both evaluations have the same period: the columns are their files.
    # Worked by hand (weights 1): q1 call 0.60, incident 0.65, problem 0.45,
    # so effectiveness = reliability = (0.65 + 0.45) / 2 = 0.55, timeliness =
    # responsiveness = 0.60, overall = (0.55 + 0.60) / 2 = 0.575; q2 call
    # 0.75, incident 0.80, problem 0.70: every node 0.75. Rows in the model's
    # order (reliability before responsiveness, whatever the scheme's
    # order), each node under its parent.
    files = _evaluations(tmp_path, ["2026", "2026"], [(60, 65, 45), (75, 80, 70)])
    rc, out, err = cli("quality", "compare", *files, "--lang", "en")
    assert (rc, err) == (0, "")
    assert _rows(out) == [
        (0, ["Item", files[0], files[1], "Change"]),
        (0, ["Overall", "0.575", "0.750", "+0.175"]),
        (2, ["Security", "-", "-", "-"]),
        (2, ["Reliability", "0.550", "0.750", "+0.200"]),
        (4, ["Effectiveness", "0.550", "0.750", "+0.200"]),
        (6, ["Incident resolution rate", "0.650", "0.800", "+0.150"]),
        (6, ["Problem resolution rate", "0.450", "0.700", "+0.250"]),
        (2, ["Responsiveness", "0.600", "0.750", "+0.150"]),
        (4, ["Timeliness", "0.600", "0.750", "+0.150"]),
        (6, ["Call answer rate", "0.600", "0.750", "+0.150"]),
        (2, ["Tangibility", "-", "-", "-"]),
        (2, ["Friendliness", "-", "-", "-"]),
    ]
    # no period at all: the files too; distinct periods head the columns
    files = _evaluations(tmp_path, [None, None], [(60, 65, 45), (75, 80, 70)])
    rc, out, _ = cli("quality", "compare", *files)
    assert rc == 0 and _rows(out)[0] == (0, ["项目", files[0], files[1], "变化"])
    files = _evaluations(tmp_path, ["Q1", "Q2"], [(60, 65, 45), (75, 80, 70)])
    rc, out, _ = cli("quality", "compare", *files)
    assert rc == 0 and _rows(out)[0] == (0, ["项目", "Q1", "Q2", "变化"])
    # the JSON gives each result its file
    rc, out, _ = cli("quality", "compare", *files, "--format", "json")
    assert rc == 0 and [r["label"] for r in json.loads(out)["results"]] == files


def test_compare_mismatch_names_the_files(cli_en, tmp_path):
    files = _evaluations(tmp_path, ["Q1", "Q2", "Q3"], [(60, 65, 45)] * 3)
    doc = json.loads(open(files[2], encoding="utf-8").read())
    doc["scheme"]["weights"] = {"reliability": 2}
    with open(files[2], "w", encoding="utf-8") as f:
        json.dump(doc, f)
    rc, out, err = cli_en("quality", "compare", *files)
    assert rc == 1 and out == ""
    assert err == ("itss: \"%s\" and \"%s\" cannot be compared: reliability has different weights; "
                   "compare results of the same scheme\n" % (files[0], files[2]))


HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', ']]>',
           '=HYPERLINK("http://x","y")']


def _svgs(page):
    """Each <svg> element of a page, parsed as XML."""
    import re
    import xml.etree.ElementTree as ET
    return [ET.fromstring(m) for m in re.findall(r"<svg\b.*?</svg>", page, re.S)]


def _no_markup_from(text):
    """None of the hostile strings made an element or closed a section."""
    assert "<script" not in text and "<img" not in text and "]]>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def _hostile_evaluation(tmp_path):
    """Service 04, incident and problem resolution (effectiveness), call
    answer rate (timeliness) declared n/a, and an indicator of our own under
    integrity; every free text hostile."""
    cat = tmp_path / "cat.json"
    cat.write_text(json.dumps({"indicators": [{
        "id": "own_rate", "name": {"zh": "".join(HOSTILE), "en": "".join(HOSTILE)},
        "subcharacteristic": "integrity", "method": "ratio", "polarity": "positive",
        "services": ["04"], "a": {"zh": HOSTILE[0], "en": HOSTILE[1]},
        "b": {"zh": HOSTILE[2], "en": HOSTILE[3]}}]}), encoding="utf-8")
    ev = tmp_path / "ev.json"
    ev.write_text(json.dumps({
        "service": "04", "id": HOSTILE[0], "provider": HOSTILE[1], "customer": HOSTILE[2],
        "evaluator": HOSTILE[3], "period": HOSTILE[0], "notes": "".join(HOSTILE),
        "scheme": {"indicators": ["incident_resolution_rate", "problem_resolution_rate",
                                  "call_answer_rate", "own_rate"]},
        "measurements": {"incident_resolution_rate": {"A": 65, "B": 100},
                         "problem_resolution_rate": {"A": 45, "B": 100},
                         "call_answer_rate": {"na": "".join(HOSTILE)},
                         "own_rate": {"A": 1, "B": 2}}}), encoding="utf-8")
    return str(ev), str(cat)


def test_score_html_and_svg(cli_en, tmp_path):
    cli = cli_en  # the English messages
    ev, cat = _hostile_evaluation(tmp_path)
    for lang in ("zh", "en"):
        rc, page, err = cli("quality", "score", ev, "--catalog-add", cat, "--format", "html",
                            "--lang", lang)
        assert (rc, err) == (0, "")
        assert page.startswith("<!DOCTYPE html>")
        assert ('<html lang="%s"' % ("zh-CN" if lang == "zh" else "en")) in page
        _no_markup_from(page)
        radar, bars = _svgs(page)
        assert radar.get("class") == "itss-radar" and bars.get("class") == "itss-bars"
        # the radar: one point per characteristic (five)
        value = [e for e in radar.iter() if e.get("class") == "itss-radar-value"]
        assert len(value) == 1 and len(value[0].get("points").split()) == 5
        # sixteen sub-characteristics: effectiveness (incident, problem) and
        # integrity (our own) evaluated; timeliness only n/a and the other
        # thirteen without indicators: fourteen not-evaluated bars, none of
        # them a zero-length bar
        drawn = [e for e in bars.iter() if e.get("class") == "itss-bar"]
        empty = [e for e in bars.iter() if e.get("class") == "itss-bar-none"]
        assert (len(drawn), len(empty)) == (2, 14)
        assert all(float(e.get("width")) > 0 for e in drawn)
        # the indicator table: measurements as A / B, the n/a reason shown
        assert "65 / 100" in page and "45 / 100" in page and "1 / 2" in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img" in page
    rc, svg, _ = cli("quality", "score", ev, "--catalog-add", cat, "--format", "svg")
    assert rc == 0
    import xml.etree.ElementTree as ET
    root = ET.fromstring(svg.split("?>", 1)[1] if svg.startswith("<?xml") else svg)
    assert root.get("class") == "itss-radar"
    # the C renderer refuses HTML and SVG where the result has no such view
    rc, _, err = cli("quality", "model", "--format", "html")
    assert rc == 2 and "--format must be text or json" in err


def test_compare_html(cli_en, tmp_path):
    cli = cli_en  # the English messages
    files = _evaluations(tmp_path, ["2026", "2026"], [(60, 65, 45), (75, 80, 70)])
    hostile = tmp_path / '"><img src=x onerror=alert(1)>.json'
    hostile.write_text(open(files[1], encoding="utf-8").read(), encoding="utf-8")
    rc, page, err = cli("quality", "compare", files[0], str(hostile), "--format", "html",
                        "--lang", "en")
    assert (rc, err) == (0, "")
    assert "<img" not in page and "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.json" in page
    (trend,) = _svgs(page)
    assert trend.get("class") == "itss-trend"
    # the overall score and the five characteristics, each over two points
    # (security, tangibility and friendliness have no score: no line)
    assert "+0.175" in page and "+0.250" in page
    # the cells use the page's own classes (styled by its CSS), once prefixed
    assert 'class="itss-good">+0.175<' in page and "itss-itss-" not in page
    assert page.count('<td class="itss-num">') >= 2
    rc, _, err = cli("quality", "compare", *files, "--format", "svg")
    assert rc == 2 and "--format must be text, json or html, not 'svg'" in err


def test_ahp(cli_en, validate, tmp_path):
    doc = {"matrix": [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]], "labels": ["可靠性", "响应性", "友好性"]}
    validate(doc, "ahp")
    rc, out, _ = cli_en("quality", "ahp", "-", "--format", "json", stdin=json.dumps(doc).encode())
    assert rc == 0
    r = json.loads(out)
    validate(r, "ahp-result")
    assert [round(w * 7, 9) for w in r["weights"]] == [4, 2, 1]
    assert r["cr"] == 0 and r["consistent"] is True
    cycle = json.dumps({"matrix": [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]}).encode()
    rc, out, err = cli_en("quality", "ahp", "-", stdin=cycle)
    assert rc == 1 and out == "" and "too inconsistent" in err
    rc, out, _ = cli_en("quality", "ahp", "-", "--allow-inconsistent", "--format", "json", stdin=cycle)
    assert rc == 0 and json.loads(out)["consistent"] is False


def test_catalogs(cli_en, tmp_path):
    cli = cli_en  # the English messages
    cat = tmp_path / "c.json"
    cat.write_text(json.dumps({"indicators": [{
        "id": "patch_rate", "name": {"zh": "补丁及时率", "en": "Patch rate"}, "subcharacteristic": "integrity",
        "method": "ratio", "polarity": "positive", "services": ["0404"],
        "a": {"zh": "按时", "en": "on time"}, "b": {"zh": "全部", "en": "all"}}]}), encoding="utf-8")
    rc, out, _ = cli("quality", "indicators", "--catalog", str(cat), "--format", "json")
    assert rc == 0 and len(json.loads(out)["indicators"]) == 1
    rc, out, _ = cli("quality", "indicators", "--catalog-add", str(cat), "--format", "json")
    assert rc == 0 and len(json.loads(out)["indicators"]) == 18
    rc, _, err = cli("quality", "indicators", "--catalog", str(cat), "--catalog-add", str(cat))
    assert rc == 2 and "not both" in err


@pytest.mark.parametrize("args,status,msg", [
    (("quality", "grade"), 2, "unknown verb"),
    (("quality", "score"), 2, "needs an argument"),
    (("quality", "model", "--service", "04"), 2, "does not apply to 'quality model'"),
    (("quality", "score", "--jsonl", "--format", "text", EXAMPLE), 2, "--jsonl"),
    (("quality", "ahp", "/nonexistent.json"), 1, "cannot open"),
])
def test_quality_errors(cli_en, args, status, msg):
    cli = cli_en  # the English messages
    rc, out, err = cli(*args)
    assert rc == status and out == "" and msg in err
