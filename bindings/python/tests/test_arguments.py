"""Arguments the binding hands to C: integers, strings and paths with a NUL,
and documents nested deeper than Python's recursion allows.

The rules under test (docs/python.md, "Arguments"):
- an integer argument is an int (or has __index__); bool, float and str
  raise TypeError;
- an int outside the range the argument documents raises itss.ArgumentError
  (a ValueError), whatever C type it would have been passed as, so no
  value reaches the library truncated;
- a str or path containing U+0000 raises itss.ArgumentError saying
  "embedded null byte";
- a dict or list nested deeper than the library's limit (2,048 levels,
  docs/security.md) raises itss.LimitError; one within the limit reaches the
  library however deep Python's own JSON encoder can go.
"""

import json
import os
import pathlib
import sys

import pytest

import itss
from itss import _lib, classification, maturity, quality

from conftest import ROOT

EXAMPLE_ASSESSMENT = ROOT / "examples" / "assessment.json"
EXAMPLE_EVALUATION = ROOT / "examples" / "evaluation.json"

# T/CESA 1299-2023 has 5 levels (docs/maturity.md); item numbers of any
# model are 1..1,000,000 (docs/maturity.md, "domain and item numbers").
LEVELS = 5
MAX_ITEM = 1_000_000

# Values beyond a C int (32 bits) and beyond 64 bits. 2**32 + 3 and 10**20
# are the ones a silent conversion turns into 3 and 1661992960
# (10**20 mod 2**32 = 1661992960, taken as a signed 32-bit int).
BEYOND_C = [2 ** 31, 2 ** 32 + 3, -2 ** 31 - 1, 10 ** 20, -10 ** 20, 2 ** 64 + 1]


@pytest.fixture(scope="module")
def result():
    with maturity.assess(EXAMPLE_ASSESSMENT) as r:
        yield r


def _integer_arguments(result):
    """(name, call taking the value, lowest and highest accepted value)."""
    empty = {"ratings": {}}
    return [
        ("rate target", lambda v: maturity.rate(empty, target=v), 1, LEVELS),
        ("assess target", lambda v: maturity.assess(empty, target=v).close(), 1, LEVELS),
        ("report target", lambda v: maturity.report(empty, target=v), 1, LEVELS),
        ("rate target of a path", lambda v: maturity.rate(EXAMPLE_ASSESSMENT, target=v),
         1, LEVELS),
        ("clauses level", lambda v: maturity.clauses(level=v), 0, LEVELS),
        ("clauses item", lambda v: maturity.clauses(item=v), 0, MAX_ITEM),
        ("coverage level", lambda v: result.coverage(level=v), 0, LEVELS),
        ("coverage level of a domain", lambda v: result.coverage("process", v), 0, LEVELS),
    ]


def _ids(cases):
    return [c[0] for c in cases]


@pytest.mark.parametrize("value", BEYOND_C)
def test_integers_beyond_the_c_type_are_refused(result, value):
    for name, call, _, _ in _integer_arguments(result):
        with pytest.raises(itss.ArgumentError) as info:
            call(value)
        assert str(value) in str(info.value), name


def test_integers_just_outside_the_documented_range_are_refused(result):
    for name, call, low, high in _integer_arguments(result):
        for value in (low - 1, high + 1):
            with pytest.raises(itss.ArgumentError) as info:
                call(value)
            msg = str(info.value)
            assert str(value) in msg and "%d..%d" % (low, high) in msg, (name, msg)


def test_integers_at_the_ends_of_the_range_are_accepted(result):
    for name, call, low, high in _integer_arguments(result):
        if name == "clauses item":
            continue  # items the model lacks are NotFoundError: below
        call(low)
        call(high)
    # item 0 selects every item; 1,000,000 is a possible item number that
    # T/CESA 1299-2023 (48 items) does not have: the library looks it up
    assert len(maturity.clauses(item=0)) == 519
    with pytest.raises(itss.NotFoundError, match="1000000"):
        maturity.clauses(item=MAX_ITEM)


# Targets and the levels of clauses and coverage also take a level's text (its ordinal,
# name or label): "2" is level 2 there, and only the other arguments refuse
# it.
TEXT_LEVELS = ("rate target", "assess target", "report target", "rate target of a path",
               "clauses level", "coverage level", "coverage level of a domain")


@pytest.mark.parametrize("value", [True, False, 2.0, "2", b"2", 1 + 0j])
def test_non_integers_are_a_type_error(result, value):
    for name, call, _, _ in _integer_arguments(result):
        if value == "2" and name in TEXT_LEVELS:
            continue
        with pytest.raises(TypeError):
            call(value)


def test_level_texts_are_levels(result):
    for name in TEXT_LEVELS:
        call = dict((n, c) for n, c, _, _ in _integer_arguments(result))[name]
        call("2")
        call("拓展级")  # T/CESA 1299-2023: level 2 is 拓展级 (ITSS 三级)
        with pytest.raises(itss.NotFoundError):
            call("六级")


