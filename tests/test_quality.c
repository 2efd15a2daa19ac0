/*
 * Unit tests of the quality API (include/itss/quality.h): the GB/T
 * 33850-2017 model, the built-in indicator catalog, evaluations, scoring,
 * comparison and AHP, with their error paths. Expected values come from the
 * standard as the ITSS handbook gives it (seed 001, figure 3-4, tables 3-2
 * and 3-3) and from the rules of docs/quality.md, worked by hand.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "check_main.h"

#define NEAR(a, b) (fabs((a) - (b)) < 1e-12)

static const itss_quality_model *qmodel(void)
{
    const itss_quality_model *m = NULL;
    m = itss_quality_model_builtin();
    return m;
}

static const itss_indicator_catalog *builtin(void)
{
    const itss_indicator_catalog *c = NULL;
    c = itss_indicator_catalog_builtin();
    return c;
}

/* Handles of the built-in model's nodes and the built-in catalog's
 * indicators. */
static const itss_quality_node *node(const char *id)
{
    const itss_quality_node *n = NULL;
    ck_assert_int_eq(itss_quality_node_lookup(qmodel(), id, &n, NULL), 0);
    return n;
}

static const itss_indicator *ind(const char *id)
{
    const itss_indicator *i = NULL;
    ck_assert_int_eq(itss_indicator_lookup(builtin(), id, &i, NULL), 0);
    return i;
}

/* An evaluation of service with exactly the given indicators selected. */
static itss_evaluation *eval_of(const char *service, const char *const *ids, size_t n)
{
    itss_evaluation *e = NULL;
    ck_assert_int_eq(itss_evaluation_new(builtin(), service, &e, NULL), 0);
    ck_assert_int_eq(itss_evaluation_set_indicators(e, ids, n, NULL), 0);
    return e;
}

START_TEST(model_structure)
{
    const itss_quality_model *m = qmodel();
    ck_assert_ptr_eq(m, qmodel());
    ck_assert_str_eq(itss_quality_model_edition(m), "GB/T 33850-2017");
    /* figure 3-4: 安全性 可靠性 响应性 有形性 友好性 with 3, 5, 2, 3, 3 children */
    static const char *const chars[] = {"安全性", "可靠性", "响应性", "有形性", "友好性"};
    static const size_t kids[] = {3, 5, 2, 3, 3};
    static const char *const subs[] = {"可用性", "完整性", "保密性", "完备性", "连续性", "稳定性",
                                       "有效性", "可追溯性", "及时性", "互动性", "可视性",
                                       "专业性", "合规性", "灵活性", "礼貌性", "主动性"};
    static const char *const sub_ids[] = {
        "availability",  "integrity",   "confidentiality", "completeness", "continuity",
        "stability",     "effectiveness", "traceability",  "timeliness",   "interactivity",
        "visibility",    "professionalism", "compliance",   "flexibility",  "courtesy",
        "proactiveness"};
    ck_assert_uint_eq(itss_quality_model_characteristic_count(m), 5);
    ck_assert_uint_eq(itss_quality_model_subcharacteristic_count(m), 16);
    size_t k = 0;
    for (size_t c = 0; c < 5; c++) {
        const itss_quality_node *ch = itss_quality_model_characteristic_at(m, c);
        ck_assert_str_eq(itss_quality_node_name(ch, ITSS_LANG_ZH), chars[c]);
        ck_assert_ptr_null(itss_quality_node_parent(ch));
        ck_assert_uint_eq(itss_quality_node_child_count(ch), kids[c]);
        for (size_t s = 0; s < kids[c]; s++, k++) {
            const itss_quality_node *sub = itss_quality_node_child_at(ch, s);
            ck_assert_ptr_eq(sub, itss_quality_model_subcharacteristic_at(m, k));
            ck_assert_str_eq(itss_quality_node_name(sub, ITSS_LANG_ZH), subs[k]);
            ck_assert_str_eq(itss_quality_node_id(sub), sub_ids[k]);
            ck_assert_ptr_eq(itss_quality_node_parent(sub), ch);
            ck_assert_uint_gt(strlen(itss_quality_node_definition(sub, ITSS_LANG_EN)), 10);
        }
    }
    const itss_quality_node *n = NULL;
    itss_error e;
    ck_assert_int_eq(itss_quality_node_lookup(m, "timeliness", &n, &e), 0);
    ck_assert_str_eq(itss_quality_node_id(itss_quality_node_parent(n)), "responsiveness");
    ck_assert_int_eq(itss_quality_node_lookup(m, "speed", &n, &e), ITSS_ENOTFOUND);
    ck_assert_ptr_null(n);
    ck_assert_int_eq(itss_quality_node_lookup(NULL, "speed", &n, &e), ITSS_EINVAL);
    char *s = NULL;
    ck_assert_int_eq(itss_quality_model_render(m, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &s, NULL, &e), 0);
    ck_assert_ptr_nonnull(strstr(s, "可追溯性"));
    itss_free(s);
}
END_TEST

START_TEST(builtin_catalog)
{
    const itss_indicator_catalog *c = builtin();
    ck_assert_uint_eq(itss_indicator_catalog_indicator_count(c), 17);
    for (size_t i = 0; i < 17; i++) {
        const itss_indicator *ind = itss_indicator_catalog_indicator_at(c, i);
        /* every built-in indicator cites the document it comes from, by title */
        ck_assert_ptr_nonnull(itss_indicator_source(ind));
        ck_assert(strstr(itss_indicator_source(ind), "ITSS handbook") ||
                  strstr(itss_indicator_source(ind), "T/CESA 1299-2023"));
        ck_assert_ptr_nonnull(itss_indicator_subcharacteristic(ind));
        ck_assert_ptr_nonnull(itss_quality_node_parent(itss_indicator_subcharacteristic(ind)));
    }
    /* table 3-2: 及时响应率, a consulting (01) timeliness ratio */
    const itss_indicator *t = NULL;
    itss_error e;
    ck_assert_int_eq(itss_indicator_lookup(c, "timely_response_rate", &t, &e), 0);
    ck_assert_str_eq(itss_indicator_name(t, ITSS_LANG_ZH), "及时响应率");
    ck_assert_str_eq(itss_quality_node_id(itss_indicator_subcharacteristic(t)), "timeliness");
    ck_assert_int_eq(itss_indicator_method(t), ITSS_METHOD_RATIO);
    ck_assert_int_eq(itss_indicator_polarity(t), ITSS_POLARITY_POSITIVE);
    ck_assert_str_eq(itss_indicator_service_at(t, 0), "01");
    ck_assert_ptr_nonnull(itss_indicator_a(t, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_indicator_anchor(t, 3, ITSS_LANG_ZH));
    /* table 3-3: 服务可见程度, an integration (03) visibility rating 1..5 */
    ck_assert_int_eq(itss_indicator_lookup(c, "service_visibility", &t, &e), 0);
    ck_assert_str_eq(itss_indicator_name(t, ITSS_LANG_ZH), "服务可见程度");
    ck_assert_int_eq(itss_indicator_method(t), ITSS_METHOD_RATING);
    for (int l = 1; l <= 5; l++)
        ck_assert_ptr_nonnull(itss_indicator_anchor(t, l, ITSS_LANG_EN));
    ck_assert_ptr_null(itss_indicator_anchor(t, 6, ITSS_LANG_EN));
    ck_assert_ptr_null(itss_indicator_a(t, ITSS_LANG_ZH));
    ck_assert(itss_indicator_applies_to(t, "03"));
    ck_assert(itss_indicator_applies_to(t, "030201")); /* a descendant of 03 */
    ck_assert(!itss_indicator_applies_to(t, "04"));
    ck_assert_int_eq(itss_indicator_lookup(c, "x", &t, &e), ITSS_ENOTFOUND);
    /* lower-is-better ratios */
    ck_assert_int_eq(itss_indicator_lookup(c, "repeat_repair_rate", &t, &e), 0);
    ck_assert_int_eq(itss_indicator_polarity(t), ITSS_POLARITY_NEGATIVE);
    /* no services: meant for every service */
    ck_assert_int_eq(itss_indicator_lookup(c, "sla_achievement_rate", &t, &e), 0);
    ck_assert_uint_eq(itss_indicator_service_count(t), 0);
    ck_assert(itss_indicator_applies_to(t, "07"));
}
END_TEST

START_TEST(default_schemes)
{
    /* the catalog's services: 01 gets 及时响应率 and the two general
     * indicators; 04 gets the 13 O&M indicators and the two general ones */
    static const struct {
        const char *service;
        size_t n;
    } t[] = {{"01", 3}, {"03", 3}, {"04", 15}, {"0402", 15}, {"08", 3}, {"02", 2}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        itss_evaluation *e = NULL;
        ck_assert_int_eq(itss_evaluation_new(builtin(), t[i].service, &e, NULL), 0);
        ck_assert_ptr_eq(itss_evaluation_catalog(e), builtin());
        ck_assert_uint_eq(itss_evaluation_indicator_count(e), t[i].n);
        ck_assert_str_eq(itss_evaluation_service(e), t[i].service);
        itss_evaluation_free(e);
    }
    itss_evaluation *e = (itss_evaluation *)1;
    itss_error err;
    ck_assert_int_eq(itss_evaluation_new(builtin(), "0407", &e, &err), ITSS_ENOTFOUND);
    ck_assert_ptr_null(e);
    ck_assert_int_eq(itss_evaluation_new(builtin(), "4", &e, &err), ITSS_EVALUE);
    ck_assert_int_eq(itss_evaluation_new(builtin(), NULL, &e, &err), ITSS_EINVAL);
    ck_assert_str_eq(err.message, "itss_evaluation_new: service is NULL");
    /* the catalog is never implied: NULL is misuse */
    ck_assert_int_eq(itss_evaluation_new(NULL, "04", &e, &err), ITSS_EINVAL);
    ck_assert_str_eq(err.message, "itss_evaluation_new: c is NULL");
    ck_assert_ptr_null(e);
}
END_TEST

START_TEST(seed_examples)
{
    /* table 3-2: X = A/B; A = 45 of B = 50 requests answered in time -> 0.9 */
    const char *ids1[] = {"timely_response_rate"};
    itss_evaluation *e = eval_of("01", ids1, 1);
    itss_quality_result *r = NULL;
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "timely_response_rate", 45, 50, NULL), 0);
    ck_assert_int_eq(itss_quality_score(e, &r, NULL), 0);
    ck_assert(NEAR(itss_quality_result_indicator_score(r, ind("timely_response_rate")), 0.9));
    ck_assert(NEAR(itss_quality_result_node_score(r, node("timeliness")), 0.9));
    ck_assert(NEAR(itss_quality_result_node_score(r, node("responsiveness")), 0.9));
    ck_assert(NEAR(itss_quality_result_overall(r), 0.9));
    ck_assert(NEAR(itss_quality_result_coverage(r), 1));
    ck_assert(isnan(itss_quality_result_node_score(r, node("security"))));
    itss_quality_result_free(r);
    itss_evaluation_free(e);
    /* table 3-3: X = A/5; A = 3 (part of the process shown) -> 0.6 */
    const char *ids2[] = {"service_visibility"};
    e = eval_of("03", ids2, 1);
    int three = 3;
    ck_assert_int_eq(itss_evaluation_set_scores(e, "service_visibility", &three, 1, NULL), 0);
    ck_assert_int_eq(itss_quality_score(e, &r, NULL), 0);
    ck_assert(NEAR(itss_quality_result_indicator_score(r, ind("service_visibility")), 0.6));
    ck_assert(NEAR(itss_quality_result_overall(r), 0.6));
    itss_quality_result_free(r);
    /* three raters 4, 5, 3: mean 4 -> 0.8 */
    int scores[] = {4, 5, 3};
    ck_assert_int_eq(itss_evaluation_set_scores(e, "service_visibility", scores, 3, NULL), 0);
    ck_assert_int_eq(itss_quality_score(e, &r, NULL), 0);
    ck_assert(NEAR(itss_quality_result_indicator_score(r, ind("service_visibility")), 0.8));
    itss_quality_result_free(r);
    itss_evaluation_free(e);
}
END_TEST

