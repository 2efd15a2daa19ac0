#!/usr/bin/env python3
"""Writes the cases of this directory (run from anywhere).

Every expected value is worked by hand from the scoring rules of
docs/quality.md and the two GB/T 33850 examples the ITSS handbook gives
(table 3-2: 及时响应率 X = A/B; table 3-3: 服务可见程度 X = A/5); the
reasoning is each case's "why". Numbers are compared to 12 significant
digits. Documents with a § mark the offending token of an error case: the
marker is removed and the expected line, column and byte position are
computed here in Python, independently of libitss.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from casegen import write_case  # noqa: E402

BASE = os.path.dirname(os.path.abspath(__file__))


def write(name, inp, exp, files=None):
    write_case(os.path.join(BASE, name), inp, exp, files)


def score(name, evaluation, exp, why, **extra):
    write(name, dict({"op": "score", "evaluation": evaluation, "why": why}, **extra), exp)


# ---- the two examples of the standard --------------------------------------------
score("seed-table-3-2-timely-response",
      {"service": "01", "scheme": {"indicators": ["timely_response_rate"]},
       "measurements": {"timely_response_rate": {"A": 45, "B": 50}}},
      {"overall": {"score": 0.9, "coverage": 1, "band": None},
       "indicators": [{"id": "timely_response_rate", "x": 0.9, "status": "evaluated", "A": 45, "B": 50}],
       "subcharacteristics": [{"id": "availability", "score": None, "status": "not_evaluated", "reason": "no_indicators"}] + [{}] * 7 +
                             [{"id": "timeliness", "score": 0.9, "coverage": 1, "indicators": 1}] + [{}] * 7,
       "not_evaluated": []},
      "table 3-2: X = A/B; 45 of 50 consulting requests answered in time gives 0.9; timeliness, responsiveness and the overall score are that one value")
score("seed-table-3-3-visibility",
      {"service": "03", "scheme": {"indicators": ["service_visibility"]},
       "measurements": {"service_visibility": {"scores": [3]}}},
      {"overall": {"score": 0.6, "coverage": 1},
       "indicators": [{"id": "service_visibility", "x": 0.6, "method": "rating", "scores": [3]}]},
      "table 3-3: X = A/5; A = 3 (the provider shows part of the process and results) gives 0.6")
score("scores-written-as-reals",
      {"service": "03", "scheme": {"indicators": ["service_visibility"]},
       "measurements": {"service_visibility": {"scores": [4, 5.0, 3.0]}}},
      {"overall": {"score": 0.8, "coverage": 1},
       "indicators": [{"id": "service_visibility", "x": 0.8, "status": "evaluated"}]},
      "JSON does not tell 5 from 5.0: the scores are 4, 5 and 3, their mean 4, and X = A/5 = 0.8 "
      "(table 3-3 rule, several raters averaged)")
score("counts-beyond-64-bit-integers",
      {"service": "04", "scheme": {"indicators": ["incident_resolution_rate"]},
       "measurements": {"incident_resolution_rate": {"A": 1, "B": 1e100}}},
      {"overall": {"score": 1e-100, "coverage": 1},
       "indicators": [{"id": "incident_resolution_rate", "x": 1e-100, "status": "evaluated",
                       "A": 1, "B": 1e100}]},
      "counts are numbers, not bounded by any integer type: X = 1/1e100 = 1e-100, and B is "
      "written back as the same number")
score("several-raters",
      {"service": "03", "scheme": {"indicators": ["service_visibility"]},
       "measurements": {"service_visibility": {"scores": [4, 5, 3]}}},
      {"overall": {"score": 0.8}, "indicators": [{"id": "service_visibility", "x": 0.8}]},
      "three raters give 4, 5 and 3: their mean 4 gives X = 4/5 = 0.8")

# ---- aggregation -------------------------------------------------------------
TIM = ["incident_response_timeliness", "on_time_repair_rate", "call_answer_rate"]
score("weighted-with-missing-child",
      {"service": "04", "scheme": {"indicators": TIM, "weights": {"incident_response_timeliness": 2}},
       "measurements": {"incident_response_timeliness": {"A": 90, "B": 100}, "call_answer_rate": {"A": 80, "B": 100}}},
      {"overall": {"score": (2 * 0.9 + 0.8) / 3, "coverage": 0.75},
       "characteristics": [{"id": "security", "status": "not_evaluated", "reason": "no_indicators"}, {"id": "reliability"},
                           {"id": "responsiveness", "score": (2 * 0.9 + 0.8) / 3, "coverage": 0.75}, {}, {}],
       "indicators": [{"id": "incident_response_timeliness", "x": 0.9, "weight": 2},
                      {"id": "on_time_repair_rate", "x": None, "status": "missing", "weight": 1},
                      {"id": "call_answer_rate", "x": 0.8}],
       "not_evaluated": [{"id": "on_time_repair_rate", "status": "missing"}]},
      "timeliness: 0.9 with weight 2, a missing indicator with weight 1, 0.8 with weight 1: the score is the weighted mean over what was evaluated, (2*0.9 + 0.8)/3 = 0.8667; the evaluated children carry 3 of the 4 units of weight: coverage 0.75")
score("no-events",
      {"service": "04", "scheme": {"indicators": ["incident_response_timeliness", "call_answer_rate"]},
       "measurements": {"incident_response_timeliness": {"A": 0, "B": 0}, "call_answer_rate": {"A": 45, "B": 50}}},
      {"overall": {"score": 0.9, "coverage": 0.5},
       "indicators": [{"id": "incident_response_timeliness", "x": None, "status": "no_events"}, {"id": "call_answer_rate", "x": 0.9}],
       "not_evaluated": [{"id": "incident_response_timeliness", "status": "no_events"}]},
      "B = 0: no incidents in the period, so the indicator is not evaluated (no_events); only the call answer rate 45/50 = 0.9 counts, covering half the weight")
score("negative-polarity",
      {"service": "04", "scheme": {"indicators": ["repeat_repair_rate"]},
       "measurements": {"repeat_repair_rate": {"A": 9, "B": 100}}},
      {"overall": {"score": 0.91}, "indicators": [{"id": "repeat_repair_rate", "polarity": "negative", "x": 0.91}]},
      "故障返修率 is lower-is-better: 9 repeat repairs of 100 gives X = 1 - 9/100 = 0.91 (the ATM case's 9 % under an SLA of 12 %)")
score("zero-weights",
      {"service": "04", "scheme": {"indicators": ["incident_resolution_rate", "problem_resolution_rate", "call_answer_rate"],
                                   "weights": {"incident_resolution_rate": 0, "problem_resolution_rate": 0}},
       "measurements": {"incident_resolution_rate": {"A": 9, "B": 10}, "problem_resolution_rate": {"A": 1, "B": 2},
                        "call_answer_rate": {"A": 7, "B": 10}}},
      {"overall": {"score": 0.7, "coverage": 0.5},
       "subcharacteristics": [{}] * 6 + [{"id": "effectiveness", "score": None, "status": "not_evaluated", "reason": "zero_weight", "coverage": None}] + [{}] * 9,
       "characteristics": [{}, {"id": "reliability", "score": None, "reason": "nothing_evaluated", "coverage": 0}, {"id": "responsiveness", "score": 0.7}, {}, {}],
       "indicators": [{"id": "incident_resolution_rate", "x": 0.9, "weight": 0}, {"id": "problem_resolution_rate", "x": 0.5, "weight": 0}, {"id": "call_answer_rate", "x": 0.7}]},
      "both effectiveness indicators are measured but weigh 0: effectiveness is not evaluated (zero_weight) and its coverage is undefined; reliability then has nothing evaluated; the overall score is responsiveness alone, 7/10, over half the weight")
score("characteristic-weights",
      {"service": "04", "scheme": {"indicators": ["incident_resolution_rate", "call_answer_rate"], "weights": {"reliability": 3, "responsiveness": 1}},
       "measurements": {"incident_resolution_rate": {"A": 9, "B": 10}, "call_answer_rate": {"A": 5, "B": 10}}},
      {"overall": {"score": (3 * 0.9 + 1 * 0.5) / 4, "coverage": 1}},
      "reliability 0.9 weighs 3, responsiveness 0.5 weighs 1: overall (3*0.9 + 0.5)/4 = 0.8")

# ---- weights at the ends of the double range ------------------------------------
# A weighted mean does not change when every weight is multiplied by the same
# number, so it can be computed on the weights divided by the largest: the
# expected values below are the means of the weights as given, worked by hand.
DBL_MAX = sys.float_info.max          # 1.7976931348623157e308
DENORMAL_MIN = 5e-324                 # the smallest double above 0
IRT_OTR = ["incident_response_timeliness", "on_time_repair_rate"]


def two_timeliness(w1, w2, m2={"A": 8, "B": 10}, more=None):
    """incident_response_timeliness X = 0.9 with weight w1, on_time_repair_rate
    X = 0.8 (or as m2) with weight w2."""
    ev = {"service": "04", "scheme": {"indicators": IRT_OTR + (more or []),
                                      "weights": {IRT_OTR[0]: w1, IRT_OTR[1]: w2}},
          "measurements": {IRT_OTR[0]: {"A": 9, "B": 10}}}
    if m2 is not None:
        ev["measurements"][IRT_OTR[1]] = m2
    return ev


score("weights-huge-equal", two_timeliness(1e308, 1e308),
      {"overall": {"score": 0.85, "coverage": 1, "status": "evaluated"},
       "subcharacteristics": [{}] * 8 + [{"id": "timeliness", "score": 0.85, "coverage": 1}] + [{}] * 7,
       "indicators": [{"id": IRT_OTR[0], "weight": 1e308}, {"id": IRT_OTR[1], "weight": 1e308}]},
      "two indicators of equal weight 1e308: their mean (0.9 + 0.8)/2 = 0.85, as with any equal weights, though "
      "1e308 + 1e308 is beyond the double range; coverage 1 (both evaluated)")
ev = two_timeliness(DBL_MAX, DBL_MAX, more=["call_answer_rate"])
ev["scheme"]["weights"]["call_answer_rate"] = DBL_MAX
score("weights-largest-double", ev,
      {"overall": {"score": 0.85, "coverage": 2 / 3},
       "subcharacteristics": [{}] * 8 + [{"id": "timeliness", "score": 0.85, "coverage": 2 / 3}] + [{}] * 7},
      "three indicators of weight DBL_MAX (1.7976931348623157e308), one of them missing: the score is the mean "
      "of the two evaluated, (0.9 + 0.8)/2 = 0.85, and they carry 2 of the 3 equal weights: coverage 2/3")
score("weights-smallest-denormal", two_timeliness(DENORMAL_MIN, 0),
      {"overall": {"score": 0.9, "coverage": 1},
       "subcharacteristics": [{}] * 8 + [{"id": "timeliness", "score": 0.9, "coverage": 1, "status": "evaluated"}] + [{}] * 7},
      "weights 5e-324 (the smallest double above 0) on X = 0.9 and 0 on X = 0.8: all the weight is on 0.9, so "
      "the mean is (5e-324 * 0.9 + 0 * 0.8)/5e-324 = 0.9 (5e-324 * 0.9 itself rounds back to 5e-324); both "
      "are evaluated and weigh 5e-324 in all: coverage 1")
ev = two_timeliness(1e-300, 1e300, more=["incident_resolution_rate"])
ev["scheme"]["weights"].update({"reliability": 1e300, "responsiveness": 1e-300})
ev["measurements"]["incident_resolution_rate"] = {"A": 6, "B": 10}
score("weights-far-apart", ev,
      {"overall": {"score": 0.6, "coverage": 1},
       "subcharacteristics": [{}] * 8 + [{"id": "timeliness", "score": 0.8, "coverage": 1}] + [{}] * 7,
       "characteristics": [{}, {"id": "reliability", "score": 0.6, "weight": 1e300},
                           {"id": "responsiveness", "score": 0.8, "weight": 1e-300}, {}, {}]},
      "weights 1e-300 and 1e300, at two levels. Timeliness: (1e-300 * 0.9 + 1e300 * 0.8)/(1e-300 + 1e300) = "
      "0.8 + 0.1/(1 + 1e600), which is 0.8 in doubles. Overall: reliability (incident_resolution_rate, 6/10 = 0.6) "
      "weighs 1e300 and responsiveness (0.8) 1e-300: 0.6 + 0.2/(1 + 1e600), 0.6 in doubles; everything evaluated: "
      "coverage 1")
score("weights-far-apart-missing", two_timeliness(1e-300, 1e300, m2=None),
      {"overall": {"score": 0.9, "coverage": 0, "status": "evaluated"},
       "subcharacteristics": [{}] * 8 + [{"id": "timeliness", "score": 0.9, "coverage": 0, "status": "evaluated"}] + [{}] * 7},
      "X = 0.9 weighs 1e-300 and the other indicator, missing, 1e300: the score is the mean over what was "
      "evaluated, the one value 0.9 (its weight is small but not 0: not zero_weight); the evaluated share of the "
      "weight is 1e-300/(1e-300 + 1e300) = 1e-600, which is 0 in doubles: coverage 0")

score("bands",
      {"service": "04", "scheme": {"indicators": ["incident_resolution_rate"],
                                   "bands": [{"grade": "C", "min": 0}, {"grade": "A", "min": 0.9}, {"grade": "B", "min": 0.8}]},
       "measurements": {"incident_resolution_rate": {"A": 87, "B": 100}}},
      {"overall": {"score": 0.87, "band": "B"}, "bands": [{"grade": "A", "min": 0.9}, {"grade": "B", "min": 0.8}, {"grade": "C", "min": 0}]},
      "0.87 reaches the band of 0.8 but not that of 0.9: B; bands are kept highest first")
score("na-excluded",
      {"service": "04", "scheme": {"indicators": ["training_coverage", "training_goal_rate"]},
       "measurements": {"training_coverage": {"na": "本季度没有培训"}, "training_goal_rate": {"A": 3, "B": 4}}},
      {"overall": {"score": 0.75, "coverage": 0.5},
       "indicators": [{"id": "training_coverage", "x": None, "status": "na", "na": "本季度没有培训"}, {"id": "training_goal_rate", "x": 0.75}],
       "not_evaluated": [{"id": "training_coverage", "status": "na", "reason": "本季度没有培训"}]},
      "a not-applicable indicator is left out with its reason: professionalism is 3/4 = 0.75, covering half its weight")
score("nothing-measured",
      {"service": "01", "measurements": {}},
      {"overall": {"score": None, "coverage": 0, "status": "not_evaluated", "reason": "nothing_evaluated", "indicators": 3},
       "not_evaluated": [{"id": "timely_response_rate", "status": "missing"}, {"id": "sla_achievement_rate", "status": "missing"},
                         {"id": "staff_turnover_rate", "status": "missing"}]},
      "no scheme: the default one for 01 selects 及时响应率 and the two general indicators; nothing measured, nothing evaluated")
score("ahp-weights-in-scheme",
      {"service": "04", "scheme": {"indicators": TIM,
       "ahp": [{"node": "timeliness", "labels": TIM, "matrix": [[1, 1, 3], [1, 1, 3], [1 / 3, 1 / 3, 1]]}]},
       "measurements": {"incident_response_timeliness": {"A": 9, "B": 10}, "on_time_repair_rate": {"A": 8, "B": 10}, "call_answer_rate": {"A": 5, "B": 10}}},
      {"overall": {"score": (3 * 0.9 + 3 * 0.8 + 0.5) / 7},
       "indicators": [{"id": TIM[0], "weight": 3 / 7}, {"id": TIM[1], "weight": 3 / 7}, {"id": TIM[2], "weight": 1 / 7}]},
      "a consistent matrix (the first two equal, each 3 times the third) gives weights 3/7, 3/7, 1/7; the score is (3*0.9 + 3*0.8 + 0.5)/7 = 0.8")
write("default-scheme-04", {"op": "scheme", "service": "04", "why": "the 13 O&M indicators of the catalog and the 2 meant for every service, in catalog order, weights 1"},
      {"service": "04", "indicators": ["sla_achievement_rate", "staff_turnover_rate", "first_line_resolution_rate", "fault_detection_rate",
                                       "monitoring_coverage", "on_time_repair_rate", "repeat_repair_rate", "effective_failure_rate",
                                       "network_host_failure_ratio", "incident_resolution_rate", "call_answer_rate", "training_goal_rate",
                                       "training_coverage", "incident_response_timeliness", "problem_resolution_rate"],
       "weights": {}, "bands": []})
write("default-scheme-01", {"op": "scheme", "service": "01", "why": "consulting: 及时响应率 (table 3-2) and the 2 general indicators"},
      {"service": "01", "indicators": ["timely_response_rate", "sla_achievement_rate", "staff_turnover_rate"]})

# ---- AHP ---------------------------------------------------------------------
write("ahp-consistent-3x3", {"op": "ahp", "document": {"matrix": [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]], "labels": ["a", "b", "c"]},
      "why": "a consistent matrix (a = 2b = 4c): weights 4/7, 2/7, 1/7, lambda_max = 3, CI = CR = 0"},
      {"labels": ["a", "b", "c"], "weights": [4 / 7, 2 / 7, 1 / 7], "lambda_max": 3, "ci": 0, "cr": 0, "consistent": True})
CYCLE = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]
write("ahp-inconsistent-refused", {"op": "ahp", "document": {"matrix": CYCLE},
      "why": "a > b, b > c but c > a, each by 9: CR far above 0.10, refused"},
      {"error": {"code": "ITSS_ECONSISTENCY", "message_contains": "CR ="}})
write("ahp-inconsistent-allowed", {"op": "ahp", "document": {"matrix": CYCLE}, "allow_inconsistent": True,
      "why": "the same matrix with the override: the cycle is symmetric, so the weights are equal; it is reported as not consistent"},
      {"weights": [1 / 3, 1 / 3, 1 / 3], "labels": ["1", "2", "3"], "consistent": False})
write("ahp-one-element", {"op": "ahp", "document": {"matrix": [[1]], "labels": ["only"]}, "why": "one element takes all the weight"},
      {"weights": [1], "cr": 0})
AHP_ERRORS = [
    ("not-reciprocal", '{"matrix": [[1, 2],\n  [§2, 1]]}', "ITSS_EVALUE", "/matrix/1/0", "matrix[1][0] must be 1/2"),
    ("diagonal", '{"matrix": [[§2, 1], [1, 1]]}', "ITSS_EVALUE", "/matrix/0/0", "the diagonal is 1"),
    ("zero", '{"matrix": [[1, §0], [1, 1]]}', "ITSS_EVALUE", "/matrix/0/1", "comparisons are positive"),
    ("not-square", '{"matrix": [[1, 2], §[0.5]]}', "ITSS_EVALUE", "/matrix/1", "each row needs one number per row"),
    ("string-cell", '{"matrix": [[1, §"2"], [0.5, 1]]}', "ITSS_ESCHEMA", "/matrix/0/1", "cells are numbers"),
    ("too-large", '{"matrix": §[' + ', '.join(['[' + ', '.join(['1'] * 16) + ']'] * 16) + ']}', "ITSS_ELIMIT", "/matrix", "at most 15x15"),
    ("labels-count", '{"matrix": [[1]], "labels": §["a", "b"]}', "ITSS_EVALUE", "/labels", "one label per row"),
    ("labels-duplicate", '{"matrix": [[1, 1], [1, 1]], "labels": ["a", §"a"]}', "ITSS_EDUPLICATE", "/labels/1", "labels are unique"),
    ("empty", '{"matrix": []}', "ITSS_EVALUE", None, "an empty matrix"),
    ("unknown-key", '{"matrix": [[1]], §"weights": [1]}', "ITSS_ESCHEMA", "/weights", "only matrix and labels"),
]
for name, text, code, path, why in AHP_ERRORS:
    exp = {"error": {"code": code}}
    if path is not None:
        exp["error"]["path"] = path
    write("ahp-error-" + name, {"op": "ahp", "file": "ahp.json", "why": why}, exp, {"ahp.json": text})

# ---- evaluation errors -----------------------------------------------------------
def ev(measure, scheme='"indicators": ["incident_resolution_rate", "service_visibility"]'):
    return '{"service": "04",\n "scheme": {' + scheme + '},\n "measurements": {\n  ' + measure + '}}\n'
EVAL_ERRORS = [
    ("a-greater-than-b", ev('"incident_resolution_rate": {"A": §11, "B": 10}'), "ITSS_EVALUE", "/measurements/incident_resolution_rate/A", "A cannot exceed B"),
    ("negative-count", ev('"incident_resolution_rate": {"A": 1, "B": §-10}'), "ITSS_EVALUE", "/measurements/incident_resolution_rate/B", "counts are not negative"),
    ("non-numeric", ev('"incident_resolution_rate": {"A": §"95", "B": 100}'), "ITSS_ESCHEMA", "/measurements/incident_resolution_rate/A", "counts are numbers"),
    ("missing-b", ev('"incident_resolution_rate": §{"A": 1}'), "ITSS_ESCHEMA", "/measurements/incident_resolution_rate", "A needs B"),
    ("score-out-of-range", ev('"service_visibility": {"scores": [4, §6]}'), "ITSS_EVALUE", "/measurements/service_visibility/scores/1", "scores are 1 to 5"),
    ("score-not-integer", ev('"service_visibility": {"scores": [§4.5]}'), "ITSS_EVALUE", "/measurements/service_visibility/scores/0", "scores are whole numbers"),
    ("score-string", ev('"service_visibility": {"scores": [§"4"]}'), "ITSS_ESCHEMA", "/measurements/service_visibility/scores/0", "scores are numbers"),
    ("empty-scores", ev('"service_visibility": {"scores": §[]}'), "ITSS_EVALUE", "/measurements/service_visibility/scores", "at least one score"),
    ("ratio-for-rating", ev('"service_visibility": §{"A": 1, "B": 2}'), "ITSS_EVALUE", "/measurements/service_visibility", "服务可见程度 is a rating"),
    ("rating-for-ratio", ev('"incident_resolution_rate": §{"scores": [4]}'), "ITSS_EVALUE", "/measurements/incident_resolution_rate", "事件解决率 is a ratio"),
    ("two-forms", ev('"incident_resolution_rate": §{"A": 1, "B": 2, "na": "x"}'), "ITSS_ESCHEMA", "/measurements/incident_resolution_rate", "one form per measurement"),
    ("empty-na", ev('"incident_resolution_rate": {"na": §""}'), "ITSS_EVALUE", "/measurements/incident_resolution_rate/na", "na needs a reason"),
    ("unknown-indicator", ev('§"speed": {"A": 1, "B": 2}'), "ITSS_ENOTFOUND", "/measurements/speed", "not in the catalog"),
    ("unselected-indicator", ev('§"call_answer_rate": {"A": 1, "B": 2}'), "ITSS_ENOTFOUND", "/measurements/call_answer_rate", "in the catalog but not selected"),
    ("duplicate-measurement", ev('"incident_resolution_rate": {"A": 1, "B": 2},\n  §"incident_resolution_rate": {"A": 1, "B": 2}'), "ITSS_EDUPLICATE", "/measurements/incident_resolution_rate", "the same key twice"),
    ("unknown-scheme-indicator", ev('', '"indicators": [§"speed"]'), "ITSS_ENOTFOUND", "/scheme/indicators/0", "unknown ids in the scheme"),
    ("duplicate-selection", ev('', '"indicators": ["call_answer_rate", §"call_answer_rate"]'), "ITSS_EDUPLICATE", "/scheme/indicators/1", "an indicator is selected once"),
    ("negative-weight", ev('', '"indicators": ["call_answer_rate"], "weights": {"timeliness": §-1}'), "ITSS_EVALUE", "/scheme/weights/timeliness", "weights are >= 0"),
    ("weight-not-number", ev('', '"indicators": ["call_answer_rate"], "weights": {"timeliness": §"1"}'), "ITSS_ESCHEMA", "/scheme/weights/timeliness", "weights are numbers"),
    ("weight-unknown-id", ev('', '"indicators": ["call_answer_rate"], "weights": {§"speed": 1}'), "ITSS_ENOTFOUND", "/scheme/weights/speed", "unknown node"),
    ("weight-unselected", ev('', '"indicators": ["call_answer_rate"], "weights": {§"incident_resolution_rate": 1}'), "ITSS_ENOTFOUND", "/scheme/weights/incident_resolution_rate", "an indicator the scheme does not select"),
    ("band-out-of-range", ev('', '"indicators": ["call_answer_rate"], "bands": [§{"grade": "A", "min": 1.5}]'), "ITSS_EVALUE", "/scheme/bands/0", "band minimums are 0 to 1"),
    ("band-duplicate", ev('', '"indicators": ["call_answer_rate"], "bands": [{"grade": "A", "min": 0.9}, §{"grade": "A", "min": 0.8}]'), "ITSS_EDUPLICATE", "/scheme/bands/1", "grades are unique"),
    ("ahp-inconsistent", ev('', '"indicators": ["incident_response_timeliness", "on_time_repair_rate", "call_answer_rate"], "ahp": [{"node": "timeliness", "labels": ["incident_response_timeliness", "on_time_repair_rate", "call_answer_rate"], "matrix": §[[1, 9, 0.1111111111111111], [0.1111111111111111, 1, 9], [9, 0.1111111111111111, 1]]}]'), "ITSS_ECONSISTENCY", "/scheme/ahp/0/matrix", "an inconsistent matrix in a scheme is refused"),
    ("ahp-missing-child", ev('', '"indicators": ["incident_response_timeliness", "on_time_repair_rate"], "ahp": [{"node": "timeliness", "labels": §["on_time_repair_rate"], "matrix": [[1]]}]'), "ITSS_EVALUE", "/scheme/ahp/0/labels", "AHP must weigh every child of the node"),
    ("ahp-conflicts-with-weights", ev('', '"indicators": ["incident_response_timeliness", "on_time_repair_rate"], "weights": {"on_time_repair_rate": 2}, "ahp": [{"node": "timeliness", "labels": ["incident_response_timeliness", §"on_time_repair_rate"], "matrix": [[1, 1], [1, 1]]}]'), "ITSS_EVALUE", "/scheme/ahp/0/labels/1", "one weight per node"),
    ("unknown-service", '{"service": §"0407", "measurements": {}}', "ITSS_ENOTFOUND", "/service", "0407 is not a GB/T 29264 class"),
    ("bad-service", '{"service": §"4", "measurements": {}}', "ITSS_EVALUE", "/service", "codes have 2, 4 or 6 digits"),
    ("missing-measurements", '§{"service": "04"}', "ITSS_ESCHEMA", "", "measurements are required"),
    ("unknown-top-level-key", '{"service": "04", "measurements": {},\n §"grade": "A"}', "ITSS_ESCHEMA", "/grade", "unknown keys are refused"),
    ("metadata-not-string", '{"service": "04", "measurements": {}, "period": §2026}', "ITSS_ESCHEMA", "/period", "metadata is text"),
    ("huge-number", ev('"incident_resolution_rate": {"A": 1, "B": §1e999}'), "ITSS_EPARSE", None, "beyond the double range"),
]
for name, text, code, path, why in EVAL_ERRORS:
    exp = {"error": {"code": code}}
    if path is not None:
        exp["error"]["path"] = path
    write("error-" + name, {"op": "score", "file": "evaluation.json", "why": why}, exp, {"evaluation.json": text})

# ---- catalogs -----------------------------------------------------------------------
def cat(ind):
    return '{"indicators": [\n  ' + ind + ']}\n'
GOOD = '{"id": "patch_rate", "name": {"zh": "补丁及时率", "en": "Patch rate"}, "subcharacteristic": "integrity", "method": "ratio", "polarity": "positive", "services": ["0404"], "a": {"zh": "按时", "en": "on time"}, "b": {"zh": "全部", "en": "all"}}'
write("catalog-alone", {"op": "load_catalog", "catalog": "catalog.json", "why": "a catalog of one indicator, loaded alone"},
      {"count": 1, "ids": ["patch_rate"]}, {"catalog.json": cat(GOOD)})
write("catalog-on-top", {"op": "load_catalog", "catalog": "catalog.json", "catalog_base": "builtin", "why": "on top of the 17 built-in indicators: 18, the new one last"},
      {"count": 18}, {"catalog.json": cat(GOOD)})
write("catalog-builtin", {"op": "load_catalog", "why": "the built-in catalog: 17 indicators named in the sources, in document order"},
      {"count": 17, "ids": ["timely_response_rate", "service_visibility", "sla_achievement_rate", "staff_turnover_rate",
                            "first_line_resolution_rate", "fault_detection_rate", "monitoring_coverage", "on_time_repair_rate",
                            "repeat_repair_rate", "effective_failure_rate", "network_host_failure_ratio", "incident_resolution_rate",
                            "call_answer_rate", "training_goal_rate", "training_coverage", "incident_response_timeliness",
                            "problem_resolution_rate"]})
CAT_ERRORS = [
    ("id-is-model-id", GOOD.replace('"id": "patch_rate"', '"id": §"timeliness"'), "ITSS_EMODEL", "/indicators/0/id", None, "indicator ids and model ids share one namespace"),
    ("id-in-base", GOOD.replace('"id": "patch_rate"', '"id": §"call_answer_rate"'), "ITSS_EDUPLICATE", "/indicators/0/id", "builtin", "an id of the built-in catalog"),
    ("unknown-subcharacteristic", GOOD.replace('"subcharacteristic": "integrity"', '"subcharacteristic": §"speed"'), "ITSS_EMODEL", "/indicators/0/subcharacteristic", None, "not in the model"),
    ("characteristic-not-sub", GOOD.replace('"subcharacteristic": "integrity"', '"subcharacteristic": §"security"'), "ITSS_EMODEL", "/indicators/0/subcharacteristic", None, "indicators hang under sub-characteristics"),
    ("bad-method", GOOD.replace('"method": "ratio"', '"method": §"count"'), "ITSS_EVALUE", "/indicators/0/method", None, "ratio or rating"),
    ("missing-b", GOOD.replace(', "b": {"zh": "全部", "en": "all"}', '').replace('{"id"', '§{"id"'), "ITSS_ESCHEMA", "/indicators/0", None, "a ratio says what B counts"),
    ("rating-negative", '{"id": "x", "name": {"zh": "甲", "en": "X"}, "subcharacteristic": "courtesy", "method": "rating", "polarity": §"negative", "anchors": {}}', "ITSS_EVALUE", "/indicators/0/polarity", None, "5 is always the best rating"),
    ("rating-missing-anchor", '{"id": "x", "name": {"zh": "甲", "en": "X"}, "subcharacteristic": "courtesy", "method": "rating", "polarity": "positive", "anchors": §{"1": {"zh": "差", "en": "bad"}}}', "ITSS_ESCHEMA", "/indicators/0/anchors", None, "anchors for 1 to 5"),
    ("bad-service", GOOD.replace('"services": ["0404"]', '"services": [§"0407"]'), "ITSS_ENOTFOUND", "/indicators/0/services/0", None, "services are GB/T 29264 codes"),
    ("bad-id", GOOD.replace('"id": "patch_rate"', '"id": §"patch rate"'), "ITSS_EVALUE", "/indicators/0/id", None, "ids are 1-64 of A-Z a-z 0-9 . _ -"),
    ("duplicate-id", GOOD + ',\n  ' + GOOD.replace('"id": "patch_rate"', '"id": §"patch_rate"'), "ITSS_EDUPLICATE", "/indicators/1/id", None, "ids are unique"),
]
for name, ind, code, path, base, why in CAT_ERRORS:
    inp = {"op": "load_catalog", "catalog": "catalog.json", "why": why}
    if base:
        inp["catalog_base"] = base
    write("catalog-error-" + name, inp, {"error": {"code": code, "path": path}}, {"catalog.json": cat(ind)})

# ---- comparison over time ------------------------------------------------------------
def q(a):
    return {"service": "04", "period": "Q%d" % a[0], "scheme": {"indicators": ["incident_resolution_rate", "call_answer_rate"]},
            "measurements": {"incident_resolution_rate": {"A": a[1], "B": 100}, "call_answer_rate": {"A": a[2], "B": 100}}}
write("compare-series", {"op": "compare", "evaluations": [q((1, 65, 60)), q((2, 80, 75)), q((3, 96, 90))],
      "why": "three quarters of one scheme: 事件解决率 65 -> 80 -> 96 % and 接起率 60 -> 75 -> 90 % (the handbook's university and service-desk cases); the overall score is their mean"},
      {"results": [{"period": "Q1"}, {"period": "Q2"}, {"period": "Q3"}],
       "overall": {"scores": [0.625, 0.775, 0.93], "deltas": [0.15, 0.155], "change": 0.305},
       "indicators": [{"id": "incident_resolution_rate", "scores": [0.65, 0.8, 0.96], "deltas": [0.15, 0.16], "change": 0.31},
                      {"id": "call_answer_rate", "scores": [0.6, 0.75, 0.9], "deltas": [0.15, 0.15], "change": 0.3}]})
other = q((2, 80, 75))
other["scheme"]["weights"] = {"reliability": 2}
write("compare-different-schemes", {"op": "compare", "evaluations": [q((1, 65, 60)), other],
      "why": "the second evaluation weighs reliability 2: its scores are not comparable with the first's"},
      {"error": {"code": "ITSS_EVALUE", "message_contains": "reliability has different weights"}})
