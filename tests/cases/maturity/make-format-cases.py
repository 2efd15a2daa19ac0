#!/usr/bin/env python3
"""Writes the format-* cases of this directory: the general model format
(rule, thresholds, ...) on a small hand-made model (run from anywhere).

The model has three levels, two domains (ops with item 1, sec with item 2)
and seven clauses:

    level 1: ops-1a (item 1), sec-1a (item 2)
    level 2: ops-2a, ops-2b (item 1), sec-2a (item 2)
    level 3: ops-3a (ops, domain-wide), sec-3a (sec, domain-wide)

Every expected value below is worked by hand from the rules of
docs/maturity.md and the model's own rule and thresholds; the reasoning is
the case's "why". A § in a document marks where an expected error is
located; casegen computes line, column and byte position from it.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from casegen import write_case  # noqa: E402

BASE = os.path.dirname(os.path.abspath(__file__))

LEVELS = [
    '  {"level": 1, "name": {"zh": "起步", "en": "Starting"}}',
    '  {"level": 2, "name": {"zh": "规范", "en": "Defined"}}',
    '  {"level": 3, "name": {"zh": "优化", "en": "Optimised"}}',
]
CLAUSES = [
    '  {"id": "ops-1a", "level": 1, "domain": "ops", "item": 1, "summary": {"zh": "有监控", "en": "Monitoring exists"}}',
    '  {"id": "sec-1a", "level": 1, "domain": "sec", "item": 2, "summary": {"zh": "有账号管理", "en": "Accounts are managed"}}',
    '  {"id": "ops-2a", "level": 2, "domain": "ops", "item": 1, "summary": {"zh": "监控覆盖全部系统", "en": "Monitoring covers all systems"}}',
    '  {"id": "ops-2b", "level": 2, "domain": "ops", "item": 1, "summary": {"zh": "告警有人处理", "en": "Alerts are handled"}}',
    '  {"id": "sec-2a", "level": 2, "domain": "sec", "item": 2, "summary": {"zh": "定期复核权限", "en": "Access is reviewed"}}',
    '  {"id": "ops-3a", "level": 3, "domain": "ops", "item": null, "summary": {"zh": "运行指标持续改进", "en": "Operations metrics drive improvement"}}',
    '  {"id": "sec-3a", "level": 3, "domain": "sec", "item": null, "summary": {"zh": "安全指标持续改进", "en": "Security metrics drive improvement"}}',
]


def model(top="", levels=None, clauses=None):
    """The model document; top: extra top-level members (text ending in a
    comma and a newline), written after the edition."""
    return ('{"format": "itss-maturity-model/1", "id": "acme-ops", "edition": "ACME O&M model 2026",\n'
            + top +
            ' "title": {"zh": "示例运维能力模型", "en": "Example O&M capability model"},\n'
            ' "levels": [\n' + ',\n'.join(levels or LEVELS) + '],\n'
            ' "parts": [{"id": "core", "name": {"zh": "核心", "en": "Core"}}],\n'
            ' "domains": [\n'
            '  {"id": "ops", "number": 1, "part": "core", "name": {"zh": "运行", "en": "Operations"}},\n'
            '  {"id": "sec", "number": 2, "part": "core", "name": {"zh": "安全", "en": "Security"}}],\n'
            ' "items": [\n'
            '  {"number": 1, "domain": "ops", "name": {"zh": "监控", "en": "Monitoring"}},\n'
            '  {"number": 2, "domain": "sec", "name": {"zh": "访问控制", "en": "Access control"}}],\n'
            ' "clauses": [\n' + ',\n'.join(clauses or CLAUSES) + ']}\n')


def rate(name, doc, inp, exp):
    inp = dict({"op": "rate", "model": "model.json"}, **inp)
    write_case(os.path.join(BASE, name), inp, exp, {"model.json": doc})


def refused(name, doc, code, path, why, contains=None):
    exp = {"error": {"code": code, "path": path}}
    if contains:
        exp["error"]["message_contains"] = contains
    write_case(os.path.join(BASE, name), {"op": "load_model", "model": "model.json", "why": why},
               exp, {"model.json": doc})


def gap(cid, level, domain, item, rating, grade, required):
    return {"id": cid, "level": level, "domain": domain, "item": item, "rating": rating,
            "grade": grade, "required": required}


def doms(ops, sec):
    return [{"id": "ops", "level": ops}, {"id": "sec", "level": sec}]


DEFAULT_RULE = {"at_level": "largely", "below": "fully"}
DEFAULT_BANDS = {"P": 15, "L": 50, "F": 85}

# ---- 1. rule and thresholds ------------------------------------------------------
FULLY = ' "rule": {"at_level": "fully", "below": "fully"},\n'
rate("format-rule-fully", model(FULLY), {"fill": "F", "ratings": {"ops-2b": "L"},
     "why": "rule fully/fully: level 2 needs its own clauses fully, so ops-2b at L blocks it (under the default rule it would be reached, see custom-model-rate). Level 1 (ops-1a, sec-1a F) holds: level 1. ops stops at 1; sec, all F, reaches 3. The gap for level 2 is ops-2b, and at the target itself it is required fully."},
     {"rule": {"at_level": "fully", "below": "fully"}, "thresholds": DEFAULT_BANDS,
      "level": 1, "domains": doms(1, 3),
      "gaps": {"target": 2, "clauses": [gap("ops-2b", 2, "ops", 1, "L", "L", "fully")]}})

LARGELY = ' "rule": {"at_level": "largely", "below": "largely"},\n'
rate("format-rule-largely-below", model(LARGELY), {"fill": "F", "ratings": {"ops-1a": "L", "ops-2b": "L"},
     "why": "rule largely/largely: every level only needs its clauses largely, so L at levels 1 and 2 still reaches level 3, the top: no gaps. Under the default rule ops-1a L would stop the model at level 1."},
     {"rule": {"at_level": "largely", "below": "largely"}, "level": 3, "domains": doms(3, 3),
      "gaps": {"target": None, "clauses": []}})

rate("format-rule-largely-below-gaps", model(LARGELY), {"fill": "F", "ratings": {"ops-1a": "P"}, "target": 3,
     "why": "rule largely/largely: ops-1a P is not largely satisfied, so level 1 fails: level 0. For target 3 every level below needs only largely, so the one gap is ops-1a, required largely."},
     {"level": 0, "domains": doms(0, 3),
      "gaps": {"target": 3, "clauses": [gap("ops-1a", 1, "ops", 1, "P", "P", "largely")]}})

BANDS = ' "thresholds": {"P": 20, "L": 60, "F": 90},\n'
rate("format-thresholds-custom-55", model(BANDS), {"fill": "F", "ratings": {"ops-2b": 55},
     "why": "bands P 20, L 60, F 90: 55 % is P (20 < 55 <= 60), where the default bands make it L (50 < 55 <= 85). So ops-2b is not largely satisfied, level 2 fails: level 1, and the gap for level 2 asks for largely, grade P."},
     {"thresholds": {"P": 20, "L": 60, "F": 90}, "rule": DEFAULT_RULE, "level": 1, "domains": doms(1, 3),
      "gaps": {"target": 2, "clauses": [gap("ops-2b", 2, "ops", 1, 55, "P", "largely")]}})

rate("format-thresholds-custom-88", model(BANDS), {"fill": "F", "ratings": {"ops-1a": 88},
     "why": "bands P 20, L 60, F 90: 88 % is L (60 < 88 <= 90), where the default bands make it F (> 85). Level 1 is largely satisfied (level 1 reached) but level 2 needs it fully: level 1, gap ops-1a fully, grade L."},
     {"level": 1, "domains": doms(1, 3),
      "gaps": {"target": 2, "clauses": [gap("ops-1a", 1, "ops", 1, 88, "L", "fully")]}})

rate("format-thresholds-default-88", model(), {"fill": "F", "ratings": {"ops-1a": 88},
     "why": "the same rating without thresholds: the default bands make 88 % F (> 85), so every clause is fully satisfied: level 3, no gaps."},
     {"thresholds": DEFAULT_BANDS, "rule": DEFAULT_RULE, "level": 3, "domains": doms(3, 3),
      "gaps": {"target": None, "clauses": []}})

refused("format-error-rule-unknown-need", model(' "rule": {"at_level": §"mostly"},\n'),
        "ITSS_EVALUE", "/rule/at_level", "a need is \"largely\" or \"fully\"", "mostly")
refused("format-error-rule-at-stricter-than-below",
        model(' "rule": {"at_level": "fully", "below": §"largely"},\n'),
        "ITSS_EMODEL", "/rule/below",
        "below laxer than at the level would let a level be reached without the one under it")
refused("format-error-rule-unknown-key", model(' "rule": {"at_level": "fully", §"above": "fully"},\n'),
        "ITSS_ESCHEMA", "/rule/above", "a rule has only at_level and below")
refused("format-error-rule-not-object", model(' "rule": §"fully",\n'),
        "ITSS_ESCHEMA", "/rule", "a rule is an object")
refused("format-error-thresholds-not-rising",
        model(' "thresholds": {"P": 15, "L": §15, "F": 85},\n'),
        "ITSS_EVALUE", "/thresholds/L", "P < L < F: L equal to P is refused", "above")
refused("format-error-thresholds-f-100", model(' "thresholds": {"P": 15, "L": 50, "F": §100},\n'),
        "ITSS_EVALUE", "/thresholds/F", "a threshold is below 100 (nothing could exceed 100 %)")
refused("format-error-thresholds-negative", model(' "thresholds": {"P": §-1, "L": 50, "F": 85},\n'),
        "ITSS_EVALUE", "/thresholds/P", "a threshold is 0 or more")
refused("format-error-thresholds-missing-f", model(' "thresholds": §{"P": 15, "L": 50},\n'),
        "ITSS_ESCHEMA", "/thresholds", "all three thresholds are given", "\"F\"")
refused("format-error-thresholds-string", model(' "thresholds": {"P": §"15", "L": 50, "F": 85},\n'),
        "ITSS_ESCHEMA", "/thresholds/P", "a threshold is a number")

# ---- 2. should clauses ---------------------------------------------------------------


def should(clauses, *ids, marker=""):
    """The clauses with obligation "should" on the named ones (marker: a §
    placed before the value)."""
    out = []
    for c in clauses:
        if any('"id": "%s"' % i in c for i in ids):
            c = c[:-1] + ', "obligation": %s"should"}' % marker
        out.append(c)
    return out


OPS_2C = '  {"id": "ops-2c", "level": 2, "domain": "ops", "item": 1, "obligation": "should", "summary": {"zh": "告警有值班表", "en": "Alerts have a rota"}}'
SHOULD = should(CLAUSES, "sec-2a") + [OPS_2C]

rate("format-should-unmet-not-blocking", model(clauses=SHOULD),
     {"fill": "F", "ratings": {"sec-2a": "N", "ops-2c": "met"},
      "why": "sec-2a and ops-2c are should clauses: sec-2a at N blocks nothing, so every shall clause F gives level 3 (top), no gaps. Level 2 counts its shall clauses only (ops-2a, ops-2b: 2, both fully); sec counts sec-1a and sec-3a. The recommendations: 2 clauses, 2 applicable, ops-2c met (fully), sec-2a N (not): fully 1, largely 1, coverage 1/2. Listed in model order (level, domain ops before sec)."},
     {"level": 3, "domains": doms(3, 3), "gaps": {"target": None, "clauses": []},
      "levels": [{"level": 1, "clauses": 2, "fully": 2},
                 {"level": 2, "reached": True, "clauses": 2, "applicable": 2, "fully": 2},
                 {"level": 3, "clauses": 2}],
      "recommendations": {"clauses": 2, "applicable": 2, "fully": 1, "largely": 1, "unrated": 0,
                          "not_applicable": 0, "coverage": 0.5,
                          "list": [{"id": "ops-2c", "level": 2, "domain": "ops", "item": 1, "rating": "met",
                                    "grade": None, "status": "fully"},
                                   {"id": "sec-2a", "level": 2, "domain": "sec", "item": 2, "rating": "N",
                                    "grade": "N", "status": "not_satisfied"}]}})

rate("format-should-not-a-gap", model(clauses=SHOULD),
     {"fill": "F", "ratings": {"ops-2b": "P", "sec-2a": None, "ops-2c": {"rating": "na", "reason": "没有值班制度"}},
      "why": "ops-2b (shall) at P blocks level 2: level 1, and the gap for level 2 is ops-2b alone (largely); sec-2a, a should clause left unrated, is no gap (it is still listed as unrated). ops-2c na is left out of the recommendations' applicable count: 2 clauses, 1 applicable (sec-2a, unrated: not satisfied), 0 fully, coverage 0."},
     {"level": 1, "domains": doms(1, 3), "unrated": ["sec-2a"],
      "gaps": {"target": 2, "clauses": [gap("ops-2b", 2, "ops", 1, "P", "P", "largely")]},
      "recommendations": {"clauses": 2, "applicable": 1, "fully": 0, "largely": 0, "unrated": 1,
                          "not_applicable": 1, "coverage": 0,
                          "list": [{"id": "ops-2c", "status": "not_applicable"},
                                   {"id": "sec-2a", "rating": None, "grade": None, "status": "not_satisfied"}]}})

rate("format-no-should", model(), {"fill": "F",
     "why": "a model without should clauses: the recommendations are empty, coverage null (nothing applicable)"},
     {"level": 3, "recommendations": {"clauses": 0, "applicable": 0, "coverage": None, "list": []}})

refused("format-error-obligation-unknown", model(clauses=[c if '"ops-2a"' not in c else c[:-1] + ', "obligation": §"may"}' for c in CLAUSES]),
        "ITSS_EVALUE", "/clauses/2/obligation", "an obligation is shall or should", "may")
LEVEL3_SHOULD = ' "levels": [\n' + ',\n'.join(LEVELS[:2] + ['  §' + LEVELS[2].lstrip()]) + '],\n'
refused("format-error-level-only-should",
        model(clauses=should(CLAUSES, "ops-3a", "sec-3a")).replace(' "levels": [\n' + ',\n'.join(LEVELS) + '],\n', LEVEL3_SHOULD),
        "ITSS_EMODEL", "/levels/2",
        "level 3's clauses are all should clauses: it would be reached by any assessment", "only \"should\"")

# ---- 4. the binary scale ---------------------------------------------------------


rate("format-binary-must-be-met", model(), {"fill": "met", "scale": "binary", "ratings": {"ops-2b": "not_met"}, "target": 3,
     "why": "binary scale: ops-2b not_met blocks level 2: level 1. For target 3 ops-2b is below the target (required fully) and on this scale a blocking clause simply must be met: needs met."},
     {"scale": "binary", "level": 1, "domains": doms(1, 3),
      "gaps": {"target": 3, "clauses": [dict(gap("ops-2b", 2, "ops", 1, "not_met", None, "fully"), needs="met")]}})
rate("format-nplf-needs", model(), {"fill": "F", "ratings": {"ops-2b": "P"},
     "why": "the same gap on the default scale: ops-2b P at the target level 2 needs largely, like required"},
     {"level": 1, "gaps": {"target": 2, "clauses": [dict(gap("ops-2b", 2, "ops", 1, "P", "P", "largely"), needs="largely")]}})

# ---- 3. levels lowest first ---------------------------------------------------------

REVERSED = [
    '  {"level": §3, "name": {"zh": "优化", "en": "Optimised"}}',
    '  {"level": 2, "name": {"zh": "规范", "en": "Defined"}}',
    '  {"level": 1, "name": {"zh": "起步", "en": "Starting"}}',
]
refused("format-error-levels-highest-first", model(levels=REVERSED), "ITSS_EMODEL", "/levels/0/level",
        "levels are listed lowest first with ordinals 1..N: a model that lists its highest level first (as ITSS labels run, 一级 the highest) is refused at the first level, which must be 1",
        "should be 1")

# ---- 5. parts optional, warnings --------------------------------------------------------

NO_PARTS = model().replace(' "parts": [{"id": "core", "name": {"zh": "核心", "en": "Core"}}],\n', '').replace(', "part": "core"', '')
write_case(os.path.join(BASE, "format-no-parts"), {"op": "load_model", "model": "model.json",
           "why": "parts are optional: without them a domain has no part, and a model whose every domain and item has clauses loads without warnings"},
           {"levels": 3, "domains": 2, "items": 2, "clauses": 7, "clauses_per_level": [2, 3, 2], "warnings": []},
           {"model.json": NO_PARTS})
rate("format-no-parts-rate", NO_PARTS, {"fill": "F", "why": "rated like any model: every clause F, level 3; a domain without a part has part null"},
     {"level": 3, "domains": [{"id": "ops", "part": None, "level": 3}, {"id": "sec", "part": None, "level": 3}]})
UNUSED = model().replace(
    '  {"id": "sec", "number": 2, "part": "core", "name": {"zh": "安全", "en": "Security"}}],\n',
    '  {"id": "sec", "number": 2, "part": "core", "name": {"zh": "安全", "en": "Security"}},\n'
    '  {"id": "risk", "number": 3, "part": "core", "name": {"zh": "风险", "en": "Risk"}}],\n').replace(
    '  {"number": 2, "domain": "sec", "name": {"zh": "访问控制", "en": "Access control"}}],\n',
    '  {"number": 9, "domain": "risk", "name": {"zh": "风险评估", "en": "Risk assessment"}},\n'
    '  {"number": 2, "domain": "sec", "name": {"zh": "访问控制", "en": "Access control"}},\n'
    '  {"number": 3, "domain": "ops", "name": {"zh": "容量", "en": "Capacity"}}],\n')
write_case(os.path.join(BASE, "format-warnings-unused"), {"op": "load_model", "model": "model.json",
           "why": "domain risk (third in the document, /domains/2) and items 9 and 3 (second and fourth in the document, /items/1 and /items/3) have no clause: the model loads, with one warning for each, domains first, then items in number order (3 before 9)"},
           {"levels": 3, "domains": 3, "items": 4, "clauses": 7,
            "warnings": [{"message": "domain \"risk\" has no clause", "path": "/domains/2"},
                         {"message": "item 3 has no clause", "path": "/items/3"},
                         {"message": "item 9 has no clause", "path": "/items/1"}]},
           {"model.json": UNUSED})
refused("format-error-domain-without-part", model().replace('  {"id": "sec", "number": 2, "part": "core",', '  §{"id": "sec", "number": 2,'),
        "ITSS_ESCHEMA", "/domains/1", "a model with parts puts every domain in one: the missing key is reported at the domain object", "\"part\"")

# ---- 7. key indicators -------------------------------------------------------------------

IND_LEVELS = LEVELS[:1] + [LEVELS[1][:-1] + ', "indicators": [{"zh": "监控覆盖率", "en": "Monitoring coverage"}]}'] + LEVELS[2:]
IND_CLAUSES = [c if '"ops-2b"' not in c else c[:-1] + ', "indicators": [{"zh": "告警响应时间", "en": "Alert response time"}, {"zh": "告警关闭率", "en": "Alert closure rate"}]}' for c in CLAUSES]
rate("format-indicators", model(levels=IND_LEVELS, clauses=IND_CLAUSES), {"fill": "F", "ratings": {"ops-2b": "P"},
     "why": "level 2 and clause ops-2b carry key indicators: ops-2b P blocks level 2 (level 1), so the gap for level 2 is ops-2b with its two indicators, in document order, and the level entry of level 2 lists its one indicator; levels without indicators have no such key"},
     {"level": 1,
      "levels": [{"level": 1}, {"level": 2, "indicators": [{"zh": "监控覆盖率", "en": "Monitoring coverage"}]}, {"level": 3}],
      "gaps": {"target": 2, "clauses": [dict(gap("ops-2b", 2, "ops", 1, "P", "P", "largely"),
                                              indicators=[{"zh": "告警响应时间", "en": "Alert response time"},
                                                          {"zh": "告警关闭率", "en": "Alert closure rate"}])]}})
refused("format-error-indicator-not-object",
        model(clauses=[c if '"ops-2b"' not in c else c[:-1] + ', "indicators": [§"告警响应时间"]}' for c in CLAUSES]),
        "ITSS_ESCHEMA", "/clauses/3/indicators/0", "an indicator is a {zh, en} text", "{\"zh\", \"en\"}")
refused("format-error-indicator-missing-en",
        model(levels=LEVELS[:1] + [LEVELS[1][:-1] + ', "indicators": [§{"zh": "监控覆盖率"}]}'] + LEVELS[2:]),
        "ITSS_ESCHEMA", "/levels/1/indicators/0", "both languages are given", "\"en\"")

# ---- 8. clauses of several items, level-wide clauses ----------------------------------
# The model plus item 3 (ops, 容量) and three clauses: ops-2m names items 3
# and 1 (listed out of order: kept ascending), wide-1 and wide-3 have no
# domain (level-wide) at levels 1 and 3.

OPS_2M = '  {"id": "ops-2m", "level": 2, "domain": "ops", "items": [3, 1], "summary": {"zh": "监控与容量统一告警", "en": "Monitoring and capacity share one alerting"}}'
WIDE_1 = '  {"id": "wide-1", "level": 1, "domain": null, "summary": {"zh": "有年度运维计划", "en": "An annual O&M plan exists"}}'
WIDE_3 = '  {"id": "wide-3", "level": 3, "domain": null, "item": null, "summary": {"zh": "全组织量化改进", "en": "Quantified improvement across the organisation"}}'


def wide_model(ops_2m=OPS_2M, wide_1=WIDE_1):
    return model(clauses=CLAUSES + [ops_2m, wide_1, WIDE_3]).replace(
        '  {"number": 2, "domain": "sec", "name": {"zh": "访问控制", "en": "Access control"}}],\n',
        '  {"number": 2, "domain": "sec", "name": {"zh": "访问控制", "en": "Access control"}},\n'
        '  {"number": 3, "domain": "ops", "name": {"zh": "容量", "en": "Capacity"}}],\n')


write_case(os.path.join(BASE, "format-multi-item-load"), {"op": "load_model", "model": "model.json",
           "why": "ten clauses: level 1 ops-1a, sec-1a, wide-1; level 2 ops-2a, ops-2b, sec-2a, ops-2m; level 3 ops-3a, sec-3a, wide-3. Item 3 has a clause only through ops-2m's items, so no item is without a clause: no warnings"},
           {"levels": 3, "domains": 2, "items": 3, "clauses": 10, "clauses_per_level": [3, 4, 3], "warnings": []},
           {"model.json": wide_model()})

rate("format-multi-item", wide_model(), {"fill": "F", "ratings": {"ops-2m": "L"},
     "why": "ops-2m (items 1 and 3) at L: level 2 needs its own clauses largely, so level 2 holds; level 3 needs level 2 fully, so it fails: level 2, and ops (whose level 2 has ops-2m) is 2, sec 3. The gap for level 3 is ops-2m, required fully, reported with item 1 (the first) and items [1, 3]. Item status counts ops-2m for both items: item 1 at level 2 has ops-2a F, ops-2b F, ops-2m L: largely; item 3 at level 2 has ops-2m alone: largely; item 1 at level 1 (ops-1a F) fully; item 2 fully at 1 and 2. Level 2 counts 4 clauses (ops-2m once), 3 fully, 4 at least largely. The level-wide clauses wide-1 and wide-3 (both F) are counted apart: 2 clauses, both fully."},
     {"level": 2, "domains": doms(2, 3),
      "levels": [{"level": 1, "reached": True, "clauses": 3, "fully": 3},
                 {"level": 2, "reached": True, "clauses": 4, "applicable": 4, "fully": 3, "largely": 4},
                 {"level": 3, "reached": False, "clauses": 3, "fully": 3}],
      "items": [{"number": 1, "domain": "ops", "status": {"1": "fully", "2": "largely"}},
                {"number": 2, "domain": "sec", "status": {"1": "fully", "2": "fully"}},
                {"number": 3, "domain": "ops", "status": {"2": "largely"}}],
      "gaps": {"target": 3, "clauses": [dict(gap("ops-2m", 2, "ops", 1, "L", "L", "fully"), items=[1, 3])]},
      "level_wide": {"clauses": 2, "applicable": 2, "fully": 2, "largely": 2, "unrated": 0,
                     "not_applicable": 0, "coverage": 1,
                     "levels": [{"level": 1, "clauses": 1, "fully": 1}, {"level": 3, "clauses": 1, "fully": 1}],
                     "list": [{"id": "wide-1", "level": 1, "domain": None, "item": None, "status": "fully"},
                              {"id": "wide-3", "level": 3, "domain": None, "item": None, "status": "fully"}]}})

rate("format-level-wide-blocks", wide_model(), {"fill": "F", "ratings": {"wide-1": "P"},
     "why": "wide-1, a level-wide clause of level 1, at P is not largely satisfied: level 1 fails, so the level is 0. It belongs to no domain, so ops and sec, all F, both reach 3. The gap for level 1 is wide-1 with domain and item null, required largely (the default rule at the target). The level-wide figures: 2 clauses, 1 fully (wide-3), coverage 1/2."},
     {"level": 0, "domains": doms(3, 3),
      "gaps": {"target": 1, "clauses": [gap("wide-1", 1, None, None, "P", "P", "largely")]},
      "level_wide": {"clauses": 2, "applicable": 2, "fully": 1, "largely": 1, "coverage": 0.5,
                     "list": [{"id": "wide-1", "status": "not_satisfied"}, {"id": "wide-3", "status": "fully"}]}})

refused("format-error-item-and-items",
        wide_model(ops_2m=OPS_2M.replace('"items": [3, 1]', '"item": 1, "items": §[3, 1]')),
        "ITSS_ESCHEMA", "/clauses/7/items", "a clause names its item or its items, not both", "not both")
refused("format-error-items-not-array", wide_model(ops_2m=OPS_2M.replace('"items": [3, 1]', '"items": §3')),
        "ITSS_ESCHEMA", "/clauses/7/items", "items is an array of item numbers", "array")
refused("format-error-items-duplicate", wide_model(ops_2m=OPS_2M.replace('"items": [3, 1]', '"items": [3, §3]')),
        "ITSS_EDUPLICATE", "/clauses/7/items/1", "an item is named once", "item 3 is listed twice")
refused("format-error-items-other-domain", wide_model(ops_2m=OPS_2M.replace('"items": [3, 1]', '"items": [3, §2]')),
        "ITSS_EMODEL", "/clauses/7/items/1", "every item of a clause is in the clause's domain: item 2 is sec's",
        "belongs to domain \"sec\"")
refused("format-error-items-unknown", wide_model(ops_2m=OPS_2M.replace('"items": [3, 1]', '"items": [3, §9]')),
        "ITSS_EMODEL", "/clauses/7/items/1", "an item that does not exist", "item 9 is not one")
refused("format-error-level-wide-with-item",
        wide_model(wide_1=WIDE_1.replace('"domain": null,', '"domain": null, "item": §1,')),
        "ITSS_EMODEL", "/clauses/8/item", "a level-wide clause (no domain) names no item", "level-wide")
refused("format-error-domain-not-string", wide_model(wide_1=WIDE_1.replace('"domain": null', '"domain": §7')),
        "ITSS_ESCHEMA", "/clauses/8/domain", "a domain is an id or null", "or null")
refused("format-error-domain-missing", wide_model(wide_1='  §' + WIDE_1.lstrip().replace(' "domain": null,', '')),
        "ITSS_ESCHEMA", "/clauses/8", "every clause says its domain, null for a level-wide one", "\"domain\"")
refused("format-error-clause-without-item",
        wide_model(ops_2m='  §' + OPS_2M.lstrip().replace(' "items": [3, 1],', '')),
        "ITSS_ESCHEMA", "/clauses/7", "a clause with a domain names its item (null: domain-wide) or items", "\"items\"")
