"""The HTML reports opened in a headless browser with the network off, the SVG
charts parsed as XML, and hostile strings through every field of HTML, SVG
and CSV.

Each page is loaded once (tests/python/browser.py); the pages are loaded
side by side in a few threads before the first test looks at them. Without
a browser (or PIL) these tests are skipped with a message saying so.
"""
import concurrent.futures
import csv
import io
import json
import os
import pathlib
import re
import xml.etree.ElementTree as ET

import pytest

import browser

ROOT = pathlib.Path(os.environ.get("ITSS_SOURCE_ROOT", pathlib.Path(__file__).resolve().parents[2]))
CASES = ROOT / "tests" / "cases" / "maturity"
SVGNS = "{http://www.w3.org/2000/svg}"

# One string that is every attack at once: a formula at the start of a CSV
# cell, a script element, an attribute break-out with an image, and the end
# of an XML CDATA section.
HOSTILE = '=HYPERLINK("http://x","y")<script>alert(1)</script>"><img src=x onerror=alert(1)>]]>'
# A file name cannot hold a slash.
HOSTILE_FILE = '=1+2 "><img src=x onerror=alert(1)>]]>.json'


def palette():
    """The chart colours, read from lib/html.c (the one place they are defined)."""
    text = (ROOT / "lib" / "html.c").read_text(encoding="utf-8")
    block = re.search(r"palette\[\]\s*=\s*\{(.*?)\};", text, re.S).group(1)
    return re.findall(r'"(#[0-9a-fA-F]{6})"', block)


def clause_ids(cli, model):
    rc, out, err = cli("maturity", "clauses", "--model", model, "--format", "json")
    assert rc == 0, err
    return [c["id"] for c in json.loads(out)["clauses"]]


def case_assessment(cli, name, dest):
    """The assessment a rate case describes (every clause at its fill grade,
    then its own ratings), written to dest; returns the --model argument."""
    case = json.loads((CASES / name / "input.json").read_text(encoding="utf-8"))
    model = case.get("builtin") or str(CASES / name / case["model"])
    ratings = {cid: case["fill"] for cid in clause_ids(cli, model)}
    ratings.update(case.get("ratings", {}))
    doc = {"id": name, "ratings": ratings}
    if "scale" in case:
        doc["scale"] = case["scale"]
    dest.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return model


def hostile_model():
    """A model of three domains whose every free text is HOSTILE."""
    def name(tag):
        return {"zh": HOSTILE + tag, "en": HOSTILE + tag}

    domains = ["ops", "sec", "net"]
    return {
        "format": "itss-maturity-model/1", "id": "hostile", "edition": HOSTILE,
        "title": name("title"),
        "levels": [{"level": n, "name": name("L%d" % n)} for n in (1, 2, 3)],
        "parts": [{"id": "core", "name": name("part")}],
        "domains": [{"id": d, "number": i + 1, "part": "core", "name": name(d)} for i, d in enumerate(domains)],
        "items": [{"number": i + 1, "domain": d, "name": name("item" + d)} for i, d in enumerate(domains)],
        "clauses": [{"id": "%s-%d" % (d, n), "level": n, "domain": d, "item": i + 1,
                     "summary": name("%s-%d" % (d, n))}
                    for n in (1, 2, 3) for i, d in enumerate(domains)],
    }


def hostile_assessment(year):
    return {
        "id": HOSTILE, "organization": HOSTILE, "scope": HOSTILE, "date": "%d-01-01" % year,
        "assessor": HOSTILE, "notes": HOSTILE,
        "ratings": {
            "ops-1": "F", "sec-1": "F", "net-1": "F",
            "ops-2": {"rating": "L" if year == 2025 else "F", "evidence": HOSTILE, "note": HOSTILE},
            "sec-2": {"rating": "na", "reason": HOSTILE},
            "net-2": {"rating": "P", "evidence": HOSTILE, "note": HOSTILE},
        },
    }


def hostile_evaluation(period):
    """examples/evaluation.json with HOSTILE in every free text and N/A reason."""
    doc = json.loads((ROOT / "examples" / "evaluation.json").read_text(encoding="utf-8"))
    for key in ("id", "provider", "customer", "evaluator", "notes"):
        doc[key] = HOSTILE
    doc["period"] = period
    doc["measurements"]["training_coverage"] = {"na": HOSTILE}
    return doc


def has_format(cli, *args):
    """Whether the CLI writes this report (a format not there is refused)."""
    rc, _, _ = cli(*args)
    return rc == 0


