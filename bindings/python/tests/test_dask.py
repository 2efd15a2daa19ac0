"""The binding on a Dask cluster of worker processes: results and errors
travel between processes, each worker loads libitss once, and
examples/dask_batch.py writes exactly what the itss tool's --jsonl batch
writes, in input order, error lines included."""

import json
import os
import random
import subprocess
import sys

import pytest

from conftest import ROOT, SANITIZED

import itss
from itss import _lib, maturity, quality

EX = ROOT / "examples"
SCRIPT = EX / "dask_batch.py"

def dask_ok():
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        return str(exc)
    return ""


DASK_MISSING = dask_ok()
skip_no_dask = pytest.mark.skipif(bool(DASK_MISSING), reason="dask or distributed cannot be "
                                  "imported (%s)" % DASK_MISSING)
pytestmark = pytest.mark.filterwarnings(  # the event loop of distributed 2022.12
    "ignore:make_current is deprecated:DeprecationWarning")
plain = pytest.mark.skipif(SANITIZED, reason="the workers are plain interpreters")


# ---- the JSON text of one document, without Dask --------------------------------

def c_jsonl(c_cli, area, data, *options):
    """The tool's batch, its error objects in English as the example's."""
    p = subprocess.run([c_cli, *area.split(), "--jsonl", "-", "--lang", "en", *options],
                       input=data,
                       capture_output=True, timeout=300)
    return p.returncode, p.stdout


def test_rate_json_and_error_render_are_the_tools_bytes(c_cli):
    good = (EX / "assessment.json").read_bytes()
    bad = b'{"ratings": {"6.1.1.a": "X"}}'
    line = b" ".join(good.split())  # one line; same document
    _, want = c_jsonl(c_cli, "maturity rate", line + b"\n" + bad + b"\n", "--target", "4")
    first, second = want.decode("utf-8").splitlines()
    assert maturity.builtin().rate_json(line, 4) == first
    assert maturity.builtin().rate_json(good, 4) == first  # whitespace aside, the same
    with pytest.raises(itss.InvalidValueError) as info:
        maturity.builtin().rate_json(bad)
    assert info.value.render(2) == second
    assert json.loads(second)["error"]["input_line"] == 2


def test_score_json_is_the_tools_bytes(c_cli):
    line = b" ".join((EX / "evaluation.json").read_bytes().split())
    _, want = c_jsonl(c_cli, "quality score", line + b"\n")
    assert quality.builtin().score_json(line) + "\n" == want.decode("utf-8")


# ---- on a cluster ----------------------------------------------------------------

def where_loaded(_):
    """(process id, identity of the loaded library) in a worker."""
    return os.getpid(), id(_lib.lib), _lib.lib._handle


def assess(doc):
    return maturity.assess(doc)


def rate_bad(doc):
    return maturity.rate(doc)


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@skip_no_dask
@plain
def test_library_loaded_once_per_worker(client):
    seen = client.gather(client.map(where_loaded, range(40), pure=False))
    by_pid = {}
    for pid, lib_id, handle in seen:
        by_pid.setdefault(pid, set()).add((lib_id, handle))
    # 40 tasks on 2 worker processes (not this one); in each process every
    # task saw the one library object loaded when itss was first imported
    assert len(by_pid) == 2 and os.getpid() not in by_pid
    assert all(len(loads) == 1 for loads in by_pid.values()), by_pid


@skip_no_dask
@plain
def test_results_and_errors_come_back(client):
    doc = json.loads((EX / "assessment.json").read_text(encoding="utf-8"))
    here = maturity.assess(doc)
    there = client.submit(assess, doc).result()
    assert there.to_dict() == here.to_dict() and there.level == here.level
    future = client.submit(rate_bad, '{"ratings": {"6.1.1.a": "X"}}')
    with pytest.raises(itss.InvalidValueError) as info:
        future.result()
    e = info.value
    assert (e.code, e.name, e.path, e.line, e.column, e.position) == \
        (-6, "ITSS_EVALUE", "/ratings/6.1.1.a", 1, 25, 24)  # "X" begins at byte 24
    # a Result made here is rated again on a worker
    level = client.submit(lambda r: r.level, here).result()
    assert level == here.level


