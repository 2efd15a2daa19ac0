#!/usr/bin/env python3
"""Writes the hostile-input corpus: tests/cases/{classify,maturity,quality}/hostile-*/.

Six input formats, each with a small valid base document and a table of bad
variants: the GB/T 29264 catalog (classify, op "load"), the maturity model
("load_model"), the assessment ("rate_file"), the indicator catalog
("load_catalog"), the evaluation ("score") and the AHP matrix document
("ahp"). Run from the repository root:

    python3 tests/cases/make-hostile.py

It deletes every hostile-* directory of the three case areas and writes
them again; it touches nothing else.

Every expected code and JSON path is written by hand from the documented
rules (docs/api-conventions.md, docs/json-formats.md, docs/classification.md,
docs/maturity.md, docs/quality.md, docs/schema/), never from the library's
answers; each case's "why" gives the rule. Each document holds a § where the
offending token starts: the generator removes it and computes the line
(1-based), column (1-based, Unicode code points) and byte position (0-based)
here, in Python. Raw bytes that are not UTF-8 are written as surrogate
escapes ('\\udcff' is the byte 0xFF) and the file is written in binary.

Conventions taken from the documentation and the existing cases:
- a syntax error (ITSS_EPARSE) has an empty path and is located at the start
  of the offending token; an error inside a string token (bad byte, control
  character, bad escape, end of input) is located at its opening quote; the
  end of input where more was expected is located at the end;
- a semantic error is located at the value its path names; an unknown key,
  a key that must not be there, an unknown id used as a key and the second
  of two equal keys are located at the key; a missing key at the object
  that lacks it;
- each document holds one problem: when there are several, which one the
  library reports is not specified (docs/api-conventions.md).
"""
import os
import shutil

from casegen import MARK, locate, write_json

CASES = os.path.dirname(os.path.abspath(__file__))
TOP = '(docs/json-formats.md: the top level of an input document is an object)'
NUL_WHY = ("U+0000 is refused in every string, even written as the valid JSON escape \\u0000 "
           "(docs/json-formats.md: a C string ends at NUL, so such a value could not be kept "
           "whole): ITSS_EPARSE, located at the string's opening quote")


# ---- writing ----------------------------------------------------------------

FORMATS = {
    # name: (area, document file, op input)
    "catalog": ("classify", "catalog.json", lambda f: {"op": "load", "file": f}),
    "model": ("maturity", "model.json", lambda f: {"op": "load_model", "model": f}),
    "assessment": ("maturity", "assessment.json", lambda f: {"op": "rate_file", "file": f}),
    "indicators": ("quality", "catalog.json", lambda f: {"op": "load_catalog", "catalog": f}),
    "evaluation": ("quality", "evaluation.json", lambda f: {"op": "score", "file": f}),
    "ahp": ("quality", "ahp.json", lambda f: {"op": "ahp", "file": f}),
}
written = {k: 0 for k in FORMATS}
names = set()


def clean():
    for area in ("classify", "maturity", "quality"):
        root = os.path.join(CASES, area)
        for d in os.listdir(root):
            if d.startswith('hostile-') and os.path.isdir(os.path.join(root, d)):
                shutil.rmtree(os.path.join(root, d))


def write(fmt, name, text, expected, why, extra=None, line=None):
    """One case. expected: a result subset, or (code, path) for an error
    (path None: not asserted). line: a line to assert without a marker."""
    area, fname, op = FORMATS[fmt]
    name = 'hostile-%s-%s' % (fmt, name)
    assert name not in names, name
    names.add(name)
    raw, loc = locate(text)
    if isinstance(expected, tuple):
        code, path = expected[:2]
        err = {"code": code}
        if len(expected) > 2:
            err["message_contains"] = expected[2]
        if path is not None:
            err["path"] = path
        if loc:
            err.update(loc)
        elif line is not None:
            err["line"] = line
        expected = {"error": err}
    else:
        assert loc is None, name
    inp = dict(op(fname), why=why, **(extra or {}))
    d = os.path.join(CASES, area, name)
    os.makedirs(d)
    with open(os.path.join(d, fname), 'wb') as f:
        f.write(raw)
    write_json(os.path.join(d, "input.json"), inp)
    write_json(os.path.join(d, "expected.json"), expected)
    written[fmt] += 1


def R(base, old, new, count=1):
    """base with old replaced by new; old must occur exactly `count` times
    (the first occurrence is replaced)."""
    assert base.count(old) == count, (old, base.count(old))
    return base.replace(old, new, 1)


def ERR(code, path, message_contains=None):
    return (code, path) if message_contains is None else (code, path, message_contains)


# A value holding ESC, BEL and a newline, as JSON escapes: an error message that
# quotes it must stay one printable line (docs/api-conventions.md: control
# characters are shown as \xNN), so the message holds the escapes.
CTRL = 'z\\u001b[2J\\u0007\\nfake'
CTRL_SHOWN = 'z\\x1B[2J\\x07\\x0Afake'
CTRL_WHY = ("; the value holds ESC, BEL and a newline, which the message shows as \\x1B, \\x07 and \\x0A: one "
            "printable line (docs/api-conventions.md)")


# ---- the same hostile syntax for every format ----------------------------------

def syntax_cases(fmt, base, spots):
    """Malformed JSON, wrong top levels, bad bytes and bad numbers.
    spots: num (old, template with {} for a number token), str (old,
    template with {} for a string token), key (old key token), truncate (a
    list of (name, upto, partial, why)), deep (the key that holds the deep
    nesting), garbage (trailing text)."""
    P = ''
    W = fmt
    write(W, 'empty', MARK, ERR('ITSS_EPARSE', P),
          "an empty document is not JSON (ITSS_EPARSE); the end of input is at 0")
    write(W, 'blank', ' \n\t \r\n  ' + MARK, ERR('ITSS_EPARSE', P),
          "a document of whitespace only is not JSON: the missing value is located at the end of input")
    for name, upto, partial, why in spots['truncate']:
        i = base.index(upto) + len(upto)
        assert base[i:].startswith(partial), (fmt, name)
        write(W, 'truncated-' + name, base[:i] + MARK + partial, ERR('ITSS_EPARSE', P),
              "the document is cut " + why + " (ITSS_EPARSE, no path)")
    write(W, 'top-level-array', MARK + '[' + base.strip() + ']\n', ERR('ITSS_ESCHEMA', P),
          "the valid document wrapped in an array: well-formed JSON of the wrong type " + TOP +
          " is ITSS_ESCHEMA at the root (path \"\"), located at the value")
    write(W, 'top-level-string', '\n  ' + MARK + '"' + fmt + '"\n', ERR('ITSS_ESCHEMA', P),
          "a string alone is well-formed JSON (RFC 8259: any value may stand at the top) of the wrong type " + TOP +
          ": ITSS_ESCHEMA, path \"\", located at the string after the leading whitespace; "
          "ITSS_EPARSE is only for JSON that is not well-formed (docs/api-conventions.md)")
    write(W, 'top-level-number', MARK + '42\n', ERR('ITSS_ESCHEMA', P),
          "a number alone is well-formed JSON of the wrong type " + TOP + ": ITSS_ESCHEMA at the root")
    write(W, 'top-level-null', MARK + 'null', ERR('ITSS_ESCHEMA', P),
          "null alone is well-formed JSON of the wrong type " + TOP + ": ITSS_ESCHEMA at the root")
    write(W, 'bom', MARK + '\ufeff' + base, ERR('ITSS_EPARSE', P),
          "the valid document behind a UTF-8 byte order mark: docs/json-formats.md says UTF-8 without BOM and "
          "docs/api-conventions.md counts a BOM as ITSS_EPARSE; the offending token is the BOM at byte 0")
    write(W, 'trailing-garbage', base.rstrip() + '\n' + MARK + spots['garbage'] + '\n', ERR('ITSS_EPARSE', P),
          "text after the complete document is not JSON: ITSS_EPARSE at the first extra token")
    write(W, 'trailing-object', base.rstrip() + ' ' + MARK + '{}', ERR('ITSS_EPARSE', P),
          "a second object after the document: JSON has one value per document; located at the second '{'")
    write(W, 'trailing-nul', base.rstrip() + MARK + '\x00', ERR('ITSS_EPARSE', P),
          "a NUL byte after the document (a C string terminator counted in the length) is not whitespace: "
          "ITSS_EPARSE at the NUL")
    old, tmpl = spots['num']
    for name, tok, why in (
            ('nan', 'NaN', "NaN is not a JSON token (docs/maturity.md lists it under ITSS_EPARSE)"),
            ('infinity', 'Infinity', "Infinity is not a JSON token"),
            ('minus-infinity', '-Infinity', "-Infinity is not a JSON number: the offending token starts at the '-'"),
            ('number-overflow', '1e400', "1e400 is beyond the double range (docs/maturity.md: ITSS_EPARSE)"),
            ('number-overflow-negative', '-1e400', "-1e400 is beyond the double range: ITSS_EPARSE"),
            ('number-overflow-long', '1e99999999999999999999', "1e99999999999999999999 (22 characters) is beyond the "
             "double range: ITSS_EPARSE located at its first character however long the token"),
            ('leading-zero', '012', "012 is not a JSON number (no leading zeros): ITSS_EPARSE at the token"),
            ('plus-sign', '+1', "+1 is not a JSON number: ITSS_EPARSE at the '+'"),
            ('hex-number', '0' + MARK + 'x10', "in 0x10 the 0 is a complete JSON number and x10 is no token: ITSS_EPARSE at the x")):
        tok = tok if MARK in tok else MARK + tok
        write(W, name, R(base, old, tmpl.format(tok)), ERR('ITSS_EPARSE', P),
              why + "; a syntax error has no path and is located at the start of the offending token")
    old, tmpl = spots['str']
    for name, tok, why in (
            ('invalid-utf8-byte', '"bad \udcff byte"', "the byte 0xFF never occurs in UTF-8"),
            ('overlong-utf8', '"slash \udcc0\udcaf"', "C0 AF is an overlong encoding of '/', not UTF-8"),
            ('utf8-encoded-surrogate', '"sur \udced\udca0\udc80"', "ED A0 80 encodes the surrogate U+D800, not UTF-8"),
            ('utf8-beyond-u10ffff', '"big \udcf4\udc90\udc80\udc80"', "F4 90 80 80 would be U+110000, beyond Unicode"),
            ('truncated-utf8-sequence', '"cut \udce4\udcb8"', "E4 B8 starts a three-byte sequence that the quote cuts short"),
            ('lone-high-surrogate', '"x\\ud800y"', "the escape \\ud800 is a high surrogate with no low one: no Unicode character"),
            ('lone-low-surrogate', '"x\\udc00"', "the escape \\udc00 is a low surrogate alone: no Unicode character"),
            ('high-surrogate-then-letter', '"\\ud83d\\u0041"', "\\ud83d followed by \\u0041 is not a surrogate pair"),
            ('bad-escape', '"a\\qb"', "\\q is not a JSON escape"),
            ('short-unicode-escape', '"a\\u12"', "\\u12 has two hex digits, not four"),
            ('raw-control-char', '"a\x01b"', "a raw U+0001 inside a string must be escaped"),
            ('raw-tab', '"a\tb"', "a raw tab inside a string must be escaped"),
            ('raw-newline', '"first\nsecond"', "a raw line feed inside a string must be escaped; the string starts on the line before"),
            ('raw-nul', '"a\x00b"', "a raw NUL byte inside a string must be escaped"),
            ('single-quotes', "'text'", "single quotes do not make a JSON string")):
        write(W, name, R(base, old, tmpl.format(MARK + tok)), ERR('ITSS_EPARSE', P),
              why + ": the document is not well-formed UTF-8 JSON (docs/api-conventions.md: ITSS_EPARSE, "
              "including invalid UTF-8); the offending token is the string, located at its opening quote")
    write(W, 'invalid-utf8-in-key', R(base, spots['key'], MARK + '"k\udcfe"'), ERR('ITSS_EPARSE', P),
          "a key holding the byte 0xFE is not UTF-8: ITSS_EPARSE at the key's opening quote")
    write(W, 'comment', R(base, spots['key'], MARK + '/* note */ ' + spots['key']), ERR('ITSS_EPARSE', P),
          "comments are not JSON: ITSS_EPARSE at the '/'")
    deep = '{' + spots['deep'] + ': ' + '[' * 5000 + ']' * 5000 + '}'
    write(W, 'deep-nesting', deep, ERR('ITSS_ELIMIT', None),
          "arrays nested 5,000 deep exceed the parser's nesting limit: ITSS_ELIMIT (include/itss/common.h: a "
          "limit of size, depth or count). The documentation does not give the depth limit, so the offending "
          "bracket is not fixed: the case asserts the code and line 1 (the whole document is one line)", line=1)


# ================================================================================
# 1. GB/T 29264 catalog (classify, op load)
# ================================================================================

CAT = '''{"format": "itss-catalog/1", "edition": "Test 1", "title": {"zh": "测试", "en": "Test"},
 "source": "hostile corpus",
 "classes": [
  {"code": "01", "level": 1, "parent": null, "name": {"zh": "一", "en": "One"},
   "description": {"zh": "甲", "en": "A"}, "catch_all": false, "source": "s1"},
  {"code": "0101", "level": 2, "parent": "01", "name": {"zh": "一一", "en": "One-one"},
   "description": {"zh": "乙", "en": "B"}, "catch_all": false, "source": "s2",
   "includes": {"zh": "含", "en": "Incl"}, "excludes": {"zh": "不含", "en": "Excl"}},
  {"code": "010101", "level": 3, "parent": "0101", "name": {"zh": "一一一", "en": "One-one-one"},
   "description": {"zh": "丙", "en": "C"}, "catch_all": false, "source": "s3"},
  {"code": "0199", "level": 2, "parent": "01", "name": {"zh": "其他", "en": "Other"},
   "description": {"zh": "丁", "en": "D"}, "catch_all": true, "source": "s4"}
 ],
 "crosswalks": [
  {"id": "x", "scheme": "X 1", "name": {"zh": "甲", "en": "X"}, "note": {"zh": "注", "en": "Note"},
   "targets": [{"code": "T1", "name": {"zh": "目一", "en": "T one"}, "source": "t1"},
               {"code": "T2", "name": {"zh": "目二", "en": "T two"}, "source": "t2"}],
   "links": [{"from": "01", "to": "T1", "relation": "exact"},
             {"from": "0101", "to": "T2", "relation": "narrower", "note": {"zh": "注", "en": "n"}}]}
 ]}
'''
C0 = '{"code": "01", "level": 1, "parent": null'
C1 = '{"code": "0101", "level": 2, "parent": "01"'
C2 = '{"code": "010101", "level": 3, "parent": "0101"'
C3 = '{"code": "0199", "level": 2, "parent": "01"'


