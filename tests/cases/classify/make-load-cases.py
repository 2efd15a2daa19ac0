#!/usr/bin/env python3
"""Writes the load-* cases of this directory.

Each case is a small catalog document with a § marking the offending
token. The marker is removed and the expected line, column (Unicode code
points) and byte position are computed here, in Python, from where it
stood: independently of libitss's own locating code. The expected code and
JSON path are written by hand next to each document, with the reason.
Run from the repository root: python3 tests/cases/classify/make-load-cases.py
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from casegen import locate, write_json  # noqa: E402
base = os.path.dirname(os.path.abspath(__file__))
HEAD = '{"format": "itss-catalog/1", "edition": "Test 1", "title": {"zh": "测试", "en": "Test"},\n'
C01 = ('  {"code": "01", "level": 1, "parent": null, "name": {"zh": "一", "en": "One"},\n'
       '   "description": {"zh": "甲", "en": "A"}, "catch_all": false, "source": "s"}')
def doc(*classes, tail=''):
    return HEAD + ' "classes": [\n' + ',\n'.join(classes) + '\n ]' + tail + '}\n'
def case(name, text, expect, why):
    d = os.path.join(base, name); os.makedirs(d, exist_ok=True)
    raw, loc = locate(text) if isinstance(text, str) else (text, None)
    if loc:
        expect = dict(expect, **loc)
    open(os.path.join(d, 'catalog.json'), 'wb').write(raw)
    write_json(os.path.join(d, 'input.json'), {"op": "load", "file": "catalog.json", "why": why})
    write_json(os.path.join(d, 'expected.json'), {"error": expect} if 'code' in expect else expect)

case('load-valid-minimal', doc(C01,
     '  {"code": "0101", "level": 2, "parent": "01", "name": {"zh": "一一", "en": "One-one"},\n'
     '   "description": {"zh": "乙", "en": "B"}, "catch_all": false, "source": "s"}'),
     {"classes": 2}, "a two-class catalog is accepted")
case('load-malformed-token', '{"format": "itss-catalog/1",\n "edition": §tru}\n',
     {"code": "ITSS_EPARSE", "path": ""}, "an invalid literal is located at its first character")
case('load-truncated', '{"format": "itss-catalog/1"§',
     {"code": "ITSS_EPARSE"}, "end of input inside an object is located at the end")
case('load-empty', '§', {"code": "ITSS_EPARSE"}, "an empty document is malformed")
case('load-top-level-array', '§[1, 2]\n', {"code": "ITSS_ESCHEMA", "path": ""}, "the document must be an object")
case('load-bom', '§\ufeff' + doc(C01), {"code": "ITSS_EPARSE"}, "a UTF-8 byte order mark is refused")
case('load-trailing-garbage', '{} §x\n', {"code": "ITSS_EPARSE"}, "text after the document is refused")
case('load-unknown-key', '{"format": "itss-catalog/1",\n §"colour": 1}\n',
     {"code": "ITSS_ESCHEMA", "path": "/colour"}, "unknown keys are located at the key")
case('load-missing-classes', '§{"format": "itss-catalog/1", "edition": "E", "title": {"zh": "测", "en": "T"}}\n',
     {"code": "ITSS_ESCHEMA", "path": "", "message_contains": "classes"}, "a missing key is located at its object")
case('load-empty-classes', '{"format": "itss-catalog/1", "edition": "E", "title": {"zh": "测", "en": "T"},\n "classes": §[]}\n',
     {"code": "ITSS_EVALUE", "path": "/classes"}, "a catalog needs classes")
case('load-format-wrong', '{"format": §"itss-catalog/9", "edition": "E", "title": {"zh": "测", "en": "T"}, "classes": []}\n',
     {"code": "ITSS_EVALUE", "path": "/format"}, "an unknown format version is refused")
case('load-bad-code', doc('  {"code": §"0A", "level": 1, "parent": null, "name": {"zh": "一", "en": "One"},\n'
     '   "description": {"zh": "甲", "en": "A"}, "catch_all": false, "source": "s"}'),
     {"code": "ITSS_EVALUE", "path": "/classes/0/code"}, "a code with a letter")
case('load-level-mismatch', doc('  {"code": "01", "parent": null, "name": {"zh": "一", "en": "One"},\n'
     '   "description": {"zh": "甲", "en": "A"}, "catch_all": false, "source": "s",\n   "level":\n      §2}'),
     {"code": "ITSS_EMODEL", "path": "/classes/0/level"}, "a 2-digit code is level 1")
case('load-parent-mismatch', doc(C01, '  {"code": "0102", "level": 2, "name": {"zh": "一二", "en": "One-two"},\n'
     '   "description": {"zh": "乙", "en": "B"}, "catch_all": false, "source": "s",\n   "parent": §"02"}'),
     {"code": "ITSS_EMODEL", "path": "/classes/1/parent"}, "the parent of 0102 is 01")
case('load-duplicate-code', doc(C01, '  {"code": §"01", "level": 1, "parent": null, "name": {"zh": "一", "en": "One"},\n'
     '   "description": {"zh": "甲", "en": "A"}, "catch_all": false, "source": "s"}'),
     {"code": "ITSS_EDUPLICATE", "path": "/classes/1/code"}, "the second of two equal codes is reported")
case('load-missing-parent', doc(C01, '  {"code": "0201", "level": 2, "name": {"zh": "二一", "en": "Two-one"},\n'
     '   "description": {"zh": "乙", "en": "B"}, "catch_all": false, "source": "s",\n   "parent": §"02"}'),
     {"code": "ITSS_EMODEL", "path": "/classes/1/parent"}, "class 02 does not exist")
case('load-catch-all-mismatch', doc(C01, '  {"code": "0199", "level": 2, "parent": "01", "name": {"zh": "其他", "en": "Other"},\n'
     '   "description": {"zh": "乙", "en": "B"}, "source": "s",\n   "catch_all": §false}'),
     {"code": "ITSS_EMODEL", "path": "/classes/1/catch_all"}, "a class ending in 99 is a catch-all")
case('load-name-not-object', doc('  {"code": "01", "level": 1, "parent": null, "name": §"一",\n'
     '   "description": {"zh": "甲", "en": "A"}, "catch_all": false, "source": "s"}'),
     {"code": "ITSS_ESCHEMA", "path": "/classes/0/name"}, "names are {zh, en} objects")
case('load-name-missing-en', doc('  {"code": "01", "level": 1, "parent": null, "name": §{"zh": "一"},\n'
     '   "description": {"zh": "甲", "en": "A"}, "catch_all": false, "source": "s"}'),
     {"code": "ITSS_ESCHEMA", "path": "/classes/0/name", "message_contains": "\"en\""}, "both languages are required")
case('load-name-empty', doc('  {"code": "01", "level": 1, "parent": null, "name": {"zh": §"", "en": "One"},\n'
     '   "description": {"zh": "甲", "en": "A"}, "catch_all": false, "source": "s"}'),
     {"code": "ITSS_EVALUE", "path": "/classes/0/name/zh"}, "names must not be empty")
case('load-level-not-integer', doc('  {"code": "01", "level": §1.5, "parent": null, "name": {"zh": "一", "en": "One"},\n'
     '   "description": {"zh": "甲", "en": "A"}, "catch_all": false, "source": "s"}'),
     {"code": "ITSS_ESCHEMA", "path": "/classes/0/level"}, "levels are integers")
case('load-escaped-key', doc('  {"code": "01", "lev\\u0065l": §2, "parent": null, "name": {"zh": "一", "en": "One"},\n'
     '   "description": {"zh": "甲", "en": "A"}, "catch_all": false, "source": "s"}'),
     {"code": "ITSS_EMODEL", "path": "/classes/0/level"}, "a key written with an escape is still located")
case('load-duplicate-json-key', '{"format": "itss-catalog/1", §"format": "x"}\n',
     {"code": "ITSS_EDUPLICATE", "path": "/format"}, "duplicate keys are refused and located at the second")
case('load-duplicate-key-nested', doc('  {"code": "01", "level": 1, "parent": null, "name": {"zh": "一", §"zh": "二", "en": "One"},\n'
     '   "description": {"zh": "甲", "en": "A"}, "catch_all": false, "source": "s"}'),
     {"code": "ITSS_EDUPLICATE", "path": "/classes/0/name/zh"}, "duplicate keys deep in the document")
case('load-huge-integer', doc('  {"code": "01", "level": §99999999999999999999, "parent": null, "name": {"zh": "一", "en": "One"},\n'
     '   "description": {"zh": "甲", "en": "A"}, "catch_all": false, "source": "s"}'),
     {"code": "ITSS_EVALUE", "path": "/classes/0/level"},
     "JSON does not bound integers: 99999999999999999999 is a number like any other, and a level must be 1..3")
case('load-deep-nesting', '{"a": ' + '[' * 3000 + ']' * 3000 + '}\n',
     {"code": "ITSS_ELIMIT", "line": 1}, "nesting deeper than the parser's limit")
XW = (',\n "crosswalks": [{"id": "x", "scheme": "X", "name": {"zh": "甲", "en": "X"},\n'
      '   "targets": [{"code": "A", "name": {"zh": "甲", "en": "A"}, "source": "s"}%s],\n'
      '   "links": [{"from": %s, "to": "A", "relation": %s}]}]')
case('load-root-not-a-class', '{"format": "itss-catalog/1", "edition": "E", "title": {"zh": "测", "en": "T"},\n "root": §"02",\n'
     ' "classes": [\n' + C01 + '\n ]}\n',
     {"code": "ITSS_EMODEL", "path": "/root"}, "a subtree export names its root, which must be one of its classes")
case('load-link-unknown-class', doc(C01, tail=XW % ('', '§"05"', '"exact"')),
     {"code": "ITSS_EMODEL", "path": "/crosswalks/0/links/0/from"}, "links must start at a class of the catalog")
case('load-link-unknown-relation', doc(C01, tail=XW % ('', '"01"', '§"same"')),
     {"code": "ITSS_EVALUE", "path": "/crosswalks/0/links/0/relation"}, "relations are exact, narrower, broader or related")
case('load-duplicate-target', doc(C01, tail=XW % (', {"code": §"A", "name": {"zh": "乙", "en": "B"}, "source": "s"}', '"01"', '"exact"')),
     {"code": "ITSS_EDUPLICATE", "path": "/crosswalks/0/targets/1/code"}, "target codes are unique")
# invalid UTF-8 inside a string (raw bytes)
raw = (HEAD + ' "classes": []}\n').encode('utf-8').replace('"Test 1"'.encode(), b'"Test \xff"')
case('load-invalid-utf8', raw, {"code": "ITSS_EPARSE", "line": 1}, "strings must be UTF-8")