# ---- examples/dask_batch.py ------------------------------------------------------

def batch_input(n, seed):
    """n generated assessments with bad lines among them: an unknown
    rating, an empty line, CRLF line ends, not JSON, a number for the
    ratings, and a last line without a line end."""
    model = json.loads((ROOT / "data" / "tcesa1299-2023.json").read_text(encoding="utf-8"))
    rnd = random.Random(seed)
    lines = []
    for k in range(n):
        ratings = {c["id"]: rnd.choice(["F", "L", "P", "N", 90, 40])
                   for c in model["clauses"] if c["level"] <= 3 or rnd.random() < 0.3}
        lines.append(json.dumps({"id": "A-%d" % k, "ratings": ratings}, ensure_ascii=False,
                                separators=(",", ":")).encode("utf-8"))
    lines[3] = b'{"ratings": {"6.1.1.a": "X"}}'
    lines[10] = b""
    lines[11] = lines[11] + b"\r"
    lines[n // 2] = b"not json"
    lines[n - 5] = b'{"ratings": 5}'
    return b"\n".join(lines)  # no line end after the last


def run_example(*args, cwd):
    env = dict(os.environ, ITSS_LIBRARY=str(_lib.lib._name))
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True,
                          timeout=180, cwd=cwd, env=env)


@skip_no_dask
@plain
def test_example_matches_the_tool_on_jsonl_files(tmp_path, c_cli):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_bytes(batch_input(130, 1))
    b.write_bytes(batch_input(130, 2) + b"\n")
    want = b""
    for f in (a, b):  # the tool on each file in turn
        rc, out = c_jsonl(c_cli, "maturity rate", f.read_bytes(), "--target", "3")
        assert rc == 1
        want += out
    assert want.count(b"\n") == 260 and want.count(b'"input_line"') == 8
    p = run_example("maturity", "--workers", "2", "--partition", "16", "--target", "3",
                    str(a), str(b), "-o", str(tmp_path / "out.jsonl"), cwd=tmp_path)
    assert p.returncode == 1, p.stderr.decode()
    assert (tmp_path / "out.jsonl").read_bytes() == want
    err = p.stderr.decode("utf-8")
    assert "%s:4:1:25: unknown rating" % a in err and "4 of 130 lines failed" in err


@skip_no_dask
@plain
def test_example_on_a_directory_and_on_quality(tmp_path, c_cli):
    # a directory: its n-th file (by name) plays the part of line n
    lines = batch_input(40, 3).split(b"\n")
    d = tmp_path / "docs"
    d.mkdir()
    for k, line in enumerate(lines):
        (d / ("%03d.json" % k)).write_bytes(line.rstrip(b"\r"))
    (d / "notes.txt").write_text("not an assessment")
    rc, want = c_jsonl(c_cli, "maturity rate", b"\n".join(lines))
    p = run_example("maturity", "--workers", "2", "--partition", "7", str(d), cwd=tmp_path)
    assert p.returncode == rc == 1, p.stderr.decode()
    assert p.stdout == want and want.count(b"\n") == 40

    evaluation = b" ".join((EX / "evaluation.json").read_bytes().split())
    ev = tmp_path / "e.jsonl"
    ev.write_bytes(b"\n".join([evaluation] * 30 + [b'{"service": "04", "measurements": 5}']
                              + [evaluation] * 9) + b"\n")
    rc, want = c_jsonl(c_cli, "quality score", ev.read_bytes())
    p = run_example("quality", "--workers", "2", "--partition", "8", str(ev), cwd=tmp_path)
    assert p.returncode == rc == 1, p.stderr.decode()
    assert p.stdout == want and want.count(b"\n") == 40
