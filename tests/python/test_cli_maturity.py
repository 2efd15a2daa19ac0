"""itss maturity: rate (single and --jsonl batch), model, clauses.

Expected values are worked by hand from T/CESA 1299-2023 and the rules in
docs/maturity.md; examples/assessment.json is written to reach level 2
(拓展级) with five gaps to level 3.
"""
import json
import os
import resource
import subprocess

import pytest

from conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "assessment.json")


def test_rate_example_json(cli, validate):
    rc, out, err = cli("maturity", "rate", EXAMPLE, "--format", "json")
    assert (rc, err) == (0, "")
    r = json.loads(out)
    validate(r, "maturity-result")
    assert r["level"] == 2 and r["itss_label"] == "三级"
    assert r["level_name"] == {"zh": "拓展级", "en": "Extended"}
    assert r["organization"].startswith("示例")
    gaps = r["gaps"]
    assert gaps["target"] == 3
    # two level-2 clauses short of fully (L and 70 %), three level-3 ones short of
    # largely; ordered by level, then domain (process, technology, resources,
    # emergency in model order), then item
    assert [(g["id"], g["required"]) for g in gaps["clauses"]] == [
        ("7.4.9.b", "fully"), ("7.6.4.d", "fully"),
        ("8.4.10.c", "largely"), ("8.5.3.b", "largely"), ("8.8.4.b", "largely")]
    assert r["not_applicable"] == [{"id": "7.6.3.g", "reason": "不保有需国家强制检定的设备"}]


def test_rate_example_validates_as_assessment(validate):
    with open(EXAMPLE, encoding="utf-8") as f:
        validate(json.load(f), "assessment")


def test_rate_text_report(cli):
    rc, out, _ = cli("maturity", "rate", EXAMPLE)
    assert rc == 0
    assert "\n达到等级  三级 拓展级\n" in out
    assert "\n能力管理  二级 协同级  55.7% (34/61)\n" in out
    assert "差距：达到 二级 协同级 还需满足 5 项要求" in out
    rc, out, _ = cli("maturity", "rate", EXAMPLE, "--lang", "en", "--target", "4")
    assert rc == 0
    assert "\nLevel reached  ITSS grade 3 (Extended)\n" in out
    # a level longer than its heading still leaves two spaces before the next column
    assert "\nCapability management  ITSS grade 2 (Collaborative)  55.7% (34/61)\n" in out
    assert "Gaps to ITSS grade 1 (Quantitative):" in out


def test_rate_stdin(cli):
    doc = json.dumps({"ratings": {"6.1.1.a": "F"}}).encode()
    rc, out, _ = cli("maturity", "rate", "-", "--format", "json", stdin=doc)
    assert rc == 0 and json.loads(out)["level"] == 0


def test_rate_bad_document_is_located(cli_en, tmp_path):
    cli = cli_en  # the English messages
    f = tmp_path / "a.json"
    f.write_text('{"ratings": {\n  "6.1.1.a": "F",\n  "7.4.4.z": "L"}}', encoding="utf-8")
    rc, out, err = cli("maturity", "rate", str(f))
    assert rc == 1 and out == ""
    assert err == "itss: %s:3:3: unknown clause \"7.4.4.z\": T/CESA 1299-2023 has no such requirement clause (at /ratings/7.4.4.z)\n" % f
    f.write_text('{"ratings": {"6.1.1.a": {"rating": "na"}}}', encoding="utf-8")
    rc, _, err = cli("maturity", "rate", str(f))
    assert rc == 1 and "needs a non-empty \"reason\"" in err
    rc, _, err = cli("maturity", "rate", str(tmp_path / "missing.json"))
    assert rc == 1 and "cannot open" in err


