#!/usr/bin/env python3
"""Write N quality evaluations of an O&M service, one per line (JSON lines).

usage: gen_evaluations.py INDICATORS.json N [SEED] > batch.jsonl

Each line uses the default scheme of service 04 with random weights and
bands, and measures every selected indicator (ratios with random counts,
the odd B = 0 or na), so that scoring does real work.
"""
import json
import random
import sys


def main():
    catalog = json.load(open(sys.argv[1], encoding="utf-8"))
    n = int(sys.argv[2])
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    ids = [i["id"] for i in catalog["indicators"]
           if not i.get("services") or any("04".startswith(s) for s in i["services"])]
    out = sys.stdout
    for k in range(n):
        meas = {}
        for i in ids:
            x = rnd.random()
            if x < 0.03:
                meas[i] = {"na": "本期不适用"}
            elif x < 0.06:
                meas[i] = {"A": 0, "B": 0}
            else:
                b = rnd.randint(1, 5000)
                meas[i] = {"A": rnd.randint(0, b), "B": b}
        doc = {"id": "E-%d" % k, "service": "04", "period": "2026-Q%d" % (k % 4 + 1),
               "scheme": {"weights": {"reliability": rnd.choice([1, 2, 3]), "responsiveness": 2},
                          "bands": [{"grade": "A", "min": 0.9}, {"grade": "B", "min": 0.75}]},
               "measurements": meas}
        out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
