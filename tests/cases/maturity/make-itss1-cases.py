#!/usr/bin/env python3
"""Writes the itss1-* cases of this directory: the built-in ITSS.1-2015
model rated on worked cases (run from anywhere).

Worked by hand from ITSS.1-2015 and from how libitss encodes it
(docs/maturity.md, "ITSS.1-2015"): four levels, 基本级 (ordinal 1, grade
四级) to 提升（量化）级 (ordinal 4, grade 一级); a requirement is met or
not (the binary scale), and every level needs its own requirements and
those below fully (rule at_level fully, below fully); the characteristics
of each level (4.3.x.2) are level-wide requirements, in no aspect.
Item numbers: management 1-40, people 41-45 (6.2 .. 6.6), resources 46-49,
technology 50-52, process 53-60 (9.2 .. 9.9), in the order of the tables.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from casegen import write_case  # noqa: E402

BASE = os.path.dirname(os.path.abspath(__file__))
ASPECTS = ["management", "people", "resources", "technology", "process"]


def rate(name, inp, exp):
    inp = dict({"op": "rate", "builtin": "itss1-2015", "scale": "binary", "fill": "met"}, **inp)
    write_case(os.path.join(BASE, name), inp, exp)


def doms(**low):
    """Every aspect at level 4 but those given."""
    return [{"id": a, "level": low.get(a, 4)} for a in ASPECTS]


def gap(cid, level, domain, item, **more):
    g = {"id": cid, "level": level, "domain": domain, "item": item, "rating": "not_met",
         "grade": None, "required": "fully", "needs": "met"}
    g.update(more)
    return g


write_case(os.path.join(BASE, "itss1-load"), {"op": "load_model", "builtin": "itss1-2015",
           "why": "ITSS.1-2015 has four levels (4.1), five aspects of requirements (4.5 a)) and 60 distinct rows citing a clause of GB/T 28827.1, .2 or .3 or the quality evaluation indicator system across tables 1 to 20; the built-in data has no warnings"},
           {"levels": 4, "domains": 5, "items": 60, "warnings": []})

rate("itss1-all-met", {"why": "every requirement met: the highest level, 4 = 提升（量化）级, grade 一级; no gaps. The level-wide requirements are the characteristics of 4.3.1.2 a)-e), 4.3.2.2 a)-f), 4.3.3.2 a)-e) and 4.3.4.2 a)-e): 5 + 6 + 5 + 5 = 21, all met"},
     {"model": {"id": "itss1-2015", "edition": "ITSS.1-2015"}, "scale": "binary",
      "rule": {"at_level": "fully", "below": "fully"},
      "level": 4, "level_name": {"zh": "提升（量化）级"}, "itss_label": "一级",
      "domains": doms(), "gaps": {"target": None, "clauses": []},
      "level_wide": {"clauses": 21, "applicable": 21, "fully": 21, "coverage": 1,
                     "levels": [{"level": 1, "clauses": 5}, {"level": 2, "clauses": 6},
                                {"level": 3, "clauses": 5}, {"level": 4, "clauses": 5}]}})

rate("itss1-basic-unmet", {"ratings": {"t5-1.9.4-a": "not_met"},
     "why": "one 基本级 (四级) requirement unmet, table 5 row GB/T 28827.1-2012 9.4 (事件管理, item 55) requirement a): level 1 is not reached, so the level is 0, below every grade; the process aspect is 0, the others 4. The gap for level 1 is that clause, which must be met"},
     {"level": 0, "level_name": None, "itss_label": None, "domains": doms(process=0),
      "gaps": {"target": 1, "target_name": {"zh": "基本级", "en": "Basic"},
               "clauses": [gap("t5-1.9.4-a", 1, "process", 55)]}})

rate("itss1-should-not-blocking", {"ratings": {"t11-2.5.3-b": "not_met"},
     "why": "table 11, GB/T 28827.2-2012 5.3 (交付实施, item 6) b) recommends (宜) automated tools: unmet, it blocks nothing, the level is 4. The recommendations are the five 宜 points of the requirement cells, all in table 11: 5.5 a) (its 宜 part), 2-5.3 b), 2-5.4 c) and d), 2-6.4 a) (its 宜 part); in model order (item 4, 6, 7, 7, 11); 4 of 5 fully met"},
     {"level": 4, "gaps": {"target": None, "clauses": []},
      "recommendations": {"clauses": 5, "applicable": 5, "fully": 4, "coverage": 0.8,
                          "list": [{"id": "t11-1.5.5-a.r", "level": 3, "item": 4, "status": "fully"},
                                   {"id": "t11-2.5.3-b", "level": 3, "item": 6, "status": "not_satisfied"},
                                   {"id": "t11-2.5.4-c", "level": 3, "item": 7, "status": "fully"},
                                   {"id": "t11-2.5.4-d", "level": 3, "item": 7, "status": "fully"},
                                   {"id": "t11-2.6.4-a.r", "level": 3, "item": 11, "status": "fully"}]}})

rate("itss1-level-wide-blocks", {"ratings": {"4.3.2.2-a": "not_met"},
     "why": "the first characteristic of 拓展级 (4.3.2.2 a)) unmet: it is a level-wide requirement of level 2, so level 2 fails and the level is 1 (基本级, 四级); being in no aspect, it leaves every aspect at 4. The gap for level 2 is that clause, with domain and item null"},
     {"level": 1, "itss_label": "四级", "domains": doms(),
      "gaps": {"target": 2, "clauses": [gap("4.3.2.2-a", 2, None, None)]},
      "level_wide": {"clauses": 21, "fully": 20}})

rate("itss1-multi-item", {"ratings": {"t12-1.6.4-a": "not_met"},
     "why": "table 12 has one requirement cell for the rows GB/T 28827.1-2012 6.4 知识, 6.5 技能 and 6.6 经验 (items 43, 44, 45); its point a) unmet blocks level 3 (改进（协同）级): the level is 2 (拓展级, 三级), the people aspect 2. The gap for level 3 names item 43 first and all three items"},
     {"level": 2, "itss_label": "三级", "domains": doms(people=2),
      "gaps": {"target": 3, "clauses": [gap("t12-1.6.4-a", 3, "people", 43, items=[43, 44, 45])]}})
