/*
 * Unit tests of the standards registry (include/itss/standards.h).
 * Expected values are worked by hand from the ITSS standards system report
 * 5.0 (seed 000): tables 附B-1 to 附B-4 (lines 1021-1152), the framework
 * tables 4-1 to 4-19 (lines 404-805) and the count of published standards
 * in section 2 (line 236), and from the T/CESA 1299-2023 cover and
 * foreword (seed 004).
 */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "check_main.h"

static const itss_registry *reg(void)
{
    const itss_registry *r = itss_registry_builtin();
    ck_assert_ptr_nonnull(r);
    return r;
}

static const itss_standard *get(const char *number)
{
    const itss_standard *s = NULL;
    itss_error e;
    ck_assert_msg(itss_standard_lookup(reg(), number, &s, &e) == 0, "%s: %s", number,
                  e.message);
    return s;
}

static size_t list(const char *type, const char *status, const char *area)
{
    size_t n = 99999;
    itss_error e;
    ck_assert_msg(itss_standard_list(reg(), type, status, area, NULL, 0, &n, &e) == 0, "%s",
                  e.message);
    return n;
}

START_TEST(rows_per_table)
{
    /* the last row numbers of the four tables: 57, 17, 11 and 14 */
    size_t by[4] = {0}, outside = 0;
    static const char *const tables[4] = {"B-1", "B-2", "B-3", "B-4"};
    const itss_registry *r = reg();
    for (size_t i = 0; i < itss_registry_standard_count(r); i++) {
        const itss_standard *s = itss_registry_standard_at(r, i);
        const char *t = itss_standard_table(s);
        if (!t) {
            outside++;
            continue;
        }
        for (int k = 0; k < 4; k++)
            if (strcmp(t, tables[k]) == 0) {
                by[k]++;
                /* registry order is table order: row k follows row k-1 */
                ck_assert_uint_eq(itss_standard_row(s), by[k]);
                ck_assert_int_eq(itss_standard_type(s), k);
            }
    }
    ck_assert_uint_eq(by[0], 57);
    ck_assert_uint_eq(by[1], 17);
    ck_assert_uint_eq(by[2], 11);
    ck_assert_uint_eq(by[3], 14);
    ck_assert_uint_eq(outside, 1); /* T/CESA 1299-2023, later than the report */
    ck_assert_uint_eq(itss_registry_standard_count(r), 100);
    ck_assert_ptr_null(itss_registry_standard_at(r, 100));
    ck_assert_uint_eq(itss_registry_standard_count(NULL), 0);
}
END_TEST

START_TEST(published_counts_match_the_report_text)
{
    /* section 2: 64 published, 37 national, 17 industry, 10 group */
    ck_assert_uint_eq(list("national", "published", NULL), 37);
    ck_assert_uint_eq(list("industry", "published", NULL), 17);
    /* the 10 of table B-3 and T/CESA 1299-2023 */
    ck_assert_uint_eq(list("group", "published", NULL), 11);
    ck_assert_uint_eq(list("group", "draft", NULL), 1); /* CESA-2021-3-008 */
    /* table B-1: 报批稿 rows 38-40, 征求意见稿 41-47, 送审稿 48, 草案 49-55,
     * 立项申请中 56-57 */
    ck_assert_uint_eq(list("national", "approval", NULL), 3);
    ck_assert_uint_eq(list("national", "征求意见稿", NULL), 7);
    ck_assert_uint_eq(list(NULL, "review", NULL), 1);
    ck_assert_uint_eq(list("国家标准", "草案", NULL), 7);
    ck_assert_uint_eq(list(NULL, "proposed", NULL), 2);
    /* table B-4: published rows 1-4, under way 5-12, cancelled 13-14 */
    ck_assert_uint_eq(list("international", "published", NULL), 4);
    ck_assert_uint_eq(list("international", "developing", NULL), 8);
    ck_assert_uint_eq(list(NULL, "cancelled", NULL), 2);
    ck_assert_uint_eq(list(NULL, NULL, NULL), 100);
}
END_TEST

