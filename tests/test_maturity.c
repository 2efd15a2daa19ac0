/*
 * Unit tests of the maturity API (include/itss/maturity.h): the built-in
 * T/CESA 1299-2023 model, assessments, the rater and its outputs, with
 * their error paths. Expected values come from the standard (seed 004) and
 * from the rules of docs/maturity.md, worked by hand.
 */
#include <check.h>
#include <jansson.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "check_main.h"

static const itss_maturity_model *model(void)
{
    const itss_maturity_model *m = NULL;
    m = itss_maturity_model_builtin();
    return m;
}

/* The built-in model's domain, item and clause handles. */
static const itss_maturity_domain *dom(const char *id)
{
    const itss_maturity_domain *d = NULL;
    ck_assert_int_eq(itss_maturity_domain_lookup(model(), id, &d, NULL), 0);
    return d;
}

static const itss_maturity_item *item(int number)
{
    const itss_maturity_item *it = NULL;
    ck_assert_int_eq(itss_maturity_item_lookup(model(), number, &it, NULL), 0);
    return it;
}

static const itss_maturity_clause *clause(const char *id)
{
    const itss_maturity_clause *c = NULL;
    ck_assert_int_eq(itss_maturity_clause_lookup(model(), id, &c, NULL), 0);
    return c;
}

static json_t *parse(const char *s)
{
    json_error_t je;
    json_t *j = json_loads(s, JSON_REJECT_DUPLICATES, &je);
    ck_assert_msg(j != NULL, "%s", je.text);
    return j;
}

/* An assessment with every clause rated F. */
static itss_assessment *all_f(void)
{
    const itss_maturity_model *m = model();
    itss_assessment *a = NULL;
    ck_assert_int_eq(itss_assessment_new(m, &a, NULL), 0);
    for (size_t i = 0; i < itss_maturity_model_clause_count(m); i++)
        ck_assert_int_eq(itss_assessment_set_rating(a, itss_maturity_clause_id(
                                                           itss_maturity_model_clause_at(m, i)),
                                                    ITSS_RATING_F, NULL),
                         0);
    return a;
}

/* ---- the built-in model ----------------------------------------------- */

START_TEST(builtin_structure)
{
    const itss_maturity_model *m = model();
    ck_assert_ptr_eq(m, model());
    itss_maturity_model_free((itss_maturity_model *)m); /* ignored */
    ck_assert_str_eq(itss_maturity_model_edition(m), "T/CESA 1299-2023");
    ck_assert_str_eq(itss_maturity_model_id(m), "tcesa1299-2023");
    ck_assert_str_eq(itss_maturity_model_title(m, ITSS_LANG_ZH),
                     "信息技术服务 运行维护服务能力成熟度模型");
    /* 5.2.1: 基本级（四级）, 拓展级（三级）, 协同级（二级）, 量化级（一级）, 引领级 */
    static const char *const names[] = {"基本级", "拓展级", "协同级", "量化级", "引领级"};
    static const char *const labels[] = {"四级", "三级", "二级", "一级", "引领级"};
    static const char *const en[] = {"Basic", "Extended", "Collaborative", "Quantitative",
                                     "Leading"};
    ck_assert_int_eq(itss_maturity_model_level_count(m), 5);
    for (int l = 1; l <= 5; l++) {
        const itss_maturity_level *lv = itss_maturity_model_level_at(m, (size_t)l - 1);
        ck_assert_int_eq(itss_maturity_level_ordinal(lv), l);
        ck_assert_str_eq(itss_maturity_level_name(lv, ITSS_LANG_ZH), names[l - 1]);
        ck_assert_str_eq(itss_maturity_level_name(lv, ITSS_LANG_EN), en[l - 1]);
        ck_assert_str_eq(itss_maturity_level_label(lv, ITSS_LANG_ZH), labels[l - 1]);
        ck_assert_uint_gt(strlen(itss_maturity_level_description(lv, ITSS_LANG_ZH)), 20);
        ck_assert_uint_gt(strlen(itss_maturity_level_description(lv, ITSS_LANG_EN)), 20);
    }
    ck_assert_ptr_null(itss_maturity_model_level_at(m, 5));
    ck_assert_ptr_null(itss_maturity_model_level_at(NULL, 0));
    /* 5.1: three parts; table 1: 8 domains and 48 items */
    ck_assert_uint_eq(itss_maturity_model_part_count(m), 3);
    ck_assert_str_eq(itss_maturity_part_name(itss_maturity_model_part_at(m, 1), ITSS_LANG_ZH),
                     "能力要素");
    static const char *const dom[] = {"capability_management", "quality_management", "people",
                                      "process", "technology", "resources", "delivery",
                                      "emergency"};
    static const char *const dom_zh[] = {"能力管理", "质量管理", "人员", "过程",
                                         "技术",     "资源",     "交付", "应急"};
    /* parts as in DESIGN 4.2: 服务管理 {1,2}, 能力要素 {3..6}, 服务保障 {7,8} */
    static const char *const part_of[] = {"service_management",  "service_management",
                                          "capability_elements", "capability_elements",
                                          "capability_elements", "capability_elements",
                                          "service_assurance",   "service_assurance"};
    ck_assert_uint_eq(itss_maturity_model_domain_count(m), 8);
    for (size_t i = 0; i < 8; i++) {
        const itss_maturity_domain *d = itss_maturity_model_domain_at(m, i);
        ck_assert_str_eq(itss_maturity_domain_id(d), dom[i]);
        ck_assert_str_eq(itss_maturity_domain_name(d, ITSS_LANG_ZH), dom_zh[i]);
        ck_assert_str_eq(itss_maturity_part_id(itss_maturity_domain_part(d)), part_of[i]);
        for (int l = 1; l <= 5; l++)
            ck_assert_ptr_nonnull(itss_maturity_domain_description(d, l, ITSS_LANG_EN));
        ck_assert_ptr_null(itss_maturity_domain_description(d, 6, ITSS_LANG_EN));
    }
    ck_assert_uint_eq(itss_maturity_model_item_count(m), 48);
    /* table 1: items per domain 4, 3, 6, 11, 3, 6, 8, 7 */
    static const int per_domain[] = {4, 3, 6, 11, 3, 6, 8, 7};
    int counted[8] = {0};
    for (size_t i = 0; i < 48; i++) {
        const itss_maturity_item *it = itss_maturity_model_item_at(m, i);
        ck_assert_int_eq(itss_maturity_item_number(it), (int)i + 1);
        for (size_t d = 0; d < 8; d++)
            counted[d] += itss_maturity_item_domain(it) == itss_maturity_model_domain_at(m, d);
        ck_assert_ptr_nonnull(itss_maturity_item_name(it, ITSS_LANG_EN));
    }
    for (int d = 0; d < 8; d++)
        ck_assert_int_eq(counted[d], per_domain[d]);
}
END_TEST