def catalog():
    F = 'catalog'
    write(F, 'valid-base', CAT, {"classes": 4},
          "the base of the catalog cases: four classes over three levels with a catch-all, includes/excludes "
          "and one crosswalk with two targets and two links; it loads")
    syntax_cases(F, CAT, {
        'num': ('"level": 3', '"level": {}'),
        'str': ('"edition": "Test 1"', '"edition": {}'),
        'key': '"source": "hostile corpus"',
        'garbage': ']',
        'deep': '"format"',
        'truncate': [
            ('after-brace', '{', '', "after its opening brace: the end of input is located at the end"),
            ('in-key', '"hostile corpus",\n ', '"clas', "inside the key \"classes\": the unterminated string is located at its quote"),
            ('in-string', '"edition": ', '"Tes', "inside the string \"Test 1\": located at its opening quote"),
            ('after-comma', '"source": "s1"},\n  ', '', "after a comma between classes: the missing value is at the end"),
            ('in-literal', C0[:-4], 'nu', "inside the literal null: the invalid token \"nu\" is located at its start"),
            ('after-number', '"level": 2, "parent": "01", "name": {"zh": "一一", "en": "One-one"},\n   "description": {"zh": "乙", "en": "B"}, "catch_all": false, "source": "s2",\n   "includes": {"zh": "含", "en": "Incl"}, "excludes": {"zh": "不含", "en": "Excl"}},\n  {"code": "010101", "level": 3', '', "right after a number: the number is complete and the missing ',' or '}' is at the end"),
            ('after-colon', '"catch_all": ', '', "after a colon: the missing value is located at the end")]})

    E = lambda name, old, new, code, path, why, count=1: write(F, name, R(CAT, old, new, count), ERR(code, path), why)
    # numbers
    E('huge-integer-level', C0, R(C0, '"level": 1', '"level": ' + MARK + '99999999999999999999'),
      'ITSS_EVALUE', '/classes/0/level',
      "an integer beyond 64 bits (1e20) is still a number within the double range (docs/api-conventions.md: numbers are "
      "IEEE doubles; docs/maturity.md: ITSS_EPARSE only beyond the double range), so the document is well-formed; "
      "the level must be 1, 2 or 3 (docs/json-formats.md), so the right type with an unacceptable value is ITSS_EVALUE "
      "at the level")
    E('wrong-type-level-fraction', C0, R(C0, '"level": 1', '"level": ' + MARK + '1.5'), 'ITSS_ESCHEMA', '/classes/0/level',
      "a level of 1.5 is not an integer: wrong type, ITSS_ESCHEMA at the level")
    # control characters and NUL in codes
    E('escaped-control-in-code', C0, R(C0, '"code": "01"', '"code": ' + MARK + '"0\\u00011"'), 'ITSS_EVALUE', '/classes/0/code',
      "\\u0001 is a valid escape, so the JSON is well-formed; the decoded code holds a control character, not ASCII "
      "digits (docs/classification.md: not_digits, ITSS_EVALUE): ITSS_EVALUE at the code")
    E('escaped-nul-in-code', C0, R(C0, '"code": "01"', '"code": ' + MARK + '"01\\u0000"'), 'ITSS_EPARSE', '',
      NUL_WHY)
    # duplicate keys
    E('duplicate-top-level-key', '"edition": "Test 1",', '"edition": "Test 1", ' + MARK + '"edition": "Test 2",',
      'ITSS_EDUPLICATE', '/edition', "keys may appear only once per object (docs/json-formats.md): the second \"edition\" is reported, at the key")
    E('duplicate-nested-key', '"source": "s3"}', '"source": "s3", ' + MARK + '"source": "s3b"}',
      'ITSS_EDUPLICATE', '/classes/2/source', "a key twice in a class deep in the document: ITSS_EDUPLICATE at the second key")
    E('duplicate-escaped-key', '"source": "s4"}', '"source": "s4", ' + MARK + '"sourc\\u0065": "s5"}',
      'ITSS_EDUPLICATE', '/classes/3/source', "\"sourc\\u0065\" decodes to \"source\": the same key twice, reported at the escaped second key")
    E('duplicate-key-in-text', '"title": {"zh": "测试", "en": "Test"}', '"title": {"zh": "测试", "en": "Test", ' + MARK + '"zh": "再"}',
      'ITSS_EDUPLICATE', '/title/zh', "a key twice inside a {zh, en} text: ITSS_EDUPLICATE at the second")
    # wrong types
    for name, old, new, path, why in (
            ('format-number', '"format": "itss-catalog/1"', '"format": ' + MARK + '1', '/format', "format is a string"),
            ('edition-array', '"edition": "Test 1"', '"edition": ' + MARK + '["Test 1"]', '/edition', "edition is a string"),
            ('title-string', '"title": {"zh": "测试", "en": "Test"}', '"title": ' + MARK + '"测试"', '/title', "title is a {zh, en} object"),
            ('source-null', '"source": "hostile corpus"', '"source": ' + MARK + 'null', '/source', "source, when present, is a string"),
            ('classes-object', '"classes": [\n', '"classes": ' + MARK + '{"list": [\n', None, None),
            ('class-string', C1 + ', "name": {"zh": "一一", "en": "One-one"},\n   "description": {"zh": "乙", "en": "B"}, "catch_all": false, "source": "s2",\n   "includes": {"zh": "含", "en": "Incl"}, "excludes": {"zh": "不含", "en": "Excl"}}',
             MARK + '"0101"', '/classes/1', "a class is an object"),
            ('code-number', C1, R(C1, '"code": "0101"', '"code": ' + MARK + '101'), '/classes/1/code', "a code is a string of digits, not a number"),
            ('level-string', C1, R(C1, '"level": 2', '"level": ' + MARK + '"2"'), '/classes/1/level', "a level is an integer, not a string"),
            ('parent-number', C1, R(C1, '"parent": "01"', '"parent": ' + MARK + '1'), '/classes/1/parent', "a parent is a string (or null at level 1)"),
            ('catch-all-string', '"catch_all": true', '"catch_all": ' + MARK + '"true"', '/classes/3/catch_all', "catch_all is true or false"),
            ('description-en-number', '"description": {"zh": "丙", "en": "C"}', '"description": {"zh": "丙", "en": ' + MARK + '3}', '/classes/2/description/en', "texts are strings"),
            ('includes-array', '"includes": {"zh": "含", "en": "Incl"}', '"includes": ' + MARK + '["含"]', '/classes/1/includes', "includes is a {zh, en} object"),
            ('crosswalks-object', '"crosswalks": [\n', '"crosswalks": ' + MARK + '{"x": [\n', None, None),
            ('targets-string', '"targets": [{"code": "T1"', '"targets": ' + MARK + '"T1", "t": [{"code": "T1"', None, None),
            ('relation-number', '"relation": "exact"', '"relation": ' + MARK + '0', '/crosswalks/0/links/0/relation', "a relation is one of four words"),
            ('target-code-bool', '{"code": "T2"', '{"code": ' + MARK + 'true', '/crosswalks/0/targets/1/code', "a target code is a string")):
        if name == 'classes-object':
            doc = R(R(CAT, old, new), '\n ],\n "crosswalks"', '\n ]},\n "crosswalks"')
            write(F, 'wrong-type-' + name, doc, ERR('ITSS_ESCHEMA', '/classes'),
                  "classes is an array, not an object: wrong type, ITSS_ESCHEMA at the value")
            continue
        if name == 'crosswalks-object':
            doc = R(R(CAT, old, new), ']}\n ]}\n', ']}\n ]}}\n')
            write(F, 'wrong-type-' + name, doc, ERR('ITSS_ESCHEMA', '/crosswalks'),
                  "crosswalks is an array, not an object: ITSS_ESCHEMA at the value")
            continue
        if name == 'targets-string':
            doc = R(CAT, '"targets": [{"code": "T1", "name": {"zh": "目一", "en": "T one"}, "source": "t1"},\n               {"code": "T2", "name": {"zh": "目二", "en": "T two"}, "source": "t2"}],\n   "links": [{"from": "01", "to": "T1", "relation": "exact"},\n             ',
                    '"targets": ' + MARK + '"T1",\n   "links": [')
            write(F, 'wrong-type-' + name, doc, ERR('ITSS_ESCHEMA', '/crosswalks/0/targets'),
                  "targets is an array of objects, not a string: ITSS_ESCHEMA at the value (its link is dropped too)")
            continue
        E('wrong-type-' + name, old, new, 'ITSS_ESCHEMA', path, why + ": wrong type, ITSS_ESCHEMA at the value")
    # unknown keys
    for name, old, new, path, why in (
            ('top-level', '"source": "hostile corpus",', '"source": "hostile corpus", ' + MARK + '"colour": "red",', '/colour', "an unknown top-level key"),
            ('class', '"source": "s2",', '"source": "s2", ' + MARK + '"Level": 2,', '/classes/1/Level', "keys are case-sensitive: \"Level\" is not \"level\""),
            ('text', '"title": {"zh": "测试", "en": "Test"}', '"title": {"zh": "测试", "en": "Test", ' + MARK + '"fr": "Essai"}', '/title/fr', "texts have zh and en only"),
            ('link', '"relation": "exact"}', '"relation": "exact", ' + MARK + '"weight": 1}', '/crosswalks/0/links/0/weight', "links have from, to, relation and note"),
            ('target', '"source": "t2"}', '"source": "t2", ' + MARK + '"level": 1}', '/crosswalks/0/targets/1/level', "targets have code, name and source"),
            ('root-subtree', '"source": "hostile corpus",', '"source": "hostile corpus", ' + MARK + '"parent": "01",', '/parent', "\"parent\" belongs to classes, not to the catalog")):
        E('unknown-key-' + name, old, new, 'ITSS_ESCHEMA', path,
          why + ": unknown keys are refused (docs/json-formats.md, ITSS_ESCHEMA), located at the key")
    # missing keys
    write(F, 'missing-format', MARK + R(CAT, '"format": "itss-catalog/1", ', ''), ERR('ITSS_ESCHEMA', ''),
          "format is required: a missing key is ITSS_ESCHEMA at the object that lacks it, here the root")
    E('missing-class-source', C2 + ', "name": {"zh": "一一一", "en": "One-one-one"},\n   "description": {"zh": "丙", "en": "C"}, "catch_all": false, "source": "s3"}',
      MARK + C2 + ', "name": {"zh": "一一一", "en": "One-one-one"},\n   "description": {"zh": "丙", "en": "C"}, "catch_all": false}',
      'ITSS_ESCHEMA', '/classes/2', "source is required in a class (class.schema.json): ITSS_ESCHEMA at the class object")
    E('missing-title-en', '"title": {"zh": "测试", "en": "Test"}', '"title": ' + MARK + '{"zh": "测试"}', 'ITSS_ESCHEMA', '/title',
      "both languages are required: ITSS_ESCHEMA at the text object")
    doc = R(CAT, '"targets": [{"code": "T1", "name": {"zh": "目一", "en": "T one"}, "source": "t1"},\n               {"code": "T2", "name": {"zh": "目二", "en": "T two"}, "source": "t2"}],\n   "links": [{"from": "01", "to": "T1", "relation": "exact"},\n             {"from": "0101", "to": "T2", "relation": "narrower", "note": {"zh": "注", "en": "n"}}]}',
            '"links": []}')
    doc = R(doc, '{"id": "x", "scheme"', MARK + '{"id": "x", "scheme"')
    write(F, 'missing-crosswalk-targets', doc, ERR('ITSS_ESCHEMA', '/crosswalks/0'),
          "a crosswalk needs targets (catalog.schema.json): ITSS_ESCHEMA at the crosswalk object")
    E('missing-link-relation', '{"from": "0101", "to": "T2", "relation": "narrower", ', MARK + '{"from": "0101", "to": "T2", ', 'ITSS_ESCHEMA', '/crosswalks/0/links/1',
      "a link needs a relation: ITSS_ESCHEMA at the link object")
    # values
    for name, old, new, path, why in (
            ('format-version', '"format": "itss-catalog/1"', '"format": ' + MARK + '"itss-catalog/2"', '/format', "format is exactly itss-catalog/1"),
            ('edition-empty', '"edition": "Test 1"', '"edition": ' + MARK + '""', '/edition', "edition must not be empty"),
            ('name-en-empty', '"en": "One-one-one"', '"en": ' + MARK + '""', '/classes/2/name/en', "both languages are non-empty"),
            ('code-one-digit', C0, R(C0, '"code": "01"', '"code": ' + MARK + '"1"'), '/classes/0/code', "a code has 2, 4 or 6 digits"),
            ('code-eight-digits', C2, R(C2, '"code": "010101"', '"code": ' + MARK + '"01010101"'), '/classes/2/code', "a code has at most 6 digits"),
            ('code-overlong', C2, R(C2, '"code": "010101"', '"code": ' + MARK + '"' + '01' * 150 + '"'), '/classes/2/code', "a 300-digit code is far beyond 6 digits"),
            ('code-fullwidth', C0, R(C0, '"code": "01"', '"code": ' + MARK + '"０１"'), '/classes/0/code', "full-width digits are not ASCII digits"),
            ('code-space', C0, R(C0, '"code": "01"', '"code": ' + MARK + '"01 "'), '/classes/0/code', "a trailing space is not a digit"),
            ('level-four', C2, R(C2, '"level": 3', '"level": ' + MARK + '4'), '/classes/2/level', "levels are 1, 2 or 3"),
            ('level-zero', C0, R(C0, '"level": 1', '"level": ' + MARK + '0'), '/classes/0/level', "levels are 1, 2 or 3"),
            ('relation-unknown', '"relation": "narrower"', '"relation": ' + MARK + '"Narrower"', '/crosswalks/0/links/1/relation', "relations are lower-case exact, narrower, broader, related")):
        E('value-' + name, old, new, 'ITSS_EVALUE', path, why + ": right type, unacceptable value: ITSS_EVALUE at the value")
    write(F, 'value-classes-empty', CAT[:CAT.index('"classes": [')] + '"classes": ' + MARK + '[]}\n', ERR('ITSS_EVALUE', '/classes'),
          "classes is a non-empty array (docs/json-formats.md): an empty one is ITSS_EVALUE at the array")
    # model contradictions
    E('level-mismatch', C1, R(C1, '"level": 2', '"level": ' + MARK + '3'), 'ITSS_EMODEL', '/classes/1/level',
      "level = digits / 2: a 4-digit code at level 3 contradicts itself (ITSS_EMODEL, as tests/cases/classify/load-level-mismatch)")
    E('parent-not-null-at-level-1', C0, R(C0, '"parent": null', '"parent": ' + MARK + '"00"'), 'ITSS_EMODEL', '/classes/0/parent',
      "the parent is null at level 1 (docs/json-formats.md): a parent on a level-1 class contradicts its code, ITSS_EMODEL")
    E('parent-mismatch', C2, R(C2, '"parent": "0101"', '"parent": ' + MARK + '"01"'), 'ITSS_EMODEL', '/classes/2/parent',
      "the parent of 010101 is 0101, not 01: ITSS_EMODEL at the parent")
    E('catch-all-false-on-99', '"catch_all": true', '"catch_all": ' + MARK + 'false', 'ITSS_EMODEL', '/classes/3/catch_all',
      "0199 ends in 99 below level 1, so it must be the catch-all: ITSS_EMODEL")
    E('catch-all-true-on-0101', '"catch_all": false, "source": "s2"', '"catch_all": ' + MARK + 'true, "source": "s2"', 'ITSS_EMODEL', '/classes/1/catch_all',
      "only codes ending in 99 are catch-alls below level 1: ITSS_EMODEL")
    # duplicates and references
    doc = R(CAT, '{"code": "0199", "level": 2, "parent": "01", "name": {"zh": "其他", "en": "Other"},\n   "description": {"zh": "丁", "en": "D"}, "catch_all": true, "source": "s4"}',
            '{"code": ' + MARK + '"0101", "level": 2, "parent": "01", "name": {"zh": "又", "en": "Again"},\n   "description": {"zh": "丁", "en": "D"}, "catch_all": false, "source": "s4"}')
    write(F, 'duplicate-class-code', doc, ERR('ITSS_EDUPLICATE', '/classes/3/code'),
          "class 0101 is listed twice: unique codes (docs/classification.md), the second is ITSS_EDUPLICATE at its code")
    doc = R(CAT, ']}\n ]}\n', ']},\n  {"id": ' + MARK + '"x", "scheme": "X 2", "name": {"zh": "乙", "en": "Y"}, "targets": [], "links": []}\n ]}\n')
    write(F, 'duplicate-crosswalk-id', doc, ERR('ITSS_EDUPLICATE', '/crosswalks/1/id'),
          "crosswalk ids are unique (docs/json-formats.md): the second \"x\" is ITSS_EDUPLICATE at its id")
    doc = R(CAT, '"note": {"zh": "注", "en": "n"}}]}', '"note": {"zh": "注", "en": "n"}},\n             ' + MARK + '{"from": "0101", "to": "T2", "relation": "broader"}]}')
    write(F, 'duplicate-link', doc, ERR('ITSS_EDUPLICATE', '/crosswalks/0/links/2'),
          "a (from, to) pair appears once (docs/json-formats.md); 0101 -> T2 comes twice with different relations. The docs "
          "do not say which part of the link is located: the case asserts the repeated link object, /crosswalks/0/links/2")
    E('duplicate-target-code', '{"code": "T2"', '{"code": ' + MARK + '"T1"', 'ITSS_EDUPLICATE', '/crosswalks/0/targets/1/code',
      "target codes are unique per crosswalk: ITSS_EDUPLICATE at the second T1 (the link to T2 would then fail too, later)")
    doc = R(R(CAT, '"id": "x"', '"id": "' + CTRL + '"'), ']}\n ]}\n',
            ']},\n  {"id": ' + MARK + '"' + CTRL + '", "scheme": "X 2", "name": {"zh": "乙", "en": "Y"}, "targets": [], "links": []}\n ]}\n')
    write(F, 'control-in-duplicate-crosswalk-id', doc, ERR('ITSS_EDUPLICATE', '/crosswalks/1/id', CTRL_SHOWN),
          "crosswalk ids are unique: the second is ITSS_EDUPLICATE at its id" + CTRL_WHY)
    doc = R(R(CAT, '{"code": "T1"', '{"code": "' + CTRL + '"'), '{"code": "T2"', '{"code": ' + MARK + '"' + CTRL + '"')
    write(F, 'control-in-duplicate-target-code', doc, ERR('ITSS_EDUPLICATE', '/crosswalks/0/targets/1/code', CTRL_SHOWN),
          "target codes are unique per crosswalk: the second is ITSS_EDUPLICATE at its code" + CTRL_WHY)
    doc = R(CAT, '{"from": "01", "to": "T1"', '{"from": "01", "to": ' + MARK + '"' + CTRL + '"')
    write(F, 'control-in-link-target', doc, ERR('ITSS_EMODEL', '/crosswalks/0/links/0/to', CTRL_SHOWN),
          "a link goes to one of its crosswalk's targets: ITSS_EMODEL at \"to\"" + CTRL_WHY)
    doc = R(CAT, C3, '{"code": "0201", "level": 2, "parent": ' + MARK + '"02"')
    doc = R(doc, '"name": {"zh": "其他", "en": "Other"},\n   "description": {"zh": "丁", "en": "D"}, "catch_all": true',
            '"name": {"zh": "二一", "en": "Two-one"},\n   "description": {"zh": "丁", "en": "D"}, "catch_all": false')
    write(F, 'unknown-parent', doc, ERR('ITSS_EMODEL', '/classes/3/parent'),
          "0201's parent 02 is not a class of the catalog (docs/classification.md: the parent exists): ITSS_EMODEL at the parent")
    E('link-from-unknown-class', '{"from": "01", "to": "T1"', '{"from": ' + MARK + '"02", "to": "T1"', 'ITSS_EMODEL', '/crosswalks/0/links/0/from',
      "a link's from is a class of the catalog: 02 is not, ITSS_EMODEL (as tests/cases/classify/load-link-unknown-class)")
    E('link-to-unknown-target', '"to": "T2"', '"to": ' + MARK + '"T3"', 'ITSS_EMODEL', '/crosswalks/0/links/1/to',
      "a link's to is a target of the crosswalk: T3 is not; a reference to nothing inside the catalog, ITSS_EMODEL like an unknown from")
    # locations
    doc = CAT.replace('\n', '\r\n')
    doc = R(doc, '"source": "s3"}', '"source": "s3", ' + MARK + '"colour": 1}')
    write(F, 'crlf-unknown-key', doc, ERR('ITSS_ESCHEMA', '/classes/2/colour'),
          "the base with CR LF line ends: lines are counted at each LF and the CR counts as a column before it; unknown key at the key")
    E('astral-before-error', '"name": {"zh": "一一一", "en": "One-one-one"}', '"name": {"zh": "一一一😀𝄞", "en": "One-one-one"}, ' + MARK + '"size": 1', 'ITSS_ESCHEMA', '/classes/2/size',
      "two characters beyond the BMP (4 bytes, one code point each) before the error on the same line: columns count code points, "
      "positions bytes; unknown key located at the key")
    E('escapes-before-error', '"name": {"zh": "一", "en": "One"}', '"name": {"zh": "\\u4e00\\u4e8c", "en": "\\"One\\""}, ' + MARK + '"size": 1', 'ITSS_ESCHEMA', '/classes/0/size',
      "escapes before the error count as the characters written (\\u4e00 is six columns): unknown key at the key")
    # accepted by the documentation
    write(F, 'accept-control-in-edition-and-title',
          R(R(CAT, '"edition": "Test 1"', '"edition": "' + CTRL + '"'), '"en": "Test"}', '"en": "' + CTRL + '"}'),
          {"classes": 4}, "an edition and a title are free text (docs/json-formats.md): ESC, BEL and a newline in "
          "them load; the text reports show them as words on one line, without the control characters")
    doc = CAT.replace(C0, '@0').replace(C1, '@1').replace(C2, '@2')
    rows = CAT[CAT.index('  ' + C0):CAT.index('\n ],')].split(',\n  {')
    assert len(rows) == 4
    rows = [rows[0]] + ['  {' + r for r in rows[1:]]
    doc = CAT.replace(',\n'.join(rows), ',\n'.join([rows[2], rows[3], rows[1], rows[0]]))
    assert doc != CAT
    write(F, 'accept-classes-any-order', doc, {"classes": 4},
          "classes may come in any order (docs/json-formats.md): 010101 before its parent 0101, which comes before 01; it loads")
    doc = R(CAT, '"source": "hostile corpus",', '"source": "hostile corpus", "root": "01",')
    doc = doc[:doc.index(',\n "crosswalks"')] + '}\n'
    write(F, 'accept-subtree-root-level-1', doc, {"classes": 4},
          "a subtree export adds \"root\", lists the root and its descendants and has no crosswalks; it loads back when the "
          "root is a level-1 class (docs/json-formats.md, catalog.schema.json has \"root\"): root 01 with its descendants loads")


