/*
 * Loading time that grows with the size of a document, not with its
 * square; and repeated keys far apart reported where they first repeat.
 *
 * Nothing here is timed. The large cases read documents that a loader
 * comparing each element with every earlier one needs minutes for (about
 * 5 * 10^9 comparisons of keys 60 bytes long each), while a linear loader
 * needs about a second; tests/meson.build gives this program a timeout
 * between the two, so that only the first fails.
 *
 * The repeated-key cases follow docs/security.md: of several repeated
 * keys, the error names the first element, in document order, whose key
 * was already used by an earlier one. Each case repeats two keys: element
 * 7000 repeats the key of element 9, and the last element repeats the key
 * of element 0. The key of element 0 sorts first, so a checker working in
 * key order would name the last element instead of element 7000.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "check_main.h"
#include "textbuf.h"

/* Large enough for a quadratic loader to exceed the timeout many times
 * over (10^5 elements: 5 * 10^9 pairs). */
#define BIG 100000
/* The repeated-key cases: 10,000 elements, repeats at 7000 and the end. */
#define MANY 10000
#define FIRST_REPEAT 7000
#define REPEATED 9 /* element 7000 repeats the key of element 9 */

/* Keys share a long prefix, so that comparing two of them costs what it
 * would for long real ids. */
#define PREFIX "a-long-identifier-prefix-shared-by-every-key-in-the-doc-"

static const char head[] = "{\"format\": \"itss-catalog/1\", \"edition\": \"Big\", \"title\": "
                           "{\"zh\": \"大\", \"en\": \"Big\"},\n \"classes\": [{\"code\": \"01\", "
                           "\"level\": 1, \"parent\": null, \"name\": {\"zh\": \"类\", \"en\": "
                           "\"C\"}, \"description\": {\"zh\": \"述\", \"en\": \"D\"}, "
                           "\"catch_all\": false, \"source\": \"s\"}],\n \"crosswalks\": [";

/* The key number that element i of a repeated-key case uses. */
static size_t key_of(size_t i, size_t n)
{
    if (i == FIRST_REPEAT)
        return REPEATED;
    if (i == n - 1)
        return 0;
    return i;
}

/* before, MANY elements (element i from the format element with the
 * number key_of(i) + add), after. */
static void repeated_doc(sb *b, const char *before, const char *element, size_t add,
                         const char *after)
{
    sb_puts(b, before);
    for (size_t i = 0; i < MANY; i++) {
        sb_puts(b, i ? ",\n  " : "");
        sb_printf(b, element, key_of(i, MANY) + add);
    }
    sb_puts(b, after);
}

static void check_repeat(int rc, const itss_error *e, const char *path, const char *key)
{
    check_error(rc, e, ITSS_EDUPLICATE, path, NULL, NO_LOC);
    ck_assert_msg(strstr(e->message, key) != NULL, "message \"%s\" should name %s", e->message,
                  key);
}

/* ---- crosswalks ------------------------------------------------------------- */

/* n crosswalks without targets, the id of crosswalk i from key(i). */
static void crosswalks_doc(sb *b, size_t n, size_t (*key)(size_t, size_t))
{
    sb_puts(b, head);
    for (size_t i = 0; i < n; i++)
        sb_printf(b, "%s{\"id\": \"" PREFIX "%06zu\", \"scheme\": \"s\", \"name\": {\"zh\": "
                     "\"名\", \"en\": \"N\"}, \"targets\": [], \"links\": []}",
                  i ? ",\n  " : "", key(i, n));
    sb_puts(b, "]}\n");
}

/* One crosswalk of nt targets and nl links; link i goes from class 01 to
 * target to(i). */
static void links_doc(sb *b, size_t nt, size_t (*target)(size_t, size_t), size_t nl,
                      size_t (*to)(size_t, size_t))
{
    sb_puts(b, head);
    sb_puts(b, "{\"id\": \"big\", \"scheme\": \"s\", \"name\": {\"zh\": \"名\", \"en\": \"N\"},\n"
               "  \"targets\": [");
    for (size_t i = 0; i < nt; i++)
        sb_printf(b, "%s{\"code\": \"" PREFIX "%06zu\", \"name\": {\"zh\": \"名\", \"en\": "
                     "\"N\"}, \"source\": \"s\"}",
                  i ? ",\n   " : "", target(i, nt));
    sb_puts(b, "],\n  \"links\": [");
    for (size_t i = 0; i < nl; i++)
        sb_printf(b, "%s{\"from\": \"01\", \"to\": \"" PREFIX "%06zu\", \"relation\": \"exact\"}",
                  i ? ",\n   " : "", to(i, nl));
    sb_puts(b, "]}]}\n");
}