START_TEST(lenient_lookup)
{
    const itss_standard *s = get("GB/T 29264-2012");
    ck_assert_str_eq(itss_standard_number(s), "GB/T 29264-2012");
    ck_assert_ptr_eq(get("GB/T29264—2012"), s);
    ck_assert_ptr_eq(get("gbt 29264 2012"), s);
    ck_assert_ptr_eq(get("gb/t 29264-2012"), s);
    /* full-width letters, digits, slash, hyphen and space */
    ck_assert_ptr_eq(get("\xef\xbc\xa7\xef\xbc\xa2\xef\xbc\x8f\xef\xbc\xb4\xe3\x80\x80"
                         "\xef\xbc\x92\xef\xbc\x99\xef\xbc\x92\xef\xbc\x96\xef\xbc\x94"
                         "\xef\xbc\x8d\xef\xbc\x92\xef\xbc\x90\xef\xbc\x91\xef\xbc\x92"),
                     s);
    /* parts keep their boundaries: 28827.1 is not 288271 */
    ck_assert_str_eq(itss_standard_number(get("GB/T 28827.1-2012")), "GB/T 28827.1-2012");
    itss_error e;
    const itss_standard *none = (const itss_standard *)1;
    ck_assert_int_eq(itss_standard_lookup(reg(), "GB/T 288271-2012", &none, &e), ITSS_ENOTFOUND);
    ck_assert_ptr_null(none);
    /* the report prints T/CESA numbers with an em dash */
    ck_assert_str_eq(itss_standard_number(get("T/CESA 1077—2020")), "T/CESA 1077-2020");
    ck_assert_ptr_eq(get("t/cesa 1077-2020"), get("T/CESA 1077—2020"));
    /* ISO/IEC numbers with their colon; the committee draft is another entry */
    ck_assert_uint_eq(itss_standard_row(get("iso/iec 30105-4 2016")), 1);
    ck_assert_uint_eq(itss_standard_row(get("ISO/IEC CD 30105-4")), 5);
    /* plan numbers, and plans without a number by table and row */
    ck_assert_uint_eq(itss_standard_row(get("20190844-T-469")), 38);
    s = get("B-1/56");
    ck_assert_ptr_null(itss_standard_number(s));
    ck_assert_str_eq(itss_standard_title(s, ITSS_LANG_ZH), "信息技术服务 智慧法院信息化架构设计指南");
    ck_assert_ptr_eq(get("附B-1 第 56 行"), s);
}
END_TEST