# ================================================================================
# 2. maturity model (op load_model)
# ================================================================================

MODEL = '''{"format": "itss-maturity-model/1", "id": "acme-ops", "edition": "ACME O&M model 2026",
 "title": {"zh": "示例运维能力模型", "en": "Example O&M capability model"},
 "source": "hostile corpus",
 "levels": [
  {"level": 1, "name": {"zh": "起步", "en": "Starting"}, "label": {"zh": "三级", "en": "Grade 3"}, "source": "L1"},
  {"level": 2, "name": {"zh": "规范", "en": "Defined"}, "description": {"zh": "有制度", "en": "Defined processes"}},
  {"level": 3, "name": {"zh": "优化", "en": "Optimised"}}],
 "parts": [{"id": "core", "name": {"zh": "核心", "en": "Core"}}],
 "domains": [
  {"id": "ops", "number": 1, "part": "core", "name": {"zh": "运行", "en": "Operations"}, "source": "D1",
   "descriptions": [{"level": 1, "text": {"zh": "甲", "en": "a"}}, {"level": 2, "text": {"zh": "乙", "en": "b"}}, {"level": 3, "text": {"zh": "丙", "en": "c"}}]},
  {"id": "sec", "number": 2, "part": "core", "name": {"zh": "安全", "en": "Security"}}],
 "items": [
  {"number": 1, "domain": "ops", "name": {"zh": "监控", "en": "Monitoring"}, "aliases": ["监测"], "source": "I1"},
  {"number": 7, "domain": "sec", "name": {"zh": "访问控制", "en": "Access control"}}],
 "clauses": [
  {"id": "ops-1a", "level": 1, "domain": "ops", "item": 1, "summary": {"zh": "有监控", "en": "Monitoring exists"}, "source": "C1"},
  {"id": "sec-1a", "level": 1, "domain": "sec", "item": 7, "summary": {"zh": "有账号管理", "en": "Accounts are managed"}},
  {"id": "ops-2a", "level": 2, "domain": "ops", "item": 1, "summary": {"zh": "监控覆盖全部系统", "en": "Monitoring covers all systems"}},
  {"id": "ops-2b", "level": 2, "domain": "ops", "item": 1, "summary": {"zh": "告警有人处理", "en": "Alerts are handled"}},
  {"id": "sec-2a", "level": 2, "domain": "sec", "item": 7, "summary": {"zh": "定期复核权限", "en": "Access is reviewed"}},
  {"id": "ops-3a", "level": 3, "domain": "ops", "item": null, "summary": {"zh": "运行指标持续改进", "en": "Operations metrics drive improvement"}},
  {"id": "sec-3a", "level": 3, "domain": "sec", "item": null, "summary": {"zh": "安全指标持续改进", "en": "Security metrics drive improvement"}}],
 "item_levels": {"source": "table A", "rows": [{"item": 1, "levels": [1, 2]}, {"item": 7, "levels": [1, 2]}],
                 "differences": [{"item": 1, "level": 3, "reason": {"zh": "域级", "en": "domain-wide"}}]}}
'''
MODEL_OK = {"levels": 3, "domains": 2, "items": 2, "clauses": 7, "clauses_per_level": [2, 3, 2]}