def test_jsonl_batch_keeps_going(cli_en, tmp_path, validate):
    cli = cli_en  # the English messages
    f = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a", "ratings": {"6.1.1.a": "F"}}),
             '{"ratings": {"6.1.1.a": "X"}}',
             "",
             json.dumps({"id": "c", "ratings": {}})]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rc, out, err = cli("maturity", "rate", "--jsonl", str(f))
    assert rc == 1
    outs = [json.loads(x) for x in out.splitlines()]
    assert len(outs) == 4
    validate(outs[0], "maturity-result")
    assert outs[0]["id"] == "a" and outs[3]["id"] == "c"
    validate(outs[1], "error")
    assert outs[1]["error"]["input_line"] == 2
    assert outs[1]["error"]["path"] == "/ratings/6.1.1.a"
    assert outs[1]["error"]["column"] == 25
    assert outs[2]["error"]["code"] == "ITSS_EPARSE" and outs[2]["error"]["input_line"] == 3
    # FILE:LINE:COLUMN, the column counted in line 2 of the file
    assert "%s:2:25: unknown rating" % f in err
    # the empty line 3 is said to be empty, with no column
    assert "%s:3: the line is empty" % f in err
    assert "2 of 4 lines failed" in err


def _batch(tmp_path, n, name):
    doc = json.dumps({"ratings": {"6.1.1.a": "F", "6.1.1.b": 72.5, "7.4.4.c": "L"}})
    f = tmp_path / name
    f.write_text((doc + "\n") * n, encoding="utf-8")
    return f


def _max_rss_kib(args):
    """Peak resident set of a child process, read from wait4's rusage."""
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    lines = 0
    for _ in p.stdout:
        lines += 1
    _, status, usage = os.wait4(p.pid, 0)
    p.stdout.close()
    return os.waitstatus_to_exitcode(status), lines, usage.ru_maxrss


def test_jsonl_10000_assessments_flat_memory(tmp_path):
    """Correctness, not speed: 10,000 lines give 10,000 results, and the peak
    memory of the run does not grow with the number of lines (a leak of one
    result per line would add hundreds of MB)."""
    exe = os.environ.get("ITSS_CLI", str(ROOT / "build" / "tools" / "itss"))
    wrapper = os.environ.get("ITSS_CLI_WRAPPER", "").split()
    n_small, n_large = (20, 200) if wrapper else (1000, 10000)
    small = _batch(tmp_path, n_small, "small.jsonl")
    large = _batch(tmp_path, n_large, "large.jsonl")
    rc1, lines1, rss1 = _max_rss_kib([*wrapper, exe, "maturity", "rate", "--jsonl", str(small)])
    rc2, lines2, rss2 = _max_rss_kib([*wrapper, exe, "maturity", "rate", "--jsonl", str(large)])
    assert (rc1, lines1) == (0, n_small)
    assert (rc2, lines2) == (0, n_large)
    # under valgrind or a sanitizer the checker's own bookkeeping dominates
    if not wrapper and not os.environ.get("ITSS_SANITIZED"):
        assert rss2 <= rss1 + 8 * 1024, (rss1, rss2)


def test_endless_input_is_refused_at_the_limit(cli_en):
    """/dev/zero never ends: the tool reads one byte beyond the 64 MiB
    document limit (ITSS_MAX_DOCUMENT_SIZE) and the library refuses it."""
    rc, out, err = cli_en("maturity", "rate", "/dev/zero")
    assert rc == 1 and out == ""
    assert "67108865 bytes; the limit is 67108864 bytes" in err


def test_jsonl_over_long_line_is_one_error(cli_en, tmp_path):
    """A line longer than the limit is refused alone; the lines around it
    are rated, and memory stays bounded by the limit."""
    cli = cli_en  # the English messages
    if os.environ.get("ITSS_CLI_WRAPPER"):
        pytest.skip("64 MiB through valgrind takes too long")
    p = tmp_path / "long.jsonl"
    with open(p, "wb") as f:
        f.write(b'{"ratings": {}}\n')
        f.write(b" " * (64 * 1024 * 1024 + 10) + b"\n")
        f.write(b'{"ratings": {}}\n')
    rc, out, err = cli("maturity", "rate", "--jsonl", str(p))
    lines = out.splitlines()
    assert rc == 1 and len(lines) == 3
    assert json.loads(lines[0])["level"] == 0 and json.loads(lines[2])["level"] == 0
    e = json.loads(lines[1])["error"]
    assert (e["code"], e["input_line"]) == ("ITSS_ELIMIT", 2)
    assert "1 of 3 lines failed" in err


def test_jsonl_rejects_text_format(cli):
    rc, _, err = cli("maturity", "rate", "--jsonl", "--format", "text", EXAMPLE)
    assert rc == 2 and "--jsonl" in err