START_TEST(aggregation_rules)
{
    const char *ids[] = {"incident_response_timeliness", "on_time_repair_rate",
                         "call_answer_rate", "repeat_repair_rate"};
    itss_evaluation *e = eval_of("04", ids, 4);
    itss_error err;
    /* timeliness: 0.9 (weight 2), missing (weight 1), 0.8 (weight 1):
     * score (2*0.9 + 0.8) / 3, coverage 3/4 */
    ck_assert_int_eq(itss_evaluation_set_weight(e, "incident_response_timeliness", 2, &err), 0);
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "incident_response_timeliness", 90, 100, &err),
                     0);
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "call_answer_rate", 80, 100, &err), 0);
    /* negative polarity: 9 of 100 repairs repeated -> X = 1 - 0.09 */
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "repeat_repair_rate", 9, 100, &err), 0);
    itss_quality_result *r = NULL;
    ck_assert_int_eq(itss_quality_score(e, &r, &err), 0);
    double tim = (2 * 0.9 + 0.8) / 3;
    ck_assert(NEAR(itss_quality_result_node_score(r, node("timeliness")), tim));
    ck_assert(NEAR(itss_quality_result_indicator_score(r, ind("repeat_repair_rate")), 0.91));
    ck_assert(NEAR(itss_quality_result_node_score(r, node("effectiveness")), 0.91));
    /* overall: responsiveness and reliability, weights 1 and 1 */
    ck_assert(NEAR(itss_quality_result_overall(r), (tim + 0.91) / 2));
    /* coverage: (1 * 3/4 + 1 * 1) / 2 */
    ck_assert(NEAR(itss_quality_result_coverage(r), (0.75 + 1) / 2));
    ck_assert_int_eq(itss_quality_result_indicator_status(r, ind("on_time_repair_rate")),
                     ITSS_INDICATOR_MISSING);
    ck_assert_int_eq(itss_quality_result_indicator_status(r, ind("monitoring_coverage")),
                     ITSS_INDICATOR_NOT_SELECTED);
    ck_assert(isnan(itss_quality_result_indicator_score(r, ind("monitoring_coverage"))));
    ck_assert_uint_eq(itss_quality_result_not_evaluated_count(r), 1);
    const itss_indicator *missing = itss_quality_result_not_evaluated_at(r, 0);
    ck_assert_str_eq(itss_indicator_id(missing), "on_time_repair_rate");
    ck_assert_ptr_eq(missing, ind("on_time_repair_rate"));
    ck_assert_ptr_null(itss_quality_result_indicator_reason(r, missing));
    ck_assert_ptr_null(itss_quality_result_not_evaluated_at(r, 1));
    itss_quality_result_free(r);

    /* B = 0: nothing happened; characteristic weight 0 leaves it out */
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "repeat_repair_rate", 0, 0, &err), 0);
    ck_assert_int_eq(itss_evaluation_set_weight(e, "responsiveness", 0, &err), 0);
    ck_assert_int_eq(itss_quality_score(e, &r, &err), 0);
    ck_assert_int_eq(itss_quality_result_indicator_status(r, ind("repeat_repair_rate")),
                     ITSS_INDICATOR_NO_EVENTS);
    ck_assert(isnan(itss_quality_result_node_score(r, node("reliability"))));
    /* only responsiveness is evaluated, and it weighs 0: not evaluated */
    ck_assert(isnan(itss_quality_result_overall(r)));
    ck_assert_ptr_null(itss_quality_result_band(r));
    itss_quality_result_free(r);
    itss_evaluation_free(e);
}
END_TEST

/* Weighted means at the ends of the double range. A mean does not change
 * when every weight is multiplied by the same number, so each expected
 * value below is the mean of the weights as set, worked by hand. */
