"""The built-in model rated from 8 threads at once gives identical results.

ctypes releases the GIL during each library call, so the threads really
run the C code concurrently on the shared, immutable built-in model.
"""

import json
import threading

from conftest import ROOT

from itss import classification, maturity, quality

THREADS = 8
ROUNDS = 25


def run_threads(work):
    """Start THREADS threads together; returns what each produced."""
    barrier = threading.Barrier(THREADS)
    results = [None] * THREADS
    failures = []

    def body(i):
        try:
            barrier.wait()
            results[i] = [work() for _ in range(ROUNDS)]
        except BaseException as exc:  # reported below, not lost in the thread
            failures.append(exc)

    threads = [threading.Thread(target=body, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures
    return results


def test_maturity_rating_from_8_threads():
    doc = json.loads((ROOT / "examples" / "assessment.json").read_text(encoding="utf-8"))
    expected = maturity.rate(doc)
    for per_thread in run_threads(lambda: maturity.rate(doc)):
        assert all(r == expected for r in per_thread)


def test_quality_scoring_and_lookup_from_8_threads():
    doc = json.loads((ROOT / "examples" / "evaluation.json").read_text(encoding="utf-8"))
    expected = (quality.score(doc), classification.lookup("040201"))
    for per_thread in run_threads(lambda: (quality.score(doc), classification.lookup("040201"))):
        assert all(r == expected for r in per_thread)


def test_first_use_race_on_a_fresh_interpreter():
    """The package wraps the built-in objects on first use; 8 threads asking
    for them at once in a new process all get the same answer."""
    import subprocess
    import sys

    code = (
        "import sys, threading; sys.path.insert(0, %r)\n"
        "from itss import maturity\n"
        "b = threading.Barrier(8); out = []\n"
        "def f():\n"
        "    b.wait(); out.append(maturity.rate({'ratings': {'6.1.1.a': 'met'}})['levels'][0]['fully'])\n"
        "ts = [threading.Thread(target=f) for _ in range(8)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "print(out)\n" % str(ROOT / "bindings" / "python"))
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == str([1] * 8)