def test_model_export(cli, validate):
    rc, out, _ = cli("maturity", "model", "--format", "json")
    assert rc == 0
    m = json.loads(out)
    validate(m, "maturity-model")
    assert len(m["clauses"]) == 519 and len(m["items"]) == 48 and len(m["domains"]) == 8
    rc, out, _ = cli("maturity", "model", "--lang", "en")
    assert rc == 0 and "8 domains, 48 items, 519 clauses" in out


def test_clauses(cli, validate):
    rc, out, _ = cli("maturity", "clauses", "--level", "1", "--format", "json")
    assert rc == 0
    c = json.loads(out)
    validate(c, "maturity-clauses")
    assert len(c["clauses"]) == 44
    # 9.4 a) to c): the domain-wide level-4 process clauses
    rc, out, _ = cli("maturity", "clauses", "--level", "4", "--domain", "process", "--format", "json")
    assert rc == 0
    assert [x["id"] for x in json.loads(out)["clauses"]] == ["9.4.a", "9.4.b", "9.4.c"]
    rc, out, _ = cli("maturity", "clauses", "--item", "43", "--lang", "en")
    assert rc == 0 and "8.8.2.a" in out and "Risk assessment" in out


def test_levels_by_name_or_label(cli):
    # T/CESA 1299-2023, 5.2: 协同级 (ITSS 二级) is ordinal 3, 量化级 (一级) 4
    rc, out, _ = cli("maturity", "rate", EXAMPLE, "--format", "json", "--target", "协同级")
    assert rc == 0 and json.loads(out)["gaps"]["target"] == 3
    rc, out, _ = cli("maturity", "rate", EXAMPLE, "--format", "json", "--target", "二级")
    assert rc == 0 and json.loads(out)["gaps"]["target"] == 3
    rc, out, _ = cli("maturity", "clauses", "--level", "一级", "--domain", "process", "--format", "json")
    assert rc == 0 and [x["id"] for x in json.loads(out)["clauses"]] == ["9.4.a", "9.4.b", "9.4.c"]


@pytest.mark.parametrize("args,status,msg", [
    (("maturity", "clauses", "--domain", "risk"), 1, "no domain \"risk\""),
    (("maturity", "clauses", "--item", "49"), 1, "no item 49"),
    (("maturity", "clauses", "--level", "6"), 2, "the model has levels 1 to 5"),
    (("maturity", "clauses", "--level", "x"), 2, "--level needs a whole number"),
    (("maturity", "clauses", "--level", "六级"), 2, "no level \"六级\" in T/CESA 1299-2023 (levels: 1 基本级,"),
    (("maturity", "rate", EXAMPLE, "--target", "0"), 2, "--target needs a whole number"),
    (("maturity", "rate"), 2, "needs an argument"),
    (("maturity", "model", "x"), 2, "too many arguments"),
    (("maturity", "model", "--jsonl"), 2, "does not apply to 'maturity model'"),
    (("maturity", "grade"), 2, "unknown verb"),
])
def test_maturity_errors(cli_en, args, status, msg):
    cli = cli_en  # the English messages
    rc, out, err = cli(*args)
    assert rc == status and out == "" and msg in err


def test_custom_model(cli_en, tmp_path):
    cli = cli_en  # the English messages
    model = ROOT / "tests" / "cases" / "maturity" / "custom-model-load" / "model.json"
    a = tmp_path / "a.json"
    a.write_text(json.dumps({"ratings": {"ops-1a": "F", "sec-1a": "met"}}), encoding="utf-8")
    rc, out, _ = cli("maturity", "rate", str(a), "--model", str(model), "--format", "json")
    assert rc == 0
    r = json.loads(out)
    assert r["model"]["id"] == "acme-ops" and r["level"] == 1 and r["itss_label"] is None
    rc, _, err = cli("maturity", "rate", str(a), "--target", "4", "--model", str(model))
    assert rc == 2 and "levels 1 to 3" in err


def test_model_warnings_on_stderr(cli):
    # format-warnings-unused: domain risk and items 3 and 9 have no clause
    model = ROOT / "tests" / "cases" / "maturity" / "format-warnings-unused" / "model.json"
    rc, out, err = cli("maturity", "model", "--model", str(model), "--lang", "en")
    assert rc == 0 and "Risk" in out
    assert err.splitlines() == [
        "itss: %s: warning: domain \"risk\" has no clause (at /domains/2)" % model,
        "itss: %s: warning: item 3 has no clause (at /items/3)" % model,
        "itss: %s: warning: item 9 has no clause (at /items/1)" % model]
    rc, _, err = cli("maturity", "model", "--model", str(model))
    # in Chinese by default, the warning too (lib/msg/json.inc)
    assert rc == 0 and "警告：能力域“risk”没有任何条款（位置 /domains/2）" in err


