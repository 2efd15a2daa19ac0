#!/usr/bin/env python3
"""Write inputs of growing size for the scaling benchmark (bench/run):

  gen_scaling.py quality N DIR   DIR/catalog.json with N ratio indicators and
                                 DIR/evaluation.json selecting and measuring
                                 all of them (weights on every tenth)
  gen_scaling.py maturity N DIR  DIR/model.json with one level of N clauses
                                 spread over 10 domains and 100 items, and
                                 DIR/assessment.json rating every clause

Work that grows faster than the input shows as a time ratio well above 10
for a 10 times larger input.
"""
import json
import os
import sys



def quality(n, d, subs):
    inds = [{"id": "q%06d" % i, "name": {"zh": "指标%d" % i, "en": "Indicator %d" % i},
             "subcharacteristic": subs[i % len(subs)], "method": "ratio",
             "polarity": "positive", "a": {"zh": "甲", "en": "a"}, "b": {"zh": "乙", "en": "b"}}
            for i in range(n)]
    ids = [x["id"] for x in inds]
    ev = {"service": "04",
          "scheme": {"indicators": ids, "weights": {i: 2 for i in ids[::10]}},
          "measurements": {i: {"A": k % 50, "B": 50} for k, i in enumerate(ids)}}
    json.dump({"indicators": inds}, open(os.path.join(d, "catalog.json"), "w"), ensure_ascii=False)
    json.dump(ev, open(os.path.join(d, "evaluation.json"), "w"), ensure_ascii=False)


def maturity(n, d):
    doms = [{"id": "d%d" % k, "number": k + 1, "part": "p", "name": {"zh": "域", "en": "D"}}
            for k in range(10)]
    items = [{"number": k + 1, "domain": "d%d" % (k % 10), "name": {"zh": "项", "en": "I"}}
             for k in range(100)]
    clauses = [{"id": "c%07d" % i, "level": 1, "domain": "d%d" % (i % 100 % 10),
                "item": i % 100 + 1, "summary": {"zh": "要求", "en": "Requirement"}}
               for i in range(n)]
    model = {"format": "itss-maturity-model/1", "id": "scale", "edition": "Scale 1",
             "title": {"zh": "规模", "en": "Scale"},
             "levels": [{"level": 1, "name": {"zh": "一", "en": "One"}}],
             "parts": [{"id": "p", "name": {"zh": "部", "en": "Part"}}],
             "domains": doms, "items": items, "clauses": clauses}
    grades = ["F", "L", 90, "F"]
    ratings = {c["id"]: grades[i % 4] for i, c in enumerate(clauses)}
    json.dump(model, open(os.path.join(d, "model.json"), "w"), ensure_ascii=False)
    json.dump({"ratings": ratings}, open(os.path.join(d, "assessment.json"), "w"))


def main():
    area, n, d = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(d, exist_ok=True)
    if area == "quality":
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        model = json.load(open(os.path.join(root, "data", "gbt33850-2017.json"), encoding="utf-8"))
        subs = [s["id"] for c in model["characteristics"] for s in c["subcharacteristics"]]
        quality(n, d, subs)
    else:
        maturity(n, d)


if __name__ == "__main__":
    main()