START_TEST(item_names_and_aliases)
{
    /* DESIGN 4.2: the body text wins; table 1 / appendix A names are aliases */
    static const struct {
        int number;
        const char *canonical, *alias;
    } t[] = {
        {8, "人员能力策划", "人员能力规划"},
        {16, "服务报告管理", "服务报告"},
        {42, "应急组织与制度", "应急响应制度"},
        {43, "风险评估", "风评评估"},
    };
    const itss_maturity_model *m = model();
    for (size_t i = 0; i < 4; i++) {
        const itss_maturity_item *it = NULL;
        ck_assert_int_eq(itss_maturity_item_lookup(m, t[i].number, &it, NULL), 0);
        ck_assert_str_eq(itss_maturity_item_name(it, ITSS_LANG_ZH), t[i].canonical);
        ck_assert_uint_eq(itss_maturity_item_alias_count(it), 1);
        ck_assert_str_eq(itss_maturity_item_alias_at(it, 0), t[i].alias);
        ck_assert_ptr_null(itss_maturity_item_alias_at(it, 1));
    }
    const itss_maturity_item *it = NULL;
    ck_assert_int_eq(itss_maturity_item_lookup(m, 17, &it, NULL), 0);
    ck_assert_str_eq(itss_maturity_item_name(it, ITSS_LANG_ZH), "事件管理");
    ck_assert_uint_eq(itss_maturity_item_alias_count(it), 0);
    itss_error e;
    ck_assert_int_eq(itss_maturity_item_lookup(m, 49, &it, &e), ITSS_ENOTFOUND);
    ck_assert_ptr_null(it);
    ck_assert_ptr_nonnull(strstr(e.message, "49"));
    ck_assert_int_eq(itss_maturity_item_lookup(NULL, 1, &it, &e), ITSS_EINVAL);
}
END_TEST

START_TEST(clauses_counts_and_summaries)
{
    const itss_maturity_model *m = model();
    /* clauses per level, counted by hand in sections 6 to 10 */
    static const size_t per_level[] = {0, 44, 136, 199, 111, 29};
    size_t counted[6] = {0}, domain_wide = 0;
    ck_assert_uint_eq(itss_maturity_model_clause_count(m), 519);
    for (size_t i = 0; i < 519; i++) {
        const itss_maturity_clause *c = itss_maturity_model_clause_at(m, i);
        int l = itss_maturity_clause_level(c);
        ck_assert(l >= 1 && l <= 5);
        counted[l]++;
        const char *id = itss_maturity_clause_id(c);
        /* the section number starts with the level's section (6..10) */
        ck_assert_int_eq(atoi(id), l + 5);
        ck_assert_uint_gt(strlen(itss_maturity_clause_summary(c, ITSS_LANG_ZH)), 6);
        ck_assert_uint_gt(strlen(itss_maturity_clause_summary(c, ITSS_LANG_EN)), 6);
        ck_assert_ptr_nonnull(strstr(itss_maturity_clause_source(c), "T/CESA 1299-2023"));
        const itss_maturity_item *it = itss_maturity_clause_item(c);
        if (!it) {
            /* only 9.4.* and 10.* are domain-wide */
            ck_assert(strncmp(id, "9.4.", 4) == 0 || strncmp(id, "10.", 3) == 0);
            domain_wide++;
        } else {
            ck_assert_ptr_eq(itss_maturity_item_domain(it), itss_maturity_clause_domain(c));
        }
        const itss_maturity_clause *back = NULL;
        ck_assert_int_eq(itss_maturity_clause_lookup(m, id, &back, NULL), 0);
        ck_assert_ptr_eq(back, c);
    }
    for (int l = 1; l <= 5; l++)
        ck_assert_uint_eq(counted[l], per_level[l]);
    /* 9.4 a-c and the 29 clauses of section 10 */
    ck_assert_uint_eq(domain_wide, 3 + 29);
    const itss_maturity_clause *c = NULL;
    itss_error e;
    ck_assert_int_eq(itss_maturity_clause_lookup(m, "7.4.4.c", &c, &e), 0);
    ck_assert_int_eq(itss_maturity_item_number(itss_maturity_clause_item(c)), 17);
    ck_assert_str_eq(itss_maturity_domain_id(itss_maturity_clause_domain(c)), "process");
    ck_assert_int_eq(itss_maturity_clause_lookup(m, "7.4.4.z", &c, &e), ITSS_ENOTFOUND);
    ck_assert_ptr_null(c);
    ck_assert_ptr_nonnull(strstr(e.message, "7.4.4.z"));
    ck_assert_int_eq(itss_maturity_clause_lookup(m, NULL, &c, &e), ITSS_EINVAL);
    const itss_maturity_domain *d = NULL;
    ck_assert_int_eq(itss_maturity_domain_lookup(m, "risk", &d, &e), ITSS_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(e.message, "capability_management"));
    ck_assert_int_eq(itss_maturity_domain_lookup(m, "people", &d, &e), 0);
    ck_assert_int_eq(itss_maturity_domain_lookup(NULL, "people", &d, &e), ITSS_EINVAL);
}
END_TEST

/* T/CESA 1299-2023, 5.2: 基本级 (ITSS 四级) is the lowest, ordinal 1;
 * 拓展级 三级 2; 协同级 二级 3; 量化级 一级 4; 引领级 (its own label) 5. */
START_TEST(level_by_text)
{
    const itss_maturity_model *m = model();
    static const struct {
        const char *text;
        int ordinal;
    } ok[] = {{"1", 1},      {"四级", 1},   {"基本级", 1}, {"Basic", 1}, {"三级", 2},
              {"拓展级", 2}, {"二级", 3},   {"协同级", 3}, {"一级", 4},  {"Quantitative", 4},
              {"引领级", 5}, {"Leading", 5}, {"5", 5}};
    const itss_maturity_level *l;
    itss_error e;
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        ck_assert_msg(itss_maturity_level_lookup(m, ok[i].text, &l, &e) == 0, "%s: %s",
                      ok[i].text, e.message);
        ck_assert_int_eq(itss_maturity_level_ordinal(l), ok[i].ordinal);
    }
    static const char *const bad[] = {"0", "6", "05x", "", "basic", "二", "999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(itss_maturity_level_lookup(m, bad[i], &l, &e), ITSS_ENOTFOUND);
        ck_assert_ptr_null(l);
        ck_assert_ptr_nonnull(strstr(e.message, "1 基本级"));
    }
    /* a label that is another level's name names two levels */
    static const char doc[] =
        "{\"format\": \"itss-maturity-model/1\", \"id\": \"x\", \"edition\": \"X\","
        " \"title\": {\"zh\": \"x\", \"en\": \"x\"}, \"levels\": ["
        "{\"level\": 1, \"name\": {\"zh\": \"低\", \"en\": \"Low\"}},"
        "{\"level\": 2, \"name\": {\"zh\": \"高\", \"en\": \"High\"},"
        " \"label\": {\"zh\": \"低\", \"en\": \"L2\"}}],"
        " \"parts\": [{\"id\": \"p\", \"name\": {\"zh\": \"p\", \"en\": \"p\"}}],"
        " \"domains\": [{\"id\": \"d\", \"number\": 1, \"part\": \"p\","
        " \"name\": {\"zh\": \"d\", \"en\": \"d\"}}], \"items\": [],"
        " \"clauses\": [{\"id\": \"a\", \"level\": 1, \"domain\": \"d\", \"item\": null,"
        " \"summary\": {\"zh\": \"a\", \"en\": \"a\"}},"
        " {\"id\": \"b\", \"level\": 2, \"domain\": \"d\", \"item\": null,"
        " \"summary\": {\"zh\": \"b\", \"en\": \"b\"}}]}";
    itss_maturity_model *own;
    ck_assert_msg(itss_maturity_model_load(doc, strlen(doc), &own, &e) == 0, "%s", e.message);
    ck_assert_int_eq(itss_maturity_level_lookup(own, "低", &l, &e), ITSS_EVALUE);
    ck_assert_ptr_null(l);
    ck_assert_ptr_nonnull(strstr(e.message, "1 and 2"));
    ck_assert_int_eq(itss_maturity_level_lookup(own, "L2", &l, &e), 0);
    ck_assert_int_eq(itss_maturity_level_ordinal(l), 2);
    itss_maturity_model_free(own);
    ck_assert_int_eq(itss_maturity_level_lookup(NULL, "1", &l, &e), ITSS_EINVAL);
}
END_TEST

/* The built-in model gives no rule nor bands: the defaults, largely at
 * the level and fully below, and ISO/IEC 33020's 15 / 50 / 85. */