START_TEST(weights_at_the_ends_of_the_double_range)
{
    const char *ids[] = {"incident_response_timeliness", "on_time_repair_rate",
                         "incident_resolution_rate"};
    itss_evaluation *e = eval_of("04", ids, 3);
    itss_error err;
    ck_assert_int_eq(itss_evaluation_set_ratio(e, ids[0], 9, 10, &err), 0); /* timeliness */
    ck_assert_int_eq(itss_evaluation_set_ratio(e, ids[1], 8, 10, &err), 0); /* timeliness */
    ck_assert_int_eq(itss_evaluation_set_ratio(e, ids[2], 6, 10, &err), 0); /* effectiveness */
    static const struct {
        double w0, w1, timeliness;
    } sub[] = {
        {DBL_MAX, DBL_MAX, 0.85},           /* equal weights: (0.9 + 0.8) / 2 */
        {1e308, 1e308, 0.85},               /* their sum is beyond the double range */
        {DBL_TRUE_MIN, 0, 0.9},             /* all the weight on 0.9 */
        {0, DBL_TRUE_MIN, 0.8},             /* all the weight on 0.8 */
        {DBL_MAX, DBL_TRUE_MIN, 0.9},       /* 0.9 - 0.1 * 2^-2098: 0.9 in doubles */
        {1e-300, 1e300, 0.8},               /* 0.8 + 0.1 / (1 + 1e600): 0.8 */
        {3e-310, 1e-309, (3 * 0.9 + 10 * 0.8) / 13}, /* denormals in the ratio 3 : 10 */
    };
    for (size_t k = 0; k < sizeof sub / sizeof sub[0]; k++) {
        ck_assert_int_eq(itss_evaluation_set_weight(e, ids[0], sub[k].w0, &err), 0);
        ck_assert_int_eq(itss_evaluation_set_weight(e, ids[1], sub[k].w1, &err), 0);
        itss_quality_result *r = NULL;
        ck_assert_int_eq(itss_quality_score(e, &r, &err), 0);
        double t = itss_quality_result_node_score(r, node("timeliness"));
        ck_assert_msg(NEAR(t, sub[k].timeliness), "weights %g and %g: timeliness %.17g, not %.17g",
                      sub[k].w0, sub[k].w1, t, sub[k].timeliness);
        /* responsiveness is timeliness alone; reliability 0.6; weights 1 and 1;
         * everything is evaluated */
        ck_assert(NEAR(itss_quality_result_overall(r), (sub[k].timeliness + 0.6) / 2));
        ck_assert(itss_quality_result_coverage(r) == 1);
        itss_quality_result_free(r);
    }
    /* the same at the level of characteristics, timeliness now 0.85 */
    ck_assert_int_eq(itss_evaluation_set_weight(e, ids[0], 1, &err), 0);
    ck_assert_int_eq(itss_evaluation_set_weight(e, ids[1], 1, &err), 0);
    static const struct {
        double responsiveness, reliability, overall;
    } top[] = {
        {DBL_MAX, DBL_MAX, (0.85 + 0.6) / 2},
        {DBL_TRUE_MIN, 0, 0.85},
        {0, DBL_TRUE_MIN, 0.6},
        {1e300, 1e-300, 0.85},
        {DBL_MAX, 0, 0.85},
    };
    for (size_t k = 0; k < sizeof top / sizeof top[0]; k++) {
        ck_assert_int_eq(itss_evaluation_set_weight(e, "responsiveness", top[k].responsiveness,
                                                    &err), 0);
        ck_assert_int_eq(itss_evaluation_set_weight(e, "reliability", top[k].reliability, &err),
                         0);
        itss_quality_result *r = NULL;
        ck_assert_int_eq(itss_quality_score(e, &r, &err), 0);
        ck_assert_msg(NEAR(itss_quality_result_overall(r), top[k].overall),
                      "weights %g and %g: overall %.17g, not %.17g", top[k].responsiveness,
                      top[k].reliability, itss_quality_result_overall(r), top[k].overall);
        ck_assert(itss_quality_result_coverage(r) == 1);
        itss_quality_result_free(r);
    }
    /* a missing indicator of weight DBL_MAX next to an evaluated one of
     * DBL_TRUE_MIN: the score is the evaluated one's, its share of the weight
     * 2^-2098, 0 in doubles */
    ck_assert_int_eq(itss_evaluation_set_weight(e, "responsiveness", 1, &err), 0);
    ck_assert_int_eq(itss_evaluation_set_weight(e, "reliability", 0, &err), 0);
    ck_assert_int_eq(itss_evaluation_unset(e, ids[1], &err), 0);
    ck_assert_int_eq(itss_evaluation_set_weight(e, ids[0], DBL_TRUE_MIN, &err), 0);
    ck_assert_int_eq(itss_evaluation_set_weight(e, ids[1], DBL_MAX, &err), 0);
    itss_quality_result *r = NULL;
    ck_assert_int_eq(itss_quality_score(e, &r, &err), 0);
    ck_assert(NEAR(itss_quality_result_overall(r), 0.9));
    ck_assert(itss_quality_result_coverage(r) == 0);
    itss_quality_result_free(r);
    itss_evaluation_free(e);
}
END_TEST

START_TEST(bands_and_weights)
{
    const char *ids[] = {"incident_resolution_rate"};
    itss_evaluation *e = eval_of("04", ids, 1);
    itss_error err;
    ck_assert_int_eq(itss_evaluation_add_band(e, "C", 0, &err), 0);
    ck_assert_int_eq(itss_evaluation_add_band(e, "A", 0.9, &err), 0);
    ck_assert_int_eq(itss_evaluation_add_band(e, "B", 0.8, &err), 0);
    ck_assert_int_eq(itss_evaluation_add_band(e, "B", 0.7, &err), ITSS_EDUPLICATE);
    ck_assert_int_eq(itss_evaluation_add_band(e, "D", 1.5, &err), ITSS_EVALUE);
    ck_assert_int_eq(itss_evaluation_add_band(e, "", 0.5, &err), ITSS_EVALUE);
    ck_assert_int_eq(itss_evaluation_add_band(e, NULL, 0.5, &err), ITSS_EINVAL);
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "incident_resolution_rate", 87, 100, &err), 0);
    itss_quality_result *r = NULL;
    ck_assert_int_eq(itss_quality_score(e, &r, &err), 0);
    ck_assert_str_eq(itss_quality_result_band(r), "B"); /* 0.87 reaches 0.8, not 0.9 */
    itss_quality_result_free(r);
    ck_assert_int_eq(itss_evaluation_set_weight(e, "timeliness", -1, &err), ITSS_EVALUE);
    ck_assert_int_eq(itss_evaluation_set_weight(e, "timeliness", INFINITY, &err), ITSS_EVALUE);
    ck_assert_int_eq(itss_evaluation_set_weight(e, "timeliness", NAN, &err), ITSS_EVALUE);
    ck_assert_int_eq(itss_evaluation_set_weight(e, "monitoring_coverage", 1, &err),
                     ITSS_ENOTFOUND); /* not selected */
    ck_assert_int_eq(itss_evaluation_set_weight(e, "speed", 1, &err), ITSS_ENOTFOUND);
    ck_assert_int_eq(itss_evaluation_set_weight(e, "timeliness", 0, &err), 0);
    itss_evaluation_free(e);
}
END_TEST

START_TEST(measurement_errors)
{
    const char *ids[] = {"incident_resolution_rate", "service_visibility"};
    itss_evaluation *e = eval_of("04", ids, 2);
    itss_error err;
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "incident_resolution_rate", 5, 4, &err),
                     ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(err.message, "cannot exceed"));
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "incident_resolution_rate", -1, 4, &err),
                     ITSS_EVALUE);
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "incident_resolution_rate", NAN, 4, &err),
                     ITSS_EVALUE);
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "service_visibility", 1, 4, &err),
                     ITSS_EVALUE); /* a rating */
    int s[] = {4, 6};
    ck_assert_int_eq(itss_evaluation_set_scores(e, "service_visibility", s, 2, &err),
                     ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(err.message, "score 2 is 6"));
    ck_assert_int_eq(itss_evaluation_set_scores(e, "service_visibility", s, 0, &err),
                     ITSS_EVALUE);
    ck_assert_int_eq(itss_evaluation_set_scores(e, "incident_resolution_rate", s, 1, &err),
                     ITSS_EVALUE); /* a ratio */
    ck_assert_int_eq(itss_evaluation_set_na(e, "incident_resolution_rate", "", &err),
                     ITSS_EVALUE);
    ck_assert_int_eq(itss_evaluation_set_na(e, "monitoring_coverage", "x", &err),
                     ITSS_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(err.message, "not selected"));
    ck_assert_int_eq(itss_evaluation_set_na(e, "nope", "x", &err), ITSS_ENOTFOUND);
    ck_assert_int_eq(itss_evaluation_set_meta(e, "provider", "甲", &err), 0);
    ck_assert_str_eq(itss_evaluation_meta(e, "provider"), "甲");
    ck_assert_ptr_null(itss_evaluation_meta(e, "customer")); /* unset */
    ck_assert_ptr_null(itss_evaluation_meta(e, "rater"));    /* not a key */
    ck_assert_ptr_null(itss_evaluation_meta(NULL, "provider"));
    ck_assert_int_eq(itss_evaluation_set_meta(e, "provider", NULL, &err), 0);
    ck_assert_ptr_null(itss_evaluation_meta(e, "provider"));
    ck_assert_int_eq(itss_evaluation_set_meta(e, "provider", "甲", &err), 0);
    ck_assert_int_eq(itss_evaluation_set_meta(e, "rater", "甲", &err), ITSS_EVALUE);
    /* the message names the bad key and the documented keys (docs/quality.md) */
    ck_assert_ptr_nonnull(strstr(err.message, "\"rater\""));
    ck_assert_ptr_nonnull(
        strstr(err.message, "id, provider, customer, evaluator, date, period, notes"));
    ck_assert_int_eq(itss_evaluation_set_meta(e, "notes", "\xc0", &err), ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(err.message, "\"notes\" is not valid UTF-8"));
    const char *dup[] = {"call_answer_rate", "call_answer_rate"};
    ck_assert_int_eq(itss_evaluation_set_indicators(e, dup, 2, &err), ITSS_EDUPLICATE);
    const char *unknown[] = {"nope"};
    ck_assert_int_eq(itss_evaluation_set_indicators(e, unknown, 1, &err), ITSS_ENOTFOUND);
    ck_assert_uint_eq(itss_evaluation_indicator_count(e), 2); /* unchanged */
    itss_evaluation_free(e);
}
END_TEST