def model():
    F = 'model'
    write(F, 'valid-base', MODEL, MODEL_OK,
          "the base of the model cases: 3 levels (with label, description, source), 1 part, 2 domains (one with "
          "per-level descriptions), items 1 and 7 (aliases), 7 clauses (two domain-wide) and item_levels; it loads")
    syntax_cases(F, MODEL, {
        'num': ('"number": 2', '"number": {}'),
        'str': ('"edition": "ACME O&M model 2026"', '"edition": {}'),
        'key': '"source": "hostile corpus"',
        'garbage': 'x',
        'deep': '"levels"',
        'truncate': [
            ('after-brace', '{', '', "after its opening brace: located at the end"),
            ('in-key', '"hostile corpus",\n ', '"lev', "inside the key \"levels\": located at the key's quote"),
            ('in-string', '{"id": "sec-2a", "level": 2, "domain": ', '"se', "inside the string \"sec\": located at its quote"),
            ('after-comma', '"Monitoring exists"}, "source": "C1"},\n  ', '', "after a comma between clauses: located at the end"),
            ('in-literal', '{"id": "ops-3a", "level": 3, "domain": "ops", "item": ', 'nul', "inside null: the token \"nul\" is located at its start"),
            ('after-number', '"levels": [1, 2', '', "right after a number: the missing ']' is located at the end"),
            ('after-colon', '"parts": ', '', "after a colon: located at the end")]})

    def E(name, old, new, code, path, why, count=1):
        write(F, name, R(MODEL, old, new, count), ERR(code, path), why)

    L1 = '{"level": 1, "name": {"zh": "起步", "en": "Starting"}'
    # numbers
    E('huge-integer-item', '{"id": "sec-2a", "level": 2, "domain": "sec", "item": 7', '{"id": "sec-2a", "level": 2, "domain": "sec", "item": ' + MARK + '99999999999999999999',
      'ITSS_EMODEL', '/clauses/4/item',
      "1e20 as an integer is a well-formed number within the double range (ITSS_EPARSE is only beyond it, docs/maturity.md); "
      "no item has that number (docs/maturity.md: every clause's item exists): ITSS_EMODEL at the item, as for item 3")
    E('negative-domain-number', '"number": 2', '"number": ' + MARK + '-2', 'ITSS_EVALUE', '/domains/1/number',
      "domain numbers are integers >= 1 (maturity-model.schema.json): right type, unacceptable value")
    E('clause-level-zero', '{"id": "ops-1a", "level": 1', '{"id": "ops-1a", "level": ' + MARK + '0', 'ITSS_EVALUE', '/clauses/0/level',
      "a clause level is an integer >= 1 (maturity-clause.schema.json): 0 is an unacceptable value, ITSS_EVALUE")
    E('clause-level-float', '{"id": "ops-2a", "level": 2', '{"id": "ops-2a", "level": ' + MARK + '2.5', 'ITSS_ESCHEMA', '/clauses/2/level',
      "a clause level is an integer: 2.5 is the wrong type, ITSS_ESCHEMA")
    # ids with control characters and NUL
    E('escaped-nul-in-clause-id', '{"id": "ops-2b"', '{"id": ' + MARK + '"ops\\u00002b"', 'ITSS_EPARSE', '',
      NUL_WHY)
    E('escaped-control-in-part-id', '{"id": "core"', '{"id": ' + MARK + '"co\\u0007re"', 'ITSS_EVALUE', '/parts/0/id',
      "a BEL character in a part id is not one of A-Z a-z 0-9 . _ -: ITSS_EVALUE")
    E('id-65-chars', '"id": "acme-ops"', '"id": ' + MARK + '"' + 'a' * 65 + '"', 'ITSS_EVALUE', '/id',
      "ids are 1 to 64 characters: 65 is one too many, ITSS_EVALUE at the model id")
    write(F, 'accept-clause-id-64-chars', R(MODEL, '{"id": "sec-3a"', '{"id": "' + 's' * 64 + '"'), MODEL_OK,
          "ids are 1 to 64 characters: a clause id of exactly 64 loads")
    E('clause-id-1000-chars', '{"id": "sec-3a"', '{"id": ' + MARK + '"' + 's' * 1000 + '"', 'ITSS_EVALUE', '/clauses/6/id',
      "a 1,000-character id: ITSS_EVALUE at the id")
    E('domain-id-empty', '{"id": "sec", "number": 2', '{"id": ' + MARK + '"", "number": 2', 'ITSS_EVALUE', '/domains/1/id',
      "ids have at least one character: ITSS_EVALUE")
    E('domain-id-cjk', '{"id": "sec", "number": 2', '{"id": ' + MARK + '"安全", "number": 2', 'ITSS_EVALUE', '/domains/1/id',
      "ids are ASCII letters, digits and . _ -: a Chinese id is ITSS_EVALUE")
    # duplicate keys
    E('duplicate-top-level-key', '"id": "acme-ops",', '"id": "acme-ops", ' + MARK + '"id": "acme-2",', 'ITSS_EDUPLICATE', '/id',
      "a key twice at the top: ITSS_EDUPLICATE at the second")
    E('duplicate-nested-key', '"summary": {"zh": "告警有人处理", "en": "Alerts are handled"}', '"summary": {"zh": "告警有人处理", ' + MARK + '"zh": "二", "en": "Alerts are handled"}',
      'ITSS_EDUPLICATE', '/clauses/3/summary/zh', "a key twice in a clause's summary: ITSS_EDUPLICATE at the second")
    E('duplicate-key-in-level', L1, L1 + ', ' + MARK + '"level": 1', 'ITSS_EDUPLICATE', '/levels/0/level',
      "\"level\" twice in a level: ITSS_EDUPLICATE at the second")
    # wrong types
    for name, old, new, path, why in (
            ('format', '"format": "itss-maturity-model/1"', '"format": ' + MARK + '1', '/format', "format is a string"),
            ('id', '"id": "acme-ops"', '"id": ' + MARK + '5', '/id', "the model id is a string"),
            ('title', '"title": {"zh": "示例运维能力模型", "en": "Example O&M capability model"}', '"title": ' + MARK + '"示例"', '/title', "title is a {zh, en} object"),
            ('level-entry', '{"level": 3, "name": {"zh": "优化", "en": "Optimised"}}', MARK + '3', '/levels/2', "a level is an object"),
            ('level-number', L1, R(L1, '"level": 1', '"level": ' + MARK + '"1"'), '/levels/0/level', "a level number is an integer"),
            ('level-name', '"name": {"zh": "规范", "en": "Defined"}', '"name": ' + MARK + '["规范"]', '/levels/1/name', "a level name is a {zh, en} object"),
            ('parts', '"parts": [{"id": "core", "name": {"zh": "核心", "en": "Core"}}]', '"parts": ' + MARK + '{"core": {"zh": "核心", "en": "Core"}}', '/parts', "parts is an array"),
            ('domain-number', '{"id": "ops", "number": 1', '{"id": "ops", "number": ' + MARK + '"1"', '/domains/0/number', "a domain number is an integer"),
            ('domain-part', '"part": "core", "name": {"zh": "安全"', '"part": ' + MARK + '0, "name": {"zh": "安全"', '/domains/1/part', "a domain's part is a part id string"),
            ('descriptions', '"descriptions": [{"level": 1, "text": {"zh": "甲", "en": "a"}}, {"level": 2, "text": {"zh": "乙", "en": "b"}}, {"level": 3, "text": {"zh": "丙", "en": "c"}}]',
             '"descriptions": ' + MARK + '{"1": "甲"}', '/domains/0/descriptions', "descriptions is an array"),
            ('aliases', '"aliases": ["监测"]', '"aliases": ' + MARK + '"监测"', '/items/0/aliases', "aliases is an array of strings"),
            ('alias-entry', '"aliases": ["监测"]', '"aliases": [' + MARK + '5]', '/items/0/aliases/0', "an alias is a string"),
            ('item-domain', '"domain": "sec", "name": {"zh": "访问控制"', '"domain": ' + MARK + '["sec"], "name": {"zh": "访问控制"', '/items/1/domain', "an item's domain is a string"),
            ('clause-item', '{"id": "ops-2a", "level": 2, "domain": "ops", "item": 1', '{"id": "ops-2a", "level": 2, "domain": "ops", "item": ' + MARK + '"1"', '/clauses/2/item', "a clause's item is an integer or null"),
            ('clause-summary', '"summary": {"zh": "有账号管理", "en": "Accounts are managed"}', '"summary": ' + MARK + 'null', '/clauses/1/summary', "a summary is a {zh, en} object"),
            ('clause-entry', '{"id": "sec-2a", "level": 2, "domain": "sec", "item": 7, "summary": {"zh": "定期复核权限", "en": "Access is reviewed"}}', MARK + '"sec-2a"', '/clauses/4', "a clause is an object"),
            ('item-levels', '"item_levels": {"source": "table A", "rows": [{"item": 1, "levels": [1, 2]}, {"item": 7, "levels": [1, 2]}],\n                 "differences": [{"item": 1, "level": 3, "reason": {"zh": "域级", "en": "domain-wide"}}]}',
             '"item_levels": ' + MARK + '[]', '/item_levels', "item_levels is an object"),
            ('item-levels-levels', '{"item": 7, "levels": [1, 2]}', '{"item": 7, "levels": ' + MARK + '"1-2"}', '/item_levels/rows/1/levels', "a row's levels is an array of integers")):
        E('wrong-type-' + name, old, new, 'ITSS_ESCHEMA', path, why + ": wrong type, ITSS_ESCHEMA at the value")
    # unknown keys
    for name, old, new, path, why in (
            ('top-level', '"source": "hostile corpus",', '"source": "hostile corpus", ' + MARK + '"version": 2,', '/version', "an unknown top-level key"),
            ('level', '{"level": 3, "name": {"zh": "优化", "en": "Optimised"}', '{"level": 3, "name": {"zh": "优化", "en": "Optimised"}, ' + MARK + '"colour": "gold"', '/levels/2/colour', "levels have level, name, label, description, source"),
            ('part', '{"id": "core", "name": {"zh": "核心", "en": "Core"}', '{"id": "core", "name": {"zh": "核心", "en": "Core"}, ' + MARK + '"number": 1', '/parts/0/number', "parts have id and name only"),
            ('domain', '"part": "core", "name": {"zh": "安全", "en": "Security"}', '"part": "core", "name": {"zh": "安全", "en": "Security"}, ' + MARK + '"items": []', '/domains/1/items', "domains have no items key"),
            ('clause', '"summary": {"zh": "有监控", "en": "Monitoring exists"}, "source": "C1"', '"summary": {"zh": "有监控", "en": "Monitoring exists"}, "source": "C1", ' + MARK + '"weight": 2', '/clauses/0/weight', "clauses have id, level, domain, item, summary, source"),
            ('item-levels-row', '{"item": 1, "levels": [1, 2]}', '{"item": 1, "levels": [1, 2], ' + MARK + '"note": "x"}', '/item_levels/rows/0/note', "rows have item and levels")):
        E('unknown-key-' + name, old, new, 'ITSS_ESCHEMA', path, why + ": unknown keys are ITSS_ESCHEMA, located at the key")
    # missing keys
    write(F, 'missing-levels', MARK + R(MODEL, MODEL[MODEL.index(' "levels": ['):MODEL.index(' "parts"')], ''), ERR('ITSS_ESCHEMA', ''),
          "levels is required (maturity-model.schema.json): ITSS_ESCHEMA at the root object that lacks it")
    E('missing-clause-item', '{"id": "ops-3a", "level": 3, "domain": "ops", "item": null,', MARK + '{"id": "ops-3a", "level": 3, "domain": "ops",',
      'ITSS_ESCHEMA', '/clauses/5', "item is present in every clause, null for a domain-wide one (docs/maturity.md): ITSS_ESCHEMA at the clause")
    E('missing-level-name', '{"level": 3, "name": {"zh": "优化", "en": "Optimised"}}', MARK + '{"level": 3}', 'ITSS_ESCHEMA', '/levels/2',
      "each level has a name (docs/maturity.md): ITSS_ESCHEMA at the level object")
    E('missing-domain-part', '{"id": "sec", "number": 2, "part": "core", ', MARK + '{"id": "sec", "number": 2, ', 'ITSS_ESCHEMA', '/domains/1',
      "a domain names its part (schema: required): ITSS_ESCHEMA at the domain object")
    E('missing-summary-zh', '"summary": {"zh": "定期复核权限", "en": "Access is reviewed"}', '"summary": ' + MARK + '{"en": "Access is reviewed"}', 'ITSS_ESCHEMA', '/clauses/4/summary',
      "summaries come in both languages: ITSS_ESCHEMA at the text object")
    # values and limits
    E('format-version', '"format": "itss-maturity-model/1"', '"format": ' + MARK + '"itss-maturity-model/2"', 'ITSS_EVALUE', '/format',
      "format is exactly itss-maturity-model/1: ITSS_EVALUE")
    def more_levels(doc, top):
        """levels 4..top, each with one domain-wide clause of ops"""
        lv = ''.join(',\n  {"level": %d, "name": {"zh": "级%d", "en": "L%d"}}' % (k, k, k) for k in range(4, top + 1))
        cl = ''.join(',\n  {"id": "ops-%da", "level": %d, "domain": "ops", "item": null, "summary": {"zh": "要求", "en": "Requirement"}}' % (k, k)
                     for k in range(4, top + 1))
        doc = R(doc, '{"level": 3, "name": {"zh": "优化", "en": "Optimised"}}', '{"level": 3, "name": {"zh": "优化", "en": "Optimised"}}' + lv)
        doc = R(doc, '"Security metrics drive improvement"}}', '"Security metrics drive improvement"}}' + cl)
        # the per-domain descriptions give one text per level: dropped
        return R(doc, ', "source": "D1",\n   "descriptions": [{"level": 1, "text": {"zh": "甲", "en": "a"}}, {"level": 2, "text": {"zh": "乙", "en": "b"}}, {"level": 3, "text": {"zh": "丙", "en": "c"}}]}', ', "source": "D1"}')
    write(F, 'levels-ten', more_levels(R(MODEL, '"levels": [\n', '"levels": ' + MARK + '[\n'), 10), ERR('ITSS_ELIMIT', '/levels'),
          "levels 1..10, each with a clause: a model has 1 <= N <= 9 levels (docs/maturity.md, schema maxItems 9); exceeding a "
          "documented limit is ITSS_ELIMIT at the array")
    write(F, 'accept-levels-nine', more_levels(MODEL, 9), {"levels": 9, "clauses_per_level": [2, 3, 2, 1, 1, 1, 1, 1, 1]},
          "nine levels is the documented maximum (docs/maturity.md: 1 <= N <= 9): levels 4-9, each with one domain-wide clause, load")
    doc = R(MODEL, MODEL[MODEL.index('"levels": [\n'):MODEL.index('],\n "parts"') + 1], '"levels": ' + MARK + '[]')
    doc = R(doc, ', "source": "D1",\n   "descriptions": [{"level": 1, "text": {"zh": "甲", "en": "a"}}, {"level": 2, "text": {"zh": "乙", "en": "b"}}, {"level": 3, "text": {"zh": "丙", "en": "c"}}]}', ', "source": "D1"}')
    write(F, 'levels-empty', doc, ERR('ITSS_EVALUE', '/levels'),
          "a model has 1 <= N levels: an empty array has the right type and an unacceptable value, ITSS_EVALUE at the array "
          "(reported before any clause, whose levels it would break, because it comes first)")
    E('levels-skip', '{"level": 2, "name": {"zh": "规范"', '{"level": ' + MARK + '3, "name": {"zh": "规范"', 'ITSS_EMODEL', '/levels/1/level',
      "levels are numbered 1, 2, ... N in order: a 3 in second place is ITSS_EMODEL (as tests/cases/maturity/model-error-levels-not-contiguous)")
    aliases = '"aliases": [' + ', '.join('"别名%d"' % k for k in range(17)) + ']'
    E('aliases-seventeen', '"aliases": ["监测"]', '"aliases": ' + MARK + aliases[len('"aliases": '):], 'ITSS_ELIMIT', '/items/0/aliases',
      "at most 16 aliases per item (docs/maturity.md limits): 17 is ITSS_ELIMIT at the array")
    write(F, 'accept-aliases-sixteen', R(MODEL, '"aliases": ["监测"]', '"aliases": [' + ', '.join('"别名%d"' % k for k in range(16)) + ']'), MODEL_OK,
          "16 aliases is the documented maximum: it loads")
    E('duplicate-alias', '"aliases": ["监测"]', '"aliases": ["监测", "监视", ' + MARK + '"监测"]', 'ITSS_EDUPLICATE', '/items/0/aliases/2',
      "an item's aliases are distinct names (docs/maturity.md): the second 监测 is ITSS_EDUPLICATE at it")
    E('duplicate-item-levels-row', '{"item": 7, "levels": [1, 2]}]', '{"item": 7, "levels": [1, 2]}, ' + MARK + '{"item": 1, "levels": [1]}]',
      'ITSS_EDUPLICATE', '/item_levels/rows/2',
      "item_levels has one row per item (docs/maturity.md): a second row for item 1 is ITSS_EDUPLICATE at the row")
    E('duplicate-item-levels-difference', '"reason": {"zh": "域级", "en": "domain-wide"}}]',
      '"reason": {"zh": "域级", "en": "domain-wide"}}, ' + MARK + '{"item": 1, "level": 3, "reason": {"zh": "又", "en": "again"}}]',
      'ITSS_EDUPLICATE', '/item_levels/differences/1',
      "item_levels lists a difference once per item and level (docs/maturity.md): item 1 at level 3 again is ITSS_EDUPLICATE")
    write(F, 'accept-control-in-edition-and-names',
          R(R(MODEL, '"edition": "ACME O&M model 2026"', '"edition": "' + CTRL + '"'), '"name": {"zh": "安全", "en": "Security"}',
            '"name": {"zh": "' + CTRL + '", "en": "' + CTRL + '"}'), MODEL_OK,
          "an edition and names are free text: ESC, BEL and a newline in them load; the text reports show them as words "
          "on one line, without the control characters")
    E('alias-empty', '"aliases": ["监测"]', '"aliases": [' + MARK + '""]', 'ITSS_EVALUE', '/items/0/aliases/0',
      "aliases are non-empty strings (schema minLength 1): an empty one is the right type with an unacceptable value, ITSS_EVALUE")
    write(F, 'accept-item-number-at-limit', R(MODEL, '{"number": 7,', '{"number": 1000000,').replace('"item": 7,', '"item": 1000000,'),
          MODEL_OK, "domain and item numbers are 1..1,000,000 (docs/maturity.md): item 1,000,000 loads")
    E('item-number-beyond-limit', '{"number": 7,', '{"number": ' + MARK + '1000001,', 'ITSS_EVALUE', '/items/1/number',
      "domain and item numbers are 1..1,000,000 (docs/maturity.md): 1,000,001 is the right type with an unacceptable value")
    # duplicates and references
    E('duplicate-part-id', '"parts": [{"id": "core", "name": {"zh": "核心", "en": "Core"}}]',
      '"parts": [{"id": "core", "name": {"zh": "核心", "en": "Core"}}, {"id": ' + MARK + '"core", "name": {"zh": "又", "en": "Again"}}]',
      'ITSS_EDUPLICATE', '/parts/1/id', "part ids are unique: the second \"core\" is ITSS_EDUPLICATE")
    E('duplicate-domain-number', '"number": 2', '"number": ' + MARK + '1', 'ITSS_EDUPLICATE', '/domains/1/number',
      "domain numbers are unique: the second 1 is ITSS_EDUPLICATE")
    E('duplicate-domain-id', '{"id": "sec", "number": 2', '{"id": ' + MARK + '"ops", "number": 2', 'ITSS_EDUPLICATE', '/domains/1/id',
      "domain ids are unique: ITSS_EDUPLICATE at the second \"ops\"")
    E('duplicate-item-number', '{"number": 7,', '{"number": ' + MARK + '1,', 'ITSS_EDUPLICATE', '/items/1/number',
      "item numbers are unique: the second 1 is ITSS_EDUPLICATE")
    E('duplicate-clause-id', '{"id": "ops-3a"', '{"id": ' + MARK + '"ops-1a"', 'ITSS_EDUPLICATE', '/clauses/5/id',
      "clause ids are unique: ITSS_EDUPLICATE at the later one")
    E('domain-unknown-part', '"part": "core", "name": {"zh": "安全"', '"part": ' + MARK + '"edge", "name": {"zh": "安全"', 'ITSS_EMODEL', '/domains/1/part',
      "every domain's part exists: ITSS_EMODEL")
    E('item-unknown-domain', '"domain": "sec", "name": {"zh": "访问控制"', '"domain": ' + MARK + '"net", "name": {"zh": "访问控制"', 'ITSS_EMODEL', '/items/1/domain',
      "every item's domain exists: ITSS_EMODEL")
    E('clause-unknown-domain', '{"id": "ops-2b", "level": 2, "domain": "ops"', '{"id": "ops-2b", "level": 2, "domain": ' + MARK + '"Ops"', 'ITSS_EMODEL', '/clauses/3/domain',
      "a clause in an unknown domain (ids are case-sensitive): ITSS_EMODEL")
    E('clause-unknown-item', '{"id": "sec-1a", "level": 1, "domain": "sec", "item": 7', '{"id": "sec-1a", "level": 1, "domain": "sec", "item": ' + MARK + '2', 'ITSS_EMODEL', '/clauses/1/item',
      "item 2 does not exist (the items are 1 and 7): ITSS_EMODEL")
    E('clause-item-of-other-domain', '{"id": "sec-1a", "level": 1, "domain": "sec", "item": 7', '{"id": "sec-1a", "level": 1, "domain": "sec", "item": ' + MARK + '1', 'ITSS_EMODEL', '/clauses/1/item',
      "item 1 belongs to ops, the clause to sec: ITSS_EMODEL")
    E('clause-level-beyond-model', '{"id": "ops-3a", "level": 3', '{"id": "ops-3a", "level": ' + MARK + '4', 'ITSS_EMODEL', '/clauses/5/level',
      "the model has levels 1-3: a clause at level 4 refers to no level, ITSS_EMODEL")
    E('item-levels-unknown-item', '{"item": 7, "levels": [1, 2]}', '{"item": ' + MARK + '8, "levels": [1, 2]}', 'ITSS_EMODEL', '/item_levels/rows/1/item',
      "item_levels rows refer to items of the model: item 8 does not exist, ITSS_EMODEL")


# ================================================================================
# 3. assessment (op rate_file, built-in T/CESA 1299-2023 model)
# ================================================================================

ASM = '''{"id": "ASM-1", "organization": "示例公司", "scope": "数据中心运维", "date": "2026-10-15",
 "assessor": "内审组", "notes": "年度自评", "scale": "any",
 "ratings": {
  "6.1.1.a": "F",
  "6.1.1.b": "met",
  "7.4.4.c": 72.5,
  "6.4.1.a": {"rating": "L", "evidence": "记录", "note": "缺 2 个"},
  "9.4.a": {"rating": "na", "reason": "不涉及"}
 }}
'''