START_TEST(builtin_rule_and_bands)
{
    const itss_maturity_model *m = model();
    ck_assert_int_eq(itss_maturity_model_rule_at_level(m), ITSS_SAT_LARGELY);
    ck_assert_int_eq(itss_maturity_model_rule_below(m), ITSS_SAT_FULLY);
    ck_assert(itss_maturity_model_threshold(m, ITSS_RATING_P) == 15);
    ck_assert(itss_maturity_model_threshold(m, ITSS_RATING_L) == 50);
    ck_assert(itss_maturity_model_threshold(m, ITSS_RATING_F) == 85);
    ck_assert(isnan(itss_maturity_model_threshold(m, ITSS_RATING_N)));
    ck_assert_int_eq(itss_maturity_model_grade(m, ITSS_RATING_PERCENT, 85.5), ITSS_RATING_F);
    ck_assert_int_eq(itss_maturity_model_grade(m, ITSS_RATING_PERCENT, 85), ITSS_RATING_L);
    ck_assert_int_eq(itss_maturity_clause_obligation(itss_maturity_model_clause_at(m, 0)),
                     ITSS_OBLIGATION_SHALL);
    /* T/CESA 1299-2023 is loaded without warnings and gives no indicators */
    ck_assert_uint_eq(itss_maturity_model_warning_count(m), 0);
    ck_assert_uint_eq(itss_maturity_clause_indicator_count(itss_maturity_model_clause_at(m, 0)), 0);
    ck_assert_uint_eq(itss_maturity_level_indicator_count(itss_maturity_model_level_at(m, 0)), 0);
}
END_TEST

/* Appendix A, derived from the clauses: an item is marked at a level when
 * it has clauses there. The informative table may differ only where the
 * model documents it, and the documented differences are exactly those of
 * DESIGN 4.2: the Leading mark on the first item of each domain (section
 * 10 is domain-wide) and the Quantitative mark on item 19 (9.4 is
 * domain-wide). */
START_TEST(appendix_a_matches_clauses_but_for_documented_differences)
{
    const itss_maturity_model *m = model();
    unsigned derived[49] = {0};
    for (size_t i = 0; i < itss_maturity_model_clause_count(m); i++) {
        const itss_maturity_clause *c = itss_maturity_model_clause_at(m, i);
        const itss_maturity_item *it = itss_maturity_clause_item(c);
        if (it)
            derived[itss_maturity_item_number(it)] |= 1u << (itss_maturity_clause_level(c) - 1);
    }
    char *s = NULL;
    ck_assert_int_eq(itss_maturity_model_export(m, ITSS_FORMAT_JSON, &s, NULL, NULL),
                     0);
    json_t *doc = parse(s);
    itss_free(s);
    json_t *il = json_object_get(doc, "item_levels");
    json_t *rows = json_object_get(il, "rows"), *diffs = json_object_get(il, "differences");
    ck_assert_uint_eq(json_array_size(rows), 48);
    /* (item, level) pairs marked by appendix A but not derived, or derived but not marked */
    int found[64][2], nfound = 0;
    for (size_t i = 0; i < json_array_size(rows); i++) {
        json_t *row = json_array_get(rows, i);
        int item = (int)json_integer_value(json_object_get(row, "item"));
        unsigned marked = 0;
        json_t *lv;
        size_t k;
        json_array_foreach(json_object_get(row, "levels"), k, lv) marked |=
            1u << (json_integer_value(lv) - 1);
        for (int l = 1; l <= 5; l++)
            if (((marked ^ derived[item]) >> (l - 1)) & 1u) {
                ck_assert_msg(marked >> (l - 1) & 1u,
                              "item %d has clauses at level %d that appendix A does not mark",
                              item, l);
                found[nfound][0] = item;
                found[nfound][1] = l;
                nfound++;
            }
    }
    static const int expected[][2] = {{1, 5},  {5, 5},  {8, 5},  {14, 5}, {19, 4},
                                      {25, 5}, {28, 5}, {34, 5}, {42, 5}};
    ck_assert_int_eq(nfound, 9);
    ck_assert_uint_eq(json_array_size(diffs), 9);
    for (int i = 0; i < 9; i++) {
        ck_assert_int_eq(found[i][0], expected[i][0]);
        ck_assert_int_eq(found[i][1], expected[i][1]);
        json_t *dd = json_array_get(diffs, (size_t)i);
        ck_assert_int_eq(json_integer_value(json_object_get(dd, "item")), expected[i][0]);
        ck_assert_int_eq(json_integer_value(json_object_get(dd, "level")), expected[i][1]);
    }
    json_decref(doc);
}
END_TEST

START_TEST(model_export_round_trip)
{
    const itss_maturity_model *m = model();
    for (int f = 0; f < 2; f++) {
        itss_format fmt = f ? ITSS_FORMAT_JSON_PRETTY : ITSS_FORMAT_JSON;
        char *a = NULL, *b = NULL;
        size_t alen, blen;
        itss_maturity_model *copy = NULL;
        itss_error e;
        ck_assert_int_eq(itss_maturity_model_export(m, fmt, &a, &alen, &e), 0);
        ck_assert_int_eq(itss_maturity_model_load(a, alen, &copy, &e), 0);
        ck_assert_int_eq(itss_maturity_model_export(copy, fmt, &b, &blen, &e), 0);
        ck_assert_uint_eq(alen, blen);
        ck_assert_int_eq(memcmp(a, b, alen), 0);
        ck_assert_uint_eq(itss_maturity_model_clause_count(copy), 519);
        itss_maturity_model_free(copy);
        itss_free(a);
        itss_free(b);
    }
    char *t = NULL;
    ck_assert_int_eq(itss_maturity_model_render(m, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &t, NULL, NULL),
                     0);
    ck_assert_ptr_nonnull(strstr(t, "8 domains, 48 items, 519 clauses"));
    itss_free(t);
    itss_maturity_model *x = (itss_maturity_model *)1;
    itss_error e;
    ck_assert_int_eq(itss_maturity_model_load_file("/nonexistent/m.json", &x, &e), ITSS_EIO);
    ck_assert_ptr_null(x);
    ck_assert_int_eq(itss_maturity_model_load(NULL, 0, &x, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_maturity_model_export(NULL, ITSS_FORMAT_JSON, &t, NULL,
                                                &e),
                     ITSS_EINVAL);
}
END_TEST

START_TEST(clauses_render_filters)
{
    const itss_maturity_model *m = model();
    char *s = NULL;
    itss_error e;
    /* 10.8 a) to g): the seven Leading emergency clauses */
    ck_assert_int_eq(itss_maturity_clauses_render(m, 5, "emergency", 0, ITSS_FORMAT_JSON,
                                                  ITSS_LANG_ZH, &s, NULL, &e),
                     0);
    json_t *j = parse(s);
    json_t *cl = json_object_get(j, "clauses");
    ck_assert_uint_eq(json_array_size(cl), 7);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(cl, 6), "id")), "10.8.g");
    ck_assert(json_is_null(json_object_get(json_array_get(cl, 0), "item")));
    json_decref(j);
    itss_free(s);
    ck_assert_int_eq(itss_maturity_clauses_render(m, 1, NULL, 0, ITSS_FORMAT_JSON, ITSS_LANG_ZH,
                                                  &s, NULL, &e),
                     0);
    j = parse(s);
    ck_assert_uint_eq(json_array_size(json_object_get(j, "clauses")), 44);
    json_decref(j);
    itss_free(s);
    /* item 19 变更管理 has no level-1 clauses: 7.4.6 a-d and 8.4.6 */
    ck_assert_int_eq(itss_maturity_clauses_render(m, 2, NULL, 19, ITSS_FORMAT_TEXT, ITSS_LANG_ZH,
                                                  &s, NULL, &e),
                     0);
    ck_assert_ptr_nonnull(strstr(s, "7.4.6.d"));
    ck_assert_ptr_null(strstr(s, "7.4.6.e"));
    itss_free(s);
    ck_assert_int_eq(itss_maturity_clauses_render(m, 6, NULL, 0, ITSS_FORMAT_TEXT, ITSS_LANG_ZH,
                                                  &s, NULL, &e),
                     ITSS_EINVAL);
    ck_assert_int_eq(itss_maturity_clauses_render(m, 0, "risk", 0, ITSS_FORMAT_TEXT,
                                                  ITSS_LANG_ZH, &s, NULL, &e),
                     ITSS_ENOTFOUND);
    ck_assert_int_eq(itss_maturity_clauses_render(m, 0, NULL, 99, ITSS_FORMAT_TEXT, ITSS_LANG_ZH,
                                                  &s, NULL, &e),
                     ITSS_ENOTFOUND);
    ck_assert_int_eq(itss_maturity_clauses_render(NULL, 0, NULL, 0, ITSS_FORMAT_TEXT,
                                                  ITSS_LANG_ZH, &s, NULL, &e),
                     ITSS_EINVAL);
}
END_TEST

