#!/usr/bin/env python3
"""Write the seed inputs of each fuzz harness into DIR/NAME/: the documents
of tests/cases (documents given inline in a case's input.json too) and
examples/, sorted by the format each harness reads, plus the built-in
models' own exports when the itss tool of a build is at hand.

usage: seeds.py DIR
"""
import hashlib
import json
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def put(out, name, data):
    if isinstance(data, (dict, list)):
        data = json.dumps(data, ensure_ascii=False).encode("utf-8")
    d = out / name
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def main():
    out = pathlib.Path(sys.argv[1])
    cases = ROOT / "tests" / "cases"
    for inp in sorted(cases.glob("*/*/input.json")):
        case = json.loads(inp.read_text(encoding="utf-8"))
        area, d = inp.parent.parent.name, inp.parent
        op = case.get("op")
        files = [p for p in d.iterdir() if p.name not in ("input.json", "expected.json")]
        for p in files:
            data = p.read_bytes()
            if area == "classify":
                put(out, "catalog", data)
            elif area == "maturity":
                put(out, "model" if p.name == case.get("model") else "assessment", data)
            elif p.name == case.get("catalog"):
                put(out, "indicators", data)
            else:
                put(out, "ahp" if op == "ahp" else "evaluation", data)
        if op == "ahp" and "document" in case:
            put(out, "ahp", case["document"])
        if "evaluation" in case:
            put(out, "evaluation", case["evaluation"])
        for ev in case.get("evaluations", []):
            put(out, "evaluation", ev)
        for key in ("code", "text", "service"):
            if isinstance(case.get(key), str):
                put(out, "codes", case[key].encode("utf-8"))
        # the message error records: the parts of messages the cases expect
        expected = json.loads((d / "expected.json").read_text(encoding="utf-8"))
        err = expected.get("error") if isinstance(expected, dict) else None
        if isinstance(err, dict) and isinstance(err.get("message_contains"), str):
            put(out, "message", err["message_contains"].encode("utf-8"))
    put(out, "assessment", (ROOT / "examples" / "assessment.json").read_bytes())
    put(out, "evaluation", (ROOT / "examples" / "evaluation.json").read_bytes())
    for f in ("gbt29264-2012.json", "tcesa1299-2023.json", "itss1-2015.json",
              "quality-indicators.json"):
        name = {"gbt29264-2012.json": "catalog", "tcesa1299-2023.json": "model",
                "itss1-2015.json": "model", "quality-indicators.json": "indicators"}[f]
        put(out, name, (ROOT / "data" / f).read_bytes())
    for argv in (["class", "show", "040201"], ["class", "search", "运维", "--lang", "en"],
                 ["class", "map", "--to", "gbt4754", "040201", "--format", "json"],
                 ["maturity", "clauses", "--level", "2", "--domain", "process"],
                 ["maturity", "rate", "-", "--target", "3"], ["quality", "scheme", "--service", "04"],
                 ["maturity", "clauses", "--model", "itss1-2015", "--level", "一级"],
                 ["quality", "indicators", "--service=0402", "--format", "json"]):
        put(out, "cli", "\0".join(argv).encode("utf-8"))
    # worksheets: a few CSV texts, and the small workbooks of the reader's tests
    for text in ("clause,rating\r\n7.4.4.c,F\r\n", "\ufeff模型,tcesa1299-2023\r\n\r\n条款,评级,证据\r\n"
                 "7.4.4.c,85,\"a, \"\"b\"\"\"\r\n", "indicator,A,B,scores\n1.1,3,4,\"4 5\"\n"):
        put(out, "csv", text.encode("utf-8"))
    put(out, "csv", "clause,评级\r\n".encode("gb18030"))
    sys.path.insert(0, str(ROOT / "tests" / "sheets"))
    import make_sheets
    with tempfile.TemporaryDirectory() as t:
        make_sheets.kinds(pathlib.Path(t))
        make_sheets.bad(pathlib.Path(t))
        for p in sorted(pathlib.Path(t).iterdir()):
            put(out, "xlsx", p.read_bytes())
    # parts for the harness to wrap (fuzz/fuzz_xlsx.c): 0x01, sheet, 0x01, strings
    sst = make_sheets.shared(['<si><t>a</t></si>', '<si><r><t>b</t></r><rPh><t>x</t></rPh></si>'])
    for rows in ('<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>0.5</v></c></row>',
                 '<row><c t="inlineStr"><is><t>x</t></is></c><c t="b"><v>1</v></c>'
                 '<c t="e"><v>#N/A</v></c><c><f>1</f></c></row>'):
        put(out, "xlsx", b"\x01" + make_sheets.sheet(rows).encode() + b"\x01" + sst.encode())
    counts = {p.name: len(list(p.iterdir())) for p in sorted(out.iterdir())}
    print("seeds: " + ", ".join("%s %d" % kv for kv in counts.items()))


if __name__ == "__main__":
    main()