def assessment():
    F = 'assessment'
    write(F, 'valid-base', ASM, {"level": 0, "scale": "any", "organization": "示例公司",
                                 "not_applicable": [{"id": "9.4.a", "reason": "不涉及"}]},
          "the base of the assessment cases: every kind of rating (grade, binary, percentage, object form with evidence "
          "and note, na with a reason) and all the metadata; most clauses are unrated, so the level is 0")
    write(F, 'accept-control-in-metadata',
          R(R(ASM, '"organization": "示例公司"', '"organization": "示例' + CTRL + '"'), '"note": "缺 2 个"', '"note": "缺' + CTRL + '"'),
          {"level": 0, "organization": "示例z\u001b[2J\u0007\nfake"},
          "metadata and notes are free text (docs/maturity.md): ESC, BEL and a newline load and are kept as written; "
          "the text reports show them as words on one line, without the control characters")
    syntax_cases(F, ASM, {
        'num': ('"7.4.4.c": 72.5', '"7.4.4.c": {}'),
        'str': ('"scope": "数据中心运维"', '"scope": {}'),
        'key': '"notes"',
        'garbage': '}',
        'deep': '"ratings"',
        'truncate': [
            ('after-brace', '{', '', "after its opening brace: located at the end"),
            ('in-key', '"6.1.1.a": "F",\n  ', '"6.1.1', "inside the key \"6.1.1.b\": located at its quote"),
            ('in-string', '"6.1.1.b": ', '"me', "inside the string \"met\": located at its quote"),
            ('after-comma', '"7.4.4.c": 72.5,\n  ', '', "after a comma between ratings: located at the end"),
            ('in-number', '"7.4.4.c": ', '72.', "inside the number 72.5, after the point: the token \"72.\" is located at its start"),
            ('in-object', '"9.4.a": {"rating": "na", "reason": "不涉及"}', '', "after the last rating, inside two open objects: located at the end"),
            ('after-colon', '"ratings": ', '', "after a colon: located at the end")]})

    def E(name, old, new, code, path, why, count=1):
        write(F, name, R(ASM, old, new, count), ERR(code, path), why)

    E('huge-integer-rating', '"6.1.1.a": "F"', '"6.1.1.a": ' + MARK + '100000000000000000000', 'ITSS_EVALUE', '/ratings/6.1.1.a',
      "1e20 written as an integer is well-formed and within the double range (docs/maturity.md: ITSS_EPARSE only beyond "
      "it); a number outside 0-100 is ITSS_EVALUE at the rating (docs/maturity.md error table)")
    E('percent-just-above-100', '"7.4.4.c": 72.5', '"7.4.4.c": ' + MARK + '100.000001', 'ITSS_EVALUE', '/ratings/7.4.4.c',
      "a percentage stops at 100: ITSS_EVALUE")
    E('percent-negative-tiny', '"7.4.4.c": 72.5', '"7.4.4.c": ' + MARK + '-0.0001', 'ITSS_EVALUE', '/ratings/7.4.4.c',
      "a percentage starts at 0: ITSS_EVALUE")
    E('percent-negative-1e-22', '"7.4.4.c": 72.5', '"7.4.4.c": ' + MARK + '-1e-22', 'ITSS_EVALUE', '/ratings/7.4.4.c',
      "-1e-22 is a negative double (docs/json-formats.md: the rules of a field apply to the double read): a percentage "
      "starts at 0, ITSS_EVALUE")
    for name, num in (('positive', '1e-400'), ('negative', '-1e-400')):
        write(F, 'accept-percent-underflow-' + name, R(ASM, '"7.4.4.c": 72.5', '"7.4.4.c": ' + num),
              {"level": 0},
              num + " is nearer to zero than any double, so it reads as 0 (docs/json-formats.md), a percentage in range: "
              "it loads like 0")
    write(F, 'accept-percent-bounds', R(R(ASM, '"7.4.4.c": 72.5', '"7.4.4.c": 100'), '"6.1.1.b": "met"', '"6.1.1.b": 0e0'),
          {"level": 0}, "0 (written 0e0) and 100 are the ends of the percentage range: both load")
    E('escaped-nul-in-rating', '"6.1.1.a": "F"', '"6.1.1.a": ' + MARK + '"F\\u0000"', 'ITSS_EPARSE', '',
      NUL_WHY)
    E('escaped-control-in-id', '"6.1.1.b": "met"', MARK + '"6.1.1\\u0007b": "met"', 'ITSS_ENOTFOUND', '/ratings/6.1.1\u0007b',
      "a BEL character in a clause id makes an id that names nothing: ITSS_ENOTFOUND at the key; the path is the JSON Pointer "
      "of the decoded key, BEL included")
    E('id-with-slash-and-tilde', '"6.1.1.b": "met"', MARK + '"6.1/1~b": "met"', 'ITSS_ENOTFOUND', '/ratings/6.1~11~0b',
      "an unknown id holding / and ~: ITSS_ENOTFOUND at the key; in the JSON Pointer (RFC 6901) / is written ~1 and ~ is written ~0")
    E('id-empty', '"6.1.1.b": "met"', MARK + '"": "met"', 'ITSS_ENOTFOUND', '/ratings/',
      "the empty key names no clause: ITSS_ENOTFOUND; its JSON Pointer is /ratings/ (an empty last token)")
    E('id-upper-case-letter', '"6.1.1.b": "met"', MARK + '"6.1.1.B": "met"', 'ITSS_ENOTFOUND', '/ratings/6.1.1.B',
      "clause ids are case-sensitive: 6.1.1.B names nothing, ITSS_ENOTFOUND at the key")
    E('id-item-not-clause', '"6.1.1.b": "met"', MARK + '"6.1.1": "met"', 'ITSS_ENOTFOUND', '/ratings/6.1.1',
      "6.1.1 is an item's section, not a clause: ITSS_ENOTFOUND")
    E('id-of-other-model', '"6.1.1.b": "met"', MARK + '"ops-1a": "met"', 'ITSS_ENOTFOUND', '/ratings/ops-1a',
      "a clause of another model: ITSS_ENOTFOUND in the built-in one")
    E('id-65-chars', '"6.1.1.b": "met"', MARK + '"' + '6' * 65 + '": "met"', 'ITSS_ENOTFOUND', '/ratings/' + '6' * 65,
      "an over-long id names nothing: ITSS_ENOTFOUND at the key, with the whole id in the path")
    E('id-300-chars', '"6.1.1.b": "met"', MARK + '"' + '7' * 300 + '": "met"', 'ITSS_ENOTFOUND', '/ratings/' + '7' * 243 + '...',
      "a 300-character unknown id: ITSS_ENOTFOUND at the key. The path field holds 256 bytes with the NUL and a longer "
      "path is truncated with \"...\" (include/itss/common.h): the 252 first bytes, /ratings/ and 243 sevens, then ...")
    # duplicates
    E('duplicate-ratings-key', '\n }}\n', '\n }, ' + MARK + '"ratings": {}}\n', 'ITSS_EDUPLICATE', '/ratings',
      "\"ratings\" twice at the top: ITSS_EDUPLICATE at the second")
    E('duplicate-clause-escaped', '"6.1.1.b": "met",', '"6.1.1.b": "met", ' + MARK + '"6.1.1.\\u0061": "N",', 'ITSS_EDUPLICATE', '/ratings/6.1.1.a',
      "\"6.1.1.\\u0061\" decodes to 6.1.1.a, already rated: the same clause twice is ITSS_EDUPLICATE at the second key (docs/maturity.md)")
    E('duplicate-key-in-rating-object', '{"rating": "L", "evidence"', '{"rating": "L", ' + MARK + '"rating": "F", "evidence"', 'ITSS_EDUPLICATE', '/ratings/6.4.1.a/rating',
      "rating twice in the object form: ITSS_EDUPLICATE at the second")
    E('duplicate-metadata', '"scope": "数据中心运维",', '"scope": "数据中心运维", ' + MARK + '"scope": "全部",', 'ITSS_EDUPLICATE', '/scope',
      "a metadata key twice: ITSS_EDUPLICATE at the second")
    # wrong types (docs/maturity.md error table)
    for name, old, new, path, why in (
                       ('rating-null', '"6.1.1.a": "F"', '"6.1.1.a": ' + MARK + 'null', '/ratings/6.1.1.a', "a rating is a string, a number or an object; null is none of them"),
            ('rating-false', '"6.1.1.b": "met"', '"6.1.1.b": ' + MARK + 'false', '/ratings/6.1.1.b', "false is not a rating (binary ratings are met/not_met)"),
            ('nested-rating-array', '{"rating": "L", "evidence"', '{"rating": ' + MARK + '["L"], "evidence"', '/ratings/6.4.1.a/rating', "the rating inside the object form is a string or a number"),
            ('nested-rating-object', '{"rating": "L", "evidence"', '{"rating": ' + MARK + '{"rating": "L"}, "evidence"', '/ratings/6.4.1.a/rating', "the object form does not nest"),
            ('scale-number', '"scale": "any"', '"scale": ' + MARK + '2', '/scale', "the scale is a word"),
            ('organization-array', '"organization": "示例公司"', '"organization": ' + MARK + '["示例公司"]', '/organization', "metadata is text"),
            ('date-number', '"date": "2026-10-15"', '"date": ' + MARK + '20261015', '/date', "a date is text"),
            ('note-object', '"note": "缺 2 个"', '"note": ' + MARK + '{"zh": "缺"}', '/ratings/6.4.1.a/note', "a note is text"),
            ('reason-number', '"reason": "不涉及"', '"reason": ' + MARK + '0', '/ratings/9.4.a/reason', "a reason is text")):
        E('wrong-type-' + name, old, new, 'ITSS_ESCHEMA', path, why + ": ITSS_ESCHEMA at the value (docs/maturity.md error table)")
    write(F, 'wrong-type-ratings-string', ASM[:ASM.index('"ratings": {')] + '"ratings": ' + MARK + '"F"}\n', ERR('ITSS_ESCHEMA', '/ratings'),
          "ratings is an object keyed by clause id, not a string: ITSS_ESCHEMA at /ratings (docs/maturity.md error table)")
    E('unknown-top-level-key', '"scale": "any",', '"scale": "any", ' + MARK + '"Ratings": {},', 'ITSS_ESCHEMA', '/Ratings',
      "keys are case-sensitive: \"Ratings\" is another top-level key, ITSS_ESCHEMA at the key")
    E('unknown-key-in-rating', '"note": "缺 2 个"}', '"note": "缺 2 个", ' + MARK + '"comment": "x"}', 'ITSS_ESCHEMA', '/ratings/6.4.1.a/comment',
      "the object form has rating, reason, evidence and note: ITSS_ESCHEMA at the unknown key")
    E('reason-on-grade', '"note": "缺 2 个"}', '"note": "缺 2 个", ' + MARK + '"reason": "x"}', 'ITSS_ESCHEMA', '/ratings/6.4.1.a/reason',
      "reason on a non-na rating is ITSS_ESCHEMA (docs/maturity.md), located at the key like an unknown key")
    write(F, 'missing-ratings', MARK + '{"id": "ASM-1", "organization": "示例公司"}\n', ERR('ITSS_ESCHEMA', ''),
          "ratings is required: ITSS_ESCHEMA with an empty path, at the root object")
    E('object-without-rating', '{"rating": "L", "evidence": "记录", "note": "缺 2 个"}', MARK + '{"evidence": "记录", "note": "缺 2 个"}', 'ITSS_ESCHEMA', '/ratings/6.4.1.a',
      "the object form without its rating: ITSS_ESCHEMA at the object")
    for name, old, new, path, why in (
            ('grade-word', '"6.1.1.a": "F"', '"6.1.1.a": ' + MARK + '"Met"', '/ratings/6.1.1.a', "rating words are case-sensitive: Met is unknown"),
            ('grade-empty', '"6.1.1.a": "F"', '"6.1.1.a": ' + MARK + '""', '/ratings/6.1.1.a', "the empty string is no rating word"),
            ('grade-padded', '"6.1.1.a": "F"', '"6.1.1.a": ' + MARK + '" F"', '/ratings/6.1.1.a', "a space before F makes an unknown word"),
            ('grade-fullwidth', '"6.1.1.a": "F"', '"6.1.1.a": ' + MARK + '"Ｆ"', '/ratings/6.1.1.a', "a full-width Ｆ is not F"),
            ('na-plain', '"6.1.1.a": "F"', '"6.1.1.a": ' + MARK + '"na"', '/ratings/6.1.1.a', "na needs the object form with a reason"),
            ('na-without-reason', '"9.4.a": {"rating": "na", "reason": "不涉及"}', '"9.4.a": ' + MARK + '{"rating": "na", "note": "不涉及"}', '/ratings/9.4.a', "na without a reason"),
            ('scale-capital', '"scale": "any"', '"scale": ' + MARK + '"Binary"', '/scale', "scales are binary, nplf, any (lower case)"),
            ('binary-scale-grade', '"scale": "any"', '"scale": "binary"', None, None)):
        if name == 'binary-scale-grade':
            doc = R(R(ASM, '"scale": "any"', '"scale": "binary"'), '"6.1.1.a": "F"', '"6.1.1.a": ' + MARK + '"F"')
            write(F, 'value-' + name, doc, ERR('ITSS_EVALUE', '/ratings/6.1.1.a'),
                  "F is outside the declared binary scale: ITSS_EVALUE at the first such rating")
            continue
        E('value-' + name, old, new, 'ITSS_EVALUE', path, why + ": ITSS_EVALUE (docs/maturity.md error table)")


# ================================================================================
# 4. indicator catalog (op load_catalog)
# ================================================================================

IND = '''{"format": "itss-indicators/1", "source": "hostile corpus",
 "indicators": [
  {"id": "patch_rate", "name": {"zh": "补丁及时率", "en": "Patch rate"},
   "subcharacteristic": "integrity", "method": "ratio", "polarity": "positive",
   "services": ["0404", "01"],
   "a": {"zh": "按时", "en": "on time"}, "b": {"zh": "全部", "en": "all"},
   "source": "our SLA"},
  {"id": "outage_rate", "name": {"zh": "中断率", "en": "Outage rate"},
   "subcharacteristic": "continuity", "method": "ratio", "polarity": "negative",
   "a": {"zh": "中断", "en": "outages"}, "b": {"zh": "全部", "en": "all"}},
  {"id": "staff_courtesy", "name": {"zh": "服务态度", "en": "Courtesy"},
   "subcharacteristic": "courtesy", "method": "rating", "polarity": "positive",
   "anchors": {"1": {"zh": "差", "en": "poor"}, "2": {"zh": "较差", "en": "fair"},
               "3": {"zh": "中", "en": "average"}, "4": {"zh": "好", "en": "good"},
               "5": {"zh": "优", "en": "excellent"}}}
 ]}
'''
IND_IDS = ["patch_rate", "outage_rate", "staff_courtesy"]


