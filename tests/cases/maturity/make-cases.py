#!/usr/bin/env python3
"""Writes the cases of this directory (run from anywhere).

Every expected value below is worked by hand from the rating rules of
docs/maturity.md, and the reasoning is the case's "why". Clause facts come
from T/CESA 1299-2023 (e.g. 6.3.1 is 岗位结构, item 9, people domain).
Documents with a § mark the offending token of an error case: the marker is
removed and the expected line, column (code points) and byte position are
computed here in Python, independently of libitss.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from casegen import write_case  # noqa: E402

BASE = os.path.dirname(os.path.abspath(__file__))
DOMAINS = ["capability_management", "quality_management", "people", "process",
           "technology", "resources", "delivery", "emergency"]


def write(name, inp, exp, files=None):
    write_case(os.path.join(BASE, name), inp, exp, files)


def domains(levels):
    """Expected domain levels, in model order: levels maps id -> level, default 5."""
    return [{"id": d, "level": levels.get(d, 5)} for d in DOMAINS]


def gap(cid, level, domain, item, rating, grade, required):
    return {"id": cid, "level": level, "domain": domain, "item": item, "rating": rating,
            "grade": grade, "required": required}


# ---- the model itself ---------------------------------------------------------
write("model-counts", {"op": "load_model", "why": "T/CESA 1299-2023: 5 levels, 8 domains, 48 items; 519 clauses in sections 6-10 (44, 136, 199, 111, 29)"},
      {"levels": 5, "domains": 8, "items": 48, "clauses": 519, "clauses_per_level": [44, 136, 199, 111, 29]})

# ---- ratings and levels -------------------------------------------------------
write("all-fully", {"op": "rate", "fill": "F", "why": "every clause F: every level is fully satisfied, so level 5 (引领级) and nothing blocks"},
      {"level": 5, "level_name": {"zh": "引领级", "en": "Leading"}, "itss_label": "引领级",
       "levels": [{"level": l, "reached": True, "clauses": n, "applicable": n, "fully": n, "largely": n,
                   "unrated": 0, "not_applicable": 0, "coverage": 1}
                  for l, n in zip(range(1, 6), [44, 136, 199, 111, 29])],
       "domains": domains({}), "gaps": {"target": None, "clauses": []}, "unrated": [], "not_applicable": []})

write("one-largely-at-level-1", {"op": "rate", "fill": "F", "ratings": {"6.3.1.b": "L"},
      "why": "6.3.1.b (岗位结构, item 9, people) is L: level 1 is largely satisfied, so level 1 is reached; level 2 needs every level-1 clause fully, so it is not. The gap list for level 2 names 6.3.1.b, which must be fully satisfied. Only people drops: its own level is 1."},
      {"level": 1, "level_name": {"zh": "基本级", "en": "Basic"}, "itss_label": "四级",
       "domains": domains({"people": 1}),
       "gaps": {"target": 2, "target_name": {"zh": "拓展级", "en": "Extended"},
                "clauses": [gap("6.3.1.b", 1, "people", 9, "L", "L", "fully")]},
       "unrated": [], "not_applicable": []})

for pct, grade, level in [(15, "N", 0), (15.000001, "P", 0), (50, "P", 0), (50.000001, "L", 1),
                          (85, "L", 1), (85.000001, "F", 5)]:
    name = "percent-" + repr(pct).replace('.', '_')
    if level == 0:
        why = "6.1.1.a at %r%% is %s (N <= 15 < P <= 50): not even largely satisfied, so level 1 fails and the level is 0; the gap for level 1 asks for largely" % (pct, grade)
        gaps = {"target": 1, "clauses": [gap("6.1.1.a", 1, "capability_management", 1, pct, grade, "largely")]}
    elif level == 1:
        why = "6.1.1.a at %r%% is L (50 < L <= 85): level 1 is largely satisfied, level 2 needs it fully: level 1, gap asks for fully" % pct
        gaps = {"target": 2, "clauses": [gap("6.1.1.a", 1, "capability_management", 1, pct, grade, "fully")]}
    else:
        why = "6.1.1.a at %r%% is F (> 85): fully satisfied like everything else: level 5" % pct
        gaps = {"target": None, "clauses": []}
    write(name, {"op": "rate", "fill": "F", "ratings": {"6.1.1.a": pct}, "why": why},
          {"level": level, "domains": domains({"capability_management": level}), "gaps": gaps})

write("unrated-counts-as-not-satisfied", {"op": "rate", "fill": "F", "ratings": {"7.3.3.a": None},
      "why": "7.3.3.a (人员储备, item 10, level 2) is left unrated: it counts as not satisfied, so level 2 fails and the level is 1; it is listed as unrated and as a gap needing largely"},
      {"level": 1, "domains": domains({"people": 1}), "unrated": ["7.3.3.a"],
       "levels": [{"level": 1, "reached": True, "unrated": 0},
                  {"level": 2, "reached": False, "clauses": 136, "applicable": 136, "fully": 135, "largely": 135, "unrated": 1}]
                 + [{"level": l, "reached": False} for l in (3, 4, 5)],
       "gaps": {"target": 2, "clauses": [gap("7.3.3.a", 2, "people", 10, None, None, "largely")]}})

write("not-applicable-excluded", {"op": "rate", "fill": "F",
      "ratings": {"8.6.3.a": {"rating": "na", "reason": "不保有硬件备件"}, "8.6.3.b": {"rating": "na", "reason": "不保有硬件备件"}},
      "why": "two level-3 clauses of 备件库 (item 30) are na: they are excluded, every applicable clause is F, so level 5; level 3 has 197 applicable clauses, all fully satisfied"},
      {"level": 5, "domains": domains({}),
       "levels": [{"level": 1}, {"level": 2},
                  {"level": 3, "clauses": 199, "applicable": 197, "fully": 197, "not_applicable": 2, "coverage": 1},
                  {"level": 4}, {"level": 5}],
       "not_applicable": [{"id": "8.6.3.a", "reason": "不保有硬件备件"}, {"id": "8.6.3.b", "reason": "不保有硬件备件"}],
       "gaps": {"target": None, "clauses": []}})

write("binary-scale", {"op": "rate", "scale": "binary", "fill": "met", "ratings": {"8.4.5.c": "not_met"},
      "why": "binary scale, everything met but 8.4.5.c (问题管理, item 18, level 3): levels 1 and 2 fully, level 3 not largely: level 2; the gap for level 3 asks 8.4.5.c to be largely satisfied (met, on this scale)"},
      {"scale": "binary", "level": 2, "domains": domains({"process": 2}),
       "gaps": {"target": 3, "clauses": [gap("8.4.5.c", 3, "process", 18, "not_met", None, "largely")]}})

write("nplf-scale-with-percent", {"op": "rate", "scale": "nplf", "fill": "F", "ratings": {"7.1.1.a": 60},
      "why": "NPLF scale, everything F but 7.1.1.a at 60 % (L): level 2 largely satisfied, level 3 needs it fully: level 2, gap asks for fully"},
      {"scale": "nplf", "level": 2, "domains": domains({"capability_management": 2}),
       "gaps": {"target": 3, "clauses": [gap("7.1.1.a", 2, "capability_management", 1, 60, "L", "fully")]}})

write("domain-level-differs", {"op": "rate", "fill": "F", "ratings": {"7.5.2.b": "P"},
      "why": "7.5.2.b (技术研发, item 26, technology, level 2) is P: overall and the technology domain stop at level 1 while the seven other domains reach level 5"},
      {"level": 1, "domains": domains({"technology": 1}),
       "gaps": {"target": 2, "clauses": [gap("7.5.2.b", 2, "technology", 26, "P", "P", "largely")]}})

MIXED = {"7.4.6.a": "L", "8.1.1.a": "P", "8.2.1.a": None, "9.1.1.a": "L", "9.2.1.a": 40}
MIXED_WHY = ("everything F except 7.4.6.a L (变更管理, level 2), 8.1.1.a P (能力策划, level 3), 8.2.1.a unrated "
             "(质量策划, level 3), 9.1.1.a L and 9.2.1.a 40 %% = P (level 4). Level 2 is largely satisfied and "
             "level 1 fully, level 3 needs level 2 fully: level 2. ")
MIXED_DOMAINS = domains({"capability_management": 2, "quality_management": 2, "process": 2})
write("target-default", {"op": "rate", "fill": "F", "ratings": MIXED,
      "why": MIXED_WHY + "Default target 3: 7.4.6.a below it must be fully satisfied; 8.1.1.a and 8.2.1.a at it must be largely."},
      {"level": 2, "domains": MIXED_DOMAINS, "unrated": ["8.2.1.a"],
       "gaps": {"target": 3, "clauses": [
           gap("7.4.6.a", 2, "process", 19, "L", "L", "fully"),
           gap("8.1.1.a", 3, "capability_management", 1, "P", "P", "largely"),
           gap("8.2.1.a", 3, "quality_management", 5, None, None, "largely")]}})
write("target-4", {"op": "rate", "fill": "F", "ratings": MIXED, "target": 4,
      "why": MIXED_WHY + "Target 4: the three clauses below level 4 must be fully satisfied; at level 4, 9.2.1.a (P) must be largely; 9.1.1.a (L) already is."},
      {"level": 2, "gaps": {"target": 4, "clauses": [
           gap("7.4.6.a", 2, "process", 19, "L", "L", "fully"),
           gap("8.1.1.a", 3, "capability_management", 1, "P", "P", "fully"),
           gap("8.2.1.a", 3, "quality_management", 5, None, None, "fully"),
           gap("9.2.1.a", 4, "quality_management", 5, 40, "P", "largely")]}})
write("target-5", {"op": "rate", "fill": "F", "ratings": MIXED, "target": 5,
      "why": MIXED_WHY + "Target 5: all five clauses lie below level 5 and must be fully satisfied."},
      {"level": 2, "gaps": {"target": 5, "clauses": [
           gap("7.4.6.a", 2, "process", 19, "L", "L", "fully"),
           gap("8.1.1.a", 3, "capability_management", 1, "P", "P", "fully"),
           gap("8.2.1.a", 3, "quality_management", 5, None, None, "fully"),
           gap("9.1.1.a", 4, "capability_management", 1, "L", "L", "fully"),
           gap("9.2.1.a", 4, "quality_management", 5, 40, "P", "fully")]}})
write("target-below-level", {"op": "rate", "fill": "F", "ratings": MIXED, "target": 1,
      "why": MIXED_WHY + "Target 1 is already reached: nothing blocks it."},
      {"level": 2, "gaps": {"target": 1, "clauses": []}})
write("target-out-of-range", {"op": "rate", "fill": "F", "target": 6,
      "why": "the model has levels 1 to 5"}, {"error": {"code": "ITSS_EINVAL"}})

write("metadata-carried", {"op": "rate", "fill": "F", "fill_levels": [1],
      "meta": {"id": "A-1", "organization": "示例公司", "scope": "数据中心运维", "date": "2026-10-15", "assessor": "内审组", "notes": "年度自评"},
      "why": "the metadata is copied into the result; only level 1 is rated (F), so level 1 is reached and all 475 clauses of levels 2-5 are unrated"},
      {"id": "A-1", "organization": "示例公司", "scope": "数据中心运维", "date": "2026-10-15", "assessor": "内审组",
       "notes": "年度自评", "level": 1,
       "levels": [{"level": 1, "reached": True}, {"level": 2, "unrated": 136}, {"level": 3, "unrated": 199},
                  {"level": 4, "unrated": 111}, {"level": 5, "unrated": 29}]})

write("domain-wide-clauses", {"op": "rate", "fill": "F", "ratings": {"9.4.b": "N"},
      "why": "9.4.b is a domain-wide process clause (no item) at level 4: N blocks level 4 for the process domain and overall: level 3; the gap has item null"},
      {"level": 3, "domains": domains({"process": 3}),
       "gaps": {"target": 4, "clauses": [gap("9.4.b", 4, "process", None, "N", "N", "largely")]}})

# ---- assessment documents with errors --------------------------------------------
ERRORS = [
    ("unknown-clause", '{"ratings": {"6.1.1.a": "F",\n  §"7.4.4.z": "L"}}', "ITSS_ENOTFOUND", "/ratings/7.4.4.z", "7.4.4.z has no letter z: an unknown id is located at its key"),
    ("wrong-type-bool", '{"ratings": {"6.1.1.a": §true}}', "ITSS_ESCHEMA", "/ratings/6.1.1.a", "a rating is a string, a number or an object"),
    ("wrong-type-array", '{"ratings": {"6.1.1.a": §["F"]}}', "ITSS_ESCHEMA", "/ratings/6.1.1.a", "arrays are not ratings"),
    ("percent-above-100", '{"ratings": {\n  "6.1.1.a": §100.5}}', "ITSS_EVALUE", "/ratings/6.1.1.a", "percentages stop at 100"),
    ("percent-negative", '{"ratings": {"6.1.1.a": §-1}}', "ITSS_EVALUE", "/ratings/6.1.1.a", "percentages start at 0"),
    ("nan-token", '{"ratings": {"6.1.1.a": §NaN}}', "ITSS_EPARSE", "", "NaN is not JSON"),
    ("infinity-token", '{"ratings": {"6.1.1.a": §Infinity}}', "ITSS_EPARSE", "", "Infinity is not JSON"),
    ("huge-number", '{"ratings": {"6.1.1.a": §1e400}}', "ITSS_EPARSE", "", "a number beyond the double range"),
    ("lowercase-grade", '{"ratings": {"6.1.1.a": §"f"}}', "ITSS_EVALUE", "/ratings/6.1.1.a", "grades are upper case N, P, L, F"),
    ("na-without-reason", '{"ratings": {"6.1.1.a": §"na"}}', "ITSS_EVALUE", "/ratings/6.1.1.a", "na needs the object form with a reason"),
    ("na-object-without-reason", '{"ratings": {"6.1.1.a": §{"rating": "na"}}}', "ITSS_EVALUE", "/ratings/6.1.1.a", "na needs a reason"),
    ("na-empty-reason", '{"ratings": {"6.1.1.a": {"rating": "na", "reason": §""}}}', "ITSS_EVALUE", "/ratings/6.1.1.a/reason", "the reason must not be empty"),
    ("reason-without-na", '{"ratings": {"6.1.1.a": {"rating": "F", §"reason": "x"}}}', "ITSS_ESCHEMA", "/ratings/6.1.1.a/reason", "reasons belong to na; located at the key"),
    ("object-without-rating", '{"ratings": {"6.1.1.a": §{"note": "x"}}}', "ITSS_ESCHEMA", "/ratings/6.1.1.a", "the object form needs a rating"),
    ("unknown-key-in-rating", '{"ratings": {"6.1.1.a": {"rating": "F", §"grade": "F"}}}', "ITSS_ESCHEMA", "/ratings/6.1.1.a/grade", "unknown keys in the object form"),
    ("evidence-not-string", '{"ratings": {"6.1.1.a": {"rating": "F", "evidence": §3}}}', "ITSS_ESCHEMA", "/ratings/6.1.1.a/evidence", "evidence is text"),
    ("duplicate-clause", '{"ratings": {"6.1.1.a": "F",\n  §"6.1.1.a": "N"}}', "ITSS_EDUPLICATE", "/ratings/6.1.1.a", "the second of two equal keys"),
    ("binary-scale-grade", '{"ratings": {"6.1.1.a": §"F"}, "scale": "binary"}', "ITSS_EVALUE", "/ratings/6.1.1.a", "F is outside the binary scale, wherever the scale key stands"),
    ("binary-scale-percent", '{"scale": "binary", "ratings": {"6.1.1.a": §90}}', "ITSS_EVALUE", "/ratings/6.1.1.a", "numbers are outside the binary scale"),
    ("nplf-scale-met", '{"scale": "nplf", "ratings": {"6.1.1.a": §"met"}}', "ITSS_EVALUE", "/ratings/6.1.1.a", "met is outside the NPLF scale"),
    ("unknown-scale", '{"scale": §"ternary", "ratings": {}}', "ITSS_EVALUE", "/scale", "scales are binary, nplf, any"),
    ("unknown-top-level-key", '{"ratings": {},\n §"rater": "x"}', "ITSS_ESCHEMA", "/rater", "any other top-level key is an error"),
    ("missing-ratings", '§{"organization": "x"}', "ITSS_ESCHEMA", "", "ratings is required"),
    ("ratings-not-object", '{"ratings": §[]}', "ITSS_ESCHEMA", "/ratings", "ratings is an object keyed by clause id"),
    ("metadata-not-string", '{"ratings": {}, "organization": §5}', "ITSS_ESCHEMA", "/organization", "metadata values are text"),
    ("truncated", '{"ratings": {"6.1.1.a": "F"§', "ITSS_EPARSE", "", "the document ends inside an object"),
    ("top-level-array", '§[{"ratings": {}}]', "ITSS_ESCHEMA", "", "the document is an object"),
    ("empty-document", '§', "ITSS_EPARSE", "", "nothing to read"),
    ("control-char-in-id", '{"ratings": {§"6.1.1\\u0001a": "F"}}', "ITSS_ENOTFOUND", None, "a control character makes an unknown id, shown escaped"),
]
for name, text, code, path, why in ERRORS:
    exp = {"error": {"code": code}}
    if path is not None:
        exp["error"]["path"] = path
    write("error-" + name, {"op": "rate_file", "file": "assessment.json", "why": why}, exp,
          {"assessment.json": text})

# ---- a custom model ------------------------------------------------------------
CUSTOM = '''{"format": "itss-maturity-model/1", "id": "acme-ops", "edition": "ACME O&M model 2026",
 "title": {"zh": "示例运维能力模型", "en": "Example O&M capability model"},
 "levels": [
  {"level": 1, "name": {"zh": "起步", "en": "Starting"}},
  {"level": 2, "name": {"zh": "规范", "en": "Defined"}},
  {"level": 3, "name": {"zh": "优化", "en": "Optimised"}}],
 "parts": [{"id": "core", "name": {"zh": "核心", "en": "Core"}}],
 "domains": [
  {"id": "ops", "number": 1, "part": "core", "name": {"zh": "运行", "en": "Operations"}},
  {"id": "sec", "number": 2, "part": "core", "name": {"zh": "安全", "en": "Security"}}],
 "items": [
  {"number": 1, "domain": "ops", "name": {"zh": "监控", "en": "Monitoring"}},
  {"number": 2, "domain": "sec", "name": {"zh": "访问控制", "en": "Access control"}}],
 "clauses": [
  {"id": "ops-1a", "level": 1, "domain": "ops", "item": 1, "summary": {"zh": "有监控", "en": "Monitoring exists"}},
  {"id": "sec-1a", "level": 1, "domain": "sec", "item": 2, "summary": {"zh": "有账号管理", "en": "Accounts are managed"}},
  {"id": "ops-2a", "level": 2, "domain": "ops", "item": 1, "summary": {"zh": "监控覆盖全部系统", "en": "Monitoring covers all systems"}},
  {"id": "ops-2b", "level": 2, "domain": "ops", "item": 1, "summary": {"zh": "告警有人处理", "en": "Alerts are handled"}},
  {"id": "sec-2a", "level": 2, "domain": "sec", "item": 2, "summary": {"zh": "定期复核权限", "en": "Access is reviewed"}},
  {"id": "ops-3a", "level": 3, "domain": "ops", "item": null, "summary": {"zh": "运行指标持续改进", "en": "Operations metrics drive improvement"}},
  {"id": "sec-3a", "level": 3, "domain": "sec", "item": null, "summary": {"zh": "安全指标持续改进", "en": "Security metrics drive improvement"}}]}
'''
write("custom-model-load", {"op": "load_model", "model": "model.json", "why": "an organisation's own model: 3 levels, 2 domains, 2 items, 7 clauses (2, 3, 2 per level)"},
      {"levels": 3, "domains": 2, "items": 2, "clauses": 7, "clauses_per_level": [2, 3, 2]}, {"model.json": CUSTOM})
write("custom-model-rate", {"op": "rate", "model": "model.json", "fill": "F",
      "ratings": {"ops-2b": "L", "sec-3a": {"rating": "na", "reason": "外包给安全服务商"}},
      "why": "custom model rated by the same engine: ops-2b L leaves level 2 largely satisfied (level 2), level 3 needs it fully. The sec domain: levels 1, 2 F, its only level-3 clause na, so it reaches 3. Gap for 3: ops-2b fully."},
      {"model": {"id": "acme-ops", "edition": "ACME O&M model 2026"}, "level": 2,
       "level_name": {"zh": "规范", "en": "Defined"}, "itss_label": None,
       "domains": [{"id": "ops", "level": 2}, {"id": "sec", "level": 3}],
       "gaps": {"target": 3, "clauses": [gap("ops-2b", 2, "ops", 1, "L", "L", "fully")]},
       "not_applicable": [{"id": "sec-3a", "reason": "外包给安全服务商"}], "unrated": []},
      {"model.json": CUSTOM})
write("custom-model-whole-level-na", {"op": "rate", "model": "model.json", "fill": "F",
      "ratings": {"ops-3a": {"rating": "na", "reason": "x"}, "sec-3a": {"rating": "na", "reason": "y"}},
      "why": "every level-3 clause is na: nothing applicable is left unsatisfied, so level 3 is reached (vacuously)"},
      {"level": 3, "levels": [{"level": 1}, {"level": 2}, {"level": 3, "applicable": 0, "coverage": None, "reached": True}]},
      {"model.json": CUSTOM})

MODEL_ERRORS = [
    ("levels-not-contiguous", ('"levels": [\n  {"level": 1, "name": {"zh": "起步", "en": "Starting"}},\n  {"level": 2, "name": {"zh": "规范", "en": "Defined"}},\n  {"level": 3, "name": {"zh": "优化", "en": "Optimised"}}]',
                               '"levels": [\n  {"level": 1, "name": {"zh": "起步", "en": "Starting"}},\n  {"level": §3, "name": {"zh": "规范", "en": "Defined"}},\n  {"level": 4, "name": {"zh": "优化", "en": "Optimised"}}]'),
     "ITSS_EMODEL", "/levels/1/level", "levels are numbered 1..N without holes"),
    ("unknown-part", ('"part": "core", "name": {"zh": "安全"', '"part": §"edge", "name": {"zh": "安全"'),
     "ITSS_EMODEL", "/domains/1/part", "a domain's part must exist"),
    ("duplicate-domain", ('{"id": "sec", "number": 2', '{"id": §"ops", "number": 2'),
     "ITSS_EDUPLICATE", "/domains/1/id", "domain ids are unique"),
    ("duplicate-item", ('{"number": 2, "domain": "sec"', '{"number": §1, "domain": "sec"'),
     "ITSS_EDUPLICATE", "/items/1/number", "item numbers are unique"),
    ("item-unknown-domain", ('{"number": 2, "domain": "sec"', '{"number": 2, "domain": §"net"'),
     "ITSS_EMODEL", "/items/1/domain", "an item's domain must exist"),
    ("clause-unknown-domain", ('{"id": "sec-2a", "level": 2, "domain": "sec"', '{"id": "sec-2a", "level": 2, "domain": §"net"'),
     "ITSS_EMODEL", "/clauses/4/domain", "a clause's domain must exist"),
    ("clause-unknown-item", ('"domain": "sec", "item": 2, "summary": {"zh": "定期复核权限"', '"domain": "sec", "item": §7, "summary": {"zh": "定期复核权限"'),
     "ITSS_EMODEL", "/clauses/4/item", "a clause's item must exist"),
    ("clause-item-other-domain", ('"domain": "sec", "item": 2, "summary": {"zh": "定期复核权限"', '"domain": "sec", "item": §1, "summary": {"zh": "定期复核权限"'),
     "ITSS_EMODEL", "/clauses/4/item", "item 1 belongs to ops, not sec"),
    ("clause-level-too-high", ('{"id": "sec-3a", "level": 3', '{"id": "sec-3a", "level": §4'),
     "ITSS_EMODEL", "/clauses/6/level", "the model has 3 levels"),
    ("duplicate-clause-id", ('{"id": "sec-3a"', '{"id": §"ops-1a"'),
     "ITSS_EDUPLICATE", "/clauses/6/id", "clause ids are unique; the later one is reported"),
    ("clause-id-with-space", ('{"id": "sec-3a"', '{"id": §"sec 3a"'),
     "ITSS_EVALUE", "/clauses/6/id", "ids are 1-64 of A-Z a-z 0-9 . _ -"),
    ("missing-summary-en", ('"summary": {"zh": "安全指标持续改进", "en": "Security metrics drive improvement"}', '"summary": §{"zh": "安全指标持续改进"}'),
     "ITSS_ESCHEMA", "/clauses/6/summary", "summaries come in both languages"),
]
for name, (old, new), code, path, why in MODEL_ERRORS:
    assert old in CUSTOM, name
    write("model-error-" + name, {"op": "load_model", "model": "model.json", "why": why},
          {"error": {"code": code, "path": path}}, {"model.json": CUSTOM.replace(old, new, 1)})

# A level without clauses would be reached by any assessment, even an empty
# one: the loader refuses such a model, at the level's object.
EMPTY_LEVEL = (CUSTOM.replace('"id": "ops-1a", "level": 1', '"id": "ops-1a", "level": 2', 1)
               .replace('"id": "sec-1a", "level": 1', '"id": "sec-1a", "level": 2', 1)
               .replace('  {"level": 1, "name"', '  §{"level": 1, "name"', 1))
assert EMPTY_LEVEL.count('§') == 1 and '"level": 1, "domain"' not in EMPTY_LEVEL
write("model-error-level-without-clauses",
      {"op": "load_model", "model": "model.json",
       "why": "no clause is at level 1 (ops-1a and sec-1a moved to level 2): level 1 would hold for every assessment, so the model is inconsistent"},
      {"error": {"code": "ITSS_EMODEL", "path": "/levels/0", "message_contains": "level 1 has no clauses"}},
      {"model.json": EMPTY_LEVEL})
