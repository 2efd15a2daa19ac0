"""The itss command line: outputs, exit statuses, messages, JSON schemas.

Expected values are worked by hand from GB/T 29264-2012 table 3-1.
"""
import json
import re

import pytest


def test_show_json_acceptance(cli, validate):
    rc, out, err = cli("class", "show", "040201", "--format", "json")
    assert (rc, err) == (0, "")
    c = json.loads(out)
    validate(c, "class")
    assert c["code"] == "040201"
    assert c["level"] == 3
    assert c["parent"] == "0402"
    assert c["name"]["zh"] == "网络运维服务"
    assert c["name"]["en"]


def test_options_may_come_first_and_use_equals(cli):
    rc, out, _ = cli("class", "show", "--format=json", "--lang=en", "0402")
    assert rc == 0 and json.loads(out)["name"]["zh"] == "硬件运维服务"


def test_show_text_in_both_languages(cli):
    rc, out, _ = cli("class", "show", "0106")
    assert rc == 0
    assert re.search(r"^名称\s+信息技术培训$", out, re.M)
    assert re.search(r"^不包括\s+学历教育$", out, re.M)
    rc, out, _ = cli("class", "show", "0106", "--lang", "en")
    assert rc == 0
    assert re.search(r"^Name\s+IT training$", out, re.M)
    assert re.search(r"^Parent\s+01 IT consulting services$", out, re.M)


@pytest.mark.parametrize("code,reason", [
    ("04020", "has 5 digits"),
    ("abc", "character other than 0-9"),
    ("0407", "does not exist"),
    ("", "empty class code"),
    ("0402011", "has 7 digits"),
    ("04 02", "character other than 0-9"),
    ("网络运维", "character other than 0-9"),
    ("１２", "character other than 0-9"),
    ("100101", "higher-level class 10 does not exist"),
])
def test_bad_codes_exit_1_with_reason(cli_en, code, reason):
    rc, out, err = cli_en("class", "show", code)
    assert rc == 1
    assert out == ""
    assert err.startswith("itss: ")
    assert reason in err
    assert err.count("\n") == 1


def test_invalid_utf8_argument_is_shown_escaped(cli):
    rc, out, err = cli("class", "show", b"\xff\xfe")
    assert rc == 1 and out == ""
    assert "\\xFF\\xFE" in err


def test_export_counts_and_schema(cli, validate):
    rc, out, _ = cli("class", "export", "--format", "json")
    assert rc == 0
    doc = json.loads(out)
    validate(doc, "catalog")
    assert doc["edition"] == "GB/T 29264-2012"
    levels = [c["level"] for c in doc["classes"]]
    assert len(levels) == 55
    assert (levels.count(1), levels.count(2), levels.count(3)) == (9, 29, 17)
    codes = {c["code"] for c in doc["classes"]}
    for c in doc["classes"]:
        assert c["parent"] == (c["code"][:-2] or None)
        assert c["parent"] is None or c["parent"] in codes
        assert c["name"]["en"]


def test_export_subtree_and_text(cli, validate):
    rc, out, _ = cli("class", "export", "0403", "--format", "json")
    assert rc == 0
    doc = json.loads(out)
    validate(doc, "catalog")
    assert [c["code"] for c in doc["classes"]] == ["0403", "040301", "040302", "040303", "040399"]
    rc, out, _ = cli("class", "export", "--lang", "en")
    assert rc == 0 and "040399  3      Other software O&M services" in out


def test_export_load_export_round_trip(cli, tmp_path):
    rc, first, _ = cli("class", "export", "--format", "json")
    assert rc == 0
    f = tmp_path / "catalog.json"
    f.write_text(first, encoding="utf-8")
    rc, second, _ = cli("class", "export", "--format", "json", "--catalog", str(f))
    assert rc == 0 and second == first


def test_catalog_file_errors_are_located(cli_en, tmp_path):
    f = tmp_path / "bad.json"
    f.write_text('{"format": "itss-catalog/1",\n "edition": tru}\n', encoding="utf-8")
    rc, out, err = cli_en("class", "show", "01", "--catalog", str(f))
    assert rc == 1 and out == ""
    assert "%s:2:13: malformed JSON" % f in err
    rc, _, err = cli_en("class", "show", "01", "--catalog", str(tmp_path / "missing.json"))
    assert rc == 1 and "cannot open" in err