/* Everything the builders set reads back through the matching getters. */
START_TEST(builders_read_back)
{
    const char *ids[] = {"incident_resolution_rate", "service_visibility", "call_answer_rate"};
    itss_evaluation *e = eval_of("04", ids, 3);
    itss_error err;
    ck_assert_ptr_eq(itss_evaluation_catalog(e), builtin());
    ck_assert_uint_eq(itss_evaluation_measured_count(e), 0);
    itss_measurement_kind kind = ITSS_MEASUREMENT_NA;
    ck_assert_int_eq(itss_evaluation_measurement(e, "call_answer_rate", &kind, &err), 0);
    ck_assert_int_eq(kind, ITSS_MEASUREMENT_NONE);
    /* a ratio */
    double a = -1, b = -1;
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "incident_resolution_rate", 87, 100, &err), 0);
    ck_assert_int_eq(itss_evaluation_measurement(e, "incident_resolution_rate", &kind, &err), 0);
    ck_assert_int_eq(kind, ITSS_MEASUREMENT_RATIO);
    ck_assert_int_eq(itss_evaluation_ratio(e, "incident_resolution_rate", &a, &b, &err), 0);
    ck_assert(a == 87 && b == 100);
    const int *got = NULL;
    size_t n = 9;
    ck_assert_int_eq(itss_evaluation_scores(e, "incident_resolution_rate", &got, &n, &err),
                     ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(err.message, "holds no scores"));
    /* scores: copied, so the caller's array may change afterwards */
    int scores[] = {4, 5, 3};
    ck_assert_int_eq(itss_evaluation_set_scores(e, "service_visibility", scores, 3, &err), 0);
    scores[0] = 1;
    ck_assert_int_eq(itss_evaluation_scores(e, "service_visibility", &got, &n, &err), 0);
    ck_assert_uint_eq(n, 3);
    ck_assert(got[0] == 4 && got[1] == 5 && got[2] == 3);
    ck_assert_int_eq(itss_evaluation_ratio(e, "service_visibility", &a, &b, &err), ITSS_EVALUE);
    /* not applicable */
    ck_assert_int_eq(itss_evaluation_set_na(e, "call_answer_rate", "无呼叫中心", &err), 0);
    ck_assert_int_eq(itss_evaluation_measurement(e, "call_answer_rate", &kind, &err), 0);
    ck_assert_int_eq(kind, ITSS_MEASUREMENT_NA);
    ck_assert_str_eq(itss_evaluation_reason(e, "call_answer_rate"), "无呼叫中心");
    ck_assert_ptr_null(itss_evaluation_reason(e, "service_visibility"));
    ck_assert_ptr_null(itss_evaluation_reason(e, "monitoring_coverage"));
    ck_assert_uint_eq(itss_evaluation_measured_count(e), 3);
    /* unset: back to not measured, and a result says so */
    ck_assert_int_eq(itss_evaluation_unset(e, "call_answer_rate", &err), 0);
    ck_assert_int_eq(itss_evaluation_measurement(e, "call_answer_rate", &kind, &err), 0);
    ck_assert_int_eq(kind, ITSS_MEASUREMENT_NONE);
    ck_assert_ptr_null(itss_evaluation_reason(e, "call_answer_rate"));
    ck_assert_uint_eq(itss_evaluation_measured_count(e), 2);
    ck_assert_int_eq(itss_evaluation_unset(e, "monitoring_coverage", &err), ITSS_ENOTFOUND);
    ck_assert_int_eq(itss_evaluation_measurement(e, "nope", &kind, &err), ITSS_ENOTFOUND);
    itss_quality_result *r = NULL;
    ck_assert_int_eq(itss_quality_score(e, &r, &err), 0);
    ck_assert_int_eq(itss_quality_result_indicator_status(r, ind("call_answer_rate")),
                     ITSS_INDICATOR_MISSING);
    /* X = (4 + 5 + 3) / 3 / 5 = 0.8 */
    ck_assert(NEAR(itss_quality_result_indicator_score(r, ind("service_visibility")), 0.8));
    itss_quality_result_free(r);
    /* weights: default 1, as set, for indicators and nodes alike */
    double w = -1;
    ck_assert_int_eq(itss_evaluation_weight(e, "timeliness", &w, &err), 0);
    ck_assert(w == 1);
    ck_assert_int_eq(itss_evaluation_set_weight(e, "timeliness", 2.5, &err), 0);
    ck_assert_int_eq(itss_evaluation_set_weight(e, "service_visibility", 0, &err), 0);
    ck_assert_int_eq(itss_evaluation_weight(e, "timeliness", &w, &err), 0);
    ck_assert(w == 2.5);
    ck_assert_int_eq(itss_evaluation_weight(e, "service_visibility", &w, &err), 0);
    ck_assert(w == 0);
    ck_assert_int_eq(itss_evaluation_weight(e, "speed", &w, &err), ITSS_ENOTFOUND);
    ck_assert_int_eq(itss_evaluation_weight(e, "timeliness", NULL, &err), 0); /* only checks */
    ck_assert_int_eq(itss_evaluation_weight(e, "speed", NULL, &err), ITSS_ENOTFOUND);
    /* reselecting keeps what the still selected indicators had */
    const char *fewer[] = {"service_visibility"};
    ck_assert_int_eq(itss_evaluation_set_indicators(e, fewer, 1, &err), 0);
    ck_assert_int_eq(itss_evaluation_scores(e, "service_visibility", &got, &n, &err), 0);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(itss_evaluation_weight(e, "service_visibility", &w, &err), 0);
    ck_assert(w == 0);
    ck_assert_int_eq(itss_evaluation_ratio(e, "incident_resolution_rate", &a, &b, &err),
                     ITSS_ENOTFOUND);
    /* bands, highest minimum first */
    ck_assert_uint_eq(itss_evaluation_band_count(e), 0);
    ck_assert_int_eq(itss_evaluation_add_band(e, "C", 0, &err), 0);
    ck_assert_int_eq(itss_evaluation_add_band(e, "A", 0.9, &err), 0);
    ck_assert_int_eq(itss_evaluation_add_band(e, "B", 0.8, &err), 0);
    ck_assert_uint_eq(itss_evaluation_band_count(e), 3);
    ck_assert_str_eq(itss_evaluation_band_grade(e, 0), "A");
    ck_assert(itss_evaluation_band_min(e, 0) == 0.9);
    ck_assert_str_eq(itss_evaluation_band_grade(e, 2), "C");
    ck_assert(itss_evaluation_band_min(e, 2) == 0);
    ck_assert_ptr_null(itss_evaluation_band_grade(e, 3));
    ck_assert(isnan(itss_evaluation_band_min(e, 3)));
    itss_evaluation_free(e);
}
END_TEST

START_TEST(evaluation_export_round_trip)
{
    const char *ids[] = {"incident_resolution_rate", "service_visibility", "call_answer_rate"};
    itss_evaluation *e = eval_of("04", ids, 3), *f = NULL;
    itss_error err;
    int s[] = {5, 4};
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "incident_resolution_rate", 12.5, 20, &err), 0);
    ck_assert_int_eq(itss_evaluation_set_scores(e, "service_visibility", s, 2, &err), 0);
    ck_assert_int_eq(itss_evaluation_set_na(e, "call_answer_rate", "无呼叫中心", &err), 0);
    ck_assert_int_eq(itss_evaluation_set_weight(e, "reliability", 2.5, &err), 0);
    ck_assert_int_eq(itss_evaluation_add_band(e, "A", 0.75, &err), 0);
    ck_assert_int_eq(itss_evaluation_set_meta(e, "period", "2026-Q3", &err), 0);
    char *a = NULL, *b = NULL;
    size_t al, bl;
    ck_assert_int_eq(itss_evaluation_export(e, ITSS_FORMAT_JSON, &a, &al, &err), 0);
    ck_assert_str_eq(a, "{\"service\":\"04\",\"period\":\"2026-Q3\",\"scheme\":{\"indicators\":["
                        "\"incident_resolution_rate\",\"service_visibility\",\"call_answer_rate\"],"
                        "\"weights\":{\"reliability\":2.5},\"bands\":[{\"grade\":\"A\",\"min\":0.75}]"
                        "},\"measurements\":{\"incident_resolution_rate\":{\"A\":12.5,\"B\":20},"
                        "\"service_visibility\":{\"scores\":[5,4]},\"call_answer_rate\":{\"na\":"
                        "\"无呼叫中心\"}}}");
    ck_assert_int_eq(itss_evaluation_load(builtin(), a, al, &f, &err), 0);
    ck_assert_str_eq(itss_evaluation_meta(f, "period"), "2026-Q3");
    ck_assert_int_eq(itss_evaluation_export(f, ITSS_FORMAT_JSON, &b, &bl, &err), 0);
    ck_assert_str_eq(a, b);
    itss_free(a);
    itss_free(b);
    ck_assert_int_eq(itss_evaluation_export(e, ITSS_FORMAT_TEXT, &a, NULL, &err), ITSS_EINVAL);
    itss_evaluation_free(e);
    itss_evaluation_free(f);
}
END_TEST