def indicators():
    F = 'indicators'
    write(F, 'valid-base', IND, {"count": 3, "ids": IND_IDS},
          "the base of the indicator catalog cases: a positive ratio with services and a source, a negative ratio, and a "
          "rating with its five anchors; it loads alone")
    write(F, 'valid-base-on-builtin', IND, {"count": 20, "ids": [
        "timely_response_rate", "service_visibility", "sla_achievement_rate", "staff_turnover_rate",
        "first_line_resolution_rate", "fault_detection_rate", "monitoring_coverage", "on_time_repair_rate",
        "repeat_repair_rate", "effective_failure_rate", "network_host_failure_ratio", "incident_resolution_rate",
        "call_answer_rate", "training_goal_rate", "training_coverage", "incident_response_timeliness",
        "problem_resolution_rate"] + IND_IDS},
          "the same on top of the 17 built-in indicators: 20, the base's first", {"catalog_base": "builtin"})
    syntax_cases(F, IND, {
        'num': ('"polarity": "negative"', '"polarity": {}'),
        'str': ('"source": "our SLA"', '"source": {}'),
        'key': '"source": "hostile corpus"',
        'garbage': ',',
        'deep': '"indicators"',
        'truncate': [
            ('after-brace', '{', '', "after its opening brace: located at the end"),
            ('in-key', '{"id": "outage_rate", "name": {"zh": "中断率", "en": "Outage rate"},\n   ', '"subchar', "inside the key \"subcharacteristic\": located at its quote"),
            ('in-string', '"method": ', '"rat', "inside the string \"ratio\": located at its quote"),
            ('after-comma', '"source": "our SLA"},\n  ', '', "after a comma between indicators: located at the end"),
            ('after-colon', '"anchors": ', '', "after a colon: located at the end"),
            ('in-array', '"services": ["0404", ', '', "inside the services array after a comma: located at the end")]})

    def E(name, old, new, code, path, why, count=1, extra=None):
        write(F, name, R(IND, old, new, count), ERR(code, path), why, extra)

    E('huge-integer-polarity', '"polarity": "negative"', '"polarity": ' + MARK + '99999999999999999999', 'ITSS_ESCHEMA', '/indicators/1/polarity',
      "an integer beyond 64 bits is a well-formed number (within the double range); polarity is a word: wrong type, ITSS_ESCHEMA")
    E('escaped-nul-in-id', '{"id": "outage_rate"', '{"id": ' + MARK + '"outage\\u0000rate"', 'ITSS_EPARSE', '',
      NUL_WHY)
    E('escaped-control-in-id', '{"id": "outage_rate"', '{"id": ' + MARK + '"outage\\trate"', 'ITSS_EVALUE', '/indicators/1/id',
      "an escaped tab in an id: not one of A-Z a-z 0-9 . _ -, ITSS_EVALUE")
    E('id-65-chars', '{"id": "outage_rate"', '{"id": ' + MARK + '"' + 'o' * 65 + '"', 'ITSS_EVALUE', '/indicators/1/id',
      "ids are 1 to 64 characters: 65 is ITSS_EVALUE")
    write(F, 'accept-id-64-chars', R(IND, '{"id": "outage_rate"', '{"id": "' + 'o' * 64 + '"'),
          {"count": 3, "ids": ["patch_rate", 'o' * 64, "staff_courtesy"]}, "an id of exactly 64 characters loads")
    E('id-empty', '{"id": "outage_rate"', '{"id": ' + MARK + '""', 'ITSS_EVALUE', '/indicators/1/id', "ids have at least one character: ITSS_EVALUE")
    E('id-with-slash', '{"id": "outage_rate"', '{"id": ' + MARK + '"outage/rate"', 'ITSS_EVALUE', '/indicators/1/id', "/ is not allowed in ids: ITSS_EVALUE")
    # duplicates
    E('duplicate-top-level-key', '"source": "hostile corpus",', '"source": "hostile corpus", ' + MARK + '"source": "again",', 'ITSS_EDUPLICATE', '/source',
      "a key twice at the top: ITSS_EDUPLICATE at the second")
    E('duplicate-anchor-key', '"3": {"zh": "中", "en": "average"}, ', '"3": {"zh": "中", "en": "average"}, ' + MARK + '"3": {"zh": "中", "en": "middle"}, ', 'ITSS_EDUPLICATE', '/indicators/2/anchors/3',
      "anchor 3 twice: ITSS_EDUPLICATE at the second key")
    E('duplicate-id', '{"id": "outage_rate"', '{"id": ' + MARK + '"patch_rate"', 'ITSS_EDUPLICATE', '/indicators/1/id',
      "ids are unique: the second patch_rate is ITSS_EDUPLICATE")
    E('id-in-base', '{"id": "outage_rate"', '{"id": ' + MARK + '"staff_turnover_rate"', 'ITSS_EDUPLICATE', '/indicators/1/id',
      "ids are unique also against the base catalog: staff_turnover_rate is built in, ITSS_EDUPLICATE", extra={"catalog_base": "builtin"})
    write(F, 'accept-builtin-id-alone', R(IND, '{"id": "outage_rate"', '{"id": "staff_turnover_rate"'),
          {"count": 3, "ids": ["patch_rate", "staff_turnover_rate", "staff_courtesy"]},
          "loaded alone (no base), a catalog may reuse a built-in id: it loads")
    E('duplicate-service', '"services": ["0404", "01"]', '"services": ["0404", ' + MARK + '"0404"]', 'ITSS_EDUPLICATE', '/indicators/0/services/1',
      "services are unique (indicator-catalog.schema.json uniqueItems): the second 0404 is ITSS_EDUPLICATE")
    # wrong types
    for name, old, new, path, why in (
            ('format', '"format": "itss-indicators/1"', '"format": ' + MARK + 'true', '/format', "format is a string"),
            ('source', '"source": "hostile corpus"', '"source": ' + MARK + '1', '/source', "source is a string"),
            ('indicators', '"indicators": [\n', '"indicators": ' + MARK + '{"list": [\n', None, None),
            ('indicator-entry', '{"id": "outage_rate", "name": {"zh": "中断率", "en": "Outage rate"},\n   "subcharacteristic": "continuity", "method": "ratio", "polarity": "negative",\n   "a": {"zh": "中断", "en": "outages"}, "b": {"zh": "全部", "en": "all"}}',
             MARK + '"outage_rate"', '/indicators/1', "an indicator is an object"),
            ('id', '{"id": "outage_rate"', '{"id": ' + MARK + '7', '/indicators/1/id', "an id is a string"),
            ('name', '"name": {"zh": "服务态度", "en": "Courtesy"}', '"name": ' + MARK + '"服务态度"', '/indicators/2/name', "a name is a {zh, en} object"),
            ('subcharacteristic', '"subcharacteristic": "continuity"', '"subcharacteristic": ' + MARK + '["continuity"]', '/indicators/1/subcharacteristic', "a sub-characteristic is an id string"),
            ('method', '"method": "rating"', '"method": ' + MARK + '2', '/indicators/2/method', "method is ratio or rating"),
            ('services', '"services": ["0404", "01"]', '"services": ' + MARK + '"0404"', '/indicators/0/services', "services is an array"),
            ('service-entry', '"services": ["0404", "01"]', '"services": ["0404", ' + MARK + '1]', '/indicators/0/services/1', "a service is a code string"),
            ('a', '"a": {"zh": "中断", "en": "outages"}', '"a": ' + MARK + '"中断"', '/indicators/1/a', "a is a {zh, en} text"),
            ('anchors', '"anchors": {"1"', '"anchors": ' + MARK + '[{"1"', None, None),
            ('anchor-text', '"4": {"zh": "好", "en": "good"}', '"4": ' + MARK + '"好"', '/indicators/2/anchors/4', "an anchor is a {zh, en} text")):
        if name == 'indicators':
            write(F, 'wrong-type-indicators', R(R(IND, old, new), '\n ]}\n', '\n ]}}\n'), ERR('ITSS_ESCHEMA', '/indicators'),
                  "indicators is an array, not an object: ITSS_ESCHEMA at the value")
            continue
        if name == 'anchors':
            write(F, 'wrong-type-anchors', R(R(IND, old, new), '"excellent"}}}', '"excellent"}}]}'), ERR('ITSS_ESCHEMA', '/indicators/2/anchors'),
                  "anchors is an object keyed 1 to 5, not an array: ITSS_ESCHEMA")
            continue
        E('wrong-type-' + name, old, new, 'ITSS_ESCHEMA', path, why + ": wrong type, ITSS_ESCHEMA at the value")
    for name, old, new, path, why in (
            ('top-level', '"source": "hostile corpus",', '"source": "hostile corpus", ' + MARK + '"edition": "1",', '/edition', "the catalog has format, source and indicators"),
            ('indicator', '"source": "our SLA"}', '"source": "our SLA", ' + MARK + '"weight": 2}', '/indicators/0/weight', "an indicator has no weight (weights belong to schemes)"),
            ('anchor-six', '"5": {"zh": "优", "en": "excellent"}', '"5": {"zh": "优", "en": "excellent"}, ' + MARK + '"6": {"zh": "超", "en": "super"}', '/indicators/2/anchors/6', "anchors are 1 to 5"),
            ('text', '"name": {"zh": "补丁及时率", "en": "Patch rate"}', '"name": {"zh": "补丁及时率", "en": "Patch rate", ' + MARK + '"ja": "パッチ"}', '/indicators/0/name/ja', "texts have zh and en")):
        E('unknown-key-' + name, old, new, 'ITSS_ESCHEMA', path, why + ": ITSS_ESCHEMA at the unknown key")
    E('anchors-on-ratio', '"source": "our SLA"}', '"source": "our SLA", ' + MARK + '"anchors": {}}', 'ITSS_ESCHEMA', '/indicators/0/anchors',
      "ratios need a and b and no anchors (docs/quality.md): a key that must not be there is ITSS_ESCHEMA, located at the key")
    E('a-on-rating', '"method": "rating", "polarity": "positive",', '"method": "rating", "polarity": "positive", ' + MARK + '"a": {"zh": "甲", "en": "A"},', 'ITSS_ESCHEMA', '/indicators/2/a',
      "ratings need anchors and no a/b: ITSS_ESCHEMA at the key a")
    write(F, 'missing-indicators', MARK + '{"format": "itss-indicators/1", "source": "x"}\n', ERR('ITSS_ESCHEMA', ''),
          "indicators is required: ITSS_ESCHEMA at the root")
    E('missing-id', '{"id": "outage_rate", "name"', MARK + '{"name"', 'ITSS_ESCHEMA', '/indicators/1', "an indicator needs an id: ITSS_ESCHEMA at the object")
    doc = R(IND, '{"id": "outage_rate", "name": {"zh": "中断率", "en": "Outage rate"},\n   "subcharacteristic": "continuity", "method": "ratio", "polarity": "negative",',
            MARK + '{"id": "outage_rate", "name": {"zh": "中断率", "en": "Outage rate"},\n   "subcharacteristic": "continuity", "method": "ratio",')
    write(F, 'missing-polarity', doc, ERR('ITSS_ESCHEMA', '/indicators/1'),
          "polarity is required (indicator-catalog.schema.json): ITSS_ESCHEMA at the indicator object")
    doc = R(IND, '{"id": "outage_rate"', MARK + '{"id": "outage_rate"')
    doc = R(doc, '"a": {"zh": "中断", "en": "outages"}, "b": {"zh": "全部", "en": "all"}}', '"a": {"zh": "中断", "en": "outages"}}')
    write(F, 'missing-b', doc, ERR('ITSS_ESCHEMA', '/indicators/1'),
          "a ratio says what B counts: ITSS_ESCHEMA at the indicator object")
    doc = R(IND, '"anchors": {"1"', '"anchors": ' + MARK + '{"1"')
    doc = R(doc, ', "4": {"zh": "好", "en": "good"},\n               "5": {"zh": "优", "en": "excellent"}}}', ', "4": {"zh": "好", "en": "good"}}}')
    write(F, 'missing-anchor-5', doc, ERR('ITSS_ESCHEMA', '/indicators/2/anchors'),
          "ratings need anchors for 1 to 5: without 5, ITSS_ESCHEMA at the anchors object")
    for name, old, new, path, why, code in (
            ('format-version', '"format": "itss-indicators/1"', '"format": ' + MARK + '"itss-indicators/2"', '/format', "format is itss-indicators/1", 'ITSS_EVALUE'),
            ('method-capital', '"method": "rating"', '"method": ' + MARK + '"Rating"', '/indicators/2/method', "methods are ratio and rating", 'ITSS_EVALUE'),
            ('polarity-neutral', '"polarity": "negative"', '"polarity": ' + MARK + '"neutral"', '/indicators/1/polarity', "polarities are positive and negative", 'ITSS_EVALUE'),
            ('rating-negative', '"method": "rating", "polarity": "positive"', '"method": "rating", "polarity": ' + MARK + '"negative"', '/indicators/2/polarity', "ratings are always positive", 'ITSS_EVALUE'),
            ('services-empty', '"services": ["0404", "01"]', '"services": ' + MARK + '[]', '/indicators/0/services', "services, when present, is not empty (schema minItems 1; leave it out for every service)", 'ITSS_EVALUE'),
            ('service-malformed', '"services": ["0404", "01"]', '"services": ["0404", ' + MARK + '"1"]', '/indicators/0/services/1', "a one-digit code is malformed (docs/classification.md: bad_length)", 'ITSS_EVALUE'),
            ('service-letters', '"services": ["0404", "01"]', '"services": [' + MARK + '"04O4", "01"]', '/indicators/0/services/0', "the letter O is not a digit (not_digits)", 'ITSS_EVALUE'),
            ('service-unknown', '"services": ["0404", "01"]', '"services": ["0404", ' + MARK + '"0407"]', '/indicators/0/services/1', "0407 does not exist (docs/classification.md: unknown_code)", 'ITSS_ENOTFOUND'),
            ('service-unknown-parent', '"services": ["0404", "01"]', '"services": [' + MARK + '"1001", "01"]', '/indicators/0/services/0', "10 does not exist (unknown_parent)", 'ITSS_ENOTFOUND'),
            ('name-zh-empty', '"name": {"zh": "中断率", "en": "Outage rate"}', '"name": {"zh": ' + MARK + '"", "en": "Outage rate"}', '/indicators/1/name/zh', "texts are non-empty", 'ITSS_EVALUE')):
        E('value-' + name, old, new, code, path, why + ": " + code + " at the value")
    for name, old, new, path, why in (
            ('unknown-subcharacteristic', '"subcharacteristic": "continuity"', '"subcharacteristic": ' + MARK + '"Continuity"', '/indicators/1/subcharacteristic', "sub-characteristic ids are case-sensitive: Continuity is not one of the sixteen"),
            ('characteristic-as-sub', '"subcharacteristic": "continuity"', '"subcharacteristic": ' + MARK + '"reliability"', '/indicators/1/subcharacteristic', "reliability is a characteristic; indicators belong to sub-characteristics"),
            ('id-is-characteristic', '{"id": "outage_rate"', '{"id": ' + MARK + '"security"', '/indicators/1/id', "indicator ids may not be characteristic ids (one namespace)"),
            ('id-is-subcharacteristic', '{"id": "staff_courtesy"', '{"id": ' + MARK + '"courtesy"', '/indicators/2/id', "indicator ids may not be sub-characteristic ids")):
        E(name, old, new, 'ITSS_EMODEL', path, why + ": ITSS_EMODEL (include/itss/quality.h), at the value")


# ================================================================================
# 5. evaluation (op score, built-in catalog)
# ================================================================================

TIM = '"incident_response_timeliness", "on_time_repair_rate", "call_answer_rate"'
EVAL = '''{"service": "04", "period": "2026-Q3", "id": "QE-1", "provider": "甲公司", "customer": "乙单位",
 "evaluator": "丙处", "date": "2026-10-10", "notes": "季度评价",
 "scheme": {
  "indicators": ["incident_response_timeliness", "on_time_repair_rate", "call_answer_rate", "service_visibility", "training_coverage"],
  "weights": {"responsiveness": 2, "professionalism": 1.5},
  "ahp": [{"node": "timeliness", "labels": ["incident_response_timeliness", "on_time_repair_rate", "call_answer_rate"],
           "matrix": [[1, 1, 3], [1, 1, 3], [0.3333333333333333, 0.3333333333333333, 1]]}],
  "bands": [{"grade": "优", "min": 0.9}, {"grade": "良", "min": 0.8}]
 },
 "measurements": {
  "incident_response_timeliness": {"A": 1187, "B": 1214},
  "call_answer_rate": {"A": 45, "B": 50},
  "service_visibility": {"scores": [4, 5, 3]},
  "training_coverage": {"na": "本季度没有培训"}
 }}
'''
MEAS_IRT = '"incident_response_timeliness": {"A": 1187, "B": 1214}'