def test_search(cli_en, validate):
    cli = cli_en  # the English messages
    rc, out, _ = cli("class", "search", "存储服务", "--format", "json")
    assert rc == 0
    found = json.loads(out)
    validate(found, "class-list")
    assert [c["code"] for c in found] == ["0502", "05", "0599"]
    rc, out, err = cli("class", "search", "区块链", "--format", "json")
    assert rc == 1 and json.loads(out) == [] and "no class name contains" in err
    rc, _, err = cli("class", "search", " ")
    assert rc == 1 and "empty" in err


def test_tree(cli, validate):
    rc, out, _ = cli("class", "tree", "--format", "json")
    assert rc == 0
    doc = json.loads(out)
    validate(doc, "tree")
    assert len(doc["tree"]) == 9
    rc, out, _ = cli("class", "tree", "0303")
    assert rc == 0
    assert out.splitlines() == [
        "0303      软件集成实施服务",
        "  030301  应用系统集成实施服务",
        "  030302  数据（信息）集成实施服务",
        "  030303  界面集成实施服务",
        "  030399  其他软件集成实施服务",
    ]
    rc, _, err = cli("class", "tree", "0407")
    assert rc == 1 and "0407" in err


def test_validate(cli_en, validate):
    cli = cli_en  # the English messages
    rc, out, err = cli("class", "validate", "040201", "0407", "abc", "--format", "json")
    assert rc == 1 and "2 of 3 codes are not valid" in err
    v = json.loads(out)
    validate(v, "validation")
    assert [x["valid"] for x in v] == [True, False, False]
    assert [x["problem"] for x in v] == ["ok", "unknown_code", "not_digits"]
    rc, out, err = cli("class", "validate", "01", "0199", "09")
    assert (rc, err) == (0, "")
    assert len(out.splitlines()) == 3


def test_map(cli_en, validate):
    cli = cli_en  # the English messages
    rc, out, _ = cli("class", "map", "--to", "gbt4754", "040201", "--format", "json")
    assert rc == 0
    m = json.loads(out)
    validate(m, "crosswalk-map")
    assert [(x["target"]["code"], x["relation"]) for x in m["mappings"]] == [("6540", "narrower")]
    rc, out, _ = cli("class", "map", "--from", "db21", "06", "--format", "json")
    assert rc == 0
    m = json.loads(out)
    validate(m, "crosswalk-map")
    assert m["direction"] == "reverse"
    assert [x["class"]["code"] for x in m["mappings"]] == ["01", "0104"]
    rc, out, err = cli("class", "map", "--from", "gbt4754", "6532")
    assert rc == 1 and "no counterpart" in err
    rc, _, err = cli("class", "map", "--to", "db21", "0407")
    assert rc == 1 and "0407" in err


@pytest.mark.parametrize("args,msg", [
    ((), "Usage"),
    (("classes",), "unknown command"),
    (("class",), "needs a verb"),
    (("class", "shw", "01"), "unknown verb"),
    (("class", "show"), "needs an argument"),
    (("class", "show", "01", "02"), "too many arguments"),
    (("class", "show", "01", "--format", "xml"), "--format must be text or json"),
    (("class", "show", "01", "--lang", "fr"), "--lang must be zh or en"),
    (("class", "show", "01", "--colour"), "unknown option"),
    (("class", "show", "01", "--format"), "needs a value"),
    (("class", "map", "01"), "exactly one of --to"),
    (("class", "map", "--to", "db21", "--from", "db21", "01"), "exactly one of --to"),
    (("class", "map", "--to", "isic", "01"), "no crosswalk"),
    (("class", "show", "--to", "db21", "01"), "does not apply to 'class show'"),
])
def test_usage_errors_exit_2(cli_en, args, msg):
    cli = cli_en  # the English messages
    rc, out, err = cli(*args)
    assert rc == 2
    assert out == ""
    assert msg in err


def test_version_and_help(cli):
    rc, out, _ = cli("--version")
    assert rc == 0 and re.fullmatch(r"itss \d+\.\d+\.\d+ \(libitss \d+\.\d+\.\d+\)\n", out)
    for args in (("help",), ("--help",), ("class", "help")):
        rc, out, _ = cli(*args)
        assert rc == 0 and "itss class show CODE" in out


def test_dash_dash_ends_options(cli_en):
    rc, out, err = cli_en("class", "validate", "--", "-01")
    assert rc == 1 and "character other than 0-9" in out
