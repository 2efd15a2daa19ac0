"""itss maturity compare: levels and clause changes of three assessments of
a small model (tests/cases/maturity-compare), in JSON, text and CSV.

Model: levels 1..3, domains ops, sec, svc with one clause each per level;
percentage bands P > 20, L > 60, F > 90 (not the default 15/50/85); the
default rule: a level's own clauses at least largely, the levels below
fully. Grades compare as unrated < N < P < L < F; met is F, not_met N.

2024: ops-1a met(F) sec-1a F svc-1a 88 (L here; F with the default bands)
      ops-2a not_met(N) sec-2a L svc-2a P; ops-3a unrated, sec-3a N, svc-3a unrated
  level 1: every level-1 clause at least largely; level 2 fails (svc-1a
  not fully). ops 1 (ops-2a N), sec 2 (level 3: sec-2a L is not fully),
  svc 1 (svc-1a not fully).
2025: svc-1a 95 (F), ops-2a met, sec-2a F, svc-2a L, ops-3a 70 (L), sec-3a na
  level 2 (level 3: svc-2a L is not fully). ops 3 (ops-3a L at its level),
  sec 3 (its level-3 clause na), svc 2.
2026: sec-1a unrated, ops-2a not_met, svc-2a 50 (P), sec-3a L, svc-3a 15 (N)
  level 0 (sec-1a unrated at level 1). ops 1, sec 0, svc 1.
"""
import csv
import io
import json
import os
import shutil
import subprocess

from conftest import ROOT

CASES = ROOT / "tests" / "cases" / "maturity-compare"
MODEL = str(CASES / "model.json")
FILES = [str(CASES / f) for f in ("2024.json", "2025.json", "2026.json")]

# 2024 -> 2025, in model order (level, then domain ops, sec, svc)
IMPROVED_1 = [{"id": "svc-1a", "from": "L", "to": "F"},   # 88 -> 95 across the F band at 90
              {"id": "ops-2a", "from": "N", "to": "F"},   # not_met -> met
              {"id": "sec-2a", "from": "L", "to": "F"},
              {"id": "svc-2a", "from": "P", "to": "L"},
              {"id": "ops-3a", "from": None, "to": "L"}]  # unrated -> 70
NA_1 = [{"id": "sec-3a", "from": "N", "to": "na"}]       # to na: neither better nor worse
# 2025 -> 2026
IMPROVED_2 = [{"id": "svc-3a", "from": None, "to": "N"}]  # unrated -> 15 (N below 20)
WORSENED_2 = [{"id": "sec-1a", "from": "F", "to": None},  # F -> unrated
              {"id": "ops-2a", "from": "F", "to": "N"},   # met -> not_met
              {"id": "svc-2a", "from": "L", "to": "P"}]   # L -> 50 (P: 20 < 50 <= 60)
NA_2 = [{"id": "sec-3a", "from": "na", "to": "L"}]


def compare(cli, *args):
    return cli("maturity", "compare", "--model", MODEL, *args)


def test_json(cli, validate):
    rc, out, err = compare(cli, *FILES, "--format", "json")
    assert (rc, err) == (0, "")
    c = json.loads(out)
    validate(c, "maturity-comparison")
    assert c["model"] == {"id": "cmp-demo", "edition": "Comparison demo model 2026"}
    levels = [(a["label"], a["id"], a["level"], {d["id"]: d["level"] for d in a["domains"]})
              for a in c["assessments"]]
    assert levels == [(FILES[0], "A-2024", 1, {"ops": 1, "sec": 2, "svc": 1}),
                      (FILES[1], "B-2025", 2, {"ops": 3, "sec": 3, "svc": 2}),
                      (FILES[2], "C-2026", 0, {"ops": 1, "sec": 0, "svc": 1})]
    first, second = c["changes"]
    assert (first["from"], first["to"], first["level"]) == (0, 1, {"from": 1, "to": 2})
    assert first["domains"] == [{"id": "ops", "from": 1, "to": 3}, {"id": "sec", "from": 2, "to": 3},
                                {"id": "svc", "from": 1, "to": 2}]
    assert (first["improved"], first["worsened"], first["na_changed"]) == (IMPROVED_1, [], NA_1)
    assert (second["from"], second["to"], second["level"]) == (1, 2, {"from": 2, "to": 0})
    assert second["domains"] == [{"id": "ops", "from": 3, "to": 1}, {"id": "sec", "from": 3, "to": 0},
                                 {"id": "svc", "from": 2, "to": 1}]
    assert (second["improved"], second["worsened"], second["na_changed"]) == (IMPROVED_2, WORSENED_2, NA_2)