def evaluation():
    F = 'evaluation'
    write(F, 'valid-base', EVAL, {"service": "04", "period": "2026-Q3", "overall": {"indicators": 5}},
          "the base of the evaluation cases: metadata, a scheme with five indicators, weights, an AHP matrix for "
          "timeliness and two bands, and ratio, rating and na measurements; it scores")
    write(F, 'accept-control-in-metadata', R(EVAL, '"provider": "甲公司"', '"provider": "甲' + CTRL + '"'),
          {"service": "04", "provider": "甲z\u001b[2J\u0007\nfake"},
          "metadata is free text (docs/quality.md): ESC, BEL and a newline load and are kept as written; the text "
          "reports show them as words on one line, without the control characters")
    syntax_cases(F, EVAL, {
        'num': ('"A": 45', '"A": {}'),
        'str': ('"period": "2026-Q3"', '"period": {}'),
        'key': '"notes"',
        'garbage': '"more"',
        'deep': '"measurements"',
        'truncate': [
            ('after-brace', '{', '', "after its opening brace: located at the end"),
            ('in-key', '"scheme": {\n  ', '"indic', "inside the key \"indicators\": located at its quote"),
            ('in-string', '"training_coverage": {"na": ', '"本季度', "inside a Chinese string: located at its quote"),
            ('after-comma', MEAS_IRT + ',\n  ', '', "after a comma between measurements: located at the end"),
            ('in-number', '"min": ', '0.', "inside the number 0.9 after the point: the token \"0.\" is located at its start"),
            ('in-matrix', '"matrix": [[1, 1, 3], ', '', "inside the AHP matrix after a comma: located at the end"),
            ('after-colon', '"B": ', '', "after a colon: located at the end")]})

    def E(name, old, new, code, path, why, count=1):
        write(F, name, R(EVAL, old, new, count), ERR(code, path), why)

    M0 = '/measurements/incident_response_timeliness'
    E('huge-integer-a', '"A": 1187', '"A": ' + MARK + '100000000000000000000', 'ITSS_EVALUE', M0 + '/A',
      "A = 1e20 written as an integer is well-formed and within the double range (ITSS_EPARSE is only beyond it); A > B "
      "is ITSS_EVALUE at A (docs/quality.md)")
    E('huge-integer-score', '"scores": [4, 5, 3]', '"scores": [4, ' + MARK + '99999999999999999999, 3]', 'ITSS_EVALUE', '/measurements/service_visibility/scores/1',
      "a whole number beyond 64 bits where a score 1..5 is expected: a well-formed number outside 1..5, ITSS_EVALUE at the score")
    write(F, 'accept-score-five-point-zero', R(EVAL, '"scores": [4, 5, 3]', '"scores": [4, 5.0, 3]'),
          {"service": "04", "overall": {"indicators": 5}},
          "5.0 is a whole number 1..5 (docs/quality.md: whole numbers; evaluation.schema.json \"integer\", which in JSON "
          "Schema 2020-12 accepts 5.0): it scores like 5")
    E('score-zero', '"scores": [4, 5, 3]', '"scores": [' + MARK + '0, 5, 3]', 'ITSS_EVALUE', '/measurements/service_visibility/scores/0',
      "scores are 1 to 5: 0 is ITSS_EVALUE")
    E('weight-negative-tiny', '"professionalism": 1.5', '"professionalism": ' + MARK + '-1e-300', 'ITSS_EVALUE', '/scheme/weights/professionalism',
      "weights are finite and >= 0: -1e-300 is ITSS_EVALUE")
    E('band-min-above-one', '{"grade": "良", "min": 0.8}', MARK + '{"grade": "良", "min": 1.0000001}', 'ITSS_EVALUE', '/scheme/bands/1',
      "a band min lies in 0..1: ITSS_EVALUE at the band (docs/quality.md error table: /scheme/bands/0)")
    E('band-min-negative', '{"grade": "良", "min": 0.8}', MARK + '{"grade": "良", "min": -0.1}', 'ITSS_EVALUE', '/scheme/bands/1',
      "a band min lies in 0..1: ITSS_EVALUE at the band")
    E('escaped-nul-in-service', '"service": "04"', '"service": ' + MARK + '"04\\u0000"', 'ITSS_EPARSE', '',
      NUL_WHY)
    E('escaped-control-in-scheme-id', '"call_answer_rate", "service_visibility"', MARK + '"call_answer_rate\\u0001", "service_visibility"', 'ITSS_ENOTFOUND', '/scheme/indicators/2',
      "an indicator id with a trailing U+0001 names no indicator: ITSS_ENOTFOUND at /scheme/indicators/2")
    E('scheme-id-is-subcharacteristic', '"call_answer_rate", "service_visibility"', MARK + '"timeliness", "service_visibility"', 'ITSS_ENOTFOUND', '/scheme/indicators/2',
      "timeliness is a sub-characteristic, not an indicator: the scheme selects indicators, ITSS_ENOTFOUND")
    # duplicates
    E('duplicate-top-level-key', '"period": "2026-Q3",', '"period": "2026-Q3", ' + MARK + '"period": "2026-Q4",', 'ITSS_EDUPLICATE', '/period',
      "a key twice at the top: ITSS_EDUPLICATE at the second")
    E('duplicate-count-key', '"call_answer_rate": {"A": 45, "B": 50}', '"call_answer_rate": {"A": 45, ' + MARK + '"A": 46, "B": 50}', 'ITSS_EDUPLICATE', '/measurements/call_answer_rate/A',
      "A twice in a measurement: ITSS_EDUPLICATE at the second")
    E('duplicate-weight-key', '"professionalism": 1.5', '"professionalism": 1.5, ' + MARK + '"responsiveness": 1', 'ITSS_EDUPLICATE', '/scheme/weights/responsiveness',
      "a weight key twice: ITSS_EDUPLICATE at the second")
    E('duplicate-measurement-escaped', '"call_answer_rate": {"A": 45, "B": 50},', '"call_answer_rate": {"A": 45, "B": 50},\n  ' + MARK + '"call_answer_\\u0072ate": {"A": 1, "B": 2},', 'ITSS_EDUPLICATE', '/measurements/call_answer_rate',
      "\"call_answer_\\u0072ate\" decodes to call_answer_rate: the same key twice, ITSS_EDUPLICATE at the escaped second")
    E('duplicate-band-grade', '{"grade": "良", "min": 0.8}', MARK + '{"grade": "优", "min": 0.8}', 'ITSS_EDUPLICATE', '/scheme/bands/1',
      "grades are unique: ITSS_EDUPLICATE at the second band (as tests/cases/quality/error-band-duplicate)")
    doc = R(R(EVAL, '{"grade": "优", "min": 0.9}', '{"grade": "' + CTRL + '", "min": 0.9}'),
            '{"grade": "良", "min": 0.8}', MARK + '{"grade": "' + CTRL + '", "min": 0.8}')
    write(F, 'control-in-duplicate-band-grade', doc, ERR('ITSS_EDUPLICATE', '/scheme/bands/1', CTRL_SHOWN),
          "grades are unique: ITSS_EDUPLICATE at the second band" + CTRL_WHY)
    E('duplicate-selection', '"service_visibility", "training_coverage"]', '"service_visibility", "training_coverage", ' + MARK + '"on_time_repair_rate"]', 'ITSS_EDUPLICATE', '/scheme/indicators/5',
      "an indicator is selected once: ITSS_EDUPLICATE at the second on_time_repair_rate")
    # wrong types
    for name, old, new, path, why in (
            ('service', '"service": "04"', '"service": ' + MARK + '4', '/service', "the service is a code string"),
            ('weights', '"weights": {"responsiveness": 2, "professionalism": 1.5}', '"weights": ' + MARK + '[2, 1.5]', '/scheme/weights', "weights is an object"),
            ('weight', '"responsiveness": 2', '"responsiveness": ' + MARK + 'null', '/scheme/weights/responsiveness', "a weight is a number"),
            ('ahp-node', '{"node": "timeliness"', '{"node": ' + MARK + '5', '/scheme/ahp/0/node', "node is an id string"),
            ('ahp-cell', '"matrix": [[1, 1, 3]', '"matrix": [[1, ' + MARK + '"1", 3]', '/scheme/ahp/0/matrix/0/1', "comparisons are numbers"),
            ('ahp-allow', '"matrix": [[1, 1, 3], [1, 1, 3], [0.3333333333333333, 0.3333333333333333, 1]]}', '"matrix": [[1, 1, 3], [1, 1, 3], [0.3333333333333333, 0.3333333333333333, 1]], "allow_inconsistent": ' + MARK + '"yes"}', '/scheme/ahp/0/allow_inconsistent', "allow_inconsistent is true or false"),
            ('bands', '"bands": [{"grade": "优", "min": 0.9}, {"grade": "良", "min": 0.8}]', '"bands": ' + MARK + '{"优": 0.9}', '/scheme/bands', "bands is an array"),
            ('band-min', '{"grade": "优", "min": 0.9}', '{"grade": "优", "min": ' + MARK + '"0.9"}', '/scheme/bands/0/min', "a band min is a number"),
            ('band-grade', '{"grade": "优", "min": 0.9}', '{"grade": ' + MARK + '1, "min": 0.9}', '/scheme/bands/0/grade', "a grade is a string"),
            ('measurement', '"call_answer_rate": {"A": 45, "B": 50}', '"call_answer_rate": ' + MARK + '0.9', '/measurements/call_answer_rate', "a measurement is an object"),
            ('count', '"call_answer_rate": {"A": 45, "B": 50}', '"call_answer_rate": {"A": 45, "B": ' + MARK + '"50"}', '/measurements/call_answer_rate/B', "counts are numbers (docs/quality.md error table)"),
            ('scores', '"scores": [4, 5, 3]', '"scores": ' + MARK + '4', '/measurements/service_visibility/scores', "scores is an array"),
            ('na', '{"na": "本季度没有培训"}', '{"na": ' + MARK + 'true}', '/measurements/training_coverage/na', "na holds the reason, a string"),
            ('notes', '"notes": "季度评价"', '"notes": ' + MARK + '{"zh": "季度评价"}', '/notes', "metadata is text")):
        E('wrong-type-' + name, old, new, 'ITSS_ESCHEMA', path, why + ": wrong type, ITSS_ESCHEMA at the value")
    doc = R(R(EVAL, '"scheme": {\n', '"scheme": ' + MARK + '[{\n'), '\n },\n "measurements"', '\n }],\n "measurements"')
    write(F, 'wrong-type-scheme', doc, ERR('ITSS_ESCHEMA', '/scheme'), "the scheme is an object, not an array: ITSS_ESCHEMA")
    doc = R(EVAL, '"indicators": ["incident_response_timeliness", "on_time_repair_rate", "call_answer_rate", "service_visibility", "training_coverage"]',
            '"indicators": ' + MARK + '"incident_response_timeliness"')
    write(F, 'wrong-type-indicators', doc, ERR('ITSS_ESCHEMA', '/scheme/indicators'),
          "the selection is an array of ids, not a string: ITSS_ESCHEMA")
    E('wrong-type-indicator-entry', '"service_visibility", "training_coverage"]', '"service_visibility", ' + MARK + '17]', 'ITSS_ESCHEMA', '/scheme/indicators/4',
      "a selected indicator is an id string, not a number: ITSS_ESCHEMA")
    doc = R(R(EVAL, '"ahp": [{"node"', '"ahp": ' + MARK + '{"x": {"node"'), '1]]}],\n  "bands"', '1]]}},\n  "bands"')
    write(F, 'wrong-type-ahp', doc, ERR('ITSS_ESCHEMA', '/scheme/ahp'), "ahp is an array of entries, not an object: ITSS_ESCHEMA")
    doc = R(R(EVAL, '"measurements": {\n', '"measurements": ' + MARK + '[{\n'), '\n }}\n', '\n }]}\n')
    write(F, 'wrong-type-measurements', doc, ERR('ITSS_ESCHEMA', '/measurements'), "measurements is an object keyed by indicator id: ITSS_ESCHEMA")
    # unknown keys
    for name, old, new, path, why in (
            ('top-level', '"notes": "季度评价",', '"notes": "季度评价", ' + MARK + '"Service": "04",', '/Service', "keys are case-sensitive: Service is unknown"),
            ('scheme', '"weights": {"responsiveness": 2', MARK + '"weight": {}, "weights": {"responsiveness": 2', '/scheme/weight', "the scheme has indicators, weights, ahp and bands"),
            ('ahp-entry', '{"node": "timeliness"', '{"node": "timeliness", ' + MARK + '"nodes": []', '/scheme/ahp/0/nodes', "AHP entries have node, labels, matrix, allow_inconsistent"),
            ('band', '{"grade": "良", "min": 0.8}', '{"grade": "良", "min": 0.8, ' + MARK + '"max": 0.9}', '/scheme/bands/1/max', "bands have grade and min"),
            ('measurement', '"call_answer_rate": {"A": 45, "B": 50}', '"call_answer_rate": {"A": 45, "B": 50, ' + MARK + '"C": 1}', '/measurements/call_answer_rate/C', "measurements have A and B, scores or na")):
        E('unknown-key-' + name, old, new, 'ITSS_ESCHEMA', path, why + ": unknown keys are ITSS_ESCHEMA at the key")
    write(F, 'missing-service', MARK + '{"measurements": {}}\n', ERR('ITSS_ESCHEMA', ''),
          "service is required (evaluation.schema.json): ITSS_ESCHEMA at the root")
    doc = MARK + EVAL[:EVAL.index(',\n "measurements"')] + '}\n'
    write(F, 'missing-measurements', doc, ERR('ITSS_ESCHEMA', ''),
          "measurements is required: ITSS_ESCHEMA at the root (as tests/cases/quality/error-missing-measurements)")
    E('missing-ahp-matrix', '{"node": "timeliness", "labels": ["incident_response_timeliness", "on_time_repair_rate", "call_answer_rate"],\n           "matrix": [[1, 1, 3], [1, 1, 3], [0.3333333333333333, 0.3333333333333333, 1]]}',
      MARK + '{"node": "timeliness", "labels": ["incident_response_timeliness", "on_time_repair_rate", "call_answer_rate"]}', 'ITSS_ESCHEMA', '/scheme/ahp/0',
      "an AHP entry needs its matrix (quality-scheme.schema.json): ITSS_ESCHEMA at the entry")
    E('missing-band-min', '{"grade": "良", "min": 0.8}', MARK + '{"grade": "良"}', 'ITSS_ESCHEMA', '/scheme/bands/1',
      "a band needs its min: ITSS_ESCHEMA at the band")
    E('missing-a', '"call_answer_rate": {"A": 45, "B": 50}', '"call_answer_rate": ' + MARK + '{"B": 50}', 'ITSS_ESCHEMA', '/measurements/call_answer_rate',
      "B without A: ITSS_ESCHEMA at the measurement")
    # values
    for name, old, new, path, why in (
            ('service-empty', '"service": "04"', '"service": ' + MARK + '""', '/service', "the empty code is malformed (docs/classification.md: empty, ITSS_EVALUE)"),
            ('service-letter', '"service": "04"', '"service": ' + MARK + '"0A"', '/service', "a letter in a code is malformed (not_digits)"),
            ('a-above-b', '"call_answer_rate": {"A": 45, "B": 50}', '"call_answer_rate": {"A": ' + MARK + '51, "B": 50}', '/measurements/call_answer_rate/A', "A cannot exceed B"),
            ('a-negative', '"call_answer_rate": {"A": 45, "B": 50}', '"call_answer_rate": {"A": ' + MARK + '-1, "B": 50}', '/measurements/call_answer_rate/A', "counts are not negative"),
            ('score-fraction', '"scores": [4, 5, 3]', '"scores": [4, 5, ' + MARK + '2.5]', '/measurements/service_visibility/scores/2', "scores are whole numbers"),
            ('scores-empty', '"scores": [4, 5, 3]', '"scores": ' + MARK + '[]', '/measurements/service_visibility/scores', "at least one score"),
            ('scores-for-ratio', '"call_answer_rate": {"A": 45, "B": 50}', '"call_answer_rate": ' + MARK + '{"scores": [4]}', '/measurements/call_answer_rate', "call_answer_rate is a ratio"),
            ('na-empty', '{"na": "本季度没有培训"}', '{"na": ' + MARK + '""}', '/measurements/training_coverage/na', "na needs a non-empty reason"),
            ('ahp-zero-cell', '"matrix": [[1, 1, 3]', '"matrix": [[1, 1, ' + MARK + '0]', '/scheme/ahp/0/matrix/0/2', "every AHP cell is positive"),
            ('ahp-not-reciprocal', '[1, 1, 3], [0.3333333333333333', '[1, 1, 3], [' + MARK + '0.5', '/scheme/ahp/0/matrix/2/0', "matrix[2][0] must be the reciprocal of matrix[0][2] = 3 within 1 %"),
            ('ahp-label-not-child', '"labels": ["incident_response_timeliness", "on_time_repair_rate", "call_answer_rate"]', '"labels": ["incident_response_timeliness", "on_time_repair_rate", ' + MARK + '"training_coverage"]', '/scheme/ahp/0/labels/2', "training_coverage is not a child of timeliness: labels name the node's children"),
            ('ahp-label-missing-child', '"labels": ["incident_response_timeliness", "on_time_repair_rate", "call_answer_rate"],\n           "matrix": [[1, 1, 3], [1, 1, 3], [0.3333333333333333, 0.3333333333333333, 1]]',
             '"labels": ' + MARK + '["incident_response_timeliness", "on_time_repair_rate"],\n           "matrix": [[1, 1], [1, 1]]', '/scheme/ahp/0/labels', "labels must name each child present in the scheme: call_answer_rate is missing (as tests/cases/quality/error-ahp-missing-child)"),
            ('ahp-weight-twice', '"weights": {"responsiveness": 2, "professionalism": 1.5}', '"weights": {"responsiveness": 2, "professionalism": 1.5, "call_answer_rate": 2}', None, None)):
        if path is None:
            doc = R(R(EVAL, old, new), '"on_time_repair_rate", "call_answer_rate"],\n', '"on_time_repair_rate", ' + MARK + '"call_answer_rate"],\n')
            write(F, 'value-' + name, doc, ERR('ITSS_EVALUE', '/scheme/ahp/0/labels/2'),
                  "call_answer_rate has a weight in weights and one from AHP: a weight may not be given both ways (docs/quality.md); "
                  "ITSS_EVALUE at the AHP label (as tests/cases/quality/error-ahp-conflicts-with-weights)")
            continue
        E('value-' + name, old, new, 'ITSS_EVALUE', path, why + ": ITSS_EVALUE (docs/quality.md error table)")
    for name, old, new, path, why in (
            ('service-unknown', '"service": "04"', '"service": ' + MARK + '"10"', '/service', "10 is not a GB/T 29264 class"),
            ('measurement-unknown', '"call_answer_rate": {"A": 45, "B": 50}', MARK + '"Call_answer_rate": {"A": 45, "B": 50}', '/measurements/Call_answer_rate', "ids are case-sensitive: Call_answer_rate is in no catalog"),
            ('measurement-unselected', '"call_answer_rate": {"A": 45, "B": 50}', MARK + '"sla_achievement_rate": {"A": 45, "B": 50}', '/measurements/sla_achievement_rate', "sla_achievement_rate is in the catalog but not selected"),
            ('weight-unknown', '"professionalism": 1.5', MARK + '"overall": 1.5', '/scheme/weights/overall', "weights name indicators, sub-characteristics and characteristics; overall is none"),
            ('ahp-node-unknown', '{"node": "timeliness"', '{"node": ' + MARK + '"Timeliness"', '/scheme/ahp/0/node', "an AHP node is overall, a characteristic or a sub-characteristic: an unknown id in the scheme")):
        E('notfound-' + name, old, new, 'ITSS_ENOTFOUND', path, why + ": ITSS_ENOTFOUND (docs/quality.md error table), at the key when the id is a key")
    E('ahp-beyond-double', '"matrix": [[1, 1, 3], [1, 1, 3], [0.3333333333333333, 0.3333333333333333, 1]]',
      '"matrix": ' + MARK + '[[1, 1.7e308, 1.7e308], [5.88e-309, 1, 1.7e308], [5.88e-309, 5.88e-309, 1]]', 'ITSS_EVALUE', '/scheme/ahp/0/matrix',
      "a > b > c, each by H = 1.7e308 with the reciprocal L = 5.88e-309: lambda_max >= (H^2 L)^(1/3) = 5.5e102 (the "
      "cycle a12 a23 a31 on the diagonal of A^3) and row 3, (lambda - 1) w3 = L (w1 + w2) <= 2 L w1, puts w3 / w1 "
      "below 2.2e-411, beyond any double: the weights cannot be computed, ITSS_EVALUE at the matrix, whether or not "
      "inconsistency is allowed (the scheme is refused, not scored null)")
    E('ahp-beyond-double-allowed', '"matrix": [[1, 1, 3], [1, 1, 3], [0.3333333333333333, 0.3333333333333333, 1]]}',
      '"matrix": ' + MARK + '[[1, 1.7e308, 1.7e308], [5.88e-309, 1, 1.7e308], [5.88e-309, 5.88e-309, 1]], "allow_inconsistent": true}',
      'ITSS_EVALUE', '/scheme/ahp/0/matrix',
      "the matrix of hostile-evaluation-ahp-beyond-double with \"allow_inconsistent\": true: its weights still cannot "
      "be computed in doubles, ITSS_EVALUE at the matrix")
    E('ahp-inconsistent', '"matrix": [[1, 1, 3], [1, 1, 3], [0.3333333333333333, 0.3333333333333333, 1]]',
      '"matrix": ' + MARK + '[[1, 9, 0.1111111111111111], [0.1111111111111111, 1, 9], [9, 0.1111111111111111, 1]]', 'ITSS_ECONSISTENCY', '/scheme/ahp/0/matrix',
      "a cyclic matrix (a > b > c > a, each by 9) has CR far above 0.10: ITSS_ECONSISTENCY at the matrix")
    write(F, 'accept-ahp-inconsistent-allowed', R(EVAL, '1]]}],', '1]], "allow_inconsistent": true}],').replace(
        '"matrix": [[1, 1, 3], [1, 1, 3], [0.3333333333333333, 0.3333333333333333, 1]]',
        '"matrix": [[1, 9, 0.1111111111111111], [0.1111111111111111, 1, 9], [9, 0.1111111111111111, 1]]'),
          {"service": "04", "overall": {"indicators": 5}},
          "the same inconsistent matrix with \"allow_inconsistent\": true is accepted (docs/quality.md)")


