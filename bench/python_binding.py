#!/usr/bin/env python3
"""Rate a batch of assessments through the Python binding and through a
plain pure-Python implementation of the same rules (bench/pure_rater.py),
in the same process, on the same JSON lines; report the time of each and
their ratio. Both start from the JSON text of each line. The two must
agree on every level, domain level and gap, or the run fails.

usage: python_binding.py BATCH.jsonl MODEL.json
(with PYTHONPATH=bindings/python and ITSS_LIBRARY set, as bench/run does)
"""

import json
import os
import sys
import time
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pure_rater import PureRater  # noqa: E402

from itss import maturity  # noqa: E402

# the measured path is the dict of the JSON export, which the deprecated
# rate() still returns
warnings.filterwarnings("ignore", "maturity.rate returns a dict", DeprecationWarning)


def best_of(runs, fn):
    best = None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    return best, out


def summary(result):
    """The binding's result reduced to what the pure rater computes."""
    gaps = result["gaps"]
    return {"level": result["level"],
            "domains": {d["id"]: d["level"] for d in result["domains"]},
            "target": gaps["target"] if gaps else 0,
            "gaps": [(g["id"], g["required"]) for g in gaps["clauses"]] if gaps else []}


def main():
    batch, model_path = sys.argv[1], sys.argv[2]
    with open(batch, "rb") as f:
        lines = f.read().splitlines()
    pure = PureRater(model_path)

    t_pure, pure_out = best_of(3, lambda: [pure.rate(json.loads(x)) for x in lines])
    t_bind, bind_out = best_of(3, lambda: [maturity.rate(x) for x in lines])
    t_bind_text, _ = best_of(3, lambda: [maturity.report(x) for x in lines])
    domains = [d["id"] for d in maturity.model()["domains"]]

    def assessed(x):
        with maturity.assess(x) as r:
            return {"level": r.level, "domains": {d: r.domain_level(d) for d in domains},
                    "target": r.target, "gaps": r.gaps()}

    t_assess, assess_out = best_of(3, lambda: [assessed(x) for x in lines])

    for i, (p, b) in enumerate(zip(pure_out, bind_out)):
        if p != summary(b) or p != assess_out[i]:
            sys.exit("line %d: the pure-Python rater and the binding disagree" % (i + 1))
    levels = {}
    for p in pure_out:
        levels[p["level"]] = levels.get(p["level"], 0) + 1

    n = len(lines)
    print("batch: %d assessments, %d bytes; levels reached %s; both agree on every one"
          % (n, sum(map(len, lines)), dict(sorted(levels.items()))))
    print("%-62s %8.0f ms  %7.0f /s" % ("baseline: pure Python, json.loads + rules", t_pure * 1e3,
                                          n / t_pure))
    print("%-62s %8.0f ms  %7.0f /s  %.2fx the baseline's time" % (
        "binding: itss.maturity.rate(line) -> full result dict", t_bind * 1e3, n / t_bind,
        t_bind / t_pure))
    print("%-62s %8.0f ms  %7.0f /s  %.2fx the baseline's time" % (
        "binding: itss.maturity.assess(line) -> level, domains, gaps", t_assess * 1e3,
        n / t_assess, t_assess / t_pure))
    print("%-62s %8.0f ms  %7.0f /s  %.2fx the baseline's time" % (
        "binding: itss.maturity.report(line) -> text report", t_bind_text * 1e3,
        n / t_bind_text, t_bind_text / t_pure))


if __name__ == "__main__":
    main()