def test_target_does_not_change_the_levels(cli):
    a = json.loads(compare(cli, *FILES, "--format", "json")[1])
    b = json.loads(compare(cli, *FILES, "--format", "json", "--target", "3")[1])
    assert a == b


def test_text(cli):
    rc, out, err = compare(cli, *FILES[:2], "--lang", "en")
    assert (rc, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Comparison demo model 2026 maturity assessments compared"
    assert lines[2].split() == ["Level", "reached", "1", "Starting", "2", "Defined"]
    assert lines[3].split() == ["Operations", "1", "Starting", "3", "Optimised"]
    assert "%s -> %s: 6 requirements changed" % (FILES[0], FILES[1]) in lines
    assert lines[lines.index("  Improved") + 5].split()[:4] == ["ops-3a", "unrated", "→", "L"]
    assert lines[lines.index("  Applicability changed") + 1].split()[:4] == ["sec-3a", "N", "→", "na"]
    rc, out, _ = compare(cli, *FILES)
    assert rc == 0 and "达到等级" in out and "下降" in out and "0（未达到起步）" in out


def test_csv(cli):
    rc, out, err = compare(cli, *FILES, "--format", "csv", "--lang", "en")
    assert (rc, err) == (0, "")
    assert out.endswith("\r\n") and "\n" not in out.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == ["from", "to", "clause", "level", "domain", "change", "from grade",
                       "to grade", "summary"]
    got = [(r[0], r[1], r[2], r[5], r[6], r[7]) for r in rows[1:]]
    want = []
    for pair, groups in ((0, (("improved", IMPROVED_1), ("na_changed", NA_1))),
                         (1, (("improved", IMPROVED_2), ("worsened", WORSENED_2), ("na_changed", NA_2)))):
        for kind, changes in groups:
            for ch in changes:
                want.append((FILES[pair], FILES[pair + 1], ch["id"], kind, ch["from"] or "", ch["to"] or ""))
    # rows in model order within a pair, whatever the kind
    order = ["ops-1a", "sec-1a", "svc-1a", "ops-2a", "sec-2a", "svc-2a", "ops-3a", "sec-3a", "svc-3a"]
    want.sort(key=lambda w: (w[0], order.index(w[2])))
    assert got == want


def test_csv_cells_starting_like_formulas(tmp_path):
    # the labels are the file names: a spreadsheet must not read them as formulas
    names = ["=1+2.json", '@a,"b".json', "-x.json", "+y.json"]
    for name, src in zip(names, FILES + FILES[:1]):
        shutil.copy(src, tmp_path / name)
    exe = os.environ.get("ITSS_CLI", str(ROOT / "build" / "tools" / "itss"))
    p = subprocess.run([exe, "maturity", "compare", "--model", MODEL, "--format", "csv", "--", *names],
                       cwd=tmp_path, capture_output=True)
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode()
    rows = list(csv.reader(io.StringIO(out, newline="")))[1:]
    cells = {r[0] for r in rows} | {r[1] for r in rows}
    # the apostrophe in front, the quotes of RFC 4180 around the one with a comma
    assert cells == {"'=1+2.json", "'@a,\"b\".json", "'-x.json", "'+y.json"}
    assert '"\'@a,""b"".json"' in out
    assert not any(c.startswith(("=", "+", "-", "@")) for r in rows for c in r)


def test_errors_name_the_file(cli_en, tmp_path):
    cli = cli_en  # the English messages
    bad = tmp_path / "bad.json"
    bad.write_text('{"ratings": {"ops-1a": "met",\n "nope-9z": "F"}}', encoding="utf-8")
    rc, _, err = compare(cli, FILES[0], str(bad))
    assert rc == 1 and err.startswith("itss: %s:2:2: " % bad), err
    rc, _, err = compare(cli, FILES[0])
    assert rc == 2 and "needs more arguments" in err
    rc, _, err = compare(cli, *FILES[:2], "--format", "yaml")
    assert rc == 2 and "text, json, html or csv" in err
    # rate writes a flat CSV of its own (docs/worksheets.md), but no workbook
    rc, _, err = cli("maturity", "rate", FILES[0], "--model", MODEL, "--format", "xlsx")
    assert rc == 2 and "text, json, html, svg or csv" in err


HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "]]>",
           '=HYPERLINK("http://x","y")']


