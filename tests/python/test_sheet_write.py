"""The XLSX worksheets of itss_assessment_render and itss_evaluation_render,
opened with openpyxl (a reader that is not ours): sheet names, header,
frozen pane, the drop-down of ratings, the rows, metadata, instructions
and the values of filled documents. The library is called through ctypes
(ITSS_LIBRARY, else the one next to ITSS_CLI's build directory).

Expected values come from the layout of the worksheets and the model data
(data/tcesa1299-2023.json: 519 clauses, the first 6.1.1.a at level 1
基本级 with label 四级; data/quality-indicators.json).
"""
import ctypes
import io
import os
import pathlib

import pytest

openpyxl = pytest.importorskip("openpyxl")

ROOT = pathlib.Path(os.environ.get("ITSS_SOURCE_ROOT", pathlib.Path(__file__).resolve().parents[2]))

FORMAT_CSV, FORMAT_XLSX = 5, 6
LANG_ZH, LANG_EN = 0, 1
RATING_L, RATING_F = 5, 6
EINVAL = -1


class Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("message", ctypes.c_char * 512),
                ("path", ctypes.c_char * 256), ("line", ctypes.c_size_t),
                ("column", ctypes.c_size_t), ("position", ctypes.c_size_t)]


def library_path():
    if os.environ.get("ITSS_LIBRARY"):
        return os.environ["ITSS_LIBRARY"]
    cli = pathlib.Path(os.environ.get("ITSS_CLI", ROOT / "build" / "tools" / "itss"))
    return str(cli.resolve().parents[1] / "lib" / "libitss.so.1")


@pytest.fixture(scope="module")
def lib():
    if os.environ.get("ITSS_SANITIZED") and "asan" not in os.environ.get("LD_PRELOAD", ""):
        # a sanitized library loads into Python only with the sanitizer's
        # runtime preloaded (scripts/test runs the Python binding that way)
        pytest.skip("sanitized library without its runtime preloaded")
    L = ctypes.CDLL(library_path())
    L.itss_maturity_model_builtin.restype = ctypes.c_void_p
    L.itss_indicator_catalog_builtin.restype = ctypes.c_void_p
    L.itss_free.argtypes = [ctypes.c_void_p]
    L.itss_assessment_free.argtypes = [ctypes.c_void_p]
    L.itss_evaluation_free.argtypes = [ctypes.c_void_p]
    L.itss_assessment_set_percent.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_double,
                                              ctypes.c_void_p]
    return L


def check(rc, err):
    assert rc == 0, err.message.decode("utf-8", "replace")


def new_assessment(lib):
    a = ctypes.c_void_p()
    err = Error()
    check(lib.itss_assessment_new(ctypes.c_void_p(lib.itss_maturity_model_builtin()),
                                  ctypes.byref(a), ctypes.byref(err)), err)
    return a


def render(lib, fn, *args):
    out = ctypes.c_void_p()
    n = ctypes.c_size_t()
    err = Error()
    rc = fn(*args, ctypes.byref(out), ctypes.byref(n), ctypes.byref(err))
    if rc == EINVAL and b"without worksheet support" in err.message:
        pytest.skip("built without worksheet support")
    check(rc, err)
    data = ctypes.string_at(out, n.value)
    lib.itss_free(out)
    return data


def workbook(data):
    assert data[:4] == b"PK\x03\x04"
    return openpyxl.load_workbook(io.BytesIO(data))


MATURITY_HEADERS = {
    LANG_ZH: ["条款", "级别", "能力域", "能力项", "要求摘要", "评级", "证据", "备注", "不适用理由"],
    LANG_EN: ["clause", "level", "domain", "item", "summary", "rating", "evidence", "note",
              "na_reason"],
}
MATURITY_KEYS = {
    LANG_ZH: ["模型", "评估编号", "组织", "范围", "日期", "评估人", "说明", "评级方式"],
    LANG_EN: ["model", "id", "organization", "scope", "date", "assessor", "notes", "scale"],
}