static size_t same(size_t i, size_t n)
{
    (void)n;
    return i;
}
static size_t reversed(size_t i, size_t n) { return n - 1 - i; }

static itss_catalog *load_catalog_ok(const sb *b)
{
    itss_catalog *cat = NULL;
    itss_error e;
    ck_assert_msg(itss_catalog_load(b->s, b->n, &cat, &e) == 0, "%s (at %s)", e.message, e.path);
    return cat;
}

START_TEST(hundred_thousand_crosswalks)
{
    sb b = {0};
    crosswalks_doc(&b, BIG, same);
    itss_catalog *cat = load_catalog_ok(&b);
    ck_assert_uint_eq(itss_catalog_crosswalk_count(cat), BIG);
    const itss_crosswalk *x = itss_catalog_crosswalk_at(cat, BIG - 1);
    char want[128];
    snprintf(want, sizeof want, PREFIX "%06d", BIG - 1);
    ck_assert_str_eq(itss_crosswalk_id(x), want);
    itss_catalog_free(cat);
    free(b.s);
}
END_TEST

START_TEST(crosswalk_of_hundred_thousand_links)
{
    /* the links name the targets in reverse order: a lookup by scan would
     * walk nearly all of them for each */
    sb b = {0};
    links_doc(&b, BIG, same, BIG, reversed);
    itss_catalog *cat = load_catalog_ok(&b);
    const itss_crosswalk *x = itss_catalog_crosswalk_at(cat, 0);
    ck_assert_uint_eq(itss_crosswalk_target_count(x), BIG);
    size_t count = 0;
    itss_error e;
    ck_assert_int_eq(itss_crosswalk_map(x, ITSS_FORWARD, "01", NULL, 0, &count, &e), 0);
    ck_assert_uint_eq(count, BIG);
    /* link 0 goes to the last target, the last link to the first */
    const itss_xlink *l[1];
    char want[128];
    snprintf(want, sizeof want, PREFIX "%06d", BIG - 1);
    ck_assert_int_eq(itss_crosswalk_map(x, ITSS_REVERSE, want, l, 1, &count, &e), 0);
    ck_assert_uint_eq(count, 1);
    ck_assert_str_eq(itss_xtarget_code(itss_xlink_target(l[0])), want);
    itss_catalog_free(cat);
    free(b.s);
}
END_TEST

START_TEST(crosswalk_id_repeated_far_apart)
{
    sb b = {0};
    crosswalks_doc(&b, MANY, key_of);
    itss_catalog *cat = NULL;
    itss_error e;
    int rc = itss_catalog_load(b.s, b.n, &cat, &e);
    check_repeat(rc, &e, "/crosswalks/7000/id", PREFIX "000009");
    ck_assert_ptr_null(cat);
    free(b.s);
}
END_TEST

START_TEST(target_code_repeated_far_apart)
{
    sb b = {0};
    links_doc(&b, MANY, key_of, 0, same);
    itss_catalog *cat = NULL;
    itss_error e;
    int rc = itss_catalog_load(b.s, b.n, &cat, &e);
    check_repeat(rc, &e, "/crosswalks/0/targets/7000/code", PREFIX "000009");
    free(b.s);
}
END_TEST

START_TEST(link_repeated_far_apart)
{
    sb b = {0};
    links_doc(&b, MANY, same, MANY, key_of);
    itss_catalog *cat = NULL;
    itss_error e;
    int rc = itss_catalog_load(b.s, b.n, &cat, &e);
    check_repeat(rc, &e, "/crosswalks/0/links/7000", PREFIX "000009");
    free(b.s);
}
END_TEST

/* ---- classes ------------------------------------------------------------------ */

START_TEST(class_code_repeated_far_apart)
{
    /* 01..98 at level 1, then 0101..9898 at level 2 (no 99: catch-alls):
     * 9,702 codes; a copy of the class at 9 (code 10) goes in at 7000 and
     * a copy of the class at 0 (code 01) at the end */
    char codes[9800][8];
    size_t n = 0;
    for (int p = 1; p <= 98; p++)
        snprintf(codes[n++], sizeof codes[0], "%02d", p);
    for (int p = 1; p <= 98; p++)
        for (int c = 1; c <= 98; c++)
            snprintf(codes[n++], sizeof codes[0], "%02d%02d", p, c);
    ck_assert_uint_eq(n, 98 + 98 * 98);
    sb b = {0};
    sb_puts(&b, "{\"format\": \"itss-catalog/1\", \"edition\": \"Big\", \"title\": {\"zh\": \"大\", "
                "\"en\": \"Big\"},\n \"classes\": [");
    for (size_t i = 0, k = 0; i < n + 2; i++) {
        const char *code = i == FIRST_REPEAT ? codes[REPEATED] : i == n + 1 ? codes[0] : codes[k++];
        int level = strlen(code) == 2 ? 1 : 2;
        sb_printf(&b,
                  "%s{\"code\": \"%s\", \"level\": %d, \"parent\": %s%.*s%s, \"name\": {\"zh\": "
                  "\"类\", \"en\": \"C\"}, \"description\": {\"zh\": \"述\", \"en\": \"D\"}, "
                  "\"catch_all\": false, \"source\": \"s\"}",
                  i ? ",\n  " : "", code, level, level > 1 ? "\"" : "null", level > 1 ? 2 : 0,
                  code, level > 1 ? "\"" : "");
    }
    sb_puts(&b, "]}\n");
    itss_catalog *cat = NULL;
    itss_error e;
    int rc = itss_catalog_load(b.s, b.n, &cat, &e);
    check_repeat(rc, &e, "/classes/7000/code", "class code 10 ");
    free(b.s);
}
END_TEST

