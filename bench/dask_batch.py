#!/usr/bin/env python3
"""Throughput of a maturity batch by way of running it: the itss tool's
--jsonl batch (the baseline), the Python binding in one thread, in two
threads, in two processes (multiprocessing) and on a Dask LocalCluster of
two worker processes. Every variant rates the same generated assessments,
and its output is checked against the tool's; each is reported in
assessments per second and as a ratio against the tool in the same run.

usage: bench/dask_batch.py [N] [--itss PATH] [--library PATH]
       (N assessments, default 4000; defaults: build/tools/itss and
       build/lib/libitss.so.1; run from a file: Dask needs it)
"""

import argparse
import concurrent.futures
import multiprocessing
import os
import pathlib
import subprocess
import sys
import time
import warnings

ROOT = pathlib.Path(__file__).resolve().parent.parent
PART = 200  # assessments per task for threads, processes and Dask


def best(fn, runs=3):
    """Best wall-clock time of fn() in seconds, and its last result."""
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def chunks(lines):
    return [(lines[i:i + PART], i + 1) for i in range(0, len(lines), PART)]


def rate_chunk(args):
    """One chunk in this process: its output lines (errors rendered as the
    tool renders them)."""
    import dask_batch  # examples/
    from itss import maturity
    docs, first = args
    return [line for line, _ in dask_batch.run_partition(maturity.builtin(), "maturity", docs,
                                                          first, None)]


def joined(parts):
    return "".join(line + "\n" for part in parts for line in part).encode("utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=4000)
    ap.add_argument("--itss", default=str(ROOT / "build" / "tools" / "itss"))
    ap.add_argument("--library", default=str(ROOT / "build" / "lib" / "libitss.so.1"))
    o = ap.parse_args()
    os.environ["ITSS_LIBRARY"] = o.library
    sys.path[:0] = [str(ROOT / "examples"), str(ROOT / "bindings" / "python")]

    gen = subprocess.run([sys.executable, str(ROOT / "bench" / "gen_assessments.py"),
                          str(ROOT / "data" / "tcesa1299-2023.json"), str(o.n)],
                         capture_output=True, check=True)
    data = gen.stdout
    lines = data.split(b"\n")[:-1]
    path = pathlib.Path(os.environ.get("TMPDIR", "/tmp")) / ("itss-bench-%d.jsonl" % os.getpid())
    path.write_bytes(data)
    try:
        run(o, lines, path)
    finally:
        path.unlink()


def run(o, lines, path):
    import itss
    with open("/proc/cpuinfo") as f:
        cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), "?")
    print("machine: %d cores, %s; load average %s at the start"
          % (os.cpu_count(), cpu, " ".join("%.1f" % x for x in os.getloadavg())))
    print("libitss %s, %s; %d assessments (%d bytes), tasks of %d"
          % (itss.version(), time.strftime("%Y-%m-%d"), len(lines), path.stat().st_size, PART))
    results = []

    def report(name, seconds, out, workers, want):
        if want is not None and out != want:
            sys.exit("%s: the output differs from the tool's" % name)
        rate = len(lines) / seconds
        results.append((name, seconds, rate, workers))

    def tool(out):
        return subprocess.run([o.itss, "maturity", "rate", "--jsonl", str(path)], stdout=out,
                              stderr=subprocess.DEVNULL, check=True).stdout
    want = tool(subprocess.PIPE)
    t, _ = best(lambda: tool(subprocess.DEVNULL))  # the output written, not kept
    report("itss maturity rate --jsonl (1 process)", t, want, 1, None)

    parts = chunks(lines)
    t, out = best(lambda: joined(rate_chunk(p) for p in parts))
    report("Python, 1 thread", t, out, 1, want)

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        t, out = best(lambda: joined(pool.map(rate_chunk, parts)))
    report("Python, 2 threads", t, out, 2, want)

    ctx = multiprocessing.get_context("spawn")
    t0 = time.perf_counter()
    with ctx.Pool(2) as pool:
        pool.map(rate_chunk, parts[:2])  # started and warm
        start = time.perf_counter() - t0
        t, out = best(lambda: joined(pool.imap(rate_chunk, parts)))
    report("Python, 2 processes (multiprocessing)", t, out, 2, want)
    print("(starting the 2 processes: %.2f s)" % start)

    from dask.distributed import Client, LocalCluster
    warnings.filterwarnings("ignore", message="Large object of size", category=UserWarning)
    t0 = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        client.gather(client.map(rate_chunk, parts[:2], pure=False))  # started and warm
        start = time.perf_counter() - t0
        t, out = best(lambda: joined(client.gather(client.map(rate_chunk, parts, pure=False))))
    report("Dask LocalCluster, 2 workers", t, out, 2, want)
    print("(starting the cluster: %.2f s)" % start)

    env = dict(os.environ)
    t, out = best(lambda: subprocess.run(
        [sys.executable, str(ROOT / "examples" / "dask_batch.py"), "maturity", "--workers", "2",
         str(path)], capture_output=True, check=True, env=env).stdout, runs=1)
    report("examples/dask_batch.py, 2 workers, start included", t, out, 2, want)

    print("load average %s at the end" % " ".join("%.1f" % x for x in os.getloadavg()))
    base = results[0][2]
    print()
    print("%-52s %8s %10s %10s %8s" % ("variant", "s", "assess./s", "per core", "ratio"))
    for name, seconds, rate, workers in results:
        print("%-52s %8.2f %10.0f %10.0f %7.2fx"
              % (name, seconds, rate, rate / workers, rate / base))


if __name__ == "__main__":
    main()
