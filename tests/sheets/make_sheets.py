#!/usr/bin/env python3
"""Write the workbooks that tests/test_sheet_read.c reads into DIR: a few
written by openpyxl (another program's writer), the rest assembled part by
part with zipfile so that each shows one thing (rich text, inline strings,
a formula without its value, ...), and the hostile ones: a zip bomb, an
external entity, entity expansion, a million rows, a truncated zip.

usage: make_sheets.py DIR
"""
import pathlib
import struct
import sys
import zipfile
import zlib

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
WB_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
WS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
REL_WS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
REL_SS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def types(nsheets, workbook_type=WB_TYPE):
    over = "".join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="%s"/>'
                   % (i + 1, WS_TYPE) for i in range(nsheets))
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="%s"/>%s</Types>'
            % (workbook_type, over))


def workbook(names, date1904=False, states=None):
    states = states or {}
    sheets = "".join('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>'
                     % (n, i + 1, ' state="%s"' % states[n] if n in states else "", i + 1)
                     for i, n in enumerate(names))
    pr = '<workbookPr date1904="1"/>' if date1904 else ""
    return ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s">%s'
            '<sheets>%s</sheets></workbook>' % (NS, RNS, pr, sheets))


def rels(nsheets, shared=True):
    r = "".join('<Relationship Id="rId%d" Type="%s" Target="worksheets/sheet%d.xml"/>'
                % (i + 1, REL_WS, i + 1) for i in range(nsheets))
    if shared:
        r += ('<Relationship Id="rId%d" Type="%s" Target="/xl/sharedStrings.xml"/>'
              % (nsheets + 1, REL_SS))
    return '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">%s</Relationships>' % (PKG, r)


def sheet(rows_xml, extra=""):
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s" xmlns:r="%s">'
            '<sheetData>%s</sheetData>%s</worksheet>' % (NS, RNS, rows_xml, extra))


def shared(items):
    return ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
            % (NS, len(items), len(items), "".join(items)))