def test_integer_like_values_are_accepted():
    class Level:
        def __index__(self):
            return 2

    assert maturity.rate({"ratings": {}}, target=Level())["gaps"]["target"] == 2
    assert maturity.clauses(level=Level()) == maturity.clauses(level=2)


def test_error_render_input_line_is_range_checked():
    e = itss.InvalidValueError("x", code=-6, name="ITSS_EVALUE")
    size_max = 2 ** (8 * _lib.ctypes.sizeof(_lib.c_size_t)) - 1
    assert "42" in _lib.error_render(e, 42, _lib.FORMAT_TEXT)
    for bad in (-1, size_max + 1, 2 ** 64 + 42):
        with pytest.raises(itss.ArgumentError):
            _lib.error_render(e, bad, _lib.FORMAT_TEXT)
    with pytest.raises(TypeError):
        _lib.error_render(e, True, _lib.FORMAT_TEXT)


# ---- NUL in strings and paths -------------------------------------------------

def _string_arguments(result):
    """Every str argument that is passed to C, as (name, call)."""
    return [
        ("lookup", classification.lookup),
        ("validate", classification.validate),
        ("is_valid", classification.is_valid),
        ("search", classification.search),
        ("children", classification.children),
        ("ancestors", classification.ancestors),
        ("descendants", classification.descendants),
        ("tree", classification.tree),
        ("export", classification.export),
        ("map crosswalk", lambda s: classification.map(s, "040201")),
        ("map code", lambda s: classification.map("gbt4754", s)),
        ("clause", maturity.clause),
        ("clauses domain", lambda s: maturity.clauses(domain=s)),
        ("report lang", lambda s: maturity.report(EXAMPLE_ASSESSMENT, lang=s)),
        ("domain_level", result.domain_level),
        ("clause_status", result.clause_status),
        ("coverage domain", result.coverage),
        ("result report lang", result.report),
        ("indicators service", quality.indicators),
        ("scheme service", quality.scheme),
        ("quality report lang", lambda s: quality.report(EXAMPLE_EVALUATION, lang=s)),
    ]


def test_nul_in_a_string_argument_is_refused(result):
    for name, call in _string_arguments(result):
        # a valid prefix: C reading up to the NUL would find it
        for value in ("04\x00", "process\x00x", "zh\x00", "7.4.4.c\x00", "\x00"):
            with pytest.raises(itss.ArgumentError, match="embedded null byte") as info:
                call(value)
            assert isinstance(info.value, ValueError), name


class _FsPath:
    """An os.PathLike that is not a pathlib path."""

    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


def _path_loaders():
    return [
        ("maturity.rate", maturity.rate),
        ("maturity.assess", lambda p: maturity.assess(p).close()),
        ("maturity.report", maturity.report),
        ("Model.load", maturity.Model.load),
        ("Catalog.load", classification.Catalog.load),
        ("IndicatorCatalog.load", quality.IndicatorCatalog.load),
        ("extend", quality.builtin().extend),
        ("quality.score", quality.score),
        ("quality.score catalog", lambda p: quality.score(EXAMPLE_EVALUATION, catalog=p)),
        ("quality.compare", lambda p: quality.compare([p, p])),
        ("quality.ahp", quality.ahp),
    ]


@pytest.mark.parametrize("wrap", [str, pathlib.PurePosixPath, _FsPath, os.fsencode],
                         ids=["str", "pathlib", "PathLike", "PathLike-bytes"])
def test_nul_in_a_path_is_refused(wrap):
    # the part before the NUL names a file that exists: a C string would stop
    # there and read it
    for target in (EXAMPLE_ASSESSMENT, EXAMPLE_EVALUATION):
        raw = str(target) + "\x00junk"
        value = _FsPath(os.fsencode(raw)) if wrap is os.fsencode else wrap(raw)
        for name, call in _path_loaders():
            with pytest.raises(itss.ArgumentError, match="embedded null byte") as info:
                call(value)
            assert "junk" in str(info.value), name


def test_path_like_documents_are_read():
    by_str = maturity.rate(str(EXAMPLE_ASSESSMENT))
    assert maturity.rate(_FsPath(str(EXAMPLE_ASSESSMENT))) == by_str
    assert maturity.rate(_FsPath(os.fsencode(str(EXAMPLE_ASSESSMENT)))) == by_str
    assert quality.score(_FsPath(str(EXAMPLE_EVALUATION))) == quality.score(EXAMPLE_EVALUATION)


def test_nul_inside_a_document_is_the_library_s_located_error():
    # a NUL inside JSON text is passed with its length: the library locates it
    with pytest.raises(itss.ParseError) as info:
        maturity.rate('{"ratings": {"6.1.1.a": "met\x00"}}')
    assert info.value.line == 1
    with pytest.raises(itss.ParseError):
        maturity.rate({"ratings": {"6.1.1.a\x00": "met"}})


