"""itss maturity rate --format html|svg, and -o/--output.

Structure is checked, not layout: the page is one self-contained document
(no script, no URL), in the language asked for; the radar has one point
per domain; the SVG is well-formed XML; every string of the input is
text, never markup, in every field that reaches the page."""
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from conftest import ROOT

EX = ROOT / "examples"
SVG_NS = "{http://www.w3.org/2000/svg}"

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "]]>",
    '=HYPERLINK("http://x","y")',
]


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of the document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(page):
    p = Tags()
    p.feed(page)
    p.close()
    return p


def radar_points(page):
    m = re.search(r'<polygon class="itss-radar-value" points="([^"]*)"', page)
    assert m, "no radar value polygon"
    return m.group(1).split()


def test_html_page_of_the_example(cli):
    code, out, err = cli("maturity", "rate", str(EX / "assessment.json"), "--format", "html")
    assert code == 0, err
    assert out.startswith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")
    assert out.rstrip().endswith("</html>")
    assert "@page{size:A4" in out and "thead{display:table-header-group}" in out
    # self-contained: no script, no URL of any kind, no external resource
    tags = parse(out).tags
    assert not [t for t, _ in tags if t in ("script", "img", "link", "iframe", "object")]
    assert "://" not in out and "url(" not in out
    assert not [a for _, attrs in tags for a in attrs if a.startswith("on") or a in ("href", "src")]
    # T/CESA 1299-2023 has 8 domains: one radar point each, and the target
    # ring (the next level, 二级 over 三级 reached) drawn as 8 points too
    assert len(radar_points(out)) == 8
    ring = re.search(r'<polygon points="([^"]*)" class="itss-radar-target"', out)
    assert ring and len(ring.group(1).split()) == 8
    # the level reached, as the text report names it
    assert "三级 拓展级" in out
    # the gaps show the evidence and the note the assessment gives
    # (examples/assessment.json, clause 7.4.9.b)
    assert "《服务可用性与连续性计划》2026版" in out
    assert "计划已编制，两个核心系统的演练记录缺失" in out


def test_html_page_in_english(cli):
    code, out, _ = cli("maturity", "rate", str(EX / "assessment.json"), "--format", "html",
                       "--lang", "en")
    assert code == 0
    assert '<html lang="en">' in out
    assert "Maturity assessment report" in out and "Gaps to" in out


def test_svg_is_the_radar_alone(cli):
    code, out, _ = cli("maturity", "rate", str(EX / "assessment.json"), "--format", "svg")
    assert code == 0
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == SVG_NS + "svg"
    assert root.get("class") == "itss-radar" and root.get("viewBox")
    assert root.find(SVG_NS + "title") is not None
    value = [p for p in root.iter(SVG_NS + "polygon") if p.get("class") == "itss-radar-value"]
    assert len(value) == 1 and len(value[0].get("points").split()) == 8


def test_two_domains_give_bars(cli, tmp_path):
    """A model of 2 domains has no radar: the SVG is bars, one per domain.
    ops reaches level 1 (ops-1a F; ops-2a N blocks level 2), sec none
    (sec-1a N): one bar of 1/3 of the track (the model has 3 levels), and
    one of length 0 that is still a bar, not "unrated"."""
    model = ROOT / "tests" / "cases" / "maturity" / "custom-model-rate" / "model.json"
    doc = tmp_path / "a.json"
    doc.write_text(json.dumps({"ratings": {"ops-1a": "F", "ops-2a": "N", "sec-1a": "N"}}))
    code, out, err = cli("maturity", "rate", str(doc), "--model", str(model), "--format", "svg")
    assert code == 0, err
    root = ET.fromstring(out.encode("utf-8"))
    assert root.get("class") == "itss-bars"
    assert "itss-radar-value" not in out
    bars = [r for r in root.iter(SVG_NS + "rect") if r.get("class") == "itss-bar"]
    tracks = [r for r in root.iter(SVG_NS + "rect") if r.get("fill") == "#eef2f7"]
    assert len(bars) == 2 and len(tracks) == 2
    full = float(tracks[0].get("width"))
    assert [round(float(b.get("width")) / full, 2) for b in bars] == [0.33, 0.0]


def test_jsonl_refuses_html(cli_en):
    cli = cli_en  # the English messages
    code, out, err = cli("maturity", "rate", str(EX / "assessment.json"), "--jsonl",
                         "--format", "svg")
    assert code == 2 and out == ""
    assert "--format svg does not apply" in err


def test_other_commands_refuse_html(cli_en):
    cli = cli_en  # the English messages
    code, _, err = cli("maturity", "model", "--format", "html")
    assert code == 2 and "--format must be text or json, not 'html'" in err