START_TEST(lookup_errors)
{
    const itss_registry *r = reg();
    const itss_standard *s = (const itss_standard *)1;
    itss_error e;
    ck_assert_int_eq(itss_standard_lookup(r, "GB/T 29264-2013", &s, &e), ITSS_ENOTFOUND);
    ck_assert_ptr_null(s);
    ck_assert_ptr_nonnull(strstr(e.message, "GB/T 29264-2013"));
    ck_assert_int_eq(itss_standard_lookup(r, "", &s, &e), ITSS_EVALUE);
    ck_assert_int_eq(itss_standard_lookup(r, " -/—", &s, &e), ITSS_EVALUE);
    ck_assert_int_eq(itss_standard_lookup(r, "GB\xff", &s, &e), ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(e.message, "UTF-8"));
    ck_assert_int_eq(itss_standard_lookup(r, "信息技术", &s, &e), ITSS_EVALUE);
    char longer[400];
    memset(longer, '7', sizeof longer - 1);
    longer[sizeof longer - 1] = 0;
    ck_assert_int_eq(itss_standard_lookup(r, longer, &s, &e), ITSS_ENOTFOUND);
    ck_assert_int_eq(itss_standard_lookup(NULL, "x", &s, &e), ITSS_EINVAL);
    ck_assert_str_eq(e.message, "itss_standard_lookup: r is NULL");
    ck_assert_int_eq(itss_standard_lookup(r, NULL, &s, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_standard_lookup(r, "x", NULL, &e), ITSS_EINVAL);
}
END_TEST

START_TEST(implemented_standards)
{
    /* table B-1 row 7, table 4-1 row 2 */
    const itss_standard *q = get("GB/T 33850-2017");
    ck_assert_int_eq(itss_standard_status(q), ITSS_STATUS_PUBLISHED);
    ck_assert_int_eq(itss_standard_type(q), ITSS_STANDARD_NATIONAL);
    ck_assert_str_eq(itss_standard_table(q), "B-1");
    ck_assert_uint_eq(itss_standard_row(q), 7);
    ck_assert_str_eq(itss_area_id(itss_standard_area(q)), "general");
    ck_assert_str_eq(itss_category_name(itss_area_category(itss_standard_area(q)), ITSS_LANG_ZH),
                     "通用标准");
    ck_assert_str_eq(itss_standard_implemented_by(q), "quality");
    ck_assert_str_eq(itss_standard_title(q, ITSS_LANG_ZH), "信息技术服务 质量评价指标体系");
    ck_assert_ptr_nonnull(strstr(itss_standard_source(q), "表附B-1, 第 7 行; 表 4-1, 第 2 行"));
    /* table B-1 row 1, table 4-1 row 1 */
    const itss_standard *c = get("GB/T 29264-2012");
    ck_assert_int_eq(itss_standard_status(c), ITSS_STATUS_PUBLISHED);
    ck_assert_ptr_eq(itss_standard_area(c), itss_standard_area(q));
    ck_assert_ptr_eq(itss_area_standard_at(itss_standard_area(c), 0), c);
    ck_assert_ptr_eq(itss_area_standard_at(itss_standard_area(c), 1), q);
    ck_assert_str_eq(itss_standard_implemented_by(c), "classification");
    /* T/CESA 1299-2023 is not in the report: no table, no area, its own
     * source; it replaces ITSS.1-2015 (table B-3 row 1, table 4-9 row 9) */
    const itss_standard *m = get("T/CESA 1299-2023"), *old = get("ITSS.1-2015");
    ck_assert_ptr_null(itss_standard_table(m));
    ck_assert_uint_eq(itss_standard_row(m), 0);
    ck_assert_ptr_null(itss_standard_area(m));
    ck_assert_int_eq(itss_standard_type(m), ITSS_STANDARD_GROUP);
    ck_assert_int_eq(itss_standard_status(m), ITSS_STATUS_PUBLISHED);
    ck_assert_str_eq(itss_standard_implemented_by(m), "maturity");
    ck_assert_ptr_eq(itss_standard_replaces(m), old);
    ck_assert_ptr_eq(itss_standard_replaced_by(old), m);
    ck_assert_ptr_null(itss_standard_replaced_by(m));
    ck_assert_str_eq(itss_area_id(itss_standard_area(old)), "operations");
    /* ITSS.1-2015 is built in as a second maturity model */
    ck_assert_str_eq(itss_standard_implemented_by(old), "maturity");
    ck_assert_ptr_nonnull(itss_standard_note(m, ITSS_LANG_EN));
    /* nothing else claims an implementation: GB/T 29264-2012, GB/T
     * 33850-2017, T/CESA 1299-2023 and ITSS.1-2015 */
    size_t impl = 0;
    for (size_t i = 0; i < itss_registry_standard_count(reg()); i++)
        impl += itss_standard_implemented_by(itss_registry_standard_at(reg(), i)) != NULL;
    ck_assert_uint_eq(impl, 4);
}
END_TEST

START_TEST(international_stage_and_role)
{
    /* table B-4 row 3 */
    const itss_standard *s = get("ISO/IEC TR 38505-2:2018");
    ck_assert_str_eq(itss_standard_stage(s), "2018.5 发布");
    ck_assert_str_eq(itss_standard_role(s), "编辑、联合编辑");
    ck_assert_ptr_null(itss_standard_area(s));
    /* row 13 */
    s = get("ISO/IEC TS 22564-1");
    ck_assert_int_eq(itss_standard_status(s), ITSS_STATUS_CANCELLED);
    ck_assert_str_eq(itss_standard_stage(s), "取消 (2020.8)");
    ck_assert_ptr_null(itss_standard_stage(get("GB/T 29264-2012")));
}
END_TEST

START_TEST(filters_by_area)
{
    /* table 4-10: six cloud standards, all in table B-1, in table order */
    static const char *const cloud[] = {"GB/T 36326-2018", "GB/T 36325-2018", "GB/T 35293-2017",
                                        "GB/T 37738-2019", "GB/T 37736-2019", "GB/T 37741-2019"};
    const itss_standard *buf[8];
    size_t n = 0;
    ck_assert_int_eq(itss_standard_list(reg(), NULL, NULL, "cloud", buf, 8, &n, NULL), 0);
    ck_assert_uint_eq(n, 6);
    const itss_area *a = NULL;
    ck_assert_int_eq(itss_area_lookup(reg(), "cloud", &a, NULL), 0);
    ck_assert_uint_eq(itss_area_standard_count(a), 6);
    for (int i = 0; i < 6; i++)
        ck_assert_str_eq(itss_standard_number(itss_area_standard_at(a, (size_t)i)), cloud[i]);
    /* the list is in registry order: table B-1 rows 17, 20, 21, 31, 32, 33 */
    ck_assert_str_eq(itss_standard_number(buf[0]), "GB/T 35293-2017");
    /* assurance: governance 8 (table 4-2 rows 1-5, 10-12), service
     * management 3, supervision 7, outsourcing 13 (table 4-5 rows 1-8, 13,
     * 15-18) */
    ck_assert_uint_eq(list(NULL, NULL, "governance"), 8);
    ck_assert_uint_eq(list(NULL, NULL, "service_management"), 3);
    ck_assert_uint_eq(list(NULL, NULL, "supervision"), 7);
    ck_assert_uint_eq(list(NULL, NULL, "outsourcing"), 13);
    ck_assert_uint_eq(list(NULL, NULL, "assurance"), 31);
    ck_assert_uint_eq(list("industry", NULL, "outsourcing"), 4);
    /* the cap only limits what is written */
    n = 0;
    ck_assert_int_eq(itss_standard_list(reg(), NULL, NULL, "cloud", buf, 2, &n, NULL), 0);
    ck_assert_uint_eq(n, 6);
}
END_TEST

START_TEST(filter_errors)
{
    itss_error e;
    size_t n = 5;
    ck_assert_int_eq(itss_standard_list(reg(), "regional", NULL, NULL, NULL, 0, &n, &e),
                     ITSS_EVALUE);
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_nonnull(strstr(e.message, "regional"));
    ck_assert_ptr_nonnull(strstr(e.message, "international"));
    ck_assert_int_eq(itss_standard_list(reg(), NULL, "withdrawn", NULL, NULL, 0, &n, &e),
                     ITSS_EVALUE);
    ck_assert_int_eq(itss_standard_list(reg(), NULL, NULL, "nowhere", NULL, 0, &n, &e),
                     ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(e.message, "nowhere"));
    ck_assert_int_eq(itss_standard_list(reg(), NULL, NULL, NULL, NULL, 3, &n, &e), ITSS_EINVAL);
    ck_assert_str_eq(e.message, "itss_standard_list: buf is NULL but cap is 3");
}
END_TEST

START_TEST(search_ranks)
{
    const itss_standard *buf[40];
    size_t n = 0;
    /* the number first */
    ck_assert_int_eq(itss_standard_search(reg(), "gbt 29264 2012", buf, 40, &n, NULL), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(itss_standard_number(buf[0]), "GB/T 29264-2012");
    /* part of a number */
    ck_assert_int_eq(itss_standard_search(reg(), "34960", buf, 40, &n, NULL), 0);
    ck_assert_uint_eq(n, 5); /* GB/T 34960.1 to .5 */
    /* ITES-BPO titles: table B-1 rows 42-46 and 57, table B-4 rows 1 and 4-12 */
    ck_assert_int_eq(itss_standard_search(reg(), "ites-bpo", buf, 40, &n, NULL), 0);
    ck_assert_uint_eq(n, 16);
    /* English titles, any case: the six 信息技术 云计算 standards of table
     * B-1 (rows 17, 20, 21, 31-33) and T/CESA 1157-2021 (云计算) */
    ck_assert_int_eq(itss_standard_search(reg(), "  CLOUD COMPUTING ", buf, 40, &n, NULL), 0);
    ck_assert_uint_eq(n, 7);
    ck_assert_str_eq(itss_standard_number(buf[6]), "T/CESA 1157-2021");
    /* a title match ranks above a summary match: only two titles say 运维
     * (table B-1 row 55, table B-3 row 10; the others say 运行维护), and the
     * first summary that does is that of table B-1 row 2 */
    ck_assert_int_eq(itss_standard_search(reg(), "运维", buf, 40, &n, NULL), 0);
    ck_assert_uint_gt(n, 3);
    ck_assert_str_eq(itss_standard_number(buf[0]), "20214124-T-469");
    ck_assert_str_eq(itss_standard_number(buf[1]), "T/CESA 1172-2021");
    ck_assert_str_eq(itss_standard_number(buf[2]), "GB/T 28827.1-2012");
    /* a word only a summary has */
    ck_assert_int_eq(itss_standard_search(reg(), "SLA", buf, 40, &n, NULL), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(itss_standard_number(buf[0]), "GB/T 36325-2018");
    /* nothing found is no error */
    ck_assert_int_eq(itss_standard_search(reg(), "zzzz", buf, 40, &n, NULL), 0);
    ck_assert_uint_eq(n, 0);
    itss_error e;
    ck_assert_int_eq(itss_standard_search(reg(), "  ", buf, 40, &n, &e), ITSS_EVALUE);
    ck_assert_int_eq(itss_standard_search(reg(), "\xc3", buf, 40, &n, &e), ITSS_EVALUE);
}
END_TEST

START_TEST(framework_tree)
{
    const itss_registry *r = reg();
    static const char *const cats[] = {"general",    "assurance", "foundation", "innovation",
                                       "digital_transformation", "business_integration"};
    static const size_t areas[] = {1, 4, 6, 6, 1, 1};
    ck_assert_uint_eq(itss_registry_category_count(r), 6);
    size_t placed = 0;
    for (size_t c = 0; c < 6; c++) {
        const itss_category *cat = itss_registry_category_at(r, c);
        ck_assert_str_eq(itss_category_id(cat), cats[c]);
        ck_assert_uint_eq(itss_category_area_count(cat), areas[c]);
        for (size_t k = 0; k < itss_category_area_count(cat); k++) {
            const itss_area *a = itss_category_area_at(cat, k);
            ck_assert_ptr_eq(itss_area_category(a), cat);
            for (size_t i = 0; i < itss_area_standard_count(a); i++)
                ck_assert_ptr_eq(itss_standard_area(itss_area_standard_at(a, i)), a);
            placed += itss_area_standard_count(a);
        }
    }
    /* unplaced: table B-1 row 38, table B-2 rows 1-5, 14, 16, all 14 of
     * table B-4 and T/CESA 1299-2023 */
    ck_assert_uint_eq(placed, 100 - 23);
    /* table 4-7 (software development) and 4-14 (data management) list
     * only planned items without a number, none of them in tables B-1..B-4 */
    ck_assert_uint_eq(list(NULL, NULL, "software_development"), 0);
    ck_assert_uint_eq(list(NULL, NULL, "blockchain"), 0);
    const itss_category *cat = NULL;
    ck_assert_int_eq(itss_category_lookup(r, "foundation", &cat, NULL), 0);
    ck_assert_str_eq(itss_category_name(cat, ITSS_LANG_ZH), "基础服务标准");
    itss_error e;
    ck_assert_int_eq(itss_category_lookup(r, "basic", &cat, &e), ITSS_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(e.message, "foundation"));
}
END_TEST

START_TEST(renders)
{
    const itss_standard *s = get("GB/T 33850-2017");
    char *out = NULL;
    ck_assert_int_eq(itss_standard_render(s, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out, NULL, NULL), 0);
    json_t *j = json_loads(out, 0, NULL);
    ck_assert_ptr_nonnull(j);
    ck_assert_str_eq(json_string_value(json_object_get(j, "number")), "GB/T 33850-2017");
    ck_assert_str_eq(json_string_value(json_object_get(j, "status")), "published");
    ck_assert_str_eq(json_string_value(json_object_get(j, "category")), "general");
    ck_assert_str_eq(json_string_value(json_object_get(j, "implemented_by")), "quality");
    ck_assert(json_is_null(json_object_get(j, "replaces")));
    json_decref(j);
    itss_free(out);
    ck_assert_int_eq(itss_standard_render(s, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &out, NULL, NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "已发布"));
    ck_assert_ptr_nonnull(strstr(out, "通用标准"));
    ck_assert_ptr_nonnull(strstr(out, "itss_quality_"));
    itss_free(out);
    ck_assert_int_eq(itss_standard_render(s, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &out, NULL, NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "published"));
    itss_free(out);
    /* lists */
    const itss_standard *two[2] = {s, get("B-1/57")};
    size_t len = 0;
    ck_assert_int_eq(itss_standard_list_render(two, 2, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out,
                                               &len, NULL), 0);
    j = json_loads(out, 0, NULL);
    ck_assert_uint_eq(json_array_size(j), 2);
    ck_assert(json_is_null(json_object_get(json_array_get(j, 1), "number")));
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(j, 1), "row")), 57);
    json_decref(j);
    itss_free(out);
    ck_assert_int_eq(itss_standard_list_render(two, 2, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &out,
                                               NULL, NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "B-1/57"));
    itss_free(out);
    ck_assert_int_eq(itss_standard_list_render(NULL, 0, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out,
                                               NULL, NULL), 0);
    ck_assert_str_eq(out, "[]");
    itss_free(out);
    /* the tree: every standard once, placed or not */
    ck_assert_int_eq(itss_registry_framework_render(reg(), ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out,
                                                    NULL, NULL), 0);
    j = json_loads(out, 0, NULL);
    ck_assert_uint_eq(json_array_size(json_object_get(j, "categories")), 6);
    ck_assert_uint_eq(json_array_size(json_object_get(j, "unplaced")), 23);
    json_decref(j);
    itss_free(out);
    itss_error e;
    ck_assert_int_eq(itss_standard_render(s, (itss_format)9, ITSS_LANG_ZH, &out, NULL, &e),
                     ITSS_EINVAL);
    ck_assert_ptr_null(out);
    const itss_standard *holes[1] = {NULL};
    ck_assert_int_eq(itss_standard_list_render(holes, 1, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &out,
                                               NULL, &e), ITSS_EINVAL);
    ck_assert_str_eq(e.message, "itss_standard_list_render: list[0] is NULL");
}
END_TEST