START_TEST(compare_results)
{
    const char *ids[] = {"incident_resolution_rate", "problem_resolution_rate"};
    itss_evaluation *e = eval_of("04", ids, 2);
    itss_quality_result *r[3] = {0};
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "incident_resolution_rate", 65, 100, NULL), 0);
    ck_assert_int_eq(itss_quality_score(e, &r[0], NULL), 0);
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "incident_resolution_rate", 96, 100, NULL), 0);
    ck_assert_int_eq(itss_quality_score(e, &r[1], NULL), 0);
    char *s = NULL;
    itss_error err;
    ck_assert_int_eq(itss_quality_compare_render((const itss_quality_result *const *)r, 2,
                                                 ITSS_FORMAT_JSON, ITSS_LANG_ZH, &s, NULL, &err),
                     0);
    /* 0.65 -> 0.96 (the university case's 事件解决率): change 0.31, written
     * in full precision (0.96 - 0.65 is 0.30999999999999994 in doubles) */
    const char *p = strstr(s, "\"overall\":{\"scores\":[0.65,0.96],\"deltas\":[");
    ck_assert_ptr_nonnull(p);
    ck_assert(NEAR(strtod(p + strlen("\"overall\":{\"scores\":[0.65,0.96],\"deltas\":["), NULL),
                   0.96 - 0.65));
    itss_free(s);
    ck_assert_int_eq(itss_evaluation_set_weight(e, "effectiveness", 2, NULL), 0);
    ck_assert_int_eq(itss_quality_score(e, &r[2], NULL), 0);
    ck_assert_int_eq(itss_quality_compare_render((const itss_quality_result *const *)r, 3,
                                                 ITSS_FORMAT_JSON, ITSS_LANG_ZH, &s, NULL, &err),
                     ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(err.message, "effectiveness has different weights"));
    ck_assert_int_eq(itss_quality_compare_render((const itss_quality_result *const *)r, 1,
                                                 ITSS_FORMAT_JSON, ITSS_LANG_ZH, &s, NULL, &err),
                     ITSS_EINVAL);
    for (int i = 0; i < 3; i++)
        itss_quality_result_free(r[i]);
    itss_evaluation_free(e);
}
END_TEST

/* Whether the first line of a comparison's text reads "Item", a, b and
 * "Change", cells apart by two spaces or more. */
static int heads(const char *s, const char *a, const char *b)
{
    char line[200], c[4][64];
    size_t n = strcspn(s, "\n");
    if (n >= sizeof line)
        return 0;
    memcpy(line, s, n);
    line[n] = 0;
    return sscanf(line, "%63s %63s %63s %63s", c[0], c[1], c[2], c[3]) == 4 &&
           strcmp(c[0], "Item") == 0 && strcmp(c[1], a) == 0 && strcmp(c[2], b) == 0 &&
           strcmp(c[3], "Change") == 0 && strstr(line, a) - line >= 6 &&
           strstr(line, "Change") - strstr(line, b) >= (ptrdiff_t)strlen(b) + 2;
}

START_TEST(compare_labeled)
{
    const char *ids[] = {"incident_resolution_rate"};
    itss_evaluation *e = eval_of("04", ids, 1);
    itss_quality_result *r[2] = {0};
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "incident_resolution_rate", 65, 100, NULL), 0);
    ck_assert_int_eq(itss_quality_score(e, &r[0], NULL), 0);
    ck_assert_int_eq(itss_evaluation_set_weight(e, "reliability", 2, NULL), 0);
    ck_assert_int_eq(itss_quality_score(e, &r[1], NULL), 0);
    const itss_quality_result *const *rs = (const itss_quality_result *const *)r;
    const char *labels[] = {"a.json", "b\x01.json"};
    const char *half[] = {"a.json", NULL};
    char *s = NULL;
    itss_error err;
    /* different weights: the labels name the two results (the control
     * byte shown escaped); without both labels, their numbers */
    ck_assert_int_eq(itss_quality_compare_labeled_render(rs, labels, 2, ITSS_FORMAT_TEXT,
                                                         ITSS_LANG_EN, &s, NULL, &err),
                     ITSS_EVALUE);
    ck_assert_str_eq(err.message, "\"a.json\" and \"b\\x01.json\" cannot be compared: "
                                  "reliability has different weights; compare results of the "
                                  "same scheme");
    /* in Chinese: the labels quoted, the reason translated (the templates
     * of lib/msg/engine.inc, written out here) */
    {
        char *zh = NULL;
        ck_assert_int_eq(itss_error_message(&err, ITSS_LANG_ZH, &zh, NULL, NULL), 0);
        ck_assert_str_eq(zh, "“a.json”和“b\\x01.json”无法比较：reliability 的权重不同；"
                             "请比较同一方案下的结果");
        itss_free(zh);
    }
    ck_assert_int_eq(itss_quality_compare_labeled_render(rs, half, 2, ITSS_FORMAT_TEXT,
                                                         ITSS_LANG_EN, &s, NULL, &err),
                     ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(err.message, "results 1 and 2 cannot be compared"));
    ck_assert_int_eq(itss_quality_compare_labeled_render(NULL, labels, 2, ITSS_FORMAT_TEXT,
                                                         ITSS_LANG_EN, &s, NULL, &err),
                     ITSS_EINVAL);
    ck_assert_str_eq(err.message, "itss_quality_compare_labeled_render: results is NULL");
    itss_quality_result_free(r[1]);
    r[1] = NULL;
    /* same scheme, no periods: the labels head the columns (a result
     * without one falls back to its number); JSON "label" only when given */
    ck_assert_int_eq(itss_evaluation_set_weight(e, "reliability", 1, NULL), 0);
    ck_assert_int_eq(itss_quality_score(e, &r[1], NULL), 0);
    ck_assert_int_eq(itss_quality_compare_labeled_render(rs, half, 2, ITSS_FORMAT_TEXT,
                                                         ITSS_LANG_EN, &s, NULL, &err),
                     0);
    ck_assert(heads(s, "a.json", "#2"));
    itss_free(s);
    ck_assert_int_eq(itss_quality_compare_labeled_render(rs, half, 2, ITSS_FORMAT_JSON,
                                                         ITSS_LANG_EN, &s, NULL, &err),
                     0);
    ck_assert_ptr_nonnull(strstr(s, "\"results\":[{\"label\":\"a.json\"},{}]"));
    itss_free(s);
    ck_assert_int_eq(itss_quality_compare_labeled_render(rs, NULL, 2, ITSS_FORMAT_TEXT,
                                                         ITSS_LANG_EN, &s, NULL, &err),
                     0);
    ck_assert(heads(s, "#1", "#2"));
    itss_free(s);
    for (int i = 0; i < 2; i++)
        itss_quality_result_free(r[i]);
    itss_evaluation_free(e);
}
END_TEST

