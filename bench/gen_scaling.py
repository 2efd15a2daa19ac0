#!/usr/bin/env python3
"""Write inputs of growing size for the scaling benchmark (bench/run):

  gen_scaling.py quality N DIR   DIR/catalog.json with N ratio indicators and
                                 DIR/evaluation.json selecting and measuring
                                 all of them (weights on every tenth)
  gen_scaling.py maturity N DIR  DIR/model.json with one level of N clauses
                                 spread over 10 domains and 100 items, and
                                 DIR/assessment.json rating every clause;
                                 DIR/model-wide.json with N/100 domains and
                                 N/10 items (two aliases each, an item_levels
                                 row each) and one clause per item
  gen_scaling.py catalog N DIR   DIR/classes.json with N classes,
                                 DIR/crosswalks.json with N crosswalks of one
                                 target and one link each, and
                                 DIR/links.json with one crosswalk of N
                                 targets and N links

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


def class_codes(n):
    """The first n codes of a three-level table, parents first: 01..98, then
    their middle classes 0101..9898, then small classes (no 99, which would
    mark a catch-all class)."""
    top = ["%02d" % k for k in range(1, 99)]
    out = list(top[:n])
    for t in top:
        for m in range(1, 99):
            if len(out) >= n:
                return out
            out.append("%s%02d" % (t, m))
    for t in top:
        for m in range(1, 99):
            for s in range(1, 99):
                if len(out) >= n:
                    return out
                out.append("%s%02d%02d" % (t, m, s))
    return out


def klass(code):
    return {"code": code, "level": len(code) // 2, "parent": code[:-2] or None,
            "name": {"zh": "类" + code, "en": "Class " + code},
            "description": {"zh": "说明", "en": "About"}, "catch_all": False,
            "source": "scale"}


def catalog(n, d):
    head = {"format": "itss-catalog/1", "edition": "Scale", "title": {"zh": "规模", "en": "Scale"}}
    name = {"zh": "名", "en": "Name"}
    codes = class_codes(n)
    # the document lists them in reverse: the loader sorts them
    doc = dict(head, classes=[klass(c) for c in reversed(codes)])
    json.dump(doc, open(os.path.join(d, "classes.json"), "w"), ensure_ascii=False)
    one = [klass("01")]
    xws = [{"id": "x%07d" % i, "scheme": "s", "name": name,
            "targets": [{"code": "t", "name": name, "source": "s"}],
            "links": [{"from": "01", "to": "t", "relation": "exact"}]} for i in range(n)]
    json.dump(dict(head, classes=one, crosswalks=xws),
              open(os.path.join(d, "crosswalks.json"), "w"), ensure_ascii=False)
    targets = [{"code": "t%07d" % i, "name": name, "source": "s"} for i in range(n)]
    # links in reverse target order: a lookup by scan would walk far
    links = [{"from": "01", "to": "t%07d" % (n - 1 - i), "relation": "related"}
             for i in range(n)]
    xw = {"id": "big", "scheme": "s", "name": name, "targets": targets, "links": links}
    json.dump(dict(head, classes=one, crosswalks=[xw]),
              open(os.path.join(d, "links.json"), "w"), ensure_ascii=False)


def maturity_wide(n, d):
    nd, ni = max(1, n // 100), max(1, n // 10)
    name = {"zh": "名", "en": "N"}
    doms = [{"id": "d%d" % k, "number": k + 1, "part": "p", "name": name} for k in range(nd)]
    items = [{"number": ni - k, "domain": "d%d" % ((ni - k) % nd), "name": name,
              "aliases": ["a%d" % k, "b%d" % k]} for k in range(ni)]
    clauses = [{"id": "c%07d" % k, "level": 1, "domain": "d%d" % (k % nd), "item": k,
                "summary": name} for k in range(1, ni + 1)]
    model = {"format": "itss-maturity-model/1", "id": "wide", "edition": "Wide 1",
             "title": name, "levels": [{"level": 1, "name": name}],
             "parts": [{"id": "p", "name": name}], "domains": doms, "items": items,
             "clauses": clauses,
             "item_levels": {"rows": [{"item": k, "levels": [1]} for k in range(1, ni + 1)]}}
    json.dump(model, open(os.path.join(d, "model-wide.json"), "w"), ensure_ascii=False)


def main():
    area, n, d = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(d, exist_ok=True)
    if area == "quality":
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        model = json.load(open(os.path.join(root, "data", "gbt33850-2017.json"), encoding="utf-8"))
        subs = [s["id"] for c in model["characteristics"] for s in c["subcharacteristics"]]
        quality(n, d, subs)
    elif area == "catalog":
        catalog(n, d)
    else:
        maturity(n, d)
        maturity_wide(n, d)


if __name__ == "__main__":
    main()