START_TEST(names_and_null_getters)
{
    ck_assert_str_eq(itss_std_type_name(ITSS_STANDARD_INTERNATIONAL), "international");
    ck_assert_ptr_null(itss_std_type_name((itss_std_type)4));
    ck_assert_str_eq(itss_std_status_name(ITSS_STATUS_REVIEW), "review");
    ck_assert_str_eq(itss_std_status_label(ITSS_STATUS_COMMENT, ITSS_LANG_ZH), "征求意见稿");
    ck_assert_str_eq(itss_std_type_label(ITSS_STANDARD_GROUP, ITSS_LANG_ZH), "团体标准");
    ck_assert_ptr_null(itss_std_status_label((itss_std_status)8, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_std_status_label(ITSS_STATUS_DRAFT, (itss_lang)2));
    ck_assert_ptr_null(itss_standard_number(NULL));
    ck_assert_ptr_null(itss_standard_title(NULL, ITSS_LANG_ZH));
    ck_assert_int_eq(itss_standard_status(NULL), ITSS_STATUS_PUBLISHED);
    ck_assert_uint_eq(itss_area_standard_count(NULL), 0);
    ck_assert_ptr_null(itss_category_area_at(NULL, 0));
    ck_assert_ptr_null(itss_registry_title(reg(), (itss_lang)7));
    ck_assert_ptr_nonnull(strstr(itss_registry_source(reg()), "5.0"));
    /* every entry has both languages and a source */
    for (size_t i = 0; i < itss_registry_standard_count(reg()); i++) {
        const itss_standard *s = itss_registry_standard_at(reg(), i);
        ck_assert_ptr_nonnull(itss_standard_title(s, ITSS_LANG_EN));
        ck_assert_ptr_nonnull(itss_standard_summary(s, ITSS_LANG_EN));
        ck_assert_ptr_nonnull(itss_standard_summary(s, ITSS_LANG_ZH));
        ck_assert_ptr_nonnull(itss_standard_source(s));
        /* an entry without an area says why */
        if (!itss_standard_area(s))
            ck_assert_ptr_nonnull(itss_standard_note(s, ITSS_LANG_ZH));
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("standards");
    ADD(s, rows_per_table);
    ADD(s, published_counts_match_the_report_text);
    ADD(s, lenient_lookup);
    ADD(s, lookup_errors);
    ADD(s, implemented_standards);
    ADD(s, international_stage_and_role);
    ADD(s, filters_by_area);
    ADD(s, filter_errors);
    ADD(s, search_ranks);
    ADD(s, framework_tree);
    ADD(s, renders);
    ADD(s, names_and_null_getters);
    return s;
}

int main(void) { return itss_test_run(suite()); }