START_TEST(ahp_consistent_and_not)
{
    /* a consistent matrix (each row twice the next): weights 4/7, 2/7, 1/7, CR 0 */
    const double m[] = {1, 2, 4, 0.5, 1, 2, 0.25, 0.5, 1};
    double w[3], lmax, ci, cr;
    itss_error err;
    ck_assert_int_eq(itss_ahp_weights(m, 3, ITSS_AHP_STRICT, w, &lmax, &ci, &cr, &err), 0);
    ck_assert(NEAR(w[0], 4.0 / 7) && NEAR(w[1], 2.0 / 7) && NEAR(w[2], 1.0 / 7));
    ck_assert(NEAR(lmax, 3));
    ck_assert(ci == 0 && cr == 0);
    /* a cycle a > b > c > a: badly inconsistent, refused but reported */
    const double bad[] = {1, 9, 1.0 / 9, 1.0 / 9, 1, 9, 9, 1.0 / 9, 1};
    ck_assert_int_eq(itss_ahp_weights(bad, 3, ITSS_AHP_STRICT, w, &lmax, &ci, &cr, &err), ITSS_ECONSISTENCY);
    ck_assert(cr >= 0.10);
    /* lambda_max >= n, CI = (lambda_max - 3) / 2, CR = CI / 0.58 */
    ck_assert(NEAR(ci, (lmax - 3) / 2));
    ck_assert(NEAR(cr, ci / 0.58));
    /* the cycle is symmetric: equal weights */
    ck_assert(NEAR(w[0], 1.0 / 3) && NEAR(w[1], 1.0 / 3));
    ck_assert_int_eq(itss_ahp_weights(bad, 3, ITSS_AHP_ALLOW_INCONSISTENT, w, NULL, NULL, &cr,
                                      &err),
                     0);
    /* one element: weight 1 */
    const double one[] = {1};
    ck_assert_int_eq(itss_ahp_weights(one, 1, ITSS_AHP_STRICT, w, &lmax, &ci, &cr, &err), 0);
    ck_assert(w[0] == 1 && cr == 0);
    /* malformed matrices name the cell */
    const double notrecip[] = {1, 2, 2, 1};
    ck_assert_int_eq(itss_ahp_weights(notrecip, 2, ITSS_AHP_STRICT, w, NULL, NULL, NULL, &err), ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(err.message, "matrix[1][0]"));
    const double diag[] = {2, 1, 1, 1};
    ck_assert_int_eq(itss_ahp_weights(diag, 2, ITSS_AHP_STRICT, w, NULL, NULL, NULL, &err), ITSS_EVALUE);
    const double neg[] = {1, -2, -0.5, 1};
    ck_assert_int_eq(itss_ahp_weights(neg, 2, ITSS_AHP_STRICT, w, NULL, NULL, NULL, &err), ITSS_EVALUE);
    ck_assert_int_eq(itss_ahp_weights(m, 0, ITSS_AHP_STRICT, w, NULL, NULL, NULL, &err), ITSS_EVALUE);
    ck_assert_int_eq(itss_ahp_weights(m, 16, ITSS_AHP_STRICT, w, NULL, NULL, NULL, &err), ITSS_ELIMIT);
    ck_assert_int_eq(itss_ahp_weights(NULL, 3, ITSS_AHP_STRICT, w, NULL, NULL, NULL, &err), ITSS_EINVAL);
}
END_TEST

/* Relative nearness, for values far from 1. */
#define REL_NEAR(a, b) (fabs((a) - (b)) <= 1e-12 * fabs(b))

START_TEST(ahp_at_the_ends_of_the_double_range)
{
    const double H = 1.7e308, L = 5.88e-309; /* H * L = 0.9996: reciprocal within 1 % */
    itss_error err;
    /* a > b > c > d, each by H. A^4 has the cycle a12 a23 a34 a41 = H^3 L on
     * its diagonal, so lambda_max >= (H^3 L)^(1/4) = 1.3e154; row 4 of
     * A w = lambda w, (lambda - 1) w4 = L (w1 + w2 + w3) <= 3 L w1, puts
     * w4 / w1 below 1.4e-462, beyond the smallest double (4.9e-324): no
     * weights, an error, and the outputs untouched. */
    const double chain[] = {1, H, H, H, L, 1, H, H, L, L, 1, H, L, L, L, 1};
    for (int mode = ITSS_AHP_STRICT; mode <= ITSS_AHP_ALLOW_INCONSISTENT; mode++) {
        double w[4] = {-1, -1, -1, -1}, lmax = -1, ci = -1, cr = -1;
        ck_assert_int_eq(itss_ahp_weights(chain, 4, (itss_ahp_mode)mode, w, &lmax, &ci, &cr, &err),
                         ITSS_EVALUE);
        ck_assert_ptr_nonnull(strstr(err.message, "cannot be computed in double precision"));
        ck_assert(w[0] == -1 && w[3] == -1 && lmax == -1 && ci == -1 && cr == -1);
    }
    /* the same with three: lambda_max >= (H^2 L)^(1/3) = 5.5e102, and
     * (lambda - 1) w3 <= 2 L w1 puts w3 / w1 below 2.2e-411 */
    const double chain3[] = {1, H, H, L, 1, H, L, L, 1};
    double w[4], lmax, ci, cr;
    ck_assert_int_eq(itss_ahp_weights(chain3, 3, ITSS_AHP_ALLOW_INCONSISTENT, w, &lmax, &ci, &cr,
                                      &err),
                     ITSS_EVALUE);
    /* a = H b, b = c = d. With w = (1, x, x, x), row 1 gives 1 + 3 H x =
     * lambda and rows 2 to 4 give L + 3 x = lambda x, so x = L / (lambda - 3)
     * and (lambda - 1)(lambda - 3) = 3 H L: lambda = 2 + sqrt(1 + 3 H L),
     * just under 4 since H L is just under 1; w = (1, x, x, x) / (1 + 3x),
     * a weight of 5.88e-309, and CI = (lambda - 4) / 3. */
    const double first[] = {1, H, H, H, L, 1, 1, 1, L, 1, 1, 1, L, 1, 1, 1};
    ck_assert_int_eq(itss_ahp_weights(first, 4, ITSS_AHP_STRICT, w, &lmax, &ci, &cr, &err), 0);
    double lambda = 2 + sqrt(1 + 3 * (H * L)), x = L / (lambda - 3);
    ck_assert(REL_NEAR(lmax, lambda));
    ck_assert(w[0] == 1 / (1 + 3 * x));
    for (int i = 1; i < 4; i++)
        ck_assert_msg(REL_NEAR(w[i], x / (1 + 3 * x)), "w[%d] = %.17g, not %.17g", i, w[i],
                      x / (1 + 3 * x));
    ck_assert(NEAR(ci, (lambda - 4) / 3)); /* -1.0e-4: lambda - 4 loses digits */
    ck_assert(NEAR(cr, (lambda - 4) / 3 / 0.90));
    /* a = b, c = d and a = 1e308 c: consistent, so w = (1, 1, 1e-308,
     * 1e-308) / (2 + 2e-308) = (1/2, 1/2, 5e-309, 5e-309), lambda_max 4 and
     * CR 0; a row's terms 1e308 + 1e308 sum beyond the double range. */
    const double pairs[] = {1, 1, 1e308, 1e308, 1, 1, 1e308, 1e308,
                            1e-308, 1e-308, 1, 1, 1e-308, 1e-308, 1, 1};
    ck_assert_int_eq(itss_ahp_weights(pairs, 4, ITSS_AHP_STRICT, w, &lmax, &ci, &cr, &err), 0);
    ck_assert(NEAR(w[0], 0.5) && NEAR(w[1], 0.5));
    ck_assert(REL_NEAR(w[2], 5e-309) && REL_NEAR(w[3], 5e-309));
    ck_assert(NEAR(lmax, 4) && ci == 0 && cr == 0);
}
END_TEST

START_TEST(catalog_on_top_of_builtin)
{
    static const char doc[] =
        "{\"indicators\": [{\"id\": \"patch_rate\", \"name\": {\"zh\": \"补丁及时率\", \"en\": "
        "\"Patch rate\"}, \"subcharacteristic\": \"integrity\", \"method\": \"ratio\", "
        "\"polarity\": \"positive\", \"services\": [\"0404\"], \"a\": {\"zh\": \"按时\", \"en\": "
        "\"on time\"}, \"b\": {\"zh\": \"全部\", \"en\": \"all\"}}]}";
    itss_indicator_catalog *alone = NULL, *both = NULL;
    itss_error err;
    ck_assert_int_eq(itss_indicator_catalog_load(doc, sizeof doc - 1, &alone, &err), 0);
    ck_assert_uint_eq(itss_indicator_catalog_indicator_count(alone), 1);
    ck_assert_ptr_null(itss_indicator_source(itss_indicator_catalog_indicator_at(alone, 0)));
    ck_assert_int_eq(itss_indicator_catalog_extend(builtin(), doc, sizeof doc - 1, &both, &err), 0);
    ck_assert_uint_eq(itss_indicator_catalog_indicator_count(both), 18);
    ck_assert_str_eq(itss_indicator_id(itss_indicator_catalog_indicator_at(both, 17)), "patch_rate");
    /* the same catalog again on top of the combined one: a repeated id */
    itss_indicator_catalog *again = (itss_indicator_catalog *)1;
    ck_assert_int_eq(itss_indicator_catalog_extend(both, doc, sizeof doc - 1, &again, &err),
                     ITSS_EDUPLICATE);
    ck_assert_ptr_null(again);
    ck_assert_ptr_nonnull(strstr(err.message, "already in the base catalog"));
    ck_assert_str_eq(err.path, "/indicators/0/id");
    /* the default scheme of 0404 now has the new indicator */
    itss_evaluation *e = NULL;
    ck_assert_int_eq(itss_evaluation_new(both, "0404", &e, &err), 0);
    ck_assert_str_eq(itss_indicator_id(itss_evaluation_indicator_at(
                         e, itss_evaluation_indicator_count(e) - 1)),
                     "patch_rate");
    itss_evaluation_free(e);
    char *s = NULL;
    ck_assert_int_eq(itss_indicator_catalog_export(both, "0404", ITSS_FORMAT_JSON, &s, NULL, &err),
                     0);
    itss_indicator_catalog *back = NULL;
    ck_assert_int_eq(itss_indicator_catalog_load(s, strlen(s), &back, &err), 0);
    ck_assert_uint_eq(itss_indicator_catalog_indicator_count(back), 16); /* 15 for 04, and patch_rate */
    itss_free(s);
    itss_indicator_catalog_free(back);
    itss_indicator_catalog_free(alone);
    itss_indicator_catalog_free(both);
    itss_indicator_catalog_free(NULL);
    itss_indicator_catalog_free((itss_indicator_catalog *)builtin()); /* ignored */
    ck_assert_int_eq(itss_indicator_catalog_load_file("/nonexistent", &alone, &err), ITSS_EIO);
    ck_assert_int_eq(itss_indicator_catalog_extend_file(builtin(), "/nonexistent", &alone, &err),
                     ITSS_EIO);
    ck_assert_int_eq(itss_indicator_catalog_extend(NULL, doc, sizeof doc - 1, &alone, &err),
                     ITSS_EINVAL);
    ck_assert_str_eq(err.message, "itss_indicator_catalog_extend: base is NULL");
}
END_TEST

