"""Shared by the generators of tests/cases: the § marker and the case files.

A generator writes a document with one § where the error is expected; the
marker is removed and the expected line, column (in code points, from 1) and
byte position are computed here from where it stood, independently of
libitss's own locating code.
"""
import json
import os

MARK = '§'


def encode(text):
    """UTF-8, with raw bytes (surrogate escapes) written as they are."""
    return text.encode('utf-8', 'surrogateescape')


def locate(text):
    """Remove the marker; return (bytes, {line, column, position} or None)."""
    n = text.count(MARK)
    assert n <= 1, 'more than one marker'
    if n == 0:
        return encode(text), None
    i = text.index(MARK)
    before = text[:i]
    last = before[before.rfind('\n') + 1:]
    assert not any(0xDC80 <= ord(ch) <= 0xDCFF for ch in last), 'raw byte before the marker'
    loc = {"line": before.count('\n') + 1, "column": len(last) + 1,
           "position": len(encode(before))}
    return encode(before + text[i + 1:]), loc


def write_json(path, obj):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write('\n')


def write_case(d, inp, exp, files=None):
    """The case directory d: input.json, expected.json and the documents in
    files (name: text). A marker in a document adds its location to
    exp["error"]."""
    os.makedirs(d, exist_ok=True)
    for fn, text in (files or {}).items():
        raw, loc = locate(text)
        if loc:
            exp["error"].update(loc)
        with open(os.path.join(d, fn), 'wb') as f:
            f.write(raw)
    write_json(os.path.join(d, "input.json"), inp)
    write_json(os.path.join(d, "expected.json"), exp)