# ---- ITSS.1-2015, built in by id -------------------------------------------------------

def _itss1_all_met(tmp_path, unmet=()):
    """An assessment of the built-in ITSS.1-2015 model with every clause met
    but those in unmet (binary scale), written to a file."""
    rc, out, _ = subprocess_free_clauses()
    ids = [c["id"] for c in json.loads(out)["clauses"]]
    doc = {"scale": "binary", "ratings": {i: "not_met" if i in unmet else "met" for i in ids}}
    path = tmp_path / "itss1.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def subprocess_free_clauses():
    cli_path = os.environ["ITSS_CLI"]
    p = subprocess.run([cli_path, "maturity", "clauses", "--model", "itss1-2015", "--format", "json"],
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def test_itss1_model_levels_by_label(cli):
    # ITSS.1-2015 4.1 and 4.3: four levels, lowest first, graded 四级 .. 一级
    rc, out, err = cli("maturity", "model", "--model", "itss1-2015")
    assert (rc, err) == (0, "")
    assert out.startswith("ITSS.1-2015 ")
    for label in ("四级 基本级", "三级 拓展级", "二级 改进（协同）级", "一级 提升（量化）级"):
        assert "\n  " + label + " " in out
    rc, out, _ = cli("maturity", "model", "--model", "itss1-2015", "--lang", "en")
    assert "ITSS grade 1 (Enhanced (quantitative))" in out
    rc, out, _ = cli("maturity", "model", "--model", "itss1-2015", "--format", "json")
    m = json.loads(out)
    assert [(lv["level"], lv["label"]["zh"]) for lv in m["levels"]] == [
        (1, "四级"), (2, "三级"), (3, "二级"), (4, "一级")]
    assert [d["id"] for d in m["domains"]] == ["management", "people", "resources", "technology",
                                               "process"]


def test_itss1_rate_with_target_label(cli, tmp_path, validate):
    # one 基本级 requirement unmet (table 5, 9.4 a)): level 0; --target 一级 is
    # level 4, so the gaps list every unmet clause up to it: that one
    path = _itss1_all_met(tmp_path, unmet={"t5-1.9.4-a"})
    rc, out, err = cli("maturity", "rate", path, "--model", "itss1-2015", "--target", "一级",
                       "--format", "json")
    assert (rc, err) == (0, "")
    r = json.loads(out)
    validate(r, "maturity-result")
    assert r["level"] == 0 and r["itss_label"] is None
    assert r["gaps"]["target"] == 4
    assert [(g["id"], g["needs"]) for g in r["gaps"]["clauses"]] == [("t5-1.9.4-a", "met")]
    rc, out, _ = cli("maturity", "rate", path, "--model", "itss1-2015", "--target", "一级")
    assert "差距：达到 一级 提升（量化）级 还需满足 1 项要求" in out
    assert "必须达成" in out


def test_itss1_level_wide_section(cli, tmp_path, validate):
    # a characteristic of 改进（协同）级 unmet: level 2, every aspect still 4
    path = _itss1_all_met(tmp_path, unmet={"4.3.3.2-b"})
    rc, out, _ = cli("maturity", "rate", path, "--model", "itss1-2015", "--format", "json")
    r = json.loads(out)
    validate(r, "maturity-result")
    assert r["level"] == 2 and [d["level"] for d in r["domains"]] == [4, 4, 4, 4, 4]
    assert r["level_wide"]["fully"] == 20
    rc, out, _ = cli("maturity", "rate", path, "--model", "itss1-2015", "--lang", "en")
    assert "\n  Level-wide requirements\n" in out
    assert "Level-wide requirements (count for the overall level, in no domain): 95.2% (20/21)" in out


def test_model_id_unknown_is_a_file(cli):
    rc, _, err = cli("maturity", "model", "--model", "itss1-2016")
    assert rc == 1
    assert "itss1-2016" in err
