/*
 * Unit tests of the classification API (include/itss/classify.h): every
 * public function, including its error paths. Expected values are worked
 * by hand from GB/T 29264-2012 table 3-1 (seed 001, lines 1941-2290).
 */
#include <check.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <itss/itss.h>

#include "check_main.h"

static const itss_catalog *builtin(void)
{
    const itss_catalog *cat = itss_catalog_builtin();
    ck_assert_ptr_nonnull(cat);
    return cat;
}

static const itss_class *get(const char *code)
{
    const itss_class *c = NULL;
    ck_assert_int_eq(itss_class_lookup(builtin(), code, &c, NULL), 0);
    return c;
}

/* ---- catalog ---------------------------------------------------------- */

START_TEST(builtin_is_one_immutable_object)
{
    const itss_catalog *a = builtin(), *b = builtin();
    ck_assert_ptr_eq(a, b);
    itss_catalog_free((itss_catalog *)a); /* ignored for the built-in catalog */
    ck_assert_ptr_eq(builtin(), a);
    ck_assert_str_eq(itss_catalog_edition(a), "GB/T 29264-2012");
    ck_assert_str_eq(itss_catalog_title(a, ITSS_LANG_ZH), "信息技术服务 分类与代码");
    ck_assert_ptr_nonnull(itss_catalog_title(a, ITSS_LANG_EN));
    ck_assert_ptr_null(itss_catalog_title(a, (itss_lang)5));
}
END_TEST

START_TEST(builtin_counts_and_order)
{
    const itss_catalog *cat = builtin();
    /* table 3-1: 9 major, 29 middle, 17 minor classes */
    ck_assert_uint_eq(itss_catalog_class_count(cat), 55);
    int by[4] = {0};
    for (size_t i = 0; i < 55; i++) {
        const itss_class *c = itss_catalog_class_at(cat, i);
        by[itss_class_level(c)]++;
        /* code order, parents consistent with the code prefix */
        if (i > 0)
            ck_assert_int_lt(strcmp(itss_class_code(itss_catalog_class_at(cat, i - 1)),
                                    itss_class_code(c)),
                             0);
        const itss_class *p = itss_class_parent(c);
        size_t len = strlen(itss_class_code(c));
        ck_assert_uint_eq(len, (size_t)itss_class_level(c) * 2);
        if (itss_class_level(c) == 1) {
            ck_assert_ptr_null(p);
        } else {
            ck_assert_ptr_nonnull(p);
            ck_assert_int_eq(strncmp(itss_class_code(p), itss_class_code(c), len - 2), 0);
            ck_assert_uint_eq(strlen(itss_class_code(p)), len - 2);
        }
        ck_assert_uint_gt(strlen(itss_class_name(c, ITSS_LANG_EN)), 0);
        ck_assert_uint_gt(strlen(itss_class_description(c, ITSS_LANG_ZH)), 0);
        ck_assert_uint_gt(strlen(itss_class_description(c, ITSS_LANG_EN)), 0);
        ck_assert_uint_gt(strlen(itss_class_source(c)), 0);
        /* catch-all: the 99 classes, and 09 (other IT services) at the top */
        const char *code = itss_class_code(c);
        int expect = (len > 2 && strcmp(code + len - 2, "99") == 0) || strcmp(code, "09") == 0;
        ck_assert_int_eq(itss_class_is_catch_all(c), expect);
    }
    ck_assert_int_eq(by[1], 9);
    ck_assert_int_eq(by[2], 29);
    ck_assert_int_eq(by[3], 17);
    ck_assert_ptr_null(itss_catalog_class_at(cat, 55));
    ck_assert_uint_eq(itss_catalog_top_count(cat), 9);
    ck_assert_str_eq(itss_class_code(itss_catalog_top_at(cat, 8)), "09");
    ck_assert_ptr_null(itss_catalog_top_at(cat, 9));
}
END_TEST

START_TEST(null_catalog_getters)
{
    ck_assert_ptr_null(itss_catalog_edition(NULL));
    ck_assert_ptr_null(itss_catalog_title(NULL, ITSS_LANG_ZH));
    ck_assert_uint_eq(itss_catalog_class_count(NULL), 0);
    ck_assert_ptr_null(itss_catalog_class_at(NULL, 0));
    ck_assert_uint_eq(itss_catalog_top_count(NULL), 0);
    ck_assert_ptr_null(itss_catalog_top_at(NULL, 0));
    ck_assert_uint_eq(itss_catalog_crosswalk_count(NULL), 0);
    ck_assert_ptr_null(itss_catalog_crosswalk_at(NULL, 0));
    itss_catalog_free(NULL);
}
END_TEST