# name -> (CLI arguments writing the page to OUT, number of radar axes or
# None for a bar chart). Axes worked from the models: T/CESA 1299-2023 has
# eight capability domains (能力管理, 质量管理, 人员, 过程, 技术, 资源, 交付,
# 应急), ITSS.1-2015 five, the custom model of custom-model-rate two (bars),
# the hostile model three.
def reports(cli, tmp):
    ex = ROOT / "examples"
    out = {}
    out["maturity-zh"] = (["maturity", "rate", str(ex / "assessment.json")], 8)
    out["maturity-en"] = (["maturity", "rate", "--lang", "en", str(ex / "assessment.json")], 8)
    for case, axes in (("itss1-basic-unmet", 5), ("custom-model-rate", None)):
        a = tmp / (case + ".json")
        model = case_assessment(cli, case, a)
        out[case] = (["maturity", "rate", "--model", model, str(a)], axes)
    (tmp / "hostile-model.json").write_text(json.dumps(hostile_model(), ensure_ascii=False), encoding="utf-8")
    (tmp / "hostile-2026.json").write_text(json.dumps(hostile_assessment(2026), ensure_ascii=False), encoding="utf-8")
    (tmp / HOSTILE_FILE).write_text(json.dumps(hostile_assessment(2025), ensure_ascii=False), encoding="utf-8")
    out["hostile"] = (["maturity", "rate", "--model", str(tmp / "hostile-model.json"),
                       str(tmp / "hostile-2026.json")], 3)
    (tmp / "hostile-evaluation.json").write_text(json.dumps(hostile_evaluation(HOSTILE), ensure_ascii=False),
                                                 encoding="utf-8")
    (tmp / ("q" + HOSTILE_FILE)).write_text(json.dumps(hostile_evaluation(HOSTILE), ensure_ascii=False),
                                            encoding="utf-8")
    # reports written by other parts once they write HTML
    optional = {
        "hostile-quality": (["quality", "score", str(tmp / "hostile-evaluation.json")], 5),
        "hostile-quality-compare": (["quality", "compare", str(tmp / ("q" + HOSTILE_FILE)),
                                     str(tmp / "hostile-evaluation.json")], None),
        "quality": (["quality", "score", str(ex / "evaluation.json")], 5),
        "maturity-compare": (["maturity", "compare", str(ex / "assessment-2025.json"),
                              str(ex / "assessment.json")], None),
        "hostile-compare": (["maturity", "compare", "--model", str(tmp / "hostile-model.json"),
                             str(tmp / HOSTILE_FILE), str(tmp / "hostile-2026.json")], None),
    }
    for name, (args, axes) in optional.items():
        if has_format(cli, *args, "--format", "html"):
            out[name] = (args, axes)
    return out


@pytest.fixture(scope="session")
def loaded(cli, tmp_path_factory):
    exe = browser.executable()
    if exe is None:
        pytest.skip("chromium is not installed: the reports are not checked in a browser")
    pytest.importorskip("PIL", reason="python3-pil is not installed: screenshots cannot be read")
    tmp = tmp_path_factory.mktemp("reports")
    specs = reports(cli, tmp)
    files = {}
    for name, (args, axes) in specs.items():
        html = tmp / (name + ".html")
        rc, _, err = cli(*args, "--format", "html", "-o", str(html))
        assert rc == 0, "%s: %s" % (name, err)
        files[name] = html
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        futures = {name: pool.submit(browser.open_page, path, tmp / "browser", exe)
                   for name, path in files.items()}
        pages = {name: f.result() for name, f in futures.items()}
    return {name: (pages[name], specs[name][1], files[name]) for name in pages}


def test_no_request_no_console(loaded):
    for name, (page, _, _) in loaded.items():
        assert page.requests == [], "%s requested %r" % (name, page.requests)
        assert page.console == [], "%s wrote to the console: %r" % (name, page.console)
        assert page.references() == [], "%s refers to %r" % (name, page.references())
        for tag in ("script", "img", "iframe", "object", "embed", "link", "foreignobject"):
            assert page.find(tag) == [], "%s has a %s element" % (name, tag)


def test_language(loaded):
    for name, (page, _, _) in loaded.items():
        lang = page.find("html")[0].attrs.get("lang")
        assert lang == ("en" if name.endswith("-en") else "zh-CN"), name


def test_radar_one_point_per_axis(loaded):
    for name, (page, axes, _) in loaded.items():
        if axes is None:
            continue
        polys = page.find("polygon", "itss-radar-value")
        assert len(polys) >= 1, "%s has no radar value polygon" % name
        points = polys[0].attrs["points"].split()
        assert len(points) == axes, "%s: %d points for %d axes" % (name, len(points), axes)
        assert any("itss-radar" in a.classes() for a in polys[0].ancestors() if a.tag == "svg")


def test_bars_when_fewer_than_three_domains(loaded):
    page = loaded["custom-model-rate"][0]
    assert page.find("polygon", "itss-radar-value") == []
    assert page.find("svg", "itss-bars") != []


def test_charts_drew(loaded, tmp_path):
    """The screenshot holds filled shapes in the chart colours (the palette
    of lib/html.c): the radar's points, bars, a trend's markers. Headings
    and text use some of these colours too, but only in lines and strokes
    too thin to count; the same page with its charts taken out has none
    (checked on the first page)."""
    colours = palette()

    def solid(page):
        return sum(browser.solid_pixels(page.image(), c) for c in colours)

    for name, (page, _, _) in loaded.items():
        assert solid(page) > 0, "%s: no filled shape in the chart colours" % name
    name, (_, _, path) = next(iter(loaded.items()))
    bare = tmp_path / "no-chart.html"
    bare.write_text(re.sub(r"<svg.*?</svg>", "", path.read_text(encoding="utf-8"), flags=re.S), encoding="utf-8")
    assert solid(browser.open_page(bare, tmp_path, browser.executable())) == 0, name