# ---- nesting ----------------------------------------------------------------------

LIMIT = 2048  # docs/security.md: arrays and objects nest at most 2,048 levels


def _nested(k, leaf=1, key="a"):
    """{"ratings": {"a": {"a": ... leaf}}} with k objects under "ratings".
    The document is level 1, "ratings"'s value level 2, the k-th object
    level k + 1 and the leaf level k + 2."""
    inner = leaf
    for _ in range(k):
        inner = {key: inner}
    return {"ratings": inner}


def _nested_text(k, leaf="1"):
    return '{"ratings":' + '{"a":' * k + leaf + "}" * k + "}"


def _raised(call, *args):
    with pytest.raises(itss.ItssError) as info:
        call(*args)
    return info.value


def test_5000_deep_dict_is_a_limit_error():
    e = _raised(maturity.rate, _nested(5000))
    assert isinstance(e, itss.LimitError) and e.name == "ITSS_ELIMIT"
    assert "nested too deeply" in e.message and "2048" in e.message
    # the first value beyond level 2048: the leaf is at 5002, the object at
    # level 2049 is the one under 2047 "a" keys (levels 2 .. 2048 hold the
    # ratings object and the next 2046)
    assert e.path == "/ratings" + "/a" * 2047


def test_5000_deep_list_is_a_limit_error():
    deep = [1]
    for _ in range(4999):
        deep = [deep]
    for call in (maturity.rate, quality.score, quality.ahp, classification.Catalog.load):
        e = _raised(call, {"x": deep})
        assert isinstance(e, itss.LimitError)
        assert e.path == "/x" + "/0" * 2047
    e = _raised(quality.ahp, deep)
    assert isinstance(e, itss.LimitError)


def _same_error(a, b):
    return (type(a), a.message, a.path, a.line, a.column) == (
        type(b), b.message, b.path, b.line, b.column)


@pytest.mark.parametrize("k", [1100, 1500, LIMIT - 2])
def test_deep_dicts_within_the_limit_reach_the_library(k):
    # deeper than Python's own encoder goes with the default recursion
    # limit (1000), within the library's: the library rejects the unknown
    # clause "a", exactly as for the same text given as a string
    from_dict = _raised(maturity.rate, _nested(k))
    from_text = _raised(maturity.rate, _nested_text(k))
    assert isinstance(from_dict, itss.NotFoundError) and from_dict.path == "/ratings/a"
    assert _same_error(from_dict, from_text)


def test_the_binding_and_the_library_agree_on_the_limit():
    # leaf at level 2048: accepted by both; at 2049: refused by both
    k = LIMIT - 2
    assert not isinstance(_raised(maturity.rate, _nested_text(k)), itss.LimitError)
    assert not isinstance(_raised(maturity.rate, _nested(k)), itss.LimitError)
    assert isinstance(_raised(maturity.rate, _nested_text(k + 1)), itss.LimitError)
    e = _raised(maturity.rate, _nested(k + 1))
    assert isinstance(e, itss.LimitError) and e.path == "/ratings" + "/a" * (k + 1)
    # an empty object at level 2048 holds nothing deeper: accepted by both
    empty_text = _raised(maturity.rate, _nested_text(k, leaf="{}"))
    empty_dict = _raised(maturity.rate, _nested(k, leaf={}))
    assert _same_error(empty_text, empty_dict)
    assert not isinstance(empty_dict, itss.LimitError)


def test_limit_error_path_escapes_keys():
    e = _raised(maturity.rate, _nested(3000, key="a/~b"))
    assert e.path == "/ratings" + "/a~1~0b" * 2047


def test_deep_serialisation_is_the_compact_json():
    # the text made for a deep document equals json.dumps's, computed here
    # with a recursion limit high enough for it
    leaf = {"s": "名称\u2028\"\\", "f": 0.1, "big": 10 ** 30, "t": True, "n": None,
            "l": [1.5, -0.0, (1, 2), []], 1: "int key", 2.5: "float key", None: "null key",
            False: "bool key", "e": {}}
    doc = leaf
    for i in range(1200):
        doc = {"k%d" % (i % 3): doc, "i": i} if i % 2 else [doc, i]
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(10000)
    try:
        want = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    finally:
        sys.setrecursionlimit(old)
    text, path = _lib.document(doc, "document")
    assert path is None and text == want.encode("utf-8")


def test_deep_documents_with_bad_values_are_argument_errors():
    for leaf in (float("nan"), object(), {(1, 2): 3}):
        with pytest.raises(itss.ArgumentError, match="cannot be written as JSON"):
            maturity.rate(_nested(1500, leaf=leaf))
    # a cycle far down: Python's encoder gives up on the depth first
    doc = _nested(1500)
    inner = doc["ratings"]
    for _ in range(1499):
        inner = inner["a"]
    inner["a"] = doc["ratings"]
    with pytest.raises(itss.ArgumentError, match="[Cc]ircular"):
        maturity.rate(doc)