def test_output_file(cli, tmp_path):
    out_file = tmp_path / "r.html"
    code, out, err = cli("maturity", "rate", str(EX / "assessment.json"), "--format", "html",
                         "-o", str(out_file))
    assert (code, out, err) == (0, "", "")
    code, stdout, _ = cli("maturity", "rate", str(EX / "assessment.json"), "--format", "html")
    assert out_file.read_text(encoding="utf-8") == stdout


def test_output_file_that_cannot_be_written(cli, tmp_path):
    missing = tmp_path / "no" / "such" / "dir.txt"
    code, out, err = cli("class", "show", "01", "--output", str(missing), "--lang", "en")
    assert code == 1 and out == ""
    assert err.startswith("itss: cannot write to %s: " % missing)
    code, _, err = cli("class", "show", "01", "-o", str(missing))
    assert code == 1 and err.startswith("itss: 无法写入 %s：" % missing)


def test_output_file_replaced_whole_or_not_at_all(cli, tmp_path):
    # the file of -o is replaced when the command ends: left as it was when
    # the command fails before any output, emptied by a command that succeeds
    # without output; no temporary file stays behind
    target = tmp_path / "out.txt"
    target.write_text("OLD", encoding="utf-8")
    code, _, _ = cli("maturity", "rate", str(tmp_path / "missing.json"), "-o", str(target))
    assert code == 1 and target.read_text(encoding="utf-8") == "OLD"
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    code, out, err = cli("maturity", "rate", "--jsonl", str(empty), "-o", str(target))
    assert (code, out, err) == (0, "", "") and target.read_text(encoding="utf-8") == ""
    code, _, _ = cli("class", "show", "04", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("代码")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.jsonl", "out.txt"]


def test_output_needs_a_name(cli_en):
    cli = cli_en  # the English messages
    code, _, err = cli("class", "show", "01", "--output=")
    assert code == 2 and "--output needs a file name" in err


def hostile_case(tmp_path, s):
    """A model of 3 domains and an assessment in which every string that
    reaches the report (names, summaries, metadata, evidence, notes, the
    reason of an N/A) is s."""
    text = {"zh": s, "en": s}
    model = {
        "format": "itss-maturity-model/1", "id": "hostile", "edition": s, "title": text,
        "levels": [{"level": 1, "name": text}, {"level": 2, "name": text, "label": text}],
        "domains": [{"id": "d%d" % i, "number": i, "name": text} for i in (1, 2, 3)],
        "items": [{"number": i, "domain": "d%d" % i, "name": text} for i in (1, 2, 3)],
        "clauses": [{"id": "c%d-%d" % (i, lv), "level": lv, "domain": "d%d" % i, "item": i,
                     "summary": text} for i in (1, 2, 3) for lv in (1, 2)],
    }
    assessment = {
        "id": s, "organization": s, "scope": s, "date": s, "assessor": s, "notes": s,
        "ratings": {
            "c1-1": {"rating": "N", "evidence": s, "note": s},
            "c2-1": {"rating": "na", "reason": s},
            "c3-1": "F",
        },
    }
    mp, ap = tmp_path / "model.json", tmp_path / "assessment.json"
    mp.write_text(json.dumps(model, ensure_ascii=False), encoding="utf-8")
    ap.write_text(json.dumps(assessment, ensure_ascii=False), encoding="utf-8")
    return mp, ap


@pytest.mark.parametrize("s", HOSTILE)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_strings_stay_text(cli, tmp_path, s, lang):
    mp, ap = hostile_case(tmp_path, s)
    code, page, err = cli("maturity", "rate", str(ap), "--model", str(mp), "--format", "html",
                          "--lang", lang)
    assert code == 0, err
    p = parse(page)
    # only the page's own elements: none made from the input
    assert not [t for t, _ in p.tags if t in ("script", "img")]
    assert not [a for _, attrs in p.tags for a in attrs if a.startswith("on") or a == "src"]
    # each field shows the string as text: metadata (6), evidence, note,
    # the N/A reason and the names all reach the page
    assert sum(chunk.count(s) for chunk in p.text) >= 9
    assert len(radar_points(page)) == 3
    code, svg, err = cli("maturity", "rate", str(ap), "--model", str(mp), "--format", "svg",
                         "--lang", lang)
    assert code == 0, err
    root = ET.fromstring(svg.encode("utf-8"))  # well-formed whatever the names hold
    labels = "".join(root.itertext())
    assert s[:13] in labels  # the domain names, cut to fit, as text
    assert not [e for e in root.iter() if e.tag in (SVG_NS + "script", SVG_NS + "image")]