# ================================================================================
# 6. AHP matrix document (op ahp)
# ================================================================================

AHP = '''{"labels": ["质量", "成本", "进度"],
 "matrix": [[1, 2, 4],
            [0.5, 1, 2],
            [0.25, 0.5, 1]]}
'''


def ahp():
    F = 'ahp'
    write(F, 'valid-base', AHP, {"labels": ["质量", "成本", "进度"], "weights": [4 / 7, 2 / 7, 1 / 7],
                                 "lambda_max": 3, "cr": 0, "consistent": True},
          "the base of the AHP cases: a consistent 3x3 matrix (a = 2b = 4c) with labels: weights 4/7, 2/7, 1/7, "
          "lambda_max 3, CR 0 (docs/quality.md example)")
    syntax_cases(F, AHP, {
        'num': ('0.25', '{}'),
        'str': ('"成本"', '{}'),
        'key': '"labels"',
        'garbage': ']]',
        'deep': '"matrix"',
        'truncate': [
            ('after-brace', '{', '', "after its opening brace: located at the end"),
            ('in-key', '"进度"],\n ', '"mat', "inside the key \"matrix\": located at its quote"),
            ('in-string', '"labels": ["质量", ', '"成', "inside the label \"成本\": located at its quote"),
            ('after-comma', '[0.5, 1, 2],\n            ', '', "after a comma between rows: located at the end"),
            ('in-number', '[0.5, 1, 2],\n            [', '0.', "inside the number 0.25 after the point: the token \"0.\" is located at its start"),
            ('in-row', '[0.25, 0.5, 1', '', "inside the last row: located at the end"),
            ('after-colon', '"matrix": ', '', "after a colon: located at the end")]})

    def E(name, old, new, code, path, why, count=1):
        write(F, name, R(AHP, old, new, count), ERR(code, path), why)

    doc = R(AHP, '[0.5, 1, 2]', '[' + MARK + '0.5, 1, 2]')
    doc = R(doc, '[[1, 2, 4]', '[[1, 100000000000000000000, 4]')
    write(F, 'huge-integer-cell', doc, ERR('ITSS_EVALUE', '/matrix/1/0'),
          "a cell of 1e20 written as an integer is well-formed and within the double range, so not ITSS_EPARSE; matrix[1][0] "
          "= 0.5 is then not its reciprocal: ITSS_EVALUE at /matrix/1/0 (a[j][i] must be the reciprocal of a[i][j], "
          "as tests/cases/quality/ahp-error-not-reciprocal)")
    E('negative-cell', '[[1, 2, 4]', '[[1, ' + MARK + '-2, 4]', 'ITSS_EVALUE', '/matrix/0/1',
      "every cell is positive: -2 is ITSS_EVALUE (its reciprocal 0.5 is not checked first: it comes later in the document)")
    E('diagonal-not-one', '[0.5, 1, 2]', '[0.5, ' + MARK + '0.99, 2]', 'ITSS_EVALUE', '/matrix/1/1', "the diagonal is 1: ITSS_EVALUE")
    E('reciprocal-off-by-4-percent', '[0.25, 0.5, 1]', '[0.25, ' + MARK + '0.52, 1]', 'ITSS_EVALUE', '/matrix/2/1',
      "matrix[2][1] * matrix[1][2] = 0.52 * 2 = 1.04, not 1 within 1 %: ITSS_EVALUE at matrix[2][1]")
    write(F, 'accept-reciprocal-rounded', R(AHP, '[0.25, 0.5, 1]', '[0.25, 0.499, 1]'),
          {"labels": ["质量", "成本", "进度"], "consistent": True},
          "0.499 * 2 = 0.998 is within 1 % of 1 (docs/quality.md: 0.333 passes for 1/3): accepted")
    E('label-empty', '"成本"', MARK + '""', 'ITSS_EVALUE', '/labels/1',
      "labels are non-empty strings (ahp.schema.json minLength 1): an empty string has the right type and an "
      "unacceptable value, ITSS_EVALUE (docs/api-conventions.md; ITSS_ESCHEMA is for the wrong type)")
    write(F, 'accept-label-with-escapes', R(AHP, '"成本"', '"成\\t本\\u0007"'), {"labels": ["质量", "成\t本\u0007", "进度"]},
          "labels are free text: escaped control characters are kept and the matrix is weighed")
    # duplicates
    E('duplicate-matrix-key', '"matrix": [[1, 2, 4],', '"matrix": [[1]], ' + MARK + '"matrix": [[1, 2, 4],', 'ITSS_EDUPLICATE', '/matrix',
      "matrix twice: ITSS_EDUPLICATE at the second key")
    E('duplicate-labels-key', '"labels": ["质量", "成本", "进度"],', '"labels": ["质量", "成本", "进度"], ' + MARK + '"labels": ["a", "b", "c"],', 'ITSS_EDUPLICATE', '/labels',
      "labels twice: ITSS_EDUPLICATE at the second key")
    E('duplicate-label', '"进度"]', MARK + '"质量"]', 'ITSS_EDUPLICATE', '/labels/2', "labels are unique: the second 质量 is ITSS_EDUPLICATE")
    doc = R(R(AHP, '"质量", "成本"', '"' + CTRL + '", "成本"'), '"进度"]', MARK + '"' + CTRL + '"]')
    write(F, 'control-in-duplicate-label', doc, ERR('ITSS_EDUPLICATE', '/labels/2', CTRL_SHOWN),
          "labels are unique: the second is ITSS_EDUPLICATE" + CTRL_WHY)
    # wrong types
    for name, old, new, path, why in (
            ('labels', '"labels": ["质量", "成本", "进度"]', '"labels": ' + MARK + '"质量,成本,进度"', '/labels', "labels is an array"),
            ('label', '"成本"', MARK + '2', '/labels/1', "a label is a string"),
            ('cell-null', '[0.5, 1, 2]', '[0.5, 1, ' + MARK + 'null]', '/matrix/1/2', "cells are numbers"),
            ('cell-bool', '[[1, 2, 4]', '[[' + MARK + 'true, 2, 4]', '/matrix/0/0', "cells are numbers"),
            ('row-number', '[0.5, 1, 2]', MARK + '1', '/matrix/1', "a row is an array")):
        E('wrong-type-' + name, old, new, 'ITSS_ESCHEMA', path, why + ": wrong type, ITSS_ESCHEMA at the value")
    doc = R(AHP, '"matrix": [[1, 2, 4],\n            [0.5, 1, 2],\n            [0.25, 0.5, 1]]', '"matrix": ' + MARK + '{"0": [1, 2, 4]}')
    write(F, 'wrong-type-matrix', doc, ERR('ITSS_ESCHEMA', '/matrix'), "the matrix is an array of rows, not an object: ITSS_ESCHEMA")
    E('unknown-key-allow-inconsistent', '"labels"', MARK + '"allow_inconsistent": true, "labels"', 'ITSS_ESCHEMA', '/allow_inconsistent',
      "the document has matrix and labels only (ahp.schema.json); allowing inconsistency is a flag of the call, not a key: ITSS_ESCHEMA at the key")
    E('unknown-key-case', '"labels"', MARK + '"Matrix": [[1]], "labels"', 'ITSS_ESCHEMA', '/Matrix', "keys are case-sensitive: Matrix is unknown, ITSS_ESCHEMA at the key")
    write(F, 'missing-matrix', MARK + '{"labels": ["质量"]}\n', ERR('ITSS_ESCHEMA', ''), "matrix is required: ITSS_ESCHEMA at the root")
    E('row-too-long', '[0.5, 1, 2]', MARK + '[0.5, 1, 2, 1]', 'ITSS_EVALUE', '/matrix/1',
      "the matrix is square: a row of 4 in a 3x3 matrix is ITSS_EVALUE at the row (as tests/cases/quality/ahp-error-not-square)")
    doc = R(AHP, '"labels": ["质量", "成本", "进度"]', '"labels": ' + MARK + '["质量", "成本", "进度", "风险"]')
    write(F, 'labels-count', doc, ERR('ITSS_EVALUE', '/labels'), "one label per row: four labels for three rows, ITSS_EVALUE at the labels")
    E('inconsistent', '"matrix": [[1, 2, 4],\n            [0.5, 1, 2],\n            [0.25, 0.5, 1]]',
      '"matrix": ' + MARK + '[[1, 9, 0.2],\n            [0.1111111111111111, 1, 9],\n            [5, 0.1111111111111111, 1]]', 'ITSS_ECONSISTENCY', '/matrix',
      "a > b, b > c, c > a: CR far above 0.10 is ITSS_ECONSISTENCY. itss_ahp_json reports the errors of itss_ahp_weights "
      "\"with JSON locations\" (include/itss/quality.h), and an evaluation locates the same error at its matrix "
      "(docs/quality.md: /scheme/ahp/0/matrix): here /matrix, at the matrix")
    # comparisons at the ends of the double range
    write(F, 'beyond-double', '{"labels": ["甲", "乙", "丙", "丁"],\n "matrix": ' + MARK +
          '[[1, 1.7e308, 1.7e308, 1.7e308],\n            [5.88e-309, 1, 1.7e308, 1.7e308],\n'
          '            [5.88e-309, 5.88e-309, 1, 1.7e308],\n            [5.88e-309, 5.88e-309, 5.88e-309, 1]]}\n',
          ERR('ITSS_EVALUE', '/matrix'),
          "a > b > c > d, each by H = 1.7e308 with the reciprocal L = 5.88e-309 (H L = 0.9996, within 1 %). A^4 has "
          "the cycle a12 a23 a34 a41 = H^3 L on its diagonal, so lambda_max >= (H^3 L)^(1/4) = 1.3e154, and row 4 of "
          "A w = lambda w, (lambda - 1) w4 = L (w1 + w2 + w3) <= 3 L w1, puts w4 / w1 below 1.4e-462: no double holds "
          "that weight (the smallest is 4.9e-324). The weights cannot be computed: ITSS_EVALUE at the matrix "
          "(include/itss/quality.h), never null weights with success")
    write(F, 'accept-extreme-consistent', '{"labels": ["甲", "乙", "丙", "丁"],\n "matrix": '
          '[[1, 1, 1e308, 1e308],\n            [1, 1, 1e308, 1e308],\n'
          '            [1e-308, 1e-308, 1, 1],\n            [1e-308, 1e-308, 1, 1]]}\n',
          {"labels": ["甲", "乙", "丙", "丁"], "weights": [0.5, 0.5, 5e-309, 5e-309], "lambda_max": 4, "ci": 0,
           "cr": 0, "consistent": True},
          "a = b, c = d, a = 1e308 c: consistent (1e308 x 1e-308 = 1), so w = (1, 1, 1e-308, 1e-308) / (2 + 2e-308) "
          "= (1/2, 1/2, 5e-309, 5e-309), each row of A w is 4 w_i (lambda_max 4) and CI = CR = 0. Far apart but "
          "within the double range: weighed, not refused")


def main():
    clean()
    catalog()
    model()
    assessment()
    indicators()
    evaluation()
    ahp()
    total = 0
    for fmt, n in written.items():
        print('%-11s %4d cases' % (fmt, n))
        total += n
    print('%-11s %4d cases' % ('total', total))


if __name__ == '__main__':
    main()