/* Eight threads race for the first use of the built-in catalog (each
 * Check test runs in a fresh process, so this is the first use). */
static void *first_use(void *arg)
{
    const itss_catalog **out = arg;
    *out = itss_catalog_builtin();
    return NULL;
}

START_TEST(builtin_first_use_from_threads)
{
    pthread_t t[8];
    const itss_catalog *got[8] = {0};
    for (int i = 0; i < 8; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, first_use, &got[i]), 0);
    for (int i = 0; i < 8; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < 8; i++) {
        ck_assert_ptr_nonnull(got[i]);
        ck_assert_ptr_eq(got[i], got[0]);
    }
    ck_assert_uint_eq(itss_catalog_class_count(got[0]), 55);
}
END_TEST

/* ---- lookup and validation ------------------------------------------- */

START_TEST(lookup_acceptance_example)
{
    const itss_class *c = get("040201");
    ck_assert_str_eq(itss_class_name(c, ITSS_LANG_ZH), "网络运维服务");
    ck_assert_int_eq(itss_class_level(c), 3);
    ck_assert_str_eq(itss_class_code(itss_class_parent(c)), "0402");
    ck_assert_str_eq(itss_class_name(itss_class_parent(c), ITSS_LANG_ZH), "硬件运维服务");
}
END_TEST