@pytest.mark.parametrize("lang", [LANG_ZH, LANG_EN])
def test_blank_maturity_template(lib, lang):
    a = new_assessment(lib)
    try:
        wb = workbook(render(lib, lib.itss_assessment_render, a, 0, None, FORMAT_XLSX, lang))
    finally:
        lib.itss_assessment_free(a)
    zh = lang == LANG_ZH
    assert wb.sheetnames == (["评估表", "基本信息", "填写说明"] if zh
                             else ["assessment", "metadata", "instructions"])
    ws = wb.worksheets[0]
    assert [c.value for c in ws[1]] == MATURITY_HEADERS[lang]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    # one row per clause of the model under the header
    assert ws.max_row == 1 + 519
    first = [c.value for c in ws[2]]
    assert first[:4] == (["6.1.1.a", "1 基本级（四级）", "能力管理", "1 能力策划"] if zh else
                         ["6.1.1.a", "1 Basic (ITSS grade 4)", "Capability management",
                          "1 Capability planning"])
    assert first[5:] == [None, None, None, None]
    clauses = [ws.cell(row=r, column=1).value for r in range(2, 521)]
    assert len(set(clauses)) == 519 and all(clauses)
    # the summary is wrapped and wider than the clause id
    assert ws["E2"].alignment.wrap_text
    assert ws.column_dimensions["E"].width > ws.column_dimensions["A"].width
    # domains banded: the fill changes where the domain changes (level 1:
    # 能力管理 then 质量管理 ...), not within one
    domains = [ws.cell(row=r, column=3).value for r in range(2, 521)]
    change = next(i for i in range(1, 519) if domains[i] != domains[i - 1])
    fill = lambda r: ws.cell(row=r, column=1).fill.fgColor.rgb  # noqa: E731
    assert fill(2) == fill(change + 1)
    assert fill(change + 1) != fill(change + 2)
    # the drop-down of ratings on the whole rating column, letting other
    # values (numbers 0-100) through with a message
    dvs = ws.data_validations.dataValidation
    assert len(dvs) == 1
    dv = dvs[0]
    assert dv.type == "list"
    assert dv.formula1 == '"F,L,P,N,met,not_met,na"'
    assert dv.errorStyle in ("information", "warning")
    assert str(dv.sqref) == "F2:F520"
    assert "0" in dv.prompt and "100" in dv.prompt
    # metadata: a field/value header, then every key, the model id filled
    meta = [tuple(c.value for c in row[:2]) for row in wb.worksheets[1].iter_rows()]
    assert meta[0] == (("字段", "内容") if zh else ("field", "value"))
    assert [k for k, _ in meta[1:]] == MATURITY_KEYS[lang]
    assert meta[1][1] == "tcesa1299-2023"
    assert meta[8][1] == "any"
    assert all(v is None for _, v in meta[2:8])
    # instructions: text, with the model's bands and the rule
    lines = [r[0].value for r in wb.worksheets[2].iter_rows() if r[0].value]
    text = "\n".join(lines)
    assert len(lines) >= 10
    for word in ("F", "L", "P", "N", "met", "not_met", "na", "85", "50", "15"):
        assert word in text
    assert ("大部分满足" in text and "完全满足" in text) if zh else \
        ("largely" in text and "fully" in text)


def test_filled_assessment_values(lib):
    a = new_assessment(lib)
    err = Error()
    try:
        check(lib.itss_assessment_set_rating(a, b"6.1.1.a", RATING_F, ctypes.byref(err)), err)
        check(lib.itss_assessment_set_evidence(a, b"6.1.1.a", "=制度文件, \"第 3 版\"".encode(),
                                               ctypes.byref(err)), err)
        check(lib.itss_assessment_set_note(a, b"6.1.1.a", b"ok", ctypes.byref(err)), err)
        check(lib.itss_assessment_set_percent(a, b"6.1.1.b", 85.5, ctypes.byref(err)), err)
        # a double that 16 significant digits would not give back
        check(lib.itss_assessment_set_percent(a, b"6.1.1.c", 0.1 + 0.2, ctypes.byref(err)), err)
        check(lib.itss_assessment_set_rating(a, b"6.1.1.d", RATING_L, ctypes.byref(err)), err)
        check(lib.itss_assessment_set_na(a, b"6.1.2.a", "不涉及".encode(), ctypes.byref(err)), err)
        check(lib.itss_assessment_set_meta(a, b"organization", "示例公司".encode(),
                                           ctypes.byref(err)), err)
        check(lib.itss_assessment_set_meta(a, b"date", b"2026-12-01", ctypes.byref(err)), err)
        wb = workbook(render(lib, lib.itss_assessment_render, a, 1, b"capability_management",
                             FORMAT_XLSX, LANG_EN))
    finally:
        lib.itss_assessment_free(a)
    ws = wb.worksheets[0]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    # level 1 of capability management only: 6.1.1.a .. 6.1.4.x
    assert all(k.startswith("6.1.") for k in rows)
    assert rows["6.1.1.a"][5].value == "F"
    assert rows["6.1.1.a"][6].value == "=制度文件, \"第 3 版\""
    assert rows["6.1.1.a"][6].data_type == "s"  # text, not a formula
    assert rows["6.1.1.a"][7].value == "ok"
    assert rows["6.1.1.b"][5].value == 85.5
    assert rows["6.1.1.b"][5].data_type == "n"
    assert float(rows["6.1.1.c"][5].value) == 0.1 + 0.2
    assert rows["6.1.1.d"][5].value == "L"
    assert rows["6.1.2.a"][5].value == "na"
    assert rows["6.1.2.a"][8].value == "不涉及"
    meta = {r[0].value: r[1].value for r in wb.worksheets[1].iter_rows(min_row=2)}
    assert meta["organization"] == "示例公司"
    assert meta["date"] == "2026-12-01"  # text, not a date serial
    assert meta["model"] == "tcesa1299-2023"


