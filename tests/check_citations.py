#!/usr/bin/env python3
"""Citations a user can follow.

usage: check_citations.py SOURCE_ROOT

Every "source" in data/*.json cites a document by its title and a place in
it, never a file name in place of the document (names like
"001_51edbfab1f812ef2.txt", or "line 2159" of such a file); and no text a
user sees (data, docs, headers, library, command, bindings) names such a
file. docs/sources.md lists the documents by title. The checker first runs
on samples that break each rule and fails if it lets one pass.
"""
import json
import pathlib
import re
import sys

ARCHIVE_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}(?:\.txt)?\b")
FILE_LINE = re.compile(r"\.txt\b|\bline \d+\b")
# The documents docs/sources.md must name (by a part of their title).
DOCUMENTS = ["信息技术服务标准体系建设报告 5.0", "ITSS handbook", "DB21/T 1799.1",
             "T/CESA 1299—2023", "ITSS.1-2015", "GB/T 4754-2017"]
# What a source names: a standard's number or a document's title.
CITES = re.compile(r"(GB/T \d|T/CESA \d|DB21/T \d|ITSS\.1-2015|ITSS handbook|"
                   r"信息技术服务标准体系建设报告|ITSS standards system report)")


def bad_source(s):
    """Why a source string is not a citation a user can follow, or None."""
    if not isinstance(s, str) or not s.strip():
        return "empty source"
    if ARCHIVE_FILE.search(s) or FILE_LINE.search(s):
        return "names a file instead of a document"
    if not CITES.search(s):
        return "names no standard or document"
    return None


def sources(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            p = f"{path}/{k}"
            if k == "source":
                yield p, v
            else:
                yield from sources(v, p)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from sources(v, f"{path}/{i}")


def self_test():
    bad = ["", "GB/T 29264-2012 table 3-1 (001_51edbfab1f812ef2.txt line 2159)",
           "004_75f57313b1268de3.txt", "table 3-1", "ITSS handbook line 380", "a case study, table 4"]
    good = ["GB/T 29264-2012 table 3-1", "T/CESA 1299—2023 clause 6.2.1",
            "ITSS handbook, appendix 4 case X; A and B are libitss's reading of the name"]
    for s in bad:
        if bad_source(s) is None:
            sys.exit(f"self-test: {s!r} passed")
    for s in good:
        if bad_source(s) is not None:
            sys.exit(f"self-test: {s!r} failed: {bad_source(s)}")
    if not ARCHIVE_FILE.search("see 012_0123456789abcdef.txt"):
        sys.exit("self-test: an archive file name passed")


def main():
    root = pathlib.Path(sys.argv[1])
    self_test()
    problems = []
    for f in sorted((root / "data").glob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        for p, s in sources(doc):
            why = bad_source(s)
            if why:
                problems.append(f"{f.relative_to(root)}: {p}: {why}: {s!r}")
    for sub in ("data", "docs", "include", "lib", "tools", "bindings", "README.md", "CHANGELOG.md"):
        base = root / sub
        files = [base] if base.is_file() else [x for x in base.rglob("*") if x.is_file()]
        for f in files:
            try:
                text = f.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            m = ARCHIVE_FILE.search(text)
            if m:
                line = text.count("\n", 0, m.start()) + 1
                problems.append(f"{f.relative_to(root)}:{line}: names an archive file {m.group(0)!r}")
    listed = (root / "docs" / "sources.md").read_text(encoding="utf-8")
    for title in DOCUMENTS:
        if title not in listed:
            problems.append(f"docs/sources.md does not list {title!r}")
    for p in problems:
        print(p)
    if problems:
        return 1
    print("ok: every source cites a document by title and place; no archive file is named")
    return 0


if __name__ == "__main__":
    sys.exit(main())
