#!/usr/bin/env python3
"""Worksheet benchmarks, each against a baseline in the same script.

usage: sheets.py ITSS_CLI TMPDIR

1. Template generation: `itss maturity template` (XLSX and CSV, all 519
   clauses) against `itss maturity clauses --format json` (the same walk of
   the model, written as JSON), best of 5 fresh processes each.
2. Reading a filled 519-row XLSX and rating it against openpyxl only
   loading the same file (load_workbook, in this process): through the
   Python binding in this process (the fair comparison), and through `itss
   maturity rate FILE --format json` in a new process each time (which
   adds the start of a process and the JSON output). Goal: at least 10
   times faster.
The filled sheet is written with openpyxl, a different writer than ours.
"""
import os
import subprocess
import sys
import time


def best(fn, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times) * 1000.0


def run(cli, *args):
    subprocess.run([cli, *args], check=True, stdout=subprocess.DEVNULL)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    cli, tmp = argv[1], argv[2]
    try:
        import openpyxl
    except ImportError:
        print("openpyxl is not installed (Debian python3-openpyxl): skipped")
        return 0
    tpl = os.path.join(tmp, "template.xlsx")
    tcsv = os.path.join(tmp, "template.csv")
    base = best(lambda: run(cli, "maturity", "clauses", "--format", "json"), 5)
    tx = best(lambda: run(cli, "maturity", "template", "--lang", "en", "-o", tpl), 5)
    tc = best(lambda: run(cli, "maturity", "template", "--lang", "en", "-o", tcsv), 5)
    print("%-52s %8.1f ms" % ("baseline: itss maturity clauses --format json", base))
    print("%-52s %8.1f ms  %.2fx the baseline" % ("itss maturity template -o template.xlsx", tx,
                                                  tx / base))
    print("%-52s %8.1f ms  %.2fx the baseline" % ("itss maturity template -o template.csv", tc,
                                                  tc / base))

    wb = openpyxl.load_workbook(tpl)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    col = header.index("rating") + 1
    ev = header.index("evidence") + 1
    words = ["F", "L", "P", "N", 90, 40, "F", "L"]
    rows = 0
    for r in range(2, ws.max_row + 1):
        if ws.cell(row=r, column=1).value:
            ws.cell(row=r, column=col).value = words[r % len(words)]
            ws.cell(row=r, column=ev).value = "evidence of row %d" % r
            rows += 1
    filled = os.path.join(tmp, "filled.xlsx")
    wb.save(filled)
    print("filled sheet: %d rows rated, %d bytes" % (rows, os.path.getsize(filled)))
    theirs = best(lambda: openpyxl.load_workbook(filled), 5)
    print("%-52s %8.1f ms" % ("baseline: openpyxl.load_workbook (load only)", theirs))
    try:  # in this process, as openpyxl: the binding's read and rate
        import warnings
        from itss import maturity
        # the measured path is the dict of the JSON export, which the
        # deprecated rate() still returns
        warnings.filterwarnings("ignore", "Assessment.rate returns a dict", DeprecationWarning)
        inproc = best(lambda: maturity.read(filled).rate(), 10)
        print("%-52s %8.1f ms  %.1fx faster (goal >= 10x)" % (
            "itss.maturity.read(filled.xlsx).rate(), in process", inproc, theirs / inproc))
    except ImportError:
        print("the Python binding is not on the path: in-process figure skipped")
    ours = best(lambda: run(cli, "maturity", "rate", filled, "--format", "json"), 5)
    print("%-52s %8.1f ms  %.1fx faster (a new process each time)" % (
        "itss maturity rate filled.xlsx --format json", ours, theirs / ours))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