/* ---- ratings ------------------------------------------------------------ */

START_TEST(grade_bands)
{
    /* ISO/IEC 33020: N 0..15, P >15..50, L >50..85, F >85..100 */
    ck_assert_int_eq(itss_rating_grade(ITSS_RATING_PERCENT, 0), ITSS_RATING_N);
    ck_assert_int_eq(itss_rating_grade(ITSS_RATING_PERCENT, 15), ITSS_RATING_N);
    ck_assert_int_eq(itss_rating_grade(ITSS_RATING_PERCENT, 15.000001), ITSS_RATING_P);
    ck_assert_int_eq(itss_rating_grade(ITSS_RATING_PERCENT, 50), ITSS_RATING_P);
    ck_assert_int_eq(itss_rating_grade(ITSS_RATING_PERCENT, 50.000001), ITSS_RATING_L);
    ck_assert_int_eq(itss_rating_grade(ITSS_RATING_PERCENT, 85), ITSS_RATING_L);
    ck_assert_int_eq(itss_rating_grade(ITSS_RATING_PERCENT, 85.000001), ITSS_RATING_F);
    ck_assert_int_eq(itss_rating_grade(ITSS_RATING_PERCENT, 100), ITSS_RATING_F);
    ck_assert_int_eq(itss_rating_grade(ITSS_RATING_PERCENT, 100.5), ITSS_RATING_NONE);
    ck_assert_int_eq(itss_rating_grade(ITSS_RATING_PERCENT, NAN), ITSS_RATING_NONE);
    ck_assert_int_eq(itss_rating_grade(ITSS_RATING_L, 0), ITSS_RATING_L);
    ck_assert_int_eq(itss_rating_grade(ITSS_RATING_MET, 0), ITSS_RATING_NONE);
    ck_assert_int_eq(itss_rating_grade(ITSS_RATING_NA, 0), ITSS_RATING_NONE);
}
END_TEST