def test_hostile_strings_stay_text(loaded):
    """The hostile strings are shown as text: the file name (in the labels of
    a comparison) holds the image, every other field the script as well."""
    for name in ("hostile", "hostile-compare", "hostile-quality", "hostile-quality-compare"):
        if name not in loaded:
            continue
        page = loaded[name][0]
        texts = "".join(e.text for e in page.elements)
        assert '"><img src=x onerror=alert(1)>]]>' in texts, "%s: the hostile text is not shown as text" % name
        if not name.endswith("compare"):
            assert "<script>alert(1)</script>" in texts, name
        for e in page.elements:
            assert not any(k.startswith("on") for k in e.attrs), "%s: %r" % (name, e)


def svg_outputs(cli, tmp):
    ex = ROOT / "examples"
    (tmp / "hostile-model.json").write_text(json.dumps(hostile_model(), ensure_ascii=False), encoding="utf-8")
    (tmp / "hostile.json").write_text(json.dumps(hostile_assessment(2026), ensure_ascii=False), encoding="utf-8")
    runs = {
        "maturity": (["maturity", "rate", str(ex / "assessment.json")], 8),
        "maturity-en": (["maturity", "rate", "--lang", "en", str(ex / "assessment.json")], 8),
        "hostile": (["maturity", "rate", "--model", str(tmp / "hostile-model.json"), str(tmp / "hostile.json")], 3),
    }
    if has_format(cli, "quality", "score", str(ex / "evaluation.json"), "--format", "svg"):
        runs["quality"] = (["quality", "score", str(ex / "evaluation.json")], 5)
        (tmp / "hostile-evaluation.json").write_text(json.dumps(hostile_evaluation(HOSTILE), ensure_ascii=False),
                                                     encoding="utf-8")
        runs["hostile-quality"] = (["quality", "score", str(tmp / "hostile-evaluation.json")], 5)
    return runs


def test_svg_parses_as_xml(cli, tmp_path):
    for name, (args, axes) in svg_outputs(cli, tmp_path).items():
        rc, out, err = cli(*args, "--format", "svg")
        assert rc == 0, "%s: %s" % (name, err)
        root = ET.fromstring(out.encode("utf-8"))
        assert root.tag == SVGNS + "svg", name
        assert "viewBox" in root.attrib and root.find(SVGNS + "title") is not None, name
        tags = {e.tag for e in root.iter()}
        assert not tags & {SVGNS + "script", SVGNS + "foreignObject", SVGNS + "image", SVGNS + "a"}, name
        polys = [e for e in root.iter(SVGNS + "polygon") if "itss-radar-value" in e.get("class", "").split()]
        assert len(polys) == 1 and len(polys[0].get("points").split()) == axes, name
        if name == "hostile":  # the quality chart shows no input text
            text = "".join(root.itertext())
            assert "<script>alert(1)</script>" in text and "]]>" in text


def test_hostile_csv(cli, tmp_path, monkeypatch):
    if not has_format(cli, "maturity", "compare", str(ROOT / "examples" / "assessment-2025.json"),
                      str(ROOT / "examples" / "assessment.json"), "--format", "csv"):
        pytest.skip("itss maturity compare --format csv is not there")
    (tmp_path / "m.json").write_text(json.dumps(hostile_model(), ensure_ascii=False), encoding="utf-8")
    (tmp_path / HOSTILE_FILE).write_text(json.dumps(hostile_assessment(2025), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(hostile_assessment(2026), ensure_ascii=False), encoding="utf-8")
    # the file name as given is the label: given bare, it starts with "="
    monkeypatch.chdir(tmp_path)
    rc, out, err = cli("maturity", "compare", "--model", "m.json", HOSTILE_FILE, "b.json", "--format", "csv")
    assert rc == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 2  # the header and the one change, ops-2 from L to F
    assert rows[1][0] == "'" + HOSTILE_FILE and rows[1][-1].startswith("'" + HOSTILE)
    for row in rows:
        for cell in row:
            assert not cell[:1] in ("=", "+", "-", "@", "\t", "\r"), "cell %r" % cell


def test_harness_sees_what_a_bad_page_does(tmp_path):
    """The checks above can fail: a page that asks the network for an image,
    refers to another file and writes to the console is caught on all three."""
    exe = browser.executable()
    if exe is None:
        pytest.skip("chromium is not installed: the reports are not checked in a browser")
    page = browser.open_page(pathlib.Path(__file__).parent / "fixtures" / "bad-page.html", tmp_path, exe)
    assert page.requests == ["http://example.invalid/a.png"]
    assert len(page.console) == 1 and "written to the console" in page.console[0]
    assert [(t, k) for t, k, _ in page.references()] == [("img", "src"), ("img", "src")]
    assert len(page.find("script")) == 1