/* Eight threads score one shared evaluation at once. */
static const itss_evaluation *shared;

static void *score_thread(void *arg)
{
    char **out = arg;
    for (int k = 0; k < 50; k++) {
        itss_quality_result *r = NULL;
        if (itss_quality_score(shared, &r, NULL) == 0) {
            itss_free(*out);
            *out = NULL;
            itss_quality_result_render(r, ITSS_FORMAT_JSON, ITSS_LANG_ZH, out, NULL, NULL);
        }
        itss_quality_result_free(r);
    }
    return NULL;
}

START_TEST(score_from_threads)
{
    itss_evaluation *e = NULL;
    ck_assert_int_eq(itss_evaluation_new(builtin(), "04", &e, NULL), 0);
    ck_assert_int_eq(itss_evaluation_set_ratio(e, "call_answer_rate", 441, 483, NULL), 0);
    shared = e;
    pthread_t t[8];
    char *out[8] = {0};
    for (int i = 0; i < 8; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, score_thread, &out[i]), 0);
    for (int i = 0; i < 8; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < 8; i++)
        ck_assert_str_eq(out[i], out[0]);
    for (int i = 0; i < 8; i++)
        itss_free(out[i]);
    itss_evaluation_free(e);
}
END_TEST

/* A catalog with one more indicator than the built-in one: a rating, so
 * that names, anchors and sub-characteristics of a loaded indicator are
 * read after the catalog is freed. */
static const char courtesy_doc[] =
    "{\"indicators\": [{\"id\": \"staff_courtesy\", \"name\": {\"zh\": \"服务礼貌\", \"en\": "
    "\"Staff courtesy\"}, \"subcharacteristic\": \"courtesy\", \"method\": \"rating\", "
    "\"polarity\": \"positive\", \"anchors\": {\"1\": {\"zh\": \"差\", \"en\": \"poor\"}, "
    "\"2\": {\"zh\": \"较差\", \"en\": \"fair\"}, \"3\": {\"zh\": \"一般\", \"en\": \"average\"}, "
    "\"4\": {\"zh\": \"好\", \"en\": \"good\"}, \"5\": {\"zh\": \"很好\", \"en\": \"excellent\"}}, "
    "\"source\": \"test\"}]}";

/* An evaluation of the courtesy catalog for one period: an evaluated ratio
 * and rating, a not-applicable indicator with its reason and a missing
 * one, weights and bands. */
static char *lifetime_evaluation(char *buf, size_t size, const char *period, int answered)
{
    snprintf(buf, size,
             "{\"service\": \"04\", \"period\": \"%s\", \"scheme\": {\"indicators\": "
             "[\"incident_response_timeliness\", \"call_answer_rate\", \"monitoring_coverage\", "
             "\"repeat_repair_rate\", \"staff_courtesy\"], \"weights\": {\"reliability\": 2, "
             "\"staff_courtesy\": 3}, \"bands\": [{\"grade\": \"A\", \"min\": 0.9}, "
             "{\"grade\": \"B\", \"min\": 0}]}, \"measurements\": {"
             "\"incident_response_timeliness\": {\"A\": %d, \"B\": 100}, "
             "\"monitoring_coverage\": {\"na\": \"没有监控合同\"}, "
             "\"repeat_repair_rate\": {\"A\": 3, \"B\": 100}, "
             "\"staff_courtesy\": {\"scores\": [4, 5, 5]}}}",
             period, answered);
    return buf;
}

/* Every view of a result: JSON, pretty JSON and the text reports. */
static void result_views(const itss_quality_result *r, char *out[4])
{
    ck_assert_int_eq(itss_quality_result_render(r, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out[0], NULL,
                                                NULL), 0);
    ck_assert_int_eq(itss_quality_result_render(r, ITSS_FORMAT_JSON_PRETTY, ITSS_LANG_ZH,
                                                &out[1], NULL, NULL), 0);
    ck_assert_int_eq(itss_quality_result_render(r, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &out[2], NULL,
                                                NULL), 0);
    ck_assert_int_eq(itss_quality_result_render(r, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &out[3], NULL,
                                                NULL), 0);
}

static void compare_views(const itss_quality_result *a, const itss_quality_result *b,
                          char *out[2])
{
    const itss_quality_result *both[] = {a, b};
    ck_assert_int_eq(itss_quality_compare_render(both, 2, ITSS_FORMAT_JSON, ITSS_LANG_ZH,
                                                 &out[0], NULL, NULL), 0);
    ck_assert_int_eq(itss_quality_compare_render(both, 2, ITSS_FORMAT_TEXT, ITSS_LANG_EN,
                                                 &out[1], NULL, NULL), 0);
}

/* Results and evaluations keep what they need: the caller may free the
 * catalog they were made with (and a result's evaluation) first, and every
 * view and getter still reads the same (under AddressSanitizer, a
 * use-after-free would stop the test). */