START_TEST(lookup_errors)
{
    const itss_catalog *cat = builtin();
    const itss_class *c = (const itss_class *)1;
    itss_error e;
    ck_assert_int_eq(itss_class_lookup(cat, "0407", &c, &e), ITSS_ENOTFOUND);
    ck_assert_ptr_null(c);
    /* the message names the code and what exists next to it */
    ck_assert_ptr_nonnull(strstr(e.message, "0407"));
    ck_assert_ptr_nonnull(strstr(e.message, "0499"));
    ck_assert_str_eq(e.path, "");
    ck_assert_uint_eq(e.line, 0);
    ck_assert_int_eq(itss_class_lookup(cat, "04020", &c, &e), ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(e.message, "5 digits"));
    ck_assert_int_eq(itss_class_lookup(cat, "04\x01", &c, &e), ITSS_EVALUE);
    /* a control character is shown escaped, never raw */
    ck_assert_ptr_nonnull(strstr(e.message, "\\x01"));
    ck_assert_int_eq(itss_class_lookup(cat, "\xff\xfe", &c, &e), ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(e.message, "\\xFF"));
    ck_assert_int_eq(itss_class_lookup(NULL, "04", &c, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_class_lookup(cat, NULL, &c, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_class_lookup(cat, "04", NULL, &e), ITSS_EINVAL);
    ck_assert_int_eq(e.code, ITSS_EINVAL);
}
END_TEST

START_TEST(validate_reasons)
{
    const itss_catalog *cat = builtin();
    static const struct {
        const char *code;
        int rc;
        itss_code_problem p;
    } t[] = {
        {"0405", 0, ITSS_CODE_OK},
        {"", ITSS_EVALUE, ITSS_CODE_EMPTY},
        {"4", ITSS_EVALUE, ITSS_CODE_BAD_LENGTH},
        {"04a", ITSS_EVALUE, ITSS_CODE_NOT_DIGITS}, /* non-digit reported before length */
        {"12345678", ITSS_EVALUE, ITSS_CODE_BAD_LENGTH},
        {"1001", ITSS_ENOTFOUND, ITSS_CODE_UNKNOWN_PARENT},
        {"0901", ITSS_ENOTFOUND, ITSS_CODE_UNKNOWN}, /* 09 has no middle classes */
        {"040401", ITSS_ENOTFOUND, ITSS_CODE_UNKNOWN},
        {"040801", ITSS_ENOTFOUND, ITSS_CODE_UNKNOWN_PARENT},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        itss_code_problem p = (itss_code_problem)-1;
        itss_error e;
        ck_assert_int_eq(itss_code_validate(cat, t[i].code, &p, &e), t[i].rc);
        ck_assert_int_eq(p, t[i].p);
        ck_assert_int_eq(e.code, t[i].rc);
        if (t[i].rc)
            ck_assert_uint_gt(strlen(e.message), 10);
    }
    itss_code_problem p = ITSS_CODE_UNKNOWN;
    ck_assert_int_eq(itss_code_validate(NULL, "04", &p, NULL), ITSS_EINVAL);
    ck_assert_int_eq(itss_code_validate(cat, NULL, &p, NULL), ITSS_EINVAL);
    ck_assert_int_eq(p, ITSS_CODE_UNKNOWN); /* unchanged on EINVAL */
    ck_assert_int_eq(itss_code_validate(cat, "04", NULL, NULL), 0);
    ck_assert_str_eq(itss_code_problem_name(ITSS_CODE_UNKNOWN_PARENT), "unknown_parent");
    ck_assert_str_eq(itss_code_problem_name(ITSS_CODE_NOT_DIGITS), "not_digits");
    ck_assert_ptr_null(itss_code_problem_name((itss_code_problem)42));
}
END_TEST

/* ---- classes ---------------------------------------------------------- */

START_TEST(class_getters)
{
    const itss_class *c = get("0106");
    ck_assert_str_eq(itss_class_excludes(c, ITSS_LANG_ZH), "学历教育");
    ck_assert_ptr_nonnull(itss_class_excludes(c, ITSS_LANG_EN));
    ck_assert_ptr_nonnull(strstr(itss_class_includes(c, ITSS_LANG_ZH), "职业技能培训"));
    ck_assert_ptr_null(itss_class_includes(get("0101"), ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_class_excludes(get("0101"), ITSS_LANG_EN));
    ck_assert_ptr_nonnull(strstr(itss_class_excludes(get("04"), ITSS_LANG_ZH), "保修期"));
    ck_assert_ptr_null(itss_class_name(c, (itss_lang)-1));
    ck_assert_ptr_null(itss_class_description(c, (itss_lang)2));
    ck_assert_ptr_null(itss_class_includes(c, (itss_lang)2));
    ck_assert_ptr_null(itss_class_excludes(c, (itss_lang)2));
    ck_assert_ptr_null(itss_class_code(NULL));
    ck_assert_int_eq(itss_class_level(NULL), 0);
    ck_assert_ptr_null(itss_class_parent(NULL));
    ck_assert_ptr_null(itss_class_name(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_class_description(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_class_includes(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_class_excludes(NULL, ITSS_LANG_ZH));
    ck_assert_int_eq(itss_class_is_catch_all(NULL), 0);
    ck_assert_ptr_null(itss_class_source(NULL));
    ck_assert_ptr_nonnull(strstr(itss_class_source(c), "table 3-1"));
}
END_TEST

START_TEST(hierarchy_buffers)
{
    const itss_class *c04 = get("04");
    /* 04: 6 middle classes (0401-0405, 0499) and 9 minor ones under 0402/0403 */
    ck_assert_uint_eq(itss_class_child_count(c04), 6);
    ck_assert_str_eq(itss_class_code(itss_class_child_at(c04, 5)), "0499");
    ck_assert_ptr_null(itss_class_child_at(c04, 6));
    ck_assert_uint_eq(itss_class_descendants(c04, NULL, 0), 15);
    const itss_class *buf[4] = {0};
    /* a small buffer gets the first entries and the total */
    ck_assert_uint_eq(itss_class_descendants(c04, buf, 3), 15);
    ck_assert_str_eq(itss_class_code(buf[0]), "0401");
    ck_assert_str_eq(itss_class_code(buf[1]), "0402");
    ck_assert_str_eq(itss_class_code(buf[2]), "040201");
    ck_assert_ptr_null(buf[3]);
    const itss_class *anc[2] = {0};
    ck_assert_uint_eq(itss_class_ancestors(get("030302"), anc, 2), 2);
    ck_assert_str_eq(itss_class_code(anc[0]), "03");
    ck_assert_str_eq(itss_class_code(anc[1]), "0303");
    ck_assert_uint_eq(itss_class_ancestors(get("030302"), anc, 1), 2);
    ck_assert_uint_eq(itss_class_ancestors(get("07"), anc, 2), 0);
    ck_assert_uint_eq(itss_class_descendants(get("07"), NULL, 0), 0);
    ck_assert_uint_eq(itss_class_child_count(NULL), 0);
    ck_assert_ptr_null(itss_class_child_at(NULL, 0));
    ck_assert_uint_eq(itss_class_ancestors(NULL, NULL, 0), 0);
    ck_assert_uint_eq(itss_class_descendants(NULL, NULL, 0), 0);
}
END_TEST

/* ---- search ----------------------------------------------------------- */

START_TEST(search_buffers_and_errors)
{
    const itss_catalog *cat = builtin();
    const itss_class *buf[2];
    size_t n = 99;
    itss_error e;
    /* "运维" is in 14 names: 运维管理服务 starts with it (first), 13 contain it:
     * 0401, 0402, 040201-040204, 040299, 0403, 040301-040303, 040399, 0404 */
    ck_assert_int_eq(itss_class_search(cat, "运维", buf, 2, &n, &e), 0);
    ck_assert_uint_eq(n, 14);
    ck_assert_str_eq(itss_class_code(buf[0]), "0405");
    ck_assert_str_eq(itss_class_code(buf[1]), "0401");
    ck_assert_int_eq(itss_class_search(cat, "运维", NULL, 0, &n, &e), 0);
    ck_assert_uint_eq(n, 14);
    ck_assert_int_eq(itss_class_search(cat, "", NULL, 0, &n, &e), ITSS_EVALUE);
    ck_assert_int_eq(itss_class_search(cat, " \t ", NULL, 0, &n, &e), ITSS_EVALUE);
    ck_assert_int_eq(itss_class_search(cat, "\xe8\xbf", NULL, 0, &n, &e), ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(e.message, "UTF-8"));
    ck_assert_int_eq(itss_class_search(NULL, "x", NULL, 0, &n, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_class_search(cat, NULL, NULL, 0, &n, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_class_search(cat, "x", NULL, 0, NULL, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_class_search(cat, "x", NULL, 1, &n, &e), ITSS_EINVAL);
    /* surrounding spaces are ignored; exact English name ranks first */
    ck_assert_int_eq(itss_class_search(cat, "  it training ", buf, 2, &n, &e), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(itss_class_code(buf[0]), "0106");
}
END_TEST

/* ---- crosswalks ------------------------------------------------------ */

START_TEST(crosswalk_api)
{
    const itss_catalog *cat = builtin();
    const itss_crosswalk *x = NULL;
    itss_error e;
    ck_assert_uint_eq(itss_catalog_crosswalk_count(cat), 2);
    ck_assert_str_eq(itss_crosswalk_id(itss_catalog_crosswalk_at(cat, 0)), "gbt4754");
    ck_assert_ptr_null(itss_catalog_crosswalk_at(cat, 2));
    ck_assert_int_eq(itss_crosswalk_lookup(cat, "gbt4754", &x, &e), 0);
    ck_assert_str_eq(itss_crosswalk_scheme(x), "GB/T 4754-2017");
    ck_assert_ptr_nonnull(itss_crosswalk_name(x, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_crosswalk_name(x, (itss_lang)3));
    /* GB/T 4754-2017 division 65 has 15 classes, 6511 to 6599 */
    ck_assert_uint_eq(itss_crosswalk_target_count(x), 15);
    ck_assert_str_eq(itss_xtarget_code(itss_crosswalk_target_at(x, 0)), "6511");
    ck_assert_str_eq(itss_xtarget_code(itss_crosswalk_target_at(x, 14)), "6599");
    ck_assert_ptr_null(itss_crosswalk_target_at(x, 15));
    const itss_xtarget *t = NULL;
    ck_assert_int_eq(itss_xtarget_lookup(x, "6540", &t, &e), 0);
    ck_assert_str_eq(itss_xtarget_name(t, ITSS_LANG_ZH), "运行维护服务");
    ck_assert_ptr_nonnull(itss_xtarget_source(t));
    ck_assert_int_eq(itss_xtarget_lookup(x, "6541", &t, &e), ITSS_ENOTFOUND);
    ck_assert_ptr_null(t);
    ck_assert_int_eq(itss_xtarget_lookup(x, "", &t, &e), ITSS_EVALUE);
    ck_assert_int_eq(itss_xtarget_lookup(NULL, "6540", &t, &e), ITSS_EINVAL);

    /* 6540 receives 04 (exact), its 6 middle and 9 minor classes (narrower) */
    const itss_xlink *links[20];
    size_t n = 0;
    ck_assert_int_eq(itss_crosswalk_map(x, ITSS_REVERSE, "6540", links, 20, &n, &e), 0);
    ck_assert_uint_eq(n, 16);
    ck_assert_str_eq(itss_class_code(itss_xlink_class(links[0])), "04");
    ck_assert_int_eq(itss_xlink_relation(links[0]), ITSS_REL_EXACT);
    ck_assert_int_eq(itss_xlink_relation(links[1]), ITSS_REL_NARROWER);
    const itss_xtarget *t6540 = NULL;
    ck_assert_int_eq(itss_xtarget_lookup(x, "6540", &t6540, &e), 0);
    for (size_t i = 0; i < n; i++)
        ck_assert_ptr_eq(itss_xlink_target(links[i]), t6540);
    /* 02 maps to the five software and IC design classes */
    ck_assert_int_eq(itss_crosswalk_map(x, ITSS_FORWARD, "02", links, 2, &n, &e), 0);
    ck_assert_uint_eq(n, 5);
    ck_assert_int_eq(itss_xlink_relation(links[0]), ITSS_REL_BROADER);
    ck_assert_int_eq(itss_crosswalk_map(x, ITSS_FORWARD, "0201", links, 20, &n, &e), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_ptr_nonnull(itss_xlink_note(links[0], ITSS_LANG_EN));
    ck_assert_ptr_null(itss_xlink_note(links[0], (itss_lang)9));
    ck_assert_int_eq(itss_crosswalk_map(x, ITSS_FORWARD, "04020", links, 20, &n, &e), ITSS_EVALUE);
    ck_assert_int_eq(itss_crosswalk_map(x, ITSS_FORWARD, "04", NULL, 1, &n, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_crosswalk_map(x, ITSS_FORWARD, "04", links, 20, NULL, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_crosswalk_map(NULL, ITSS_FORWARD, "04", links, 20, &n, &e), ITSS_EINVAL);
    ck_assert_ptr_null(itss_xlink_class(NULL));
    ck_assert_ptr_null(itss_xlink_target(NULL));
    ck_assert_int_eq(itss_xlink_relation(NULL), ITSS_REL_EXACT);
    ck_assert_str_eq(itss_direction_name(ITSS_FORWARD), "forward");
    ck_assert_str_eq(itss_direction_name(ITSS_REVERSE), "reverse");
    ck_assert_ptr_null(itss_direction_name((itss_direction)2));
    ck_assert_int_eq(itss_crosswalk_map(x, (itss_direction)2, "04", links, 20, &n, &e), ITSS_EINVAL);
    ck_assert_str_eq(e.message, "itss_crosswalk_map: direction 2 is not an itss_direction");
    ck_assert_str_eq(itss_relation_name(ITSS_REL_RELATED), "related");
    ck_assert_ptr_null(itss_relation_name((itss_relation)4));
    ck_assert_int_eq(itss_crosswalk_lookup(cat, "nace", &x, &e), ITSS_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(e.message, "gbt4754"));
    ck_assert_int_eq(itss_crosswalk_lookup(cat, NULL, &x, &e), ITSS_EINVAL);
    /* DB21/T 1799.1 table 1 has 13 classes */
    ck_assert_int_eq(itss_crosswalk_lookup(cat, "db21", &x, &e), 0);
    ck_assert_uint_eq(itss_crosswalk_target_count(x), 13);
    ck_assert_str_eq(itss_xtarget_name(itss_crosswalk_target_at(x, 12), ITSS_LANG_ZH),
                     "其它专业类");
    ck_assert_ptr_null(itss_crosswalk_id(NULL));
    ck_assert_ptr_null(itss_crosswalk_scheme(NULL));
    ck_assert_uint_eq(itss_crosswalk_target_count(NULL), 0);
    ck_assert_ptr_null(itss_xtarget_code(NULL));
    ck_assert_ptr_null(itss_xtarget_name(NULL, ITSS_LANG_ZH));
    ck_assert_ptr_null(itss_xtarget_source(NULL));
}
END_TEST

/* ---- rendering and export --------------------------------------------- */

static json_t *parse(const char *s)
{
    json_error_t je;
    json_t *j = json_loads(s, JSON_REJECT_DUPLICATES, &je);
    ck_assert_msg(j != NULL, "%s", je.text);
    return j;
}

START_TEST(round_trip_is_byte_identical)
{
    const itss_catalog *cat = builtin();
    for (int f = 0; f < 2; f++) {
        itss_format fmt = f ? ITSS_FORMAT_JSON_PRETTY : ITSS_FORMAT_JSON;
        char *a = NULL, *b = NULL;
        size_t alen = 0, blen = 0;
        itss_catalog *copy = NULL;
        itss_error e;
        ck_assert_int_eq(itss_catalog_export(cat, NULL, fmt, &a, &alen, &e), 0);
        ck_assert_int_eq(itss_catalog_load(a, alen, &copy, &e), 0);
        ck_assert_int_eq(itss_catalog_export(copy, NULL, fmt, &b, &blen, &e), 0);
        ck_assert_uint_eq(alen, blen);
        ck_assert_int_eq(memcmp(a, b, alen), 0);
        /* the copy answers like the original */
        ck_assert_uint_eq(itss_catalog_crosswalk_count(copy), 2);
        const itss_class *c;
        ck_assert_int_eq(itss_class_lookup(copy, "040201", &c, &e), 0);
        ck_assert_str_eq(itss_class_name(c, ITSS_LANG_ZH), "网络运维服务");
        json_t *doc = parse(a);
        ck_assert_str_eq(json_string_value(json_object_get(doc, "edition")), "GB/T 29264-2012");
        ck_assert_uint_eq(json_array_size(json_object_get(doc, "classes")), 55);
        json_decref(doc);
        itss_catalog_free(copy);
        itss_free(a);
        itss_free(b);
    }
}
END_TEST

START_TEST(export_subtree)
{
    char *s = NULL;
    itss_error e;
    ck_assert_int_eq(itss_catalog_export(builtin(), "0303", ITSS_FORMAT_JSON, &s,
                                         NULL, &e),
                     0);
    json_t *doc = parse(s);
    json_t *cl = json_object_get(doc, "classes");
    /* 0303 and its four minor classes 030301-030303, 030399 */
    ck_assert_uint_eq(json_array_size(cl), 5);
    ck_assert_str_eq(json_string_value(json_object_get(doc, "root")), "0303");
    ck_assert_ptr_null(json_object_get(doc, "crosswalks"));
    json_decref(doc);
    itss_free(s);
    s = (char *)1;
    ck_assert_int_eq(itss_catalog_export(builtin(), "0307", ITSS_FORMAT_JSON, &s,
                                         NULL, &e),
                     ITSS_ENOTFOUND);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(itss_catalog_render(builtin(), NULL, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &s,
                                         NULL, &e),
                     0);
    ck_assert_ptr_nonnull(strstr(s, "Call centre services"));
    itss_free(s);
    ck_assert_int_eq(itss_catalog_render(NULL, NULL, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &s, NULL, &e),
                     ITSS_EINVAL);
}
END_TEST

START_TEST(render_formats)
{
    const itss_class *c = get("0499");
    char *s = NULL;
    size_t len = 0;
    itss_error e;
    ck_assert_int_eq(itss_class_render(c, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &s, &len, &e), 0);
    ck_assert_uint_eq(strlen(s), len);
    ck_assert_ptr_null(strchr(s, '\n')); /* compact: one line */
    json_t *j = parse(s);
    ck_assert_str_eq(json_string_value(json_object_get(j, "code")), "0499");
    ck_assert(json_is_true(json_object_get(j, "catch_all")));
    ck_assert_str_eq(json_string_value(json_object_get(j, "parent")), "04");
    json_decref(j);
    itss_free(s);
    ck_assert_int_eq(itss_class_render(c, ITSS_FORMAT_JSON_PRETTY, ITSS_LANG_ZH, &s, NULL, &e), 0);
    ck_assert_ptr_nonnull(strstr(s, "\n  \"code\": \"0499\",\n"));
    ck_assert_int_eq(s[strlen(s) - 1], '\n');
    itss_free(s);
    ck_assert_int_eq(itss_class_render(c, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &s, NULL, &e), 0);
    ck_assert_ptr_nonnull(strstr(s, "其他运行维护服务"));
    ck_assert_ptr_nonnull(strstr(s, "04 运行维护服务"));
    itss_free(s);
    ck_assert_int_eq(itss_class_render(c, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &s, NULL, &e), 0);
    ck_assert_ptr_nonnull(strstr(s, "Other O&M services"));
    itss_free(s);
    s = (char *)1;
    ck_assert_int_eq(itss_class_render(c, (itss_format)9, ITSS_LANG_EN, &s, NULL, &e),
                     ITSS_EINVAL);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(itss_class_render(c, ITSS_FORMAT_TEXT, (itss_lang)9, &s, NULL, &e),
                     ITSS_EINVAL);
    ck_assert_int_eq(itss_class_render(NULL, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &s, NULL, &e),
                     ITSS_EINVAL);
    ck_assert_int_eq(itss_class_render(c, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, NULL, NULL, &e),
                     ITSS_EINVAL);

    const itss_class *list[2] = {get("08"), get("07")};
    ck_assert_int_eq(itss_class_list_render(list, 2, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &s, NULL, &e),
                     0);
    j = parse(s);
    ck_assert_uint_eq(json_array_size(j), 2);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(j, 1), "code")), "07");
    json_decref(j);
    itss_free(s);
    ck_assert_int_eq(itss_class_list_render(NULL, 0, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &s, NULL, &e),
                     0);
    ck_assert_str_eq(s, "[]");
    itss_free(s);
    ck_assert_int_eq(itss_class_list_render(NULL, 1, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &s, NULL, &e),
                     ITSS_EINVAL);
    const itss_class *withnull[1] = {NULL};
    ck_assert_int_eq(itss_class_list_render(withnull, 1, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &s, NULL,
                                            &e),
                     ITSS_EINVAL);
}
END_TEST

START_TEST(tree_render)
{
    char *s = NULL;
    itss_error e;
    ck_assert_int_eq(itss_catalog_tree_render(builtin(), "0302", ITSS_FORMAT_JSON, ITSS_LANG_ZH, &s, NULL,
                                       &e),
                     0);
    json_t *j = parse(s);
    json_t *root = json_array_get(json_object_get(j, "tree"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(root, "code")), "0302");
    ck_assert_uint_eq(json_array_size(json_object_get(root, "children")), 4);
    json_decref(j);
    itss_free(s);
    ck_assert_int_eq(itss_catalog_tree_render(builtin(), NULL, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &s, NULL,
                                       &e),
                     0);
    /* minor classes are indented by four spaces under their major class */
    ck_assert_ptr_nonnull(strstr(s, "\n    040201  网络运维服务\n"));
    itss_free(s);
    ck_assert_int_eq(itss_catalog_tree_render(builtin(), "x", ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &s, NULL,
                                       &e),
                     ITSS_EVALUE);
    ck_assert_int_eq(itss_catalog_tree_render(NULL, NULL, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &s, NULL, &e),
                     ITSS_EINVAL);
}
END_TEST

START_TEST(validate_render)
{
    const char *codes[] = {"040201", "0407", "", "\xff"};
    char *s = NULL;
    size_t invalid = 0;
    itss_error e;
    ck_assert_int_eq(itss_code_validate_render(builtin(), codes, 4, ITSS_FORMAT_JSON,
                                               ITSS_LANG_ZH, &invalid, &s, NULL, &e),
                     0);
    ck_assert_uint_eq(invalid, 3);
    json_t *j = parse(s); /* invalid UTF-8 input still gives valid JSON */
    ck_assert_uint_eq(json_array_size(j), 4);
    ck_assert(json_is_true(json_object_get(json_array_get(j, 0), "valid")));
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(j, 1), "problem")),
                     "unknown_code");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(j, 3), "input")),
                     "\xEF\xBF\xBD");
    json_decref(j);
    itss_free(s);
    ck_assert_int_eq(itss_code_validate_render(builtin(), codes, 2, ITSS_FORMAT_TEXT,
                                               ITSS_LANG_EN, NULL, &s, NULL, &e),
                     0);
    ck_assert_ptr_nonnull(strstr(s, "invalid"));
    itss_free(s);
    const char *withnull[] = {"04", NULL};
    ck_assert_int_eq(itss_code_validate_render(builtin(), withnull, 2, ITSS_FORMAT_TEXT,
                                               ITSS_LANG_EN, NULL, &s, NULL, &e),
                     ITSS_EINVAL);
    ck_assert_int_eq(itss_code_validate_render(NULL, codes, 1, ITSS_FORMAT_TEXT, ITSS_LANG_EN,
                                               NULL, &s, NULL, &e),
                     ITSS_EINVAL);
}
END_TEST

START_TEST(crosswalk_render)
{
    const itss_crosswalk *x;
    char *s = NULL;
    itss_error e;
    ck_assert_int_eq(itss_crosswalk_lookup(builtin(), "db21", &x, &e), 0);
    ck_assert_int_eq(itss_crosswalk_render(x, ITSS_FORWARD, "0106", ITSS_FORMAT_JSON, ITSS_LANG_ZH, &s, NULL,
                                           &e),
                     0);
    json_t *j = parse(s);
    json_t *m = json_array_get(json_object_get(j, "mappings"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(m, "target"), "code")),
                     "11");
    ck_assert_str_eq(json_string_value(json_object_get(m, "relation")), "narrower");
    json_decref(j);
    itss_free(s);
    ck_assert_int_eq(itss_crosswalk_render(x, ITSS_REVERSE, "11", ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &s, NULL,
                                           &e),
                     0);
    ck_assert_ptr_nonnull(strstr(s, "0106"));
    itss_free(s);
    ck_assert_int_eq(itss_crosswalk_render(x, ITSS_REVERSE, "99", ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &s, NULL,
                                           &e),
                     ITSS_ENOTFOUND);
    ck_assert_int_eq(itss_crosswalk_render(NULL, ITSS_FORWARD, "01", ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &s,
                                           NULL, &e),
                     ITSS_EINVAL);
}
END_TEST

/* ---- loading ---------------------------------------------------------- */

START_TEST(load_file_and_errors)
{
    itss_catalog *cat = (itss_catalog *)1;
    itss_error e;
    ck_assert_int_eq(itss_catalog_load_file("/nonexistent/dir/c.json", &cat, &e), ITSS_EIO);
    ck_assert_ptr_null(cat);
    ck_assert_ptr_nonnull(strstr(e.message, "/nonexistent/dir/c.json"));
    ck_assert_int_eq(itss_catalog_load_file(NULL, &cat, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_catalog_load_file("x", NULL, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_catalog_load(NULL, 0, &cat, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_catalog_load("{}", 2, NULL, &e), ITSS_EINVAL);

    /* write the built-in export to a file and load it back */
    char *s;
    size_t len;
    ck_assert_int_eq(itss_catalog_export(builtin(), NULL, ITSS_FORMAT_JSON_PRETTY, &s, &len, &e),
                     0);
    char path[] = "/tmp/itss-catalog-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, s, len), (ssize_t)len);
    close(fd);
    itss_free(s);
    ck_assert_int_eq(itss_catalog_load_file(path, &cat, &e), 0);
    ck_assert_uint_eq(itss_catalog_class_count(cat), 55);
    itss_catalog_free(cat);
    unlink(path);
    /* the text need not be NUL-terminated: only len bytes are read */
    const char *two = "{\"format\": 1}{\"x\"";
    ck_assert_int_eq(itss_catalog_load(two, 13, &cat, &e), ITSS_ESCHEMA);
    ck_assert_str_eq(e.path, "/format");
}
END_TEST

START_TEST(vendor_extension_catalog)
{
    /* A vendor adds a minor class under 0404 to its copy of the table. */
    char *s;
    size_t len;
    itss_error e;
    ck_assert_int_eq(itss_catalog_export(builtin(), NULL, ITSS_FORMAT_JSON, &s,
                                         &len, &e),
                     0);
    json_t *doc = parse(s);
    itss_free(s);
    json_array_append_new(json_object_get(doc, "classes"),
                          json_pack("{s:s, s:i, s:s, s:{s:s, s:s}, s:{s:s, s:s}, s:b, s:s}",
                                    "code", "040401", "level", 3, "parent", "0404", "name", "zh",
                                    "渗透测试服务", "en", "Penetration testing", "description",
                                    "zh", "厂商扩展", "en", "Vendor extension", "catch_all", 0,
                                    "source", "vendor"));
    s = json_dumps(doc, 0);
    json_decref(doc);
    itss_catalog *cat = NULL;
    ck_assert_int_eq(itss_catalog_load(s, strlen(s), &cat, &e), 0);
    free(s);
    ck_assert_uint_eq(itss_catalog_class_count(cat), 56);
    const itss_class *c;
    ck_assert_int_eq(itss_class_lookup(cat, "040401", &c, &e), 0);
    ck_assert_str_eq(itss_class_code(itss_class_parent(c)), "0404");
    ck_assert_uint_eq(itss_class_child_count(itss_class_parent(c)), 1);
    /* code order keeps the new class inside the 04 subtree */
    ck_assert_uint_eq(itss_class_descendants(itss_class_parent(itss_class_parent(c)), NULL, 0),
                      16);
    itss_catalog_free(cat);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("classify");
    TCase *t = tcase_create("api");
    tcase_add_test(t, builtin_is_one_immutable_object);
    tcase_add_test(t, builtin_counts_and_order);
    tcase_add_test(t, null_catalog_getters);
    tcase_add_test(t, builtin_first_use_from_threads);
    tcase_add_test(t, lookup_acceptance_example);
    tcase_add_test(t, lookup_errors);
    tcase_add_test(t, validate_reasons);
    tcase_add_test(t, class_getters);
    tcase_add_test(t, hierarchy_buffers);
    tcase_add_test(t, search_buffers_and_errors);
    tcase_add_test(t, crosswalk_api);
    tcase_add_test(t, round_trip_is_byte_identical);
    tcase_add_test(t, export_subtree);
    tcase_add_test(t, render_formats);
    tcase_add_test(t, tree_render);
    tcase_add_test(t, validate_render);
    tcase_add_test(t, crosswalk_render);
    tcase_add_test(t, load_file_and_errors);
    tcase_add_test(t, vendor_extension_catalog);
    suite_add_tcase(s, t);
    return s;
}

int main(void) { return itss_test_run(suite()); }
