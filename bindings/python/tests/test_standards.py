"""itss.standards: the registry of the ITSS standards system report 5.0.

Expected values are read by hand from the report (seed 000): tables
附B-1 to 附B-4 and the framework tables 4-1 to 4-19; T/CESA 1299-2023
from its cover and foreword (seed 004)."""
import pytest

import itss
from itss import standards


def test_show_lenient_numbers():
    s = standards.show("GB/T 33850-2017")
    assert (s.number, s.table, s.row, s.type, s.status, s.status_zh) == (
        "GB/T 33850-2017", "B-1", 7, "national", "published", "已发布")
    assert (s.category, s.area, s.implemented_by) == ("general", "general", "quality")
    assert s.title_zh == "信息技术服务 质量评价指标体系"
    for variant in ("gbt 33850 2017", "GB/T33850—2017", "ＧＢ／Ｔ　３３８５０－２０１７"):
        assert standards.show(variant) == s
    assert s.to_dict()["number"] == "GB/T 33850-2017"


def test_implementations_and_replacement():
    assert standards.show("GB/T 29264-2012").implemented_by == "classification"
    new = standards.show("T/CESA 1299-2023")
    assert (new.implemented_by, new.replaces, new.table, new.area) == (
        "maturity", "ITSS.1-2015", None, None)
    assert new.note is not None
    old = standards.show("ITSS.1-2015")
    assert (old.replaced_by, old.area, old.row) == ("T/CESA 1299-2023", "operations", 1)


def test_plan_without_number_and_international():
    s = standards.show("B-1/56")
    assert s.number is None and s.status == "proposed" and s.area == "business_integration"
    i = standards.show("ISO/IEC TS 22564-2")
    assert (i.type, i.status, i.stage, i.row) == ("international", "cancelled", "取消 (2020.9)", 14)


def test_errors():
    with pytest.raises(itss.NotFoundError, match="GB/T 1-2000"):
        standards.show("GB/T 1-2000")
    with pytest.raises(itss.InvalidValueError):
        standards.show("--")
    with pytest.raises(itss.InvalidValueError, match="regional"):
        standards.list(type="regional")
    with pytest.raises(itss.InvalidValueError):
        standards.search("   ")
    with pytest.raises(TypeError):
        standards.show(29264)


def test_list_counts_per_table():
    # the last row numbers of tables 附B-1 .. 附B-4
    assert len(standards.list(type="national")) == 57
    assert len(standards.list(type="industry")) == 17
    # table 附B-3's 11 rows and T/CESA 1299-2023
    assert len(standards.list(type="group")) == 12
    assert len(standards.list(type="international")) == 14
    assert len(standards.list()) == 100
    # table 附B-1 rows 49-55 are 草案
    assert [s.row for s in standards.list(type="national", status="草案")] == list(range(49, 56))
    # table 4-10
    assert [s.number for s in standards.list(area="cloud")] == [
        "GB/T 35293-2017", "GB/T 36325-2018", "GB/T 36326-2018", "GB/T 37736-2019",
        "GB/T 37738-2019", "GB/T 37741-2019"]


def test_search_and_framework():
    assert [s.number for s in standards.search("gbt 29264 2012")] == ["GB/T 29264-2012"]
    assert standards.search("zzzz") == []
    tree = standards.framework()
    assert [c.id for c in tree.categories] == [
        "general", "assurance", "foundation", "innovation", "digital_transformation",
        "business_integration"]
    ops = next(a for c in tree.categories for a in c.areas if a.id == "operations")
    # table 4-9 rows 1-9, all in appendix B
    assert ops.name_zh == "运行维护" and len(ops.standards) == 9
    assert ops.standards[0].number == "GB/T 28827.1-2012"
    placed = sum(len(a.standards) for c in tree.categories for a in c.areas)
    assert placed + len(tree.unplaced) == 100