/* ---- maturity models -------------------------------------------------------------- */

#define MODEL_HEAD                                                                          \
    "{\"format\": \"itss-maturity-model/1\", \"id\": \"big\", \"edition\": \"Big 1\", "        \
    "\"title\": {\"zh\": \"大\", \"en\": \"Big\"}, \"levels\": [{\"level\": 1, \"name\": "       \
    "{\"zh\": \"一\", \"en\": \"One\"}}], \"parts\": [{\"id\": \"p\", \"name\": {\"zh\": \"部\", " \
    "\"en\": \"P\"}}], \"domains\": [{\"id\": \"d\", \"number\": 1, \"part\": \"p\", \"name\": " \
    "{\"zh\": \"域\", \"en\": \"D\"}}],\n"

static const char model_head_clauses[] = MODEL_HEAD " \"items\": [], \"clauses\": [";
static const char model_head_items[] = MODEL_HEAD " \"items\": [";

/* A model whose list (clauses or items) repeats keys as repeated_doc does. */
static void check_model_repeat(const char *head, const char *element, size_t add,
                               const char *tail, const char *path, const char *key)
{
    sb b = {0};
    repeated_doc(&b, head, element, add, tail);
    itss_maturity_model *m = NULL;
    itss_error e;
    int rc = itss_maturity_model_load(b.s, b.n, &m, &e);
    check_repeat(rc, &e, path, key);
    free(b.s);
}

START_TEST(clause_id_repeated_far_apart)
{
    check_model_repeat(model_head_clauses,
                       "{\"id\": \"c%05zu\", \"level\": 1, \"domain\": \"d\", \"item\": null, "
                       "\"summary\": {\"zh\": \"要\", \"en\": \"R\"}}",
                       0, "]}\n", "/clauses/7000/id", "\"c00009\"");
}
END_TEST

START_TEST(item_number_repeated_far_apart)
{
    /* numbers 1..10000 at positions 0..9999, with the two repeats */
    check_model_repeat(model_head_items,
                       "{\"number\": %zu, \"domain\": \"d\", \"name\": {\"zh\": \"项\", "
                       "\"en\": \"I\"}}",
                       1, "], \"clauses\": []}\n", "/items/7000/number", "\"10\"");
}
END_TEST

/* ---- indicator catalogs --------------------------------------------------------------- */

START_TEST(indicator_id_repeated_far_apart)
{
    sb b = {0};
    repeated_doc(&b, "{\"indicators\": [",
                 "{\"id\": \"q%05zu\", \"name\": {\"zh\": \"指标\", \"en\": \"I\"}, "
                 "\"subcharacteristic\": \"availability\", \"method\": \"ratio\", "
                 "\"polarity\": \"positive\", \"a\": {\"zh\": \"甲\", \"en\": \"a\"}, "
                 "\"b\": {\"zh\": \"乙\", \"en\": \"b\"}}",
                 0, "]}\n");
    itss_indicator_catalog *c = NULL;
    itss_error e;
    int rc = itss_indicator_catalog_load(b.s, b.n, &c, &e);
    check_repeat(rc, &e, "/indicators/7000/id", "\"q00009\"");
    free(b.s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("scaling");
    ADD(s, hundred_thousand_crosswalks);
    ADD(s, crosswalk_of_hundred_thousand_links);
    ADD(s, crosswalk_id_repeated_far_apart);
    ADD(s, target_code_repeated_far_apart);
    ADD(s, link_repeated_far_apart);
    ADD(s, class_code_repeated_far_apart);
    ADD(s, clause_id_repeated_far_apart);
    ADD(s, item_number_repeated_far_apart);
    ADD(s, indicator_id_repeated_far_apart);
    return itss_test_run(s);
}