def write(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            z.writestr(name, text.encode("utf-8") if isinstance(text, str) else text)


def book(path, sheets, strings=None, date1904=False, states=None, workbook_type=WB_TYPE,
         ss_override=None):
    parts = [("[Content_Types].xml", types(len(sheets), workbook_type)),
             ("xl/workbook.xml", workbook([n for n, _ in sheets], date1904, states)),
             ("xl/_rels/workbook.xml.rels", rels(len(sheets), strings is not None))]
    for i, (_, xml) in enumerate(sheets):
        parts.append(("xl/worksheets/sheet%d.xml" % (i + 1), xml))
    if strings is not None:
        parts.append(("xl/sharedStrings.xml", ss_override or shared(strings)))
    write(path, parts)


def by_openpyxl(out):
    import openpyxl  # only here: fuzz/seeds.py uses the rest without it

    # The normal workbook: text, numbers, a boolean, a number stored as
    # text, merged cells, a hidden sheet, the 1904 date system.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "评估表"
    ws.append(["条款", "评级", "证据"])
    ws.append(["7.4.4.c", "F", "运维手册 v2"])
    ws.append(["7.4.5.a", 85, None])
    ws.append(["7.4.5.b", 0.1, True])
    ws.append(["7.4.6", "85", None])
    ws["D1"] = "合并"
    ws.merge_cells("D1:E2")
    hidden = wb.create_sheet("隐藏")
    hidden["A1"] = "secret"
    hidden.sheet_state = "hidden"
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    wb.save(out / "normal.xlsx")

    # A formula openpyxl writes without a value (it computes nothing).
    wb = openpyxl.Workbook()
    wb.active["A1"] = 2
    wb.active["B3"] = "=A1*2"
    wb.save(out / "formula.xlsx")

    # 519 rows of a realistic table (the measurements' baseline).
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["条款", "级别", "能力域", "能力项", "要求摘要", "评级", "证据", "备注", "不适用理由"])
    for i in range(519):
        ws.append(["7.%d.%d.%s" % (i // 40 + 1, i % 40 + 1, "abc"[i % 3]), "%d 基本级" % (i % 4 + 1),
                   "人员", "%d 能力项" % (i % 7), "应建立并保持服务目录，明确服务内容与级别。" * 2,
                   ["F", "L", "P", "N", 85][i % 5], "证据 %d" % i, "", ""])
    wb.save(out / "rows519.xlsx")

    # Numbers formatted as percentages: built-in 0% (id 9), custom 0.0%
    # and [Red]0%; a % in quotes or escaped is a literal sign, not a
    # percentage; a number without a format.
    wb = openpyxl.Workbook()
    ws = wb.active
    for ref, value, fmt in [("A1", 0.85, "0%"), ("A2", 0.575, "0.0%"), ("A3", 0.3, '0.00"%"'),
                            ("A4", 0.5, "0\\%"), ("A5", 40, None), ("A6", 1, "[Red]0%")]:
        ws[ref] = value
        if fmt:
            ws[ref].number_format = fmt
    wb.save(out / "percent.xlsx")


def kinds(out):
    # Shared strings: plain, rich text runs with a phonetic run (ignored),
    # one with spaces kept. Cells: every type, formulas with cached values,
    # cells without r, a number stored as text.
    strings = ["<si><t>plain</t></si>",
               '<si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>',
               '<si><t xml:space="preserve"> 00123 </t></si>']
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="C1" t="s"><v>2</v></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c>'
            '<c r="B2" t="inlineStr"><is><r><t>in</t></r><r><t>runs</t></r></is></c>'
            '<c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c>'
            '<c r="E2" t="e"><v>#N/A</v></c></row>'
            '<row r="3"><c r="A3"><v>85</v></c><c r="B3"><v>0.1</v></c>'
            '<c r="C3"><v>1.5E-3</v></c><c r="D3"><f>1+1</f><v>2</v></c>'
            '<c r="E3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="F3" s="1"/></row>'
            '<row><c><v>7</v></c><c t="inlineStr"><is><t>x</t></is></c></row>'
            '<row r="9"><c r="C9" t="inlineStr"><is><t>85</t></is></c><c r="D9"><v>-3</v></c></row>')
    book(out / "kinds.xlsx", [("kinds", sheet(rows, '<mergeCells count="1"><mergeCell ref="A9:B9"/></mergeCells>'))],
         strings)


def escapes(out):
    # _xHHHH_ escapes of shared and inline strings: a carriage return, a tab,
    # an escaped underscore that keeps the next _x0041_ literal; U+0000 and
    # a surrogate are no characters and stay as written; lower-case hex.
    strings = ["<si><t>a_x000D_b</t></si>", "<si><t>_x005F_x0041_</t></si>",
               "<si><r><t>x_x00e9_</t></r><r><t>_x0000_ _xD800_</t></r></si>"]
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="C1" t="s"><v>2</v></c>'
            '<c r="D1" t="inlineStr"><is><t>_x0009_tab</t></is></c>'
            '<c r="E1" t="inlineStr"><is><t>_x004</t></is></c>'
            '<c r="F1" t="s"><v>0</v></c></row>')
    book(out / "escapes.xlsx", [("escapes", sheet(rows))], strings)
    # a sheet name of 300 bytes (spreadsheet programs allow 31 characters)
    book(out / "longname.xlsx", [("n" * 300, sheet('<row r="1"><c r="A1"><v>1</v></c></row>'))])