START_TEST(assessment_set_get_and_errors)
{
    const itss_maturity_model *m = model();
    itss_assessment *a = NULL;
    itss_error e;
    ck_assert_int_eq(itss_assessment_new(m, &a, &e), 0);
    ck_assert_ptr_eq(itss_assessment_model(a), m);
    ck_assert_uint_eq(itss_assessment_rated_count(a), 0);
    ck_assert_int_eq(itss_assessment_set_percent(a, "6.1.1.a", 72.5, &e), 0);
    ck_assert_int_eq(itss_assessment_set_na(a, "9.4.a", "外包", &e), 0);
    ck_assert_int_eq(itss_assessment_set_rating(a, "6.1.1.b", ITSS_RATING_MET, &e), 0);
    ck_assert_uint_eq(itss_assessment_rated_count(a), 3);
    itss_rating_kind k = ITSS_RATING_NONE;
    double pct = -1;
    ck_assert_int_eq(itss_assessment_rating(a, "6.1.1.a", &k, &pct, &e), 0);
    ck_assert_int_eq(k, ITSS_RATING_PERCENT);
    ck_assert(pct == 72.5);
    ck_assert_int_eq(itss_assessment_rating(a, "6.1.1.c", &k, &pct, &e), 0);
    ck_assert_int_eq(k, ITSS_RATING_NONE);
    ck_assert_str_eq(itss_assessment_reason(a, "9.4.a"), "外包");
    ck_assert_ptr_null(itss_assessment_reason(a, "6.1.1.a"));
    ck_assert_int_eq(itss_assessment_set_evidence(a, "6.1.1.a", "制度文件 v2", &e), 0);
    ck_assert_int_eq(itss_assessment_set_note(a, "6.1.1.a", "抽查 3 份", &e), 0);
    ck_assert_str_eq(itss_assessment_evidence(a, "6.1.1.a"), "制度文件 v2");
    ck_assert_str_eq(itss_assessment_note(a, "6.1.1.a"), "抽查 3 份");
    ck_assert_int_eq(itss_assessment_set_note(a, "6.1.1.a", NULL, &e), 0); /* clears */
    ck_assert_ptr_null(itss_assessment_note(a, "6.1.1.a"));
    ck_assert_str_eq(itss_assessment_evidence(a, "6.1.1.a"), "制度文件 v2");
    ck_assert_int_eq(itss_assessment_set_evidence(a, "6.1.1.c", "x", &e), ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(e.message, "not rated"));
    ck_assert_int_eq(itss_assessment_set_note(a, "6.1.1.c", "x", &e), ITSS_EVALUE);
    ck_assert_int_eq(itss_assessment_set_note(a, "6.1.1.a", "\xc3", &e), ITSS_EVALUE);
    ck_assert_int_eq(itss_assessment_set_evidence(a, "6.1.9.a", "x", &e), ITSS_ENOTFOUND);

    /* each failure names the problem and leaves the rating unchanged */
    ck_assert_int_eq(itss_assessment_set_percent(a, "6.1.1.a", NAN, &e),
                     ITSS_EVALUE);
    ck_assert_int_eq(itss_assessment_set_percent(a, "6.1.1.a", INFINITY, &e),
                     ITSS_EVALUE);
    ck_assert_int_eq(itss_assessment_set_percent(a, "6.1.1.a", 100.01, &e),
                     ITSS_EVALUE);
    ck_assert_int_eq(itss_assessment_set_percent(a, "6.1.1.a", -0.5, &e),
                     ITSS_EVALUE);
    ck_assert_int_eq(itss_assessment_set_na(a, "6.1.1.a", "", &e), ITSS_EVALUE);
    ck_assert_int_eq(itss_assessment_set_na(a, "6.1.1.a", NULL, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_assessment_set_na(a, "6.1.1.a", "\xff", &e),
                     ITSS_EVALUE);
    /* each kind of rating has its own function: the others are misuse */
    ck_assert_int_eq(itss_assessment_set_rating(a, "6.1.1.a", (itss_rating_kind)9, &e),
                     ITSS_EINVAL);
    ck_assert_int_eq(itss_assessment_set_rating(a, "6.1.1.a", ITSS_RATING_PERCENT, &e),
                     ITSS_EINVAL);
    ck_assert_ptr_nonnull(strstr(e.message, "itss_assessment_set_percent"));
    ck_assert_int_eq(itss_assessment_set_rating(a, "6.1.1.a", ITSS_RATING_NA, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_assessment_set_rating(a, "6.1.1.a", ITSS_RATING_NONE, &e),
                     ITSS_EINVAL);
    ck_assert_ptr_nonnull(strstr(e.message, "itss_assessment_unset"));
    ck_assert_int_eq(itss_assessment_set_rating(a, "6.1.9.a", ITSS_RATING_F, &e),
                     ITSS_ENOTFOUND);
    ck_assert_int_eq(itss_assessment_set_rating(NULL, "6.1.1.a", ITSS_RATING_F, &e),
                     ITSS_EINVAL);
    ck_assert_int_eq(itss_assessment_rating(a, "6.1.1.a", &k, &pct, &e), 0);
    ck_assert_int_eq(k, ITSS_RATING_PERCENT);
    ck_assert(pct == 72.5);

    /* scales: existing ratings must fit; then new ratings must fit */
    ck_assert_int_eq(itss_assessment_set_scale(a, ITSS_SCALE_BINARY, &e), ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(e.message, "6.1.1.a"));
    ck_assert_int_eq(itss_assessment_scale(a), ITSS_SCALE_ANY);
    ck_assert_int_eq(itss_assessment_set_scale(a, ITSS_SCALE_NPLF, &e), ITSS_EVALUE); /* met */
    ck_assert_int_eq(itss_assessment_unset(a, "6.1.1.b", &e), 0);
    ck_assert_uint_eq(itss_assessment_rated_count(a), 2);
    ck_assert_int_eq(itss_assessment_set_scale(a, ITSS_SCALE_NPLF, &e), 0);
    ck_assert_int_eq(itss_assessment_set_rating(a, "6.1.1.b", ITSS_RATING_MET, &e),
                     ITSS_EVALUE);
    ck_assert_int_eq(itss_assessment_set_rating(a, "6.1.1.b", ITSS_RATING_L, &e), 0);
    ck_assert_int_eq(itss_assessment_set_scale(a, (itss_rating_scale)7, &e), ITSS_EINVAL);

    /* metadata */
    ck_assert_int_eq(itss_assessment_set_meta(a, "organization", "示例公司", &e), 0);
    ck_assert_str_eq(itss_assessment_meta(a, "organization"), "示例公司");
    ck_assert_int_eq(itss_assessment_set_meta(a, "organization", NULL, &e), 0);
    ck_assert_ptr_null(itss_assessment_meta(a, "organization"));
    ck_assert_int_eq(itss_assessment_set_meta(a, "rater", "x", &e), ITSS_EVALUE);
    /* the message names the bad key and the documented keys (docs/maturity.md) */
    ck_assert_ptr_nonnull(strstr(e.message, "\"rater\""));
    ck_assert_ptr_nonnull(strstr(e.message, "id, organization, scope, date, assessor, notes"));
    ck_assert_int_eq(itss_assessment_set_meta(a, "date", "\xc0", &e), ITSS_EVALUE);
    ck_assert_int_eq(itss_assessment_set_meta(a, NULL, "x", &e), ITSS_EINVAL);
    ck_assert_ptr_null(itss_assessment_meta(a, "rater"));
    itss_assessment_free(a);
    itss_assessment_free(NULL);
    ck_assert_int_eq(itss_assessment_new(NULL, &a, &e), ITSS_EINVAL);
}
END_TEST

START_TEST(assessment_export_round_trip)
{
    const itss_maturity_model *m = model();
    static const char doc[] =
        "{\"id\": \"A-7\", \"organization\": \"示例\", \"scale\": \"nplf\", \"ratings\": {"
        "\"7.4.4.c\": 72.5, \"6.1.1.a\": \"F\", \"9.4.a\": {\"rating\": \"na\", \"reason\": "
        "\"不适用\"}, \"6.2.1.b\": {\"rating\": \"L\", \"evidence\": \"报告\", \"note\": \"n\"}}}";
    itss_assessment *a = NULL, *b = NULL;
    itss_error e;
    ck_assert_int_eq(itss_assessment_load(m, doc, sizeof doc - 1, &a, &e), 0);
    ck_assert_int_eq(itss_assessment_scale(a), ITSS_SCALE_NPLF);
    ck_assert_str_eq(itss_assessment_meta(a, "id"), "A-7");
    ck_assert_str_eq(itss_assessment_evidence(a, "6.2.1.b"), "报告");
    char *x = NULL, *y = NULL;
    size_t xl, yl;
    ck_assert_int_eq(itss_assessment_export(a, ITSS_FORMAT_JSON, &x, &xl, &e), 0);
    /* ratings come out in model order: 6.1.1.a, 6.2.1.b, 7.4.4.c, 9.4.a */
    ck_assert_str_eq(x, "{\"id\":\"A-7\",\"organization\":\"示例\",\"scale\":\"nplf\","
                        "\"ratings\":{\"6.1.1.a\":\"F\",\"6.2.1.b\":{\"rating\":\"L\","
                        "\"evidence\":\"报告\",\"note\":\"n\"},\"7.4.4.c\":72.5,\"9.4.a\":{"
                        "\"rating\":\"na\",\"reason\":\"不适用\"}}}");
    ck_assert_int_eq(itss_assessment_load(m, x, xl, &b, &e), 0);
    ck_assert_int_eq(itss_assessment_export(b, ITSS_FORMAT_JSON, &y, &yl, &e), 0);
    ck_assert_str_eq(x, y);
    itss_free(x);
    itss_free(y);
    ck_assert_int_eq(itss_assessment_export(a, ITSS_FORMAT_TEXT, &x, NULL, &e), ITSS_EINVAL);
    itss_assessment_free(a);
    itss_assessment_free(b);
    a = (itss_assessment *)1;
    ck_assert_int_eq(itss_assessment_load_file(m, "/nonexistent/a.json", &a, &e), ITSS_EIO);
    ck_assert_ptr_null(a);
    ck_assert_int_eq(itss_assessment_load(NULL, doc, 2, &a, &e), ITSS_EINVAL);
}
END_TEST

/* ---- the rater ---------------------------------------------------------- */

/* ITSS.1-2015: the requirement of table 12 spanning the rows GB/T
 * 28827.1-2012 6.4, 6.5 and 6.6 names items 43, 44 and 45 (the people
 * aspect's rows in the order of the tables: 6.2 is 41), and its status is
 * reported for each of them; a level-wide characteristic has no domain;
 * an item says which clause it cites; labels name levels. */
START_TEST(itss1_items_and_level_wide)
{
    const itss_maturity_model *m = NULL;
    const itss_maturity_clause *c = NULL, *w = NULL;
    itss_error e;
    ck_assert_int_eq(itss_maturity_model_builtin_lookup("itss1-2015", &m, &e), 0);
    ck_assert_str_eq(itss_maturity_model_edition(m), "ITSS.1-2015");
    ck_assert_uint_eq(itss_maturity_model_level_count(m), 4);
    const itss_maturity_level *level = NULL;
    ck_assert_int_eq(itss_maturity_level_lookup(m, "一级", &level, &e), 0);
    ck_assert_int_eq(itss_maturity_level_ordinal(level), 4);
    ck_assert_int_eq(itss_maturity_level_lookup(m, "基本级", &level, &e), 0);
    ck_assert_int_eq(itss_maturity_level_ordinal(level), 1);
    ck_assert_int_eq(itss_maturity_clause_lookup(m, "t12-1.6.4-a", &c, &e), 0);
    ck_assert_uint_eq(itss_maturity_clause_item_count(c), 3);
    for (size_t i = 0; i < 3; i++)
        ck_assert_int_eq(itss_maturity_item_number(itss_maturity_clause_item_at(c, i)),
                         43 + (int)i);
    ck_assert_ptr_null(itss_maturity_clause_item_at(c, 3));
    ck_assert_ptr_eq(itss_maturity_clause_item(c), itss_maturity_clause_item_at(c, 0));
    ck_assert_str_eq(itss_maturity_item_cites(itss_maturity_clause_item_at(c, 2)),
                     "GB/T 28827.1-2012 6.6");
    ck_assert_int_eq(itss_maturity_clause_lookup(m, "4.3.2.2-a", &w, &e), 0);
    ck_assert_ptr_null(itss_maturity_clause_domain(w));
    ck_assert_ptr_null(itss_maturity_clause_item(w));
    ck_assert_uint_eq(itss_maturity_clause_item_count(w), 0);
    ck_assert_uint_eq(itss_maturity_clause_item_count(NULL), 0);
    ck_assert_ptr_null(itss_maturity_item_cites(NULL));

    /* all met but t12-1.6.4-a */
    itss_assessment *a = NULL;
    ck_assert_int_eq(itss_assessment_new(m, &a, &e), 0);
    ck_assert_int_eq(itss_assessment_set_scale(a, ITSS_SCALE_BINARY, &e), 0);
    for (size_t i = 0; i < itss_maturity_model_clause_count(m); i++)
        ck_assert_int_eq(itss_assessment_set_rating(
                             a, itss_maturity_clause_id(itss_maturity_model_clause_at(m, i)),
                             ITSS_RATING_MET, &e),
                         0);
    ck_assert_int_eq(itss_assessment_set_rating(a, "t12-1.6.4-a", ITSS_RATING_NOT_MET, &e), 0);
    itss_maturity_result *r = NULL;
    ck_assert_int_eq(itss_maturity_rate(a, 0, &r, &e), 0);
    ck_assert_int_eq(itss_maturity_result_level(r), 2);
    for (size_t i = 0; i < 3; i++)
        ck_assert_int_eq(
            itss_maturity_result_item_status(r, itss_maturity_clause_item_at(c, i), 3),
            ITSS_SAT_NOT);
    const itss_maturity_item *it = NULL;
    ck_assert_int_eq(itss_maturity_item_lookup(m, 42, &it, &e), 0); /* 6.3, not in the cell */
    ck_assert_int_eq(itss_maturity_result_item_status(r, it, 3), ITSS_SAT_FULLY);
    /* the level-wide clauses count for the overall level only */
    ck_assert_int_eq(itss_assessment_set_rating(a, "t12-1.6.4-a", ITSS_RATING_MET, &e), 0);
    ck_assert_int_eq(itss_assessment_set_rating(a, "4.3.4.2-e", ITSS_RATING_NOT_MET, &e), 0);
    itss_maturity_result_free(r);
    ck_assert_int_eq(itss_maturity_rate(a, 0, &r, &e), 0);
    ck_assert_int_eq(itss_maturity_result_level(r), 3);
    for (size_t d = 0; d < itss_maturity_model_domain_count(m); d++)
        ck_assert_int_eq(itss_maturity_result_domain_level(r, itss_maturity_model_domain_at(m, d)),
                         4);
    ck_assert_uint_eq(itss_maturity_result_gap_count(r), 1);
    ck_assert_ptr_null(itss_maturity_clause_domain(itss_maturity_result_gap_at(r, 0)));
    char *text = NULL;
    ck_assert_int_eq(itss_maturity_result_render(r, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &text, NULL,
                                                 &e),
                     0);
    ck_assert_ptr_nonnull(strstr(text, "达到等级  二级 改进（协同）级\n"));
    ck_assert_ptr_nonnull(strstr(text, "差距：达到 一级 提升（量化）级 还需满足 1 项要求"));
    ck_assert_ptr_nonnull(strstr(text, "  等级通用要求\n"));
    ck_assert_ptr_nonnull(strstr(text, "等级通用要求（计入总体等级，不属于任何能力域）：完全满足 95.2% (20/21)"));
    itss_free(text);
    itss_maturity_result_free(r);
    itss_assessment_free(a);
}
END_TEST

START_TEST(rate_getters)
{
    itss_assessment *a = all_f();
    itss_error e;
    /* one N at level 1 in people (6.3.2.a, 绩效管理 item 12): level 0 */
    ck_assert_int_eq(itss_assessment_set_rating(a, "6.3.2.a", ITSS_RATING_N, &e), 0);
    ck_assert_int_eq(itss_assessment_set_na(a, "8.6.3.a", "无备件", &e), 0);
    ck_assert_int_eq(itss_assessment_unset(a, "9.5.1.a", &e), 0);
    itss_maturity_result *r = NULL;
    ck_assert_int_eq(itss_maturity_rate(a, 0, &r, &e), 0);
    itss_assessment_free(a); /* the result does not depend on the assessment */
    ck_assert_int_eq(itss_maturity_result_level(r), 0);
    ck_assert_ptr_eq(itss_maturity_result_model(r), model());
    ck_assert_int_eq(itss_maturity_result_domain_level(r, dom("people")), 0);
    /* technology: 9.5.1.a unrated blocks level 4, so level 3 */
    ck_assert_int_eq(itss_maturity_result_domain_level(r, dom("technology")), 3);
    ck_assert_int_eq(itss_maturity_result_domain_level(r, dom("delivery")), 5);
    ck_assert_int_eq(itss_maturity_result_domain_level(r, NULL), -1);
    /* coverage: 43 of 44 level-1 clauses fully; people level 1 has 4 clauses
     * (6.3.1 a-b, 6.3.2 a-b), 3 fully */
    ck_assert(fabs(itss_maturity_result_coverage(r, NULL, 1) - 43.0 / 44.0) < 1e-12);
    ck_assert(fabs(itss_maturity_result_coverage(r, dom("people"), 1) - 0.75) < 1e-12);
    /* all levels: 519 clauses, 1 na, 2 not fully -> 516 / 518 */
    ck_assert(fabs(itss_maturity_result_coverage(r, NULL, 0) - 516.0 / 518.0) < 1e-12);
    ck_assert(isnan(itss_maturity_result_coverage(r, NULL, 6)));
    ck_assert(isnan(itss_maturity_result_coverage(r, NULL, -1)));
    ck_assert_int_eq(itss_maturity_result_item_status(r, item(12), 1), ITSS_SAT_NOT);
    ck_assert_int_eq(itss_maturity_result_item_status(r, item(9), 1), ITSS_SAT_FULLY);
    /* item 18 has no level-1 clause */
    ck_assert_int_eq(itss_maturity_result_item_status(r, item(18), 1), ITSS_SAT_NO_CLAUSE);
    ck_assert_int_eq(itss_maturity_result_item_status(r, item(30), 3), ITSS_SAT_FULLY);
    ck_assert_int_eq(itss_maturity_result_item_status(r, item(30), 0), ITSS_SAT_NO_CLAUSE);
    ck_assert_int_eq(itss_maturity_result_item_status(r, NULL, 1), ITSS_SAT_NO_CLAUSE);
    ck_assert_int_eq(itss_maturity_result_clause_status(r, clause("6.3.2.a")), ITSS_SAT_NOT);
    ck_assert_int_eq(itss_maturity_result_clause_status(r, clause("8.6.3.a")),
                     ITSS_SAT_NOT_APPLICABLE);
    ck_assert_int_eq(itss_maturity_result_clause_status(r, clause("6.1.1.a")), ITSS_SAT_FULLY);
    ck_assert_int_eq(itss_maturity_result_clause_status(r, NULL), ITSS_SAT_NO_CLAUSE);
    /* objects of another model (a loaded copy of the built-in one) are foreign */
    {
        char *doc = NULL;
        size_t len = 0;
        itss_maturity_model *copy = NULL;
        const itss_maturity_domain *d = NULL;
        const itss_maturity_clause *c = NULL;
        ck_assert_int_eq(itss_maturity_model_export(model(), ITSS_FORMAT_JSON, &doc, &len, &e), 0);
        ck_assert_int_eq(itss_maturity_model_load(doc, len, &copy, &e), 0);
        ck_assert_int_eq(itss_maturity_domain_lookup(copy, "people", &d, &e), 0);
        ck_assert_int_eq(itss_maturity_clause_lookup(copy, "6.3.2.a", &c, &e), 0);
        ck_assert_int_eq(itss_maturity_result_domain_level(r, d), -1);
        ck_assert(isnan(itss_maturity_result_coverage(r, d, 1)));
        ck_assert_int_eq(itss_maturity_result_clause_status(r, c), ITSS_SAT_NO_CLAUSE);
        itss_maturity_model_free(copy);
        itss_free(doc);
    }
    ck_assert_int_eq(itss_maturity_result_target(r), 1);
    ck_assert_uint_eq(itss_maturity_result_gap_count(r), 1);
    ck_assert_str_eq(itss_maturity_clause_id(itss_maturity_result_gap_at(r, 0)), "6.3.2.a");
    ck_assert_int_eq(itss_maturity_result_gap_required(r, 0), ITSS_SAT_LARGELY);
    ck_assert_ptr_null(itss_maturity_result_gap_at(r, 1));
    ck_assert_int_eq(itss_maturity_result_gap_required(r, 1), ITSS_SAT_NO_CLAUSE);
    ck_assert_uint_eq(itss_maturity_result_unrated_count(r), 1);
    ck_assert_str_eq(itss_maturity_clause_id(itss_maturity_result_unrated_at(r, 0)), "9.5.1.a");
    ck_assert_uint_eq(itss_maturity_result_na_count(r), 1);
    ck_assert_str_eq(itss_maturity_clause_id(itss_maturity_result_na_at(r, 0)), "8.6.3.a");
    ck_assert_str_eq(itss_maturity_result_na_reason(r, 0), "无备件");
    ck_assert_ptr_null(itss_maturity_result_na_reason(r, 1));
    char *s = NULL;
    ck_assert_int_eq(itss_maturity_result_render(r, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &s, NULL, &e),
                     0);
    ck_assert_ptr_nonnull(strstr(s, "0（未达到基本级）"));
    ck_assert_ptr_nonnull(strstr(s, "6.3.2.a"));
    ck_assert_ptr_nonnull(strstr(s, "无备件"));
    itss_free(s);
    ck_assert_int_eq(itss_maturity_result_render(r, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &s, NULL, &e),
                     0);
    ck_assert_ptr_nonnull(strstr(s, "Gaps to ITSS grade 4 (Basic): 1 requirement"));
    itss_free(s);
    ck_assert_int_eq(itss_maturity_result_render(r, ITSS_FORMAT_XLSX, ITSS_LANG_EN, &s, NULL, &e),
                     ITSS_EINVAL);
    itss_maturity_result_free(r);
    itss_maturity_result_free(NULL);
    ck_assert_int_eq(itss_maturity_result_level(NULL), -1);
    ck_assert_uint_eq(itss_maturity_result_gap_count(NULL), 0);
}
END_TEST

START_TEST(rate_arguments)
{
    itss_assessment *a = all_f();
    itss_maturity_result *r = (itss_maturity_result *)1;
    itss_error e;
    ck_assert_int_eq(itss_maturity_rate(a, 6, &r, &e), ITSS_EINVAL);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(itss_maturity_rate(a, -1, &r, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_maturity_rate(NULL, 0, &r, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_maturity_rate(a, 0, NULL, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_maturity_rate(a, 0, &r, &e), 0);
    /* level 5 reached: no default target and no gaps */
    ck_assert_int_eq(itss_maturity_result_level(r), 5);
    ck_assert_int_eq(itss_maturity_result_target(r), 0);
    ck_assert_uint_eq(itss_maturity_result_gap_count(r), 0);
    itss_maturity_result_free(r);
    itss_assessment_free(a);
    char *out = (char *)1;
    /* the model is never implied: NULL is misuse */
    ck_assert_int_eq(itss_maturity_rate_json(NULL, "{\"ratings\": {}}", 15, 0, ITSS_FORMAT_JSON,
                                             ITSS_LANG_ZH, &out, NULL, &e),
                     ITSS_EINVAL);
    ck_assert_str_eq(e.message, "itss_maturity_rate_json: m is NULL");
    ck_assert_ptr_null(out);
    ck_assert_int_eq(itss_maturity_rate_json(model(), "{\"ratings\": {}}", 15, 0, ITSS_FORMAT_JSON,
                                             ITSS_LANG_ZH, &out, NULL, &e),
                     0);
    json_t *j = parse(out);
    ck_assert_int_eq(json_integer_value(json_object_get(j, "level")), 0);
    ck_assert_uint_eq(json_array_size(json_object_get(j, "unrated")), 519);
    json_decref(j);
    itss_free(out);
    ck_assert_int_eq(itss_maturity_rate_json(model(), "{\"ratings\": {}}", 15, 0, ITSS_FORMAT_JSON,
                                             (itss_lang)3, &out, NULL, &e),
                     ITSS_EINVAL);
    ck_assert_str_eq(e.message, "itss_maturity_rate_json: lang 3 is not an itss_lang");
    ck_assert_int_eq(itss_maturity_rate_json(model(), "{\"ratings\": {}}", 15, 9, ITSS_FORMAT_JSON,
                                             ITSS_LANG_ZH, &out, NULL, &e),
                     ITSS_EINVAL);
    ck_assert_ptr_nonnull(strstr(e.message, "itss_maturity_rate_json: target level 9"));
}
END_TEST

/* Eight threads rate one shared assessment against the built-in model at
 * once; every result renders to the same bytes. */
static const itss_assessment *shared;

static void *rate_thread(void *arg)
{
    char **out = arg;
    for (int k = 0; k < 20; k++) {
        itss_maturity_result *r = NULL;
        if (itss_maturity_rate(shared, 0, &r, NULL) == 0) {
            itss_free(*out);
            *out = NULL;
            itss_maturity_result_render(r, ITSS_FORMAT_JSON, ITSS_LANG_ZH, out, NULL, NULL);
        }
        itss_maturity_result_free(r);
    }
    return NULL;
}

START_TEST(rate_from_threads)
{
    itss_assessment *a = all_f();
    ck_assert_int_eq(itss_assessment_set_percent(a, "7.7.3.b", 64, NULL), 0);
    shared = a;
    pthread_t t[8];
    char *out[8] = {0};
    for (int i = 0; i < 8; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, rate_thread, &out[i]), 0);
    for (int i = 0; i < 8; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < 8; i++) {
        ck_assert_ptr_nonnull(out[i]);
        ck_assert_str_eq(out[i], out[0]);
    }
    for (int i = 0; i < 8; i++)
        itss_free(out[i]);
    itss_assessment_free(a);
}
END_TEST

START_TEST(error_render)
{
    itss_error e;
    const itss_maturity_model *m = model();
    itss_assessment *a = NULL;
    static const char doc[] = "{\"ratings\": {\n \"6.1.1.a\": \"X\"}}";
    ck_assert_int_eq(itss_assessment_load(m, doc, sizeof doc - 1, &a, &e), ITSS_EVALUE);
    char *s = NULL;
    ck_assert_int_eq(itss_error_render(&e, 7, ITSS_FORMAT_JSON, &s, NULL, NULL), 0);
    json_t *j = parse(s);
    json_t *o = json_object_get(j, "error");
    ck_assert_str_eq(json_string_value(json_object_get(o, "code")), "ITSS_EVALUE");
    ck_assert_int_eq(json_integer_value(json_object_get(o, "status")), ITSS_EVALUE);
    ck_assert_str_eq(json_string_value(json_object_get(o, "path")), "/ratings/6.1.1.a");
    ck_assert_int_eq(json_integer_value(json_object_get(o, "line")), 2);
    ck_assert_int_eq(json_integer_value(json_object_get(o, "column")), 13);
    ck_assert_int_eq(json_integer_value(json_object_get(o, "input_line")), 7);
    json_decref(j);
    itss_free(s);
    ck_assert_int_eq(itss_error_render(&e, 0, ITSS_FORMAT_TEXT, &s, NULL, NULL), 0);
    ck_assert_ptr_nonnull(strstr(s, "2:13: unknown rating \"X\""));
    ck_assert_ptr_nonnull(strstr(s, "(at /ratings/6.1.1.a)"));
    itss_free(s);
    ck_assert_int_eq(itss_error_render(NULL, 0, ITSS_FORMAT_TEXT, &s, NULL, NULL), ITSS_EINVAL);
    ck_assert_int_eq(itss_error_render(&e, 0, (itss_format)9, &s, NULL, NULL), ITSS_EINVAL);
}
END_TEST

START_TEST(null_model_getters)
{
    ck_assert_ptr_null(itss_maturity_model_id(NULL));
    ck_assert_ptr_null(itss_maturity_model_edition(NULL));
    ck_assert_ptr_null(itss_maturity_model_title(NULL, ITSS_LANG_ZH));
    ck_assert_int_eq(itss_maturity_model_level_count(NULL), 0);
    ck_assert_uint_eq(itss_maturity_model_part_count(NULL), 0);
    ck_assert_ptr_null(itss_maturity_model_part_at(NULL, 0));
    ck_assert_uint_eq(itss_maturity_model_domain_count(NULL), 0);
    ck_assert_ptr_null(itss_maturity_model_domain_at(NULL, 0));
    ck_assert_uint_eq(itss_maturity_model_item_count(NULL), 0);
    ck_assert_ptr_null(itss_maturity_model_item_at(NULL, 0));
    ck_assert_uint_eq(itss_maturity_model_clause_count(NULL), 0);
    ck_assert_ptr_null(itss_maturity_model_clause_at(NULL, 0));
    ck_assert_int_eq(itss_maturity_level_ordinal(NULL), 0);
    ck_assert_int_eq(itss_maturity_model_rule_at_level(NULL), ITSS_SAT_NO_CLAUSE);
    ck_assert_int_eq(itss_maturity_model_rule_below(NULL), ITSS_SAT_NO_CLAUSE);
    ck_assert(isnan(itss_maturity_model_threshold(NULL, ITSS_RATING_P)));
    ck_assert_int_eq(itss_maturity_model_grade(NULL, ITSS_RATING_L, 0), ITSS_RATING_NONE);
    ck_assert_int_eq(itss_maturity_clause_obligation(NULL), ITSS_OBLIGATION_SHALL);
    ck_assert_uint_eq(itss_maturity_clause_indicator_count(NULL), 0);
    ck_assert_ptr_null(itss_maturity_clause_indicator_text(NULL, 0, ITSS_LANG_ZH));
    ck_assert_uint_eq(itss_maturity_level_indicator_count(NULL), 0);
    ck_assert_ptr_null(itss_maturity_level_indicator_text(NULL, 0, ITSS_LANG_ZH));
    ck_assert_uint_eq(itss_maturity_model_warning_count(NULL), 0);
    ck_assert_ptr_null(itss_maturity_model_warning_message(NULL, 0));
    ck_assert_ptr_null(itss_maturity_model_warning_path(NULL, 0));
    ck_assert(isnan(itss_maturity_result_recommendation_coverage(NULL)));
    ck_assert_ptr_null(itss_maturity_level_name(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_maturity_level_label(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_maturity_level_description(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_maturity_part_id(NULL));
    ck_assert_ptr_null(itss_maturity_part_name(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_maturity_domain_id(NULL));
    ck_assert_ptr_null(itss_maturity_domain_name(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_maturity_domain_part(NULL));
    ck_assert_ptr_null(itss_maturity_domain_description(NULL, 1, ITSS_LANG_ZH));
    ck_assert_int_eq(itss_maturity_item_number(NULL), 0);
    ck_assert_ptr_null(itss_maturity_item_domain(NULL));
    ck_assert_ptr_null(itss_maturity_item_name(NULL, ITSS_LANG_ZH));
    ck_assert_uint_eq(itss_maturity_item_alias_count(NULL), 0);
    ck_assert_ptr_null(itss_maturity_item_alias_at(NULL, 0));
    ck_assert_ptr_null(itss_maturity_clause_id(NULL));
    ck_assert_int_eq(itss_maturity_clause_level(NULL), 0);
    ck_assert_ptr_null(itss_maturity_clause_domain(NULL));
    ck_assert_ptr_null(itss_maturity_clause_item(NULL));
    ck_assert_ptr_null(itss_maturity_clause_summary(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_maturity_clause_source(NULL));
    ck_assert_ptr_null(itss_assessment_model(NULL));
    ck_assert_int_eq(itss_assessment_scale(NULL), ITSS_SCALE_ANY);
    ck_assert_uint_eq(itss_assessment_rated_count(NULL), 0);
    ck_assert_ptr_null(itss_assessment_reason(NULL, "6.1.1.a"));
    ck_assert_ptr_null(itss_assessment_evidence(NULL, "6.1.1.a"));
    ck_assert_ptr_null(itss_assessment_note(NULL, "6.1.1.a"));
    ck_assert_ptr_null(itss_assessment_meta(NULL, "id"));
    ck_assert_int_eq(itss_maturity_result_domain_level(NULL, dom("people")), -1);
    ck_assert_int_eq(itss_maturity_result_item_status(NULL, item(1), 1), ITSS_SAT_NO_CLAUSE);
    ck_assert_int_eq(itss_maturity_result_clause_status(NULL, clause("6.1.1.a")),
                     ITSS_SAT_NO_CLAUSE);
    ck_assert_ptr_null(itss_maturity_result_model(NULL));
    ck_assert_int_eq(itss_maturity_result_target(NULL), 0);
    ck_assert_uint_eq(itss_maturity_result_unrated_count(NULL), 0);
    ck_assert_ptr_null(itss_maturity_result_unrated_at(NULL, 0));
    ck_assert_uint_eq(itss_maturity_result_na_count(NULL), 0);
    ck_assert_ptr_null(itss_maturity_result_na_at(NULL, 0));
    ck_assert_ptr_null(itss_maturity_result_na_reason(NULL, 0));
    ck_assert_ptr_null(itss_maturity_result_gap_at(NULL, 0));
    ck_assert(isnan(itss_maturity_result_coverage(NULL, NULL, 0)));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("maturity");
    TCase *t = tcase_create("api");
    tcase_add_test(t, builtin_structure);
    tcase_add_test(t, item_names_and_aliases);
    tcase_add_test(t, clauses_counts_and_summaries);
    tcase_add_test(t, appendix_a_matches_clauses_but_for_documented_differences);
    tcase_add_test(t, model_export_round_trip);
    tcase_add_test(t, clauses_render_filters);
    tcase_add_test(t, grade_bands);
    tcase_add_test(t, assessment_set_get_and_errors);
    tcase_add_test(t, assessment_export_round_trip);
    tcase_add_test(t, rate_getters);
    tcase_add_test(t, itss1_items_and_level_wide);
    tcase_add_test(t, rate_arguments);
    tcase_add_test(t, rate_from_threads);
    tcase_add_test(t, error_render);
    tcase_add_test(t, null_model_getters);
    tcase_add_test(t, level_by_text);
    tcase_add_test(t, builtin_rule_and_bands);
    suite_add_tcase(s, t);
    return s;
}

int main(void) { return itss_test_run(suite()); }
