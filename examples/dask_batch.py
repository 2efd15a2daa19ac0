#!/usr/bin/env python3
"""Rate (or score) many documents on a Dask cluster of worker processes.

usage: dask_batch.py maturity [--model FILE] [--target N] [OPTIONS] INPUT...
       dask_batch.py quality [--catalog FILE | --catalog-add FILE] [OPTIONS] INPUT...

OPTIONS: --workers N (default 2), --partition N (documents per task,
default 200), -o FILE (default standard output).

Each INPUT is a JSON lines file (one document per line) or a directory
(each *.json file in it, by name, is one document). The output has one
line per document, in input order, the bytes ``itss maturity rate --jsonl``
(``itss quality score --jsonl``) writes: the compact result, or the error
object of a bad document with its line number as ``input_line`` (in a
directory, the file's position in name order). Messages go to standard
error; the exit status is 1 when a document failed, 2 for a usage error.

Workers are processes of a ``distributed.LocalCluster`` with one thread
each; every worker loads libitss once, when it first imports ``itss``, and
receives the model (or indicator catalog) once. Run it from a file, not
from standard input:

    python3 examples/dask_batch.py maturity --workers 4 batch.jsonl -o results.jsonl

From a libitss source checkout the binding is taken from
bindings/python; set ITSS_LIBRARY when the library is not installed.
"""

from __future__ import annotations

import argparse
import collections
import os
import pathlib
import sys
import warnings
from typing import Iterator, List, Optional, Tuple

try:
    import itss
except ImportError:  # a source checkout: the binding next door
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "bindings" / "python"))
    import itss
from itss import maturity, quality
from itss.cli import jsonl_lines

#: The largest document file read: one byte more than the library
#: accepts, so that it refuses a larger one (ITSS_ELIMIT).
MOST = 64 * 1024 * 1024 + 1
#: The error of an empty line, in the words of ``itss --lang en``.
EMPTY_LINE = "the line is empty: each line holds one JSON document"

# A partition: (documents, number of the first document) and what the
# writer needs to report on its input: (input name, last partition of it,
# documents of the input so far).
Part = Tuple[List[bytes], int]


# ---- on the workers ----------------------------------------------------------

def run_partition(engine, kind: str, docs: List[bytes], first: int,
                  target: Optional[int]) -> List[Tuple[str, Optional[str]]]:
    """Rate or score one partition; for each document (result line, None)
    or (error line, error message)."""
    out = []
    for n, doc in enumerate(docs, first):
        if len(doc) < MOST and not doc.strip(b" \t\r"):
            # an empty line, or one of blanks only: said as the itss tool says it
            e = itss.ItssError(EMPTY_LINE, code=-4, name="ITSS_EPARSE")
            out.append((e.render(n), e.render(n, "text")))
            continue
        try:
            if kind == "maturity":
                out.append((engine.rate_json(doc, target), None))
            else:
                out.append((engine.score_json(doc), None))
        except itss.ItssError as e:
            out.append((e.render(n), e.render(n, "text")))
    return out


# ---- on the client -------------------------------------------------------------

def lines_of(path: str) -> Iterator[bytes]:
    """The lines of a JSON lines file as the itss tool reads them."""
    with open(path, "rb") as f:
        yield from jsonl_lines(f)


def files_of(directory: str) -> Iterator[bytes]:
    for name in sorted(p for p in os.listdir(directory) if p.endswith(".json")):
        with open(os.path.join(directory, name), "rb") as f:
            yield f.read(MOST)


def partitions(inputs: List[str], size: int) -> Iterator[Tuple[Part, Tuple[str, bool, int]]]:
    for path in inputs:
        docs = files_of(path) if os.path.isdir(path) else lines_of(path)
        part: List[bytes] = []
        first = count = 1
        for doc in docs:
            part.append(doc)
            count += 1
            if len(part) == size:
                yield (part, first), (path, False, count - 1)
                part, first = [], count
        yield (part, first), (path, True, count - 1)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="rate or score documents on a Dask cluster")
    ap.add_argument("kind", choices=["maturity", "quality"])
    ap.add_argument("inputs", nargs="+", metavar="INPUT")
    ap.add_argument("--model", help="a maturity model file (default: the built-in one)")
    ap.add_argument("--target", type=int, help="the level whose gaps to list")
    ap.add_argument("--catalog", help="an indicator catalog used instead of the built-in one")
    ap.add_argument("--catalog-add", help="indicators added to the built-in ones")
    ap.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--partition", type=int, default=200, help="documents per task")
    ap.add_argument("-o", "--output", help="output file (default: standard output)")
    o = ap.parse_args(argv)
    if o.kind == "maturity" and (o.catalog or o.catalog_add):
        ap.error("--catalog and --catalog-add go with quality")
    if o.kind == "quality" and (o.model or o.target is not None):
        ap.error("--model and --target go with maturity")
    if o.catalog and o.catalog_add:
        ap.error("give --catalog or --catalog-add, not both")
    if o.workers < 1 or o.partition < 1:
        ap.error("--workers and --partition must be at least 1")
    for path in o.inputs:
        if not os.access(path, os.R_OK):
            print("dask_batch: cannot open %s" % path, file=sys.stderr)
            return 1

    file = o.model or o.catalog or o.catalog_add
    try:
        if o.kind == "maturity":
            engine = maturity.Model.load(o.model) if o.model else maturity.builtin()
        elif o.catalog:
            engine = quality.IndicatorCatalog.load(o.catalog)
        else:
            engine = quality.builtin().extend(o.catalog_add) if o.catalog_add \
                else quality.builtin()
    except itss.ItssError as e:
        print("dask_batch: %s:%s" % (file, e.render(0, "text")), file=sys.stderr)
        return 1
    if o.target is not None and not 1 <= o.target <= engine.levels:
        ap.error("--target %d: the model has levels 1 to %d" % (o.target, engine.levels))

    from dask.distributed import Client, LocalCluster  # only now: it takes a while
    # the documents go to the workers with their tasks, once each: meant
    warnings.filterwarnings("ignore", message="Large object of size", category=UserWarning)

    out = open(o.output, "wb") if o.output else sys.stdout.buffer
    failed_any = False
    with LocalCluster(n_workers=o.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        shared = client.scatter(engine, broadcast=True)  # once per worker
        window: collections.deque = collections.deque()
        failed = 0

        def write_oldest() -> None:
            nonlocal failed, failed_any
            future, (path, last, count) = window.popleft()
            for line, message in future.result():
                out.write(line.encode("utf-8") + b"\n")
                if message is not None:
                    failed += 1
                    print("dask_batch: %s:%s" % (path, message), file=sys.stderr)
            if last:
                if failed:
                    print("dask_batch: %d of %d lines failed" % (failed, count),
                          file=sys.stderr)
                    failed_any = True
                failed = 0

        for (docs, first), about in partitions(o.inputs, o.partition):
            window.append((client.submit(run_partition, shared, o.kind, docs, first, o.target,
                                         pure=False), about))
            if len(window) >= 4 * o.workers:  # bounded memory, input order
                write_oldest()
        while window:
            write_oldest()
    out.flush()
    if o.output:
        out.close()
    return 1 if failed_any else 0


if __name__ == "__main__":
    sys.exit(main())