START_TEST(objects_outlive_their_catalog)
{
    itss_indicator_catalog *c = NULL;
    itss_evaluation *e1 = NULL, *e2 = NULL;
    itss_quality_result *r1 = NULL, *r2 = NULL, *r3 = NULL;
    itss_error err;
    char doc[2048];
    ck_assert_int_eq(itss_indicator_catalog_extend(builtin(), courtesy_doc,
                                                   sizeof courtesy_doc - 1, &c, &err), 0);
    lifetime_evaluation(doc, sizeof doc, "2026-Q1", 90);
    ck_assert_int_eq(itss_evaluation_load(c, doc, strlen(doc), &e1, &err), 0);
    lifetime_evaluation(doc, sizeof doc, "2026-Q2", 95);
    ck_assert_int_eq(itss_evaluation_load(c, doc, strlen(doc), &e2, &err), 0);
    ck_assert_int_eq(itss_quality_score(e1, &r1, &err), 0);
    ck_assert_int_eq(itss_quality_score(e2, &r2, &err), 0);
    char *before[4], *cmp_before[2], *export_before = NULL;
    result_views(r1, before);
    compare_views(r1, r2, cmp_before);
    ck_assert_int_eq(itss_evaluation_export(e2, ITSS_FORMAT_JSON, &export_before, NULL, &err), 0);
    double overall = itss_quality_result_overall(r1), coverage = itss_quality_result_coverage(r1);

    itss_indicator_catalog_free(c); /* the caller is done with the catalog */
    itss_evaluation_free(e1);       /* and with the first evaluation */

    /* the result: every view, byte for byte, and every getter */
    char *after[4], *cmp_after[2];
    result_views(r1, after);
    compare_views(r1, r2, cmp_after);
    for (int i = 0; i < 4; i++) {
        ck_assert_str_eq(after[i], before[i]);
        itss_free(before[i]);
        itss_free(after[i]);
    }
    for (int i = 0; i < 2; i++) {
        ck_assert_str_eq(cmp_after[i], cmp_before[i]);
        itss_free(cmp_before[i]);
        itss_free(cmp_after[i]);
    }
    ck_assert(itss_quality_result_overall(r1) == overall);
    ck_assert(itss_quality_result_coverage(r1) == coverage);
    /* responsiveness 0.9 (weight 1), reliability 1 - 3/100 (weight 2; its
     * completeness is na), friendliness 14/15 (weight 1): 0.943..., band A */
    ck_assert(NEAR(overall, (0.9 + 2 * 0.97 + 14.0 / 15) / 4));
    ck_assert_str_eq(itss_quality_result_band(r1), "A");
    ck_assert(!isnan(itss_quality_result_node_score(r1, node("courtesy"))));
    /* indicators known by id: the built-in catalog's handle finds them */
    ck_assert_int_eq(itss_quality_result_indicator_status(r1, ind("monitoring_coverage")),
                     ITSS_INDICATOR_NA);
    ck_assert_str_eq(itss_quality_result_indicator_reason(r1, ind("monitoring_coverage")),
                     "没有监控合同");
    ck_assert(NEAR(itss_quality_result_indicator_score(r1, ind("incident_response_timeliness")),
                   0.9));
    /* the indicators the result hands out, loaded ones included */
    ck_assert_uint_eq(itss_quality_result_not_evaluated_count(r1), 2);
    const itss_indicator *missing = itss_quality_result_not_evaluated_at(r1, 0);
    ck_assert_str_eq(itss_indicator_id(missing), "call_answer_rate");
    ck_assert_int_eq(itss_quality_result_indicator_status(r1, missing), ITSS_INDICATOR_MISSING);
    const itss_indicator *na = itss_quality_result_not_evaluated_at(r1, 1);
    ck_assert_str_eq(itss_indicator_name(na, ITSS_LANG_EN), "Monitoring coverage");
    ck_assert_str_eq(itss_quality_node_id(itss_indicator_subcharacteristic(na)), "completeness");

    /* the second evaluation still works on the catalog it was made with */
    const itss_indicator_catalog *kept = itss_evaluation_catalog(e2);
    ck_assert_uint_eq(itss_indicator_catalog_indicator_count(kept), 18);
    const itss_indicator *loaded = NULL;
    ck_assert_int_eq(itss_indicator_lookup(kept, "staff_courtesy", &loaded, &err), 0);
    ck_assert_str_eq(itss_indicator_name(loaded, ITSS_LANG_ZH), "服务礼貌");
    ck_assert_str_eq(itss_indicator_anchor(loaded, 5, ITSS_LANG_EN), "excellent");
    ck_assert_str_eq(itss_indicator_id(itss_evaluation_indicator_at(e2, 4)), "staff_courtesy");
    char *export_after = NULL;
    ck_assert_int_eq(itss_evaluation_export(e2, ITSS_FORMAT_JSON, &export_after, NULL, &err), 0);
    ck_assert_str_eq(export_after, export_before);
    itss_free(export_before);
    itss_free(export_after);
    ck_assert_int_eq(itss_evaluation_set_ratio(e2, "call_answer_rate", 45, 50, &err), 0);
    ck_assert_int_eq(itss_quality_score(e2, &r3, &err), 0);
    ck_assert(NEAR(itss_quality_result_indicator_score(r3, loaded), 14.0 / 15));
    itss_evaluation_free(e2); /* r2 and r3 now hold the last references */
    char *views[4];
    result_views(r3, views);
    for (int i = 0; i < 4; i++)
        itss_free(views[i]);
    itss_quality_result_free(r1);
    itss_quality_result_free(r2);
    itss_quality_result_free(r3); /* the catalog goes with the last one */
}
END_TEST

START_TEST(null_arguments)
{
    ck_assert_ptr_null(itss_quality_model_edition(NULL));
    ck_assert_ptr_null(itss_quality_model_title(NULL, ITSS_LANG_ZH));
    ck_assert_uint_eq(itss_quality_model_characteristic_count(NULL), 0);
    ck_assert_ptr_null(itss_quality_model_characteristic_at(NULL, 0));
    ck_assert_uint_eq(itss_quality_model_subcharacteristic_count(NULL), 0);
    ck_assert_ptr_null(itss_quality_model_subcharacteristic_at(NULL, 0));
    ck_assert_ptr_null(itss_quality_node_id(NULL));
    ck_assert_ptr_null(itss_quality_node_name(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_quality_node_definition(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_quality_node_parent(NULL));
    ck_assert_uint_eq(itss_quality_node_child_count(NULL), 0);
    ck_assert_ptr_null(itss_quality_node_child_at(NULL, 0));
    ck_assert_uint_eq(itss_indicator_catalog_indicator_count(NULL), 0);
    ck_assert_ptr_null(itss_indicator_catalog_indicator_at(NULL, 0));
    ck_assert_ptr_null(itss_indicator_id(NULL));
    ck_assert_ptr_null(itss_indicator_name(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_indicator_subcharacteristic(NULL));
    ck_assert_int_eq(itss_indicator_method(NULL), ITSS_METHOD_RATIO);
    ck_assert_int_eq(itss_indicator_polarity(NULL), ITSS_POLARITY_POSITIVE);
    ck_assert_uint_eq(itss_indicator_service_count(NULL), 0);
    ck_assert_ptr_null(itss_indicator_service_at(NULL, 0));
    ck_assert_int_eq(itss_indicator_applies_to(NULL, "04"), 0);
    ck_assert_ptr_null(itss_indicator_a(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_indicator_b(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_indicator_anchor(NULL, 1, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_indicator_source(NULL));
    ck_assert_ptr_null(itss_evaluation_service(NULL));
    ck_assert_uint_eq(itss_evaluation_indicator_count(NULL), 0);
    ck_assert_ptr_null(itss_evaluation_indicator_at(NULL, 0));
    ck_assert(isnan(itss_quality_result_overall(NULL)));
    ck_assert(isnan(itss_quality_result_coverage(NULL)));
    ck_assert_ptr_null(itss_quality_result_band(NULL));
    ck_assert(isnan(itss_quality_result_node_score(NULL, node("security"))));
    ck_assert(isnan(itss_quality_result_indicator_score(NULL, ind("call_answer_rate"))));
    ck_assert_int_eq(itss_quality_result_indicator_status(NULL, ind("call_answer_rate")),
                     ITSS_INDICATOR_NOT_SELECTED);
    ck_assert_ptr_null(itss_quality_result_indicator_reason(NULL, ind("call_answer_rate")));
    ck_assert_uint_eq(itss_quality_result_not_evaluated_count(NULL), 0);
    ck_assert_ptr_null(itss_quality_result_not_evaluated_at(NULL, 0));
    ck_assert_ptr_null(itss_evaluation_catalog(NULL));
    ck_assert_uint_eq(itss_evaluation_band_count(NULL), 0);
    ck_assert_ptr_null(itss_evaluation_band_grade(NULL, 0));
    ck_assert(isnan(itss_evaluation_band_min(NULL, 0)));
    ck_assert_uint_eq(itss_evaluation_measured_count(NULL), 0);
    ck_assert_ptr_null(itss_evaluation_reason(NULL, "x"));
    itss_quality_result *r = (itss_quality_result *)1;
    ck_assert_int_eq(itss_quality_score(NULL, &r, NULL), ITSS_EINVAL);
    ck_assert_ptr_null(r);
    itss_quality_result_free(NULL);
    itss_evaluation_free(NULL);
    char *s;
    ck_assert_int_eq(itss_quality_scheme_render(builtin(), NULL, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &s,
                                                NULL, NULL),
                     ITSS_EINVAL);
    ck_assert_int_eq(itss_quality_result_render(NULL, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &s, NULL,
                                                NULL),
                     ITSS_EINVAL);
    ck_assert_int_eq(itss_ahp_json(NULL, 0, ITSS_AHP_STRICT, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &s, NULL, NULL),
                     ITSS_EINVAL);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("quality");
    TCase *t = tcase_create("api");
    tcase_add_test(t, model_structure);
    tcase_add_test(t, builtin_catalog);
    tcase_add_test(t, default_schemes);
    tcase_add_test(t, seed_examples);
    tcase_add_test(t, aggregation_rules);
    tcase_add_test(t, weights_at_the_ends_of_the_double_range);
    tcase_add_test(t, bands_and_weights);
    tcase_add_test(t, measurement_errors);
    tcase_add_test(t, builders_read_back);
    tcase_add_test(t, evaluation_export_round_trip);
    tcase_add_test(t, compare_results);
    tcase_add_test(t, compare_labeled);
    tcase_add_test(t, ahp_consistent_and_not);
    tcase_add_test(t, ahp_at_the_ends_of_the_double_range);
    tcase_add_test(t, catalog_on_top_of_builtin);
    tcase_add_test(t, score_from_threads);
    tcase_add_test(t, objects_outlive_their_catalog);
    tcase_add_test(t, null_arguments);
    suite_add_tcase(s, t);
    return s;
}

int main(void) { return itss_test_run(suite()); }