def test_evaluation_sheet(lib):
    doc = {
        "service": "04", "period": "2026-Q3", "provider": "ACME",
        "scheme": {
            "indicators": ["incident_resolution_rate", "call_answer_rate", "training_coverage"],
            "weights": {"reliability": 3, "timeliness": 0.25, "call_answer_rate": 2},
            "bands": [{"grade": "优", "min": 0.9}, {"grade": "良", "min": 0.8}],
        },
        "measurements": {
            "incident_resolution_rate": {"A": 9, "B": 10},
            "call_answer_rate": {"A": 5, "B": 10},
            "training_coverage": {"na": "本季度没有培训"},
        },
    }
    import json
    text = json.dumps(doc, ensure_ascii=False).encode()
    ev = ctypes.c_void_p()
    err = Error()
    check(lib.itss_evaluation_load(ctypes.c_void_p(lib.itss_indicator_catalog_builtin()), text,
                                   len(text), ctypes.byref(ev), ctypes.byref(err)), err)
    try:
        wb = workbook(render(lib, lib.itss_evaluation_render, ev, FORMAT_XLSX, LANG_ZH))
    finally:
        lib.itss_evaluation_free(ev)
    assert wb.sheetnames == ["评价表", "基本信息", "填写说明"]
    ws = wb.worksheets[0]
    assert [c.value for c in ws[1]] == ["指标", "指标名称", "子特性", "方法", "测量说明", "A", "B",
                                        "评分", "权重", "不适用理由"]
    assert ws.freeze_panes == "A2"
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == ["incident_resolution_rate", "call_answer_rate",
                                    "training_coverage"]
    assert rows[0][1:4] == ["事件解决率", "有效性", "比值"]
    assert rows[0][4] == "A: 已解决的运维事件数 / B: 运维事件总数"
    assert rows[0][5:9] == [9, 10, None, 1]
    assert rows[1][5:9] == [5, 10, None, 2]
    assert rows[2][5:10] == [None, None, None, 1, "本季度没有培训"]
    meta = [[c.value for c in r[:3]] for r in wb.worksheets[1].iter_rows()]
    assert meta[0][:2] == ["字段", "内容"]
    assert meta[1:] == [
        ["服务类别", "04", None], ["评价周期", "2026-Q3", None], ["评价编号", None, None],
        ["供方", "ACME", None], ["需方", None, None], ["评价人", None, None],
        ["日期", None, None], ["说明", None, None],
        ["权重", "reliability", 3], ["权重", "timeliness", 0.25],
        ["等级", "优", 0.9], ["等级", "良", 0.8],
    ]
    assert len([r for r in wb.worksheets[2].iter_rows() if r[0].value]) >= 8


def test_rating_indicator_scores(lib):
    # a rating indicator: its anchors as "1: …; 2: …", the scores as text
    cat = ctypes.c_void_p(lib.itss_indicator_catalog_builtin())
    lib.itss_indicator_catalog_indicator_count.restype = ctypes.c_size_t
    lib.itss_indicator_catalog_indicator_at.restype = ctypes.c_void_p
    lib.itss_indicator_id.restype = ctypes.c_char_p
    lib.itss_indicator_method.restype = ctypes.c_int
    lib.itss_indicator_service_at.restype = ctypes.c_char_p
    lib.itss_indicator_service_count.restype = ctypes.c_size_t
    rating = None
    for i in range(lib.itss_indicator_catalog_indicator_count(cat)):
        ind = ctypes.c_void_p(lib.itss_indicator_catalog_indicator_at(cat, ctypes.c_size_t(i)))
        if lib.itss_indicator_method(ind) == 1 and lib.itss_indicator_service_count(ind):
            rating = (lib.itss_indicator_id(ind).decode(),
                      lib.itss_indicator_service_at(ind, ctypes.c_size_t(0)).decode())
            break
    if rating is None:
        pytest.skip("no rating indicator in the built-in catalog")
    import json
    doc = {"service": rating[1], "scheme": {"indicators": [rating[0]]},
           "measurements": {rating[0]: {"scores": [4, 5, 3]}}}
    text = json.dumps(doc).encode()
    ev = ctypes.c_void_p()
    err = Error()
    check(lib.itss_evaluation_load(cat, text, len(text), ctypes.byref(ev), ctypes.byref(err)), err)
    try:
        wb = workbook(render(lib, lib.itss_evaluation_render, ev, FORMAT_XLSX, LANG_EN))
    finally:
        lib.itss_evaluation_free(ev)
    row = [c.value for c in wb.worksheets[0][2]]
    assert row[0] == rating[0]
    assert row[3] == "rating"
    assert row[4].startswith("1: ") and "; 5: " in row[4]
    assert row[7] == "4 5 3"
