#!/usr/bin/env python3
"""Write N assessments of the built-in model, one per line (JSON lines).

usage: gen_assessments.py MODEL.json N [SEED] > batch.jsonl

Each line rates every clause of levels 1-3 and part of levels 4-5 with a
mix of F, L, P, N, met-free percentages and the odd na, so that the rater
does real work and results differ from line to line.
"""
import json
import random
import sys


def main():
    model = json.load(open(sys.argv[1], encoding="utf-8"))
    n = int(sys.argv[2])
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    ids = [(c["id"], c["level"]) for c in model["clauses"]]
    out = sys.stdout
    for k in range(n):
        ratings = {}
        for cid, lv in ids:
            x = rnd.random()
            if lv >= 4 and x < 0.5:
                continue
            if x < 0.01:
                ratings[cid] = {"rating": "na", "reason": "不适用"}
            elif x < 0.55:
                ratings[cid] = "F"
            elif x < 0.75:
                ratings[cid] = "L"
            elif x < 0.80:
                ratings[cid] = "P"
            else:
                ratings[cid] = rnd.choice([35, 60, 72.5, 88, 95, 100])
        doc = {"id": "A-%d" % k, "organization": "示例 %d" % (k % 97), "ratings": ratings}
        out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