def test_html(cli, tmp_path):
    # hostile text in the metadata and in file names (no "/" in a file name)
    names = ['"><img src=x onerror=alert(1)>.json', "]]>.json", "plain.json"]
    for i, (name, src) in enumerate(zip(names, FILES)):
        doc = json.loads(open(src, encoding="utf-8").read())
        doc["organization"], doc["notes"] = HOSTILE[0], HOSTILE[3]
        (tmp_path / name).write_text(json.dumps(doc), encoding="utf-8")
    p = subprocess.run([os.environ.get("ITSS_CLI", str(ROOT / "build" / "tools" / "itss")),
                        "maturity", "compare", "--model", MODEL, "--format", "html", "--lang", "en",
                        "--", *names], cwd=tmp_path, capture_output=True)
    assert p.returncode == 0, p.stderr
    page = p.stdout.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    # one trend chart, a line per series: the overall level and the three domains
    assert page.count('class="itss-trend"') == 1
    assert page.count('class="itss-trend-series"') == 4
    # untrusted text stays text
    for bad in ("<script", "<img", "]]>", "href", "url("):
        assert bad not in page, bad
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.json" in page
    # the changes of each pair, worked above: 6 then 5 rows
    assert page.count("<h3>") == 2
    # three clauses worsened from 2025 to 2026, five then one improved (IMPROVED_1,
    # IMPROVED_2): cells of the page's own classes, styled by its CSS
    assert page.count('<td class="itss-bad">') == 3
    assert page.count('<td class="itss-good">') == len(IMPROVED_1) + len(IMPROVED_2)
    assert "itss-itss-" not in page


def test_labels_of_stdin_and_of_other_encodings(cli, tmp_path):
    # standard input is <stdin>, as in every other message; a file name in
    # another encoding (a stray byte 0xFF) is compared, its byte shown as \xFF
    odd = os.fsdecode(b"odd\xff.json")
    shutil.copy(FILES[1], tmp_path / odd)
    p = subprocess.run([os.environ.get("ITSS_CLI", str(ROOT / "build" / "tools" / "itss")),
                        "maturity", "compare", "--model", MODEL, "--format", "json", "-",
                        odd], cwd=tmp_path, capture_output=True,
                       input=open(FILES[0], "rb").read())
    assert p.returncode == 0, p.stderr
    labels = [a["label"] for a in json.loads(p.stdout)["assessments"]]
    assert labels == ["<stdin>", "odd\\xFF.json"]


def test_html_chinese_and_svg_refused(cli, cli_en):
    rc, out, err = compare(cli, *FILES, "--format", "html")
    assert (rc, err) == (0, "") and '<html lang="zh-CN">' in out and "运维服务能力成熟度评估对比" in out
    rc, out, err = compare(cli_en, *FILES, "--format", "svg")
    assert rc == 2 and "text, json, html or csv" in err
