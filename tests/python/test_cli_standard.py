"""itss standard: the registry of the ITSS standards system report 5.0.

Expected values are read by hand from the report (seed 000): tables
附B-1 to 附B-4 and the framework tables 4-1 to 4-19."""
import json


def test_national_list_has_the_57_rows_of_table_b1(cli, validate):
    rc, out, err = cli("standard", "list", "--type", "national", "--format", "json")
    assert rc == 0, err
    doc = json.loads(out)
    assert len(doc) == 57
    assert [s["row"] for s in doc] == list(range(1, 58))
    for s in doc:
        validate(s, "standard")
    # rows 56 and 57 have no number yet
    assert doc[55]["number"] is None and doc[56]["number"] is None


def test_show_names_status_place_and_implementation(cli, validate):
    rc, out, err = cli("standard", "show", "GB/T 33850-2017")
    assert rc == 0, err
    assert "GB/T 33850-2017" in out
    assert "信息技术服务 质量评价指标体系" in out
    assert "已发布" in out
    assert "通用标准" in out
    assert "itss_quality_" in out and "itss quality" in out
    rc, out, err = cli("standard", "show", "gbt 33850 2017", "--lang", "en")
    assert rc == 0, err
    assert "published" in out and "General standards" in out and "service quality" in out
    rc, out, err = cli("standard", "show", "ＧＢ／Ｔ　３３８５０－２０１７", "--format", "json")
    assert rc == 0, err
    doc = json.loads(out)
    validate(doc, "standard")
    assert (doc["number"], doc["status"], doc["category"], doc["area"], doc["implemented_by"]) == (
        "GB/T 33850-2017", "published", "general", "general", "quality")


def test_show_replacement_both_ways(cli):
    rc, out, _ = cli("standard", "show", "T/CESA 1299—2023", "--format", "json")
    assert rc == 0
    doc = json.loads(out)
    assert doc["replaces"] == "ITSS.1-2015" and doc["implemented_by"] == "maturity"
    assert doc["table"] is None and doc["area"] is None
    rc, out, _ = cli("standard", "show", "itss.1-2015", "--format", "json")
    assert json.loads(out)["replaced_by"] == "T/CESA 1299-2023"


def test_show_unknown_number_exits_1(cli):
    rc, out, err = cli("standard", "show", "GB/T 29264-2013")
    assert rc == 1 and out == ""
    assert "GB/T 29264-2013" in err


def test_list_filters(cli):
    # table 4-10: six cloud service standards
    rc, out, _ = cli("standard", "list", "--area", "cloud", "--format", "json")
    assert rc == 0 and len(json.loads(out)) == 6
    # table B-4 rows 13 and 14
    rc, out, _ = cli("standard", "list", "--status", "cancelled", "--format", "json")
    assert [s["row"] for s in json.loads(out)] == [13, 14]
    rc, out, _ = cli("standard", "list", "--type", "industry", "--status", "已发布")
    assert rc == 0 and "共 17 项" in out
    rc, _, err = cli("standard", "list", "--type", "regional")
    assert rc == 1 and "regional" in err
    rc, _, err = cli("standard", "list", "--area", "cloud", "extra")
    assert rc == 2


def test_search_and_framework(cli, validate):
    rc, out, _ = cli("standard", "search", "34960", "--format", "json")
    assert rc == 0
    assert [s["number"] for s in json.loads(out)] == [
        "GB/T 34960.1-2017", "GB/T 34960.2-2017", "GB/T 34960.3-2017", "GB/T 34960.4-2017",
        "GB/T 34960.5-2018"]
    rc, _, err = cli("standard", "search", "zzzz", "--lang", "en")
    assert rc == 1 and "zzzz" in err
    rc, out, _ = cli("standard", "framework", "--format", "json")
    assert rc == 0
    doc = json.loads(out)
    validate(doc, "standards-framework")
    assert [c["id"] for c in doc["categories"]] == [
        "general", "assurance", "foundation", "innovation", "digital_transformation",
        "business_integration"]
    placed = sum(len(a["standards"]) for c in doc["categories"] for a in c["areas"])
    assert placed + len(doc["unplaced"]) == 100
    rc, out, _ = cli("standard", "framework")
    assert rc == 0 and "基础服务标准" in out and "运行维护" in out


def test_help_mentions_standard(cli):
    rc, out, _ = cli("help")
    assert "itss standard show NUMBER" in out
