"""Objects and errors of the package pickle, so that processes and
clusters (multiprocessing, Dask) can pass them: errors with every
attribute, the built-in objects by name, loaded objects as their
documents, maturity results by their assessment."""

import os
import pickle
import subprocess
import sys

import pytest

from conftest import ROOT

import itss
from itss import _lib, classification, maturity, quality

PACKAGE = ROOT / "bindings" / "python"
EX = ROOT / "examples"


def roundtrip(obj):
    return pickle.loads(pickle.dumps(obj))


def in_another_process(obj, code):
    """Unpickle obj in a fresh interpreter (the library at another address)
    and print eval(code) with the object as ``x``."""
    prog = "import pickle, sys; x = pickle.loads(sys.stdin.buffer.read()); print(repr((%s)))" % code
    p = subprocess.run([sys.executable, "-c", prog], input=pickle.dumps(obj),
                       capture_output=True, timeout=120,
                       env=dict(os.environ, PYTHONPATH=str(PACKAGE),
                                ITSS_LIBRARY=str(_lib.lib._name)))
    assert p.returncode == 0, p.stderr.decode()
    return p.stdout.decode("utf-8").strip()


def failure(fn, *args):
    with pytest.raises(itss.ItssError) as info:
        fn(*args)
    return info.value


ERRORS = [
    lambda: failure(maturity.rate, '{"ratings": {"6.1.1.a": "X"}}'),  # located in a document
    lambda: failure(classification.lookup, "0407"),                  # not about a document
    lambda: failure(maturity.rate, str(EX / "no-such-file.json")),
    lambda: failure(quality.ahp, [[1, 9, 9], [1 / 9, 1, 9], [1 / 9, 1 / 9, 1]]),
]


@pytest.mark.parametrize("make", ERRORS, ids=["value", "notfound", "io", "consistency"])
def test_errors_keep_class_and_every_attribute(make):
    e = make()
    back = roundtrip(e)
    assert type(back) is type(e)
    for attr in ("code", "name", "message", "path", "line", "column", "position"):
        assert getattr(back, attr) == getattr(e, attr), attr
    assert str(back) == str(e) and back.args == e.args
    assert back.render(7) == e.render(7)
    shown = in_another_process(e, "type(x).__name__, x.code, x.path, x.line, x.column")
    assert shown == str((type(e).__name__, e.code, e.path, e.line, e.column))


def test_loading_errors_pickle():
    for cls in (itss.LibraryNotFoundError, itss.LibraryVersionError):
        back = roundtrip(cls("cannot load libitss"))
        assert type(back) is cls and str(back) == "cannot load libitss"


def test_builtins_unpickle_as_the_builtins():
    for obj in (maturity.builtin(), quality.builtin(), classification.builtin()):
        assert roundtrip(obj) is obj
    # in another process: that process's own built-in objects
    assert in_another_process(maturity.builtin(), "x.id, x.levels") == "('tcesa1299-2023', 5)"
    assert in_another_process(classification.builtin(), "len(x)") == str(
        len(classification.builtin()))


def test_loaded_objects_travel_as_their_documents():
    with maturity.Model.load(maturity.model()) as m:
        back = roundtrip(m)
        assert back is not m and back.export() == m.export()
        back.close()
    doc = {"indicators": [{"id": "change_success_rate", "subcharacteristic": "completeness",
                           "name": {"zh": "变更成功率", "en": "Change success rate"},
                           "method": "ratio", "polarity": "positive",
                           "a": {"zh": "成功的变更数", "en": "successful changes"},
                           "b": {"zh": "变更总数", "en": "changes"}}]}
    with quality.builtin().extend(doc) as cat:
        back = roundtrip(cat)
        assert back.ids() == cat.ids() and back.ids()[-1] == "change_success_rate"
        assert in_another_process(cat, "x.ids()[-1], len(x)") == str(
            ("change_success_rate", len(cat)))
    with classification.Catalog.load(classification.export()) as c:
        back = roundtrip(c)
        assert back.export() == c.export()
        assert [x.id for x in back.crosswalks()] == [x.id for x in c.crosswalks()]


def test_closed_objects_refuse():
    m = maturity.Model.load(maturity.model())
    r = m.assess({"ratings": {}})
    m.close()
    for obj in (m, r):
        with pytest.raises(ValueError, match="closed"):
            pickle.dumps(obj)


@pytest.mark.parametrize("source", ["dict", "text", "bytes", "path"])
def test_results_rate_again_to_the_same_result(source):
    path = EX / "assessment.json"
    doc = {"dict": lambda: __import__("json").loads(path.read_text(encoding="utf-8")),
           "text": lambda: path.read_text(encoding="utf-8"),
           "bytes": path.read_bytes, "path": lambda: path}[source]()
    r = maturity.assess(doc, target=4)
    back = roundtrip(r)
    assert back.to_dict() == r.to_dict()
    assert (back.level, back.target, back.gaps()) == (r.level, r.target, r.gaps())
    assert back._model is maturity.builtin()
    assert in_another_process(r, "x.level, x.target, len(x.gaps())") == str(
        (r.level, r.target, len(r.gaps())))


def test_result_of_a_loaded_model_carries_the_model():
    with maturity.Model.load(maturity.model()) as m:
        r = m.assess(EX / "assessment.json")
        back = roundtrip(r)
        assert back._model is not m and back._model.export() == m.export()
        assert back.to_dict() == r.to_dict()


def test_result_of_a_changed_file_refuses(tmp_path):
    f = tmp_path / "a.json"
    f.write_text('{"ratings": {}}', encoding="utf-8")
    r = maturity.assess(f)
    assert roundtrip(r).level == 0
    # now every level-1 clause is met: the file no longer gives the result
    clauses = [c["id"] for c in maturity.clauses(level=1)]
    f.write_text(__import__("json").dumps({"ratings": {c: "met" for c in clauses}}),
                 encoding="utf-8")
    with pytest.raises(pickle.PicklingError, match="changed since it was rated"):
        pickle.dumps(r)
    f.unlink()
    with pytest.raises(itss.FileError):
        pickle.dumps(r)


def test_plain_results_pickle():
    c = classification.lookup("040201")
    assert roundtrip(c) == c and roundtrip(c).to_dict() == c.to_dict()
    v = classification.validate("0407")
    assert roundtrip(v) == v
    m = classification.map("gbt4754", "040201")
    assert m and roundtrip(m) == m