def bad(out):
    ok_rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    # a shared-string index past the end (two strings: 0 and 1)
    book(out / "ss_range.xlsx",
         [("表", sheet('<row r="1"><c r="A1" t="s"><v>1</v></c></row><row r="2"><c r="C2" t="s"><v>2</v></c></row>'))],
         ["<si><t>a</t></si>", "<si><t>b</t></si>"])
    # the workbook part declared with another content type
    book(out / "wrong_types.xlsx", [("s", sheet(ok_rows))], ["<si><t>a</t></si>"],
         workbook_type="application/xml")
    # a formula without a value, written by hand
    book(out / "formula_hand.xlsx", [("calc", sheet('<row r="4"><c r="B4"><f>SUM(A1:A3)</f></c></row>'))])
    # an external entity (XXE) in a worksheet
    xxe = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c>'
           '</row></sheetData></worksheet>' % NS)
    book(out / "xxe.xlsx", [("s", xxe)])
    # entity expansion ("billion laughs") in the shared strings
    lol = ['<!ENTITY lol0 "lol">']
    for i in range(1, 10):
        lol.append('<!ENTITY lol%d "%s">' % (i, "&lol%d;" % (i - 1) * 10))
    laughs = ('<?xml version="1.0"?><!DOCTYPE sst [%s]><sst xmlns="%s"><si><t>&lol9;</t></si></sst>'
              % ("".join(lol), NS))
    book(out / "laughs.xlsx", [("s", sheet(ok_rows))], [], ss_override=laughs)
    # a truncated zip: the first half of a good one
    data = (out / "kinds.xlsx").read_bytes()
    (out / "truncated.xlsx").write_bytes(data[: len(data) // 2])


def million(out):
    # 1,000,000 rows, streamed into the zip
    path = out / "million.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types(1))
        z.writestr("xl/workbook.xml", workbook(["big"]))
        z.writestr("xl/_rels/workbook.xml.rels", rels(1, False))
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>' % NS).encode())
            chunk = []
            for r in range(1, 1000001):
                chunk.append('<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r))
                if len(chunk) == 10000:
                    f.write("".join(chunk).encode())
                    chunk = []
            f.write("".join(chunk).encode())
            f.write(b"</sheetData></worksheet>")


def bomb(out, nsheets=100):
    """About 42 KB: one deflated worksheet of 32 MiB of spaces, and a
    central directory whose nsheets entries all point at it, so that the
    workbook's sheets declare 3.4 GB between them."""
    head = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>' % NS).encode()
    body = head + b" " * (32 << 20) + b"</sheetData></worksheet>"
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    kernel = comp.compress(body) + comp.flush()
    crc = zlib.crc32(body)
    entries = []  # (name, offset, crc, csize, usize, method)
    blob = bytearray()

    def local(name, data, method, crc_, usize):
        off = len(blob)
        blob.extend(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc_,
                                len(data), usize, len(name), 0))
        blob.extend(name)
        blob.extend(data)
        return off

    names = ["sheet%03d" % (i + 1) for i in range(nsheets)]
    small = [("[Content_Types].xml", types(0)),
             ("xl/workbook.xml", workbook(names)),
             ("xl/_rels/workbook.xml.rels",
              '<?xml version="1.0"?><Relationships xmlns="%s">%s</Relationships>' % (PKG, "".join(
                  '<Relationship Id="rId%d" Type="%s" Target="worksheets/sheet%03d.xml"/>' % (i + 1, REL_WS, i + 1)
                  for i in range(nsheets))))]
    for name, text in small:
        data = text.encode()
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = c.compress(data) + c.flush()
        n = name.encode()
        entries.append((n, local(n, packed, 8, zlib.crc32(data), len(data)), zlib.crc32(data),
                        len(packed), len(data), 8))
    first = b"xl/worksheets/sheet001.xml"
    off = local(first, kernel, 8, crc, len(body))
    for i in range(nsheets):
        entries.append((("xl/worksheets/sheet%03d.xml" % (i + 1)).encode(), off, crc, len(kernel), len(body), 8))
    cd = bytearray()
    for n, o, c, cs, us, m in entries:
        cd.extend(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, m, 0, 0x21, c, cs, us,
                              len(n), 0, 0, 0, 0, 0, o))
        cd.extend(n)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(cd), len(blob), 0)
    (out / "bomb.xlsx").write_bytes(bytes(blob + cd + end))


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    by_openpyxl(out)
    kinds(out)
    escapes(out)
    bad(out)
    million(out)
    bomb(out)


if __name__ == "__main__":
    main()
