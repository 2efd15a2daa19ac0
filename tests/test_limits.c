/*
 * Large and limit-sized inputs, generated in memory: the 64 MiB document
 * limit, a million ratings, nesting 100,000 deep, and every count limit an
 * input can reach, at the limit (accepted) and one past it (refused).
 *
 * Expectations come from the documentation: docs/json-formats.md (64 MiB,
 * ITSS_ELIMIT), docs/maturity.md (1 <= N <= 9 levels; 100 parts, 1,000
 * domains, 10,000 items, 100,000 clauses, 16 aliases), docs/quality.md
 * (10,000 indicators, 1 to 10,000 scores, n <= 15 for AHP) and the schemas.
 * Where an error is located, the test computes the line, column (code
 * points) and byte position from the text it built. Every large case runs
 * in one pass over its input; nothing here is timed.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "check_main.h"
#include "textbuf.h"

#define MiB ((size_t)1024 * 1024)
#define DOC_LIMIT (64 * MiB)

static const itss_maturity_model *builtin_model(void)
{
    const itss_maturity_model *m = NULL;
    m = itss_maturity_model_builtin();
    return m;
}

static int load_assessment(const char *text, size_t len, itss_error *e)
{
    itss_assessment *a = (itss_assessment *)1;
    int rc = itss_assessment_load(builtin_model(), text, len, &a, e);
    if (rc)
        ck_assert_ptr_null(a);
    itss_assessment_free(a);
    return rc;
}

/* ---- the 64 MiB document limit ---------------------------------------------- */

/* {"ratings": {}, "notes": "xxx…"} of exactly `size` bytes. */
static void notes_document(sb *b, size_t size)
{
    static const char head[] = "{\"ratings\": {}, \"notes\": \"", tail[] = "\"}";
    sb_puts(b, head);
    sb_fill(b, 'x', size - (sizeof head - 1) - (sizeof tail - 1));
    sb_puts(b, tail);
    ck_assert_uint_eq(b->n, size);
}

START_TEST(string_of_100_mb)
{
    sb b = {0};
    notes_document(&b, 100 * 1000 * 1000 + 40);
    itss_error e;
    int rc = load_assessment(b.s, b.n, &e);
    check_error(rc, &e, ITSS_ELIMIT, "", NULL, NO_LOC);
    char *out = NULL;
    rc = itss_maturity_rate_json(builtin_model(), b.s, b.n, 0, ITSS_FORMAT_JSON, ITSS_LANG_ZH,
                                 &out, NULL, &e);
    check_error(rc, &e, ITSS_ELIMIT, "", NULL, NO_LOC);
    ck_assert_ptr_null(out);
    free(b.s);
}
END_TEST

START_TEST(limit_plus_one_byte)
{
    /* a valid document, one byte too long: refused for its size alone */
    sb b = {0};
    notes_document(&b, DOC_LIMIT + 1);
    itss_error e;
    check_error(load_assessment(b.s, b.n, &e), &e, ITSS_ELIMIT, "", NULL, NO_LOC);
    /* the same through a file */
    char path[] = "/tmp/itss-limits-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(b.s, 1, b.n, f), b.n);
    fclose(f);
    itss_assessment *a = (itss_assessment *)1;
    int rc = itss_assessment_load_file(builtin_model(), path, &a, &e);
    remove(path);
    ck_assert_ptr_null(a);
    check_error(rc, &e, ITSS_ELIMIT, NULL, NULL, NO_LOC);
    /* one byte shorter, exactly the limit, the same valid document loads */
    b.n = 0;
    notes_document(&b, DOC_LIMIT);
    ck_assert_int_eq(load_assessment(b.s, b.n, &e), 0);
    free(b.s);
}
END_TEST

START_TEST(at_limit_invalid_at_the_end)
{
    /* exactly 64 MiB, with an unknown key on the last line: the error is the
     * key, located there, so the size alone is not refused */
    static const char tail[] = "\",\n \"rater\": 1}";
    sb b = {0};
    sb_puts(&b, "{\"ratings\": {\"6.1.1.a\": \"F\"}, \"notes\": \"");
    sb_fill(&b, 'x', DOC_LIMIT - b.n - (sizeof tail - 1));
    sb_puts(&b, tail);
    ck_assert_uint_eq(b.n, DOC_LIMIT);
    itss_error e;
    size_t key = b.n - strlen("\"rater\": 1}");
    check_error(load_assessment(b.s, b.n, &e), &e, ITSS_ESCHEMA, "/rater", b.s, key);
    ck_assert_uint_eq(e.line, 2);
    free(b.s);
}
END_TEST

/* ---- a million ratings -------------------------------------------------------- */

START_TEST(million_ratings_repeating_the_model)
{
    const itss_maturity_model *m = builtin_model();
    size_t nc = itss_maturity_model_clause_count(m), dup = NO_LOC;
    ck_assert_uint_eq(nc, 519);
    sb b = {0};
    sb_puts(&b, "{\"ratings\": {");
    for (size_t i = 0; i < 1000000; i++) {
        if (i)
            sb_puts(&b, ",\n  ");
        if (i == nc)
            dup = b.n; /* the first key seen twice */
        sb_printf(&b, "\"%s\": \"F\"", itss_maturity_clause_id(itss_maturity_model_clause_at(m, i % nc)));
    }
    sb_puts(&b, "}}\n");
    itss_error e;
    char path[64];
    snprintf(path, sizeof path, "/ratings/%s",
             itss_maturity_clause_id(itss_maturity_model_clause_at(m, 0)));
    check_error(load_assessment(b.s, b.n, &e), &e, ITSS_EDUPLICATE, path, b.s, dup);
    ck_assert_uint_eq(e.line, nc + 1);
    free(b.s);
}
END_TEST

START_TEST(million_unknown_ratings)
{
    sb b = {0};
    sb_puts(&b, "{\"scale\": \"any\",\n \"ratings\": {");
    size_t first = b.n;
    for (size_t i = 0; i < 1000000; i++)
        sb_printf(&b, "%s\"u.%07zu\": 50", i ? ", " : "", i);
    sb_puts(&b, "}}\n");
    itss_error e;
    check_error(load_assessment(b.s, b.n, &e), &e, ITSS_ENOTFOUND, "/ratings/u.0000000", b.s,
                first);
    free(b.s);
}
END_TEST

/* ---- nesting 100,000 deep -------------------------------------------------------- */

typedef int (*loader_fn)(const char *text, size_t len, itss_error *e);

static int ld_catalog(const char *t, size_t n, itss_error *e)
{
    itss_catalog *c = NULL;
    int rc = itss_catalog_load(t, n, &c, e);
    itss_catalog_free(c);
    return rc;
}

static int ld_model(const char *t, size_t n, itss_error *e)
{
    itss_maturity_model *m = NULL;
    int rc = itss_maturity_model_load(t, n, &m, e);
    itss_maturity_model_free(m);
    return rc;
}

static int ld_indicators(const char *t, size_t n, itss_error *e)
{
    itss_indicator_catalog *c = NULL;
    int rc = itss_indicator_catalog_load(t, n, &c, e);
    itss_indicator_catalog_free(c);
    return rc;
}

static int ld_evaluation(const char *t, size_t n, itss_error *e)
{
    itss_evaluation *ev = NULL;
    int rc = itss_evaluation_load(itss_indicator_catalog_builtin(), t, n, &ev, e);
    itss_evaluation_free(ev);
    return rc;
}

static int ld_ahp(const char *t, size_t n, itss_error *e)
{
    char *out = NULL;
    int rc = itss_ahp_json(t, n, ITSS_AHP_STRICT, ITSS_FORMAT_JSON, ITSS_LANG_EN, &out, NULL, e);
    itss_free(out);
    return rc;
}

static const struct {
    const char *key;
    loader_fn load;
} loaders[] = {
    {"classes", ld_catalog},  {"levels", ld_model},       {"ratings", load_assessment},
    {"indicators", ld_indicators}, {"measurements", ld_evaluation}, {"matrix", ld_ahp},
};

START_TEST(nesting_100000_deep)
{
    /* one line each: the deep arrays closed, the deep objects and the
     * deep arrays left open; the nesting limit is not documented, so only
     * the code and the line are fixed */
    for (size_t k = 0; k < sizeof loaders / sizeof *loaders; k++) {
        for (int form = 0; form < 3; form++) {
            sb b = {0};
            sb_printf(&b, "{\"%s\": ", loaders[k].key);
            for (int i = 0; i < 100000; i++)
                sb_puts(&b, form == 1 ? "{\"a\": " : "[");
            if (form == 0)
                sb_fill(&b, ']', 100000);
            if (form == 1) {
                sb_puts(&b, "1");
                sb_fill(&b, '}', 100000);
            }
            if (form != 2)
                sb_puts(&b, "}");
            itss_error e;
            check_error(loaders[k].load(b.s, b.n, &e), &e, ITSS_ELIMIT, NULL, NULL, NO_LOC);
            ck_assert_uint_eq(e.line, 1);
            free(b.s);
        }
    }
}
END_TEST

/* ---- tiny values: the memory a document may take ------------------------------ */

/* docs/security.md: a document whose parsed tree would take more than 20
 * times its size plus 16 MiB is refused before it is parsed, ITSS_ELIMIT at
 * the value where the budget runs out. "{}" costs over 200 bytes of tree
 * for 3 bytes of text, so a document of empty objects runs out well before
 * its end, at one of its elements. */
START_TEST(tiny_values_refused_before_parsing)
{
    for (size_t k = 0; k < sizeof loaders / sizeof *loaders; k++) {
        /* empty objects and empty arrays, in turn */
        const char *elem = k % 2 ? "[]," : "{},";
        sb b = {0};
        sb_printf(&b, "{\"%s\": [", loaders[k].key);
        size_t first = b.n;
        sb_repeat(&b, elem, (DOC_LIMIT - 64 - first) / 3);
        b.s[--b.n] = 0; /* no comma after the last */
        sb_puts(&b, "]}");
        itss_error e;
        ck_assert_int_eq(loaders[k].load(b.s, b.n, &e), ITSS_ELIMIT);
        ck_assert_msg(strstr(e.message, "too many small values"), "%s", e.message);
        /* the element it stops at: element i starts at first + 3 i */
        size_t i = (e.position - first) / 3;
        char path[96];
        snprintf(path, sizeof path, "/%s/%zu", loaders[k].key, i);
        check_error(ITSS_ELIMIT, &e, ITSS_ELIMIT, path, b.s, first + 3 * i);
        /* a tree of 20 times 64 MiB plus 16 MiB holds fewer than 1.4 GB / 128
         * bytes (an empty array, the cheaper kind) = 11 million of them */
        ck_assert_uint_lt(i, 11 * 1000 * 1000);
        free(b.s);
    }
}
END_TEST

/* The top level is an object: 64 MiB of "[{},{},...]" is refused at its
 * first byte (docs/json-formats.md, docs/security.md). */
START_TEST(top_level_array_refused_first)
{
    sb b = {0};
    sb_puts(&b, "\n [");
    sb_repeat(&b, "{},", (DOC_LIMIT - 8) / 3);
    sb_puts(&b, "{}]");
    for (size_t k = 0; k < sizeof loaders / sizeof *loaders; k++) {
        itss_error e;
        check_error(loaders[k].load(b.s, b.n, &e), &e, ITSS_ESCHEMA, "", b.s, 2);
    }
    free(b.s);
}
END_TEST

/* Values whose tree is under the budget are parsed as before: 4 MiB (a
 * document large enough to be scanned) of 8-letter strings, about 8 times
 * their text, reach the loaders' own rules, here the wrong type of the
 * array's elements. */
START_TEST(large_values_within_budget)
{
    sb b = {0};
    sb_puts(&b, "{\"scale\": \"any\", \"ratings\": {\"6.1.1.a\": [");
    sb_repeat(&b, "\"abcdefgh\",", 4 * MiB / 11);
    sb_puts(&b, "\"abcdefgh\"]}}");
    itss_error e;
    int rc = load_assessment(b.s, b.n, &e);
    ck_assert_msg(rc == ITSS_ESCHEMA, "%s: %s", itss_strerror_name(rc), e.message);
    ck_assert_str_eq(e.path, "/ratings/6.1.1.a");
    free(b.s);
}
END_TEST

/* ---- indicator catalogs: 10,000 indicators --------------------------------------------- */

static void indicator_catalog(sb *b, size_t n, size_t *array_at)
{
    sb_puts(b, "{\"format\": \"itss-indicators/1\",\n \"indicators\": ");
    *array_at = b->n;
    sb_puts(b, "[\n");
    for (size_t i = 0; i < n; i++)
        sb_printf(b,
                  "%s  {\"id\": \"ind.%05zu\", \"name\": {\"zh\": \"指标\", \"en\": \"Indicator %zu\"}, "
                  "\"subcharacteristic\": \"integrity\", \"method\": \"ratio\", \"polarity\": "
                  "\"positive\", \"a\": {\"zh\": \"甲\", \"en\": \"a\"}, \"b\": {\"zh\": \"乙\", \"en\": "
                  "\"b\"}}",
                  i ? ",\n" : "", i, i);
    sb_puts(b, "\n]}\n");
}

START_TEST(ten_thousand_indicators)
{
    size_t at;
    sb b = {0};
    indicator_catalog(&b, 10000, &at);
    itss_indicator_catalog *c = NULL;
    itss_error e;
    ck_assert_int_eq(itss_indicator_catalog_load(b.s, b.n, &c, &e), 0);
    ck_assert_uint_eq(itss_indicator_catalog_indicator_count(c), 10000);
    ck_assert_str_eq(itss_indicator_id(itss_indicator_catalog_indicator_at(c, 9999)), "ind.09999");

    /* a scheme selecting all 10,000, and a score for the last one */
    sb ev = {0};
    sb_puts(&ev, "{\"service\": \"04\", \"scheme\": {\"indicators\": [");
    for (size_t i = 0; i < 10000; i++)
        sb_printf(&ev, "%s\"ind.%05zu\"", i ? ", " : "", i);
    sb_puts(&ev, "]}, \"measurements\": {\"ind.09999\": {\"A\": 1, \"B\": 2}}}");
    itss_evaluation *x = NULL;
    ck_assert_int_eq(itss_evaluation_load(c, ev.s, ev.n, &x, &e), 0);
    ck_assert_uint_eq(itss_evaluation_indicator_count(x), 10000);
    itss_evaluation_free(x);
    free(ev.s);
    itss_indicator_catalog_free(c);

    /* 10,001 are one too many */
    b.n = 0;
    indicator_catalog(&b, 10001, &at);
    c = (itss_indicator_catalog *)1;
    int rc = itss_indicator_catalog_load(b.s, b.n, &c, &e);
    ck_assert_ptr_null(c);
    check_error(rc, &e, ITSS_ELIMIT, "/indicators", b.s, at);
    free(b.s);
}
END_TEST

START_TEST(ten_thousand_indicators_with_base)
{
    /* on top of the 17 built-in indicators, the catalog holds up to 10,000 */
    const itss_indicator_catalog *base = NULL;
    base = itss_indicator_catalog_builtin();
    size_t nb = itss_indicator_catalog_indicator_count(base), at;
    ck_assert_uint_eq(nb, 17);
    sb b = {0};
    indicator_catalog(&b, 10000 - nb, &at);
    itss_indicator_catalog *c = NULL;
    itss_error e;
    ck_assert_int_eq(itss_indicator_catalog_extend(base, b.s, b.n, &c, &e), 0);
    ck_assert_uint_eq(itss_indicator_catalog_indicator_count(c), 10000);
    itss_indicator_catalog_free(c);
    b.n = 0;
    indicator_catalog(&b, 10001 - nb, &at);
    int rc = itss_indicator_catalog_extend(base, b.s, b.n, &c, &e);
    check_error(rc, &e, ITSS_ELIMIT, "/indicators", b.s, at);
    free(b.s);
}
END_TEST

/* ---- evaluations: scores, bands, AHP in a scheme ------------------------------------------- */

static int score(const char *text, size_t len, itss_error *e, double *overall)
{
    itss_evaluation *ev = NULL;
    int rc = itss_evaluation_load(itss_indicator_catalog_builtin(), text, len, &ev, e);
    if (!rc) {
        itss_quality_result *r = NULL;
        ck_assert_int_eq(itss_quality_score(ev, &r, e), 0);
        *overall = itss_quality_result_overall(r);
        itss_quality_result_free(r);
    }
    itss_evaluation_free(ev);
    return rc;
}

/* n scores of service_visibility; the last one is `last`. */
static void scores_document(sb *b, size_t n, int last, size_t *array_at, size_t *last_at)
{
    sb_puts(b, "{\"service\": \"03\", \"scheme\": {\"indicators\": [\"service_visibility\"]},\n"
               " \"measurements\": {\"service_visibility\": {\"scores\": ");
    *array_at = b->n;
    sb_puts(b, "[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_puts(b, i % 20 ? ", " : ",\n");
        *last_at = b->n;
        sb_printf(b, "%d", i + 1 == n ? last : 4);
    }
    sb_puts(b, "]}}}\n");
}

START_TEST(ten_thousand_scores)
{
    size_t at, last;
    double x = 0;
    itss_error e;
    sb b = {0};
    scores_document(&b, 10000, 4, &at, &last);
    ck_assert_int_eq(score(b.s, b.n, &e, &x), 0);
    ck_assert_double_eq_tol(x, 0.8, 1e-12);
    /* the last of 10,000 is out of range: located at the last score */
    b.n = 0;
    scores_document(&b, 10000, 6, &at, &last);
    check_error(score(b.s, b.n, &e, &x), &e, ITSS_EVALUE,
                "/measurements/service_visibility/scores/9999", b.s, last);
    /* 10,001 scores exceed the documented 1 to 10,000 */
    b.n = 0;
    scores_document(&b, 10001, 4, &at, &last);
    check_error(score(b.s, b.n, &e, &x), &e, ITSS_ELIMIT,
                "/measurements/service_visibility/scores", b.s, at);
    free(b.s);
}
END_TEST

static void bands_document(sb *b, size_t n, size_t *array_at)
{
    sb_puts(b, "{\"service\": \"04\", \"scheme\": {\"indicators\": [\"call_answer_rate\"],\n \"bands\": ");
    *array_at = b->n;
    sb_puts(b, "[");
    for (size_t i = 0; i < n; i++)
        sb_printf(b, "%s{\"grade\": \"G%zu\", \"min\": %.17g}", i ? ",\n  " : "", i,
                  (double)i / (double)n);
    sb_puts(b, "]},\n \"measurements\": {\"call_answer_rate\": {\"A\": 45, \"B\": 50}}}\n");
}

START_TEST(hundred_bands)
{
    /* ITSS_MAX_BANDS: 100 bands load, 101 are refused. (The limit is not
     * stated in docs/quality.md nor in quality-scheme.schema.json.) */
    size_t at;
    double x = 0;
    itss_error e;
    sb b = {0};
    bands_document(&b, 100, &at);
    ck_assert_int_eq(score(b.s, b.n, &e, &x), 0);
    ck_assert_double_eq_tol(x, 0.9, 1e-12);
    b.n = 0;
    bands_document(&b, 101, &at);
    check_error(score(b.s, b.n, &e, &x), &e, ITSS_ELIMIT, "/scheme/bands", b.s, at);
    free(b.s);
}
END_TEST

/* A catalog of n rating indicators of courtesy, and an evaluation selecting
 * them all with an AHP matrix of ones over courtesy. */
START_TEST(scheme_ahp_fifteen_children)
{
    for (size_t n = 15; n <= 16; n++) {
        sb c = {0};
        sb_puts(&c, "{\"indicators\": [");
        for (size_t i = 0; i < n; i++)
            sb_printf(&c,
                      "%s{\"id\": \"c%zu\", \"name\": {\"zh\": \"礼\", \"en\": \"C\"}, "
                      "\"subcharacteristic\": \"courtesy\", \"method\": \"rating\", "
                      "\"polarity\": \"positive\", \"anchors\": {\"1\": {\"zh\": \"一\", \"en\": \"1\"}, "
                      "\"2\": {\"zh\": \"二\", \"en\": \"2\"}, \"3\": {\"zh\": \"三\", \"en\": \"3\"}, "
                      "\"4\": {\"zh\": \"四\", \"en\": \"4\"}, \"5\": {\"zh\": \"五\", \"en\": \"5\"}}}",
                      i ? ",\n " : "", i);
        sb_puts(&c, "]}");
        itss_indicator_catalog *cat = NULL;
        itss_error e;
        ck_assert_int_eq(itss_indicator_catalog_load(c.s, c.n, &cat, &e), 0);
        sb ev = {0}, ids = {0};
        for (size_t i = 0; i < n; i++)
            sb_printf(&ids, "%s\"c%zu\"", i ? ", " : "", i);
        sb_printf(&ev, "{\"service\": \"04\", \"scheme\": {\"indicators\": [%s],\n \"ahp\": [{\"node\": "
                       "\"courtesy\", \"labels\": ", ids.s);
        size_t labels_at = ev.n;
        sb_printf(&ev, "[%s], \"matrix\": [", ids.s);
        for (size_t i = 0; i < n; i++) {
            sb_puts(&ev, i ? ", [" : "[");
            for (size_t j = 0; j < n; j++)
                sb_puts(&ev, j ? ", 1" : "1");
            sb_puts(&ev, "]");
        }
        sb_puts(&ev, "]}]},\n \"measurements\": {\"c0\": {\"scores\": [5]}}}");
        itss_evaluation *x = NULL;
        int rc = itss_evaluation_load(cat, ev.s, ev.n, &x, &e);
        if (n == 15) {
            ck_assert_msg(rc == 0, "%s", e.message);
        } else {
            /* quality-scheme.schema.json: at most 15 labels and rows */
            ck_assert_ptr_null(x);
            check_error(rc, &e, ITSS_ELIMIT, "/scheme/ahp/0/labels", ev.s, labels_at);
        }
        itss_evaluation_free(x);
        itss_indicator_catalog_free(cat);
        free(c.s);
        free(ev.s);
        free(ids.s);
    }
}
END_TEST

/* ---- AHP documents and itss_ahp_weights: 15 x 15 ------------------------------------ */

START_TEST(ahp_fifteen)
{
    for (size_t n = 15; n <= 16; n++) {
        sb b = {0};
        sb_puts(&b, "{\"labels\": [");
        for (size_t i = 0; i < n; i++)
            sb_printf(&b, "%s\"L%zu\"", i ? ", " : "", i);
        sb_puts(&b, "],\n \"matrix\": ");
        size_t at = b.n;
        sb_puts(&b, "[");
        for (size_t i = 0; i < n; i++) {
            sb_puts(&b, i ? ",\n  [" : "[");
            for (size_t j = 0; j < n; j++)
                sb_puts(&b, j ? ", 1" : "1");
            sb_puts(&b, "]");
        }
        sb_puts(&b, "]}\n");
        char *out = NULL;
        itss_error e;
        int rc = itss_ahp_json(b.s, b.n, ITSS_AHP_STRICT, ITSS_FORMAT_JSON, ITSS_LANG_EN, &out, NULL, &e);
        double m[16 * 16], w[16];
        for (size_t i = 0; i < n * n; i++)
            m[i] = 1;
        int rw = itss_ahp_weights(m, n, ITSS_AHP_STRICT, w, NULL, NULL, NULL, &e);
        if (n == 15) {
            ck_assert_msg(rc == 0, "%s", e.message);
            ck_assert_ptr_nonnull(strstr(out, "\"consistent\":true"));
            ck_assert_int_eq(rw, 0);
            for (size_t i = 0; i < n; i++)
                ck_assert_double_eq_tol(w[i], 1.0 / 15, 1e-12);
        } else {
            ck_assert_ptr_null(out);
            rc = itss_ahp_json(b.s, b.n, ITSS_AHP_STRICT, ITSS_FORMAT_JSON, ITSS_LANG_EN, &out, NULL, &e);
            check_error(rc, &e, ITSS_ELIMIT, "/matrix", b.s, at);
            rw = itss_ahp_weights(m, n, ITSS_AHP_STRICT, w, NULL, NULL, NULL, &e);
            check_error(rw, &e, ITSS_ELIMIT, "", NULL, NO_LOC);
            ck_assert_uint_eq(e.line, 0);
        }
        itss_free(out);
        free(b.s);
    }
}
END_TEST

/* ---- maturity models: levels, parts, domains, items, clauses, aliases ------------------------ */

enum { LEVELS, PARTS, DOMAINS, ITEMS, CLAUSES, ALIASES };

/* A model with `n` of one kind (the others minimal); *at receives the
 * offset of that array. bad_last: the last clause gets an unknown key
 * (CLAUSES only), and *at its offset. */
static void model_document(sb *b, int kind, size_t n, int bad_last, size_t *at)
{
    sb_puts(b, "{\"format\": \"itss-maturity-model/1\", \"id\": \"big\", \"edition\": \"Big 1\",\n"
               " \"title\": {\"zh\": \"大\", \"en\": \"Big\"},\n \"levels\": ");
    size_t nl = kind == LEVELS ? n : 1;
    if (kind == LEVELS)
        *at = b->n;
    sb_puts(b, "[");
    for (size_t i = 1; i <= nl; i++)
        sb_printf(b, "%s{\"level\": %zu, \"name\": {\"zh\": \"级%zu\", \"en\": \"L%zu\"}}",
                  i > 1 ? ",\n  " : "", i, i, i);
    sb_puts(b, "],\n \"parts\": ");
    if (kind == PARTS)
        *at = b->n;
    sb_puts(b, "[");
    for (size_t i = 0; i < (kind == PARTS ? n : 1); i++)
        sb_printf(b, "%s{\"id\": \"p%zu\", \"name\": {\"zh\": \"部\", \"en\": \"P\"}}",
                  i ? ",\n  " : "", i);
    sb_puts(b, "],\n \"domains\": ");
    if (kind == DOMAINS)
        *at = b->n;
    sb_puts(b, "[");
    for (size_t i = 0; i < (kind == DOMAINS ? n : 1); i++)
        sb_printf(b,
                  "%s{\"id\": \"d%zu\", \"number\": %zu, \"part\": \"p0\", \"name\": {\"zh\": \"域\", "
                  "\"en\": \"D\"}}",
                  i ? ",\n  " : "", i, i + 1);
    sb_puts(b, "],\n \"items\": ");
    if (kind == ITEMS)
        *at = b->n;
    sb_puts(b, "[");
    for (size_t i = 0; i < (kind == ITEMS ? n : 1); i++) {
        sb_printf(b, "%s{\"number\": %zu, \"domain\": \"d0\", \"name\": {\"zh\": \"项\", \"en\": \"I\"}",
                  i ? ",\n  " : "", i + 1);
        if (kind == ALIASES) {
            sb_puts(b, ", \"aliases\": ");
            *at = b->n;
            sb_puts(b, "[");
            for (size_t k = 0; k < n; k++)
                sb_printf(b, "%s\"别名%zu\"", k ? ", " : "", k);
            sb_puts(b, "]");
        }
        sb_puts(b, "}");
    }
    sb_puts(b, "],\n \"clauses\": ");
    if (kind == CLAUSES)
        *at = b->n;
    sb_puts(b, "[");
    /* one clause per level at least, alternately of item 1 and domain-wide */
    size_t ncl = kind == CLAUSES ? n : nl;
    for (size_t i = 0; i < ncl; i++) {
        sb_printf(b,
                  "%s{\"id\": \"c%zu\", \"level\": %zu, \"domain\": \"d0\", \"item\": %s, "
                  "\"summary\": {\"zh\": \"条\", \"en\": \"C\"}",
                  i ? ",\n  " : "", i, i % nl + 1, i % 2 ? "null" : "1");
        if (bad_last && i + 1 == ncl) {
            sb_puts(b, ", ");
            *at = b->n;
            sb_puts(b, "\"colour\": 1");
        }
        sb_puts(b, "}");
    }
    sb_puts(b, "]}\n");
}

static void model_limit(int kind, size_t max, const char *path)
{
    size_t at = 0;
    sb b = {0};
    model_document(&b, kind, max, 0, &at);
    itss_maturity_model *m = NULL;
    itss_error e;
    ck_assert_msg(itss_maturity_model_load(b.s, b.n, &m, &e) == 0, "%s at %s", e.message, e.path);
    if (kind == LEVELS)
        ck_assert_int_eq(itss_maturity_model_level_count(m), (int)max);
    if (kind == DOMAINS)
        ck_assert_uint_eq(itss_maturity_model_domain_count(m), max);
    if (kind == ITEMS)
        ck_assert_uint_eq(itss_maturity_model_item_count(m), max);
    if (kind == CLAUSES)
        ck_assert_uint_eq(itss_maturity_model_clause_count(m), max);
    if (kind == PARTS)
        ck_assert_uint_eq(itss_maturity_model_part_count(m), max);
    if (kind == ALIASES)
        ck_assert_uint_eq(itss_maturity_item_alias_count(itss_maturity_model_item_at(m, 0)), max);
    itss_maturity_model_free(m);
    b.n = 0;
    model_document(&b, kind, max + 1, 0, &at);
    m = (itss_maturity_model *)1;
    int rc = itss_maturity_model_load(b.s, b.n, &m, &e);
    ck_assert_ptr_null(m);
    check_error(rc, &e, ITSS_ELIMIT, path, b.s, at);
    free(b.s);
}

START_TEST(model_levels) { model_limit(LEVELS, 9, "/levels"); }
END_TEST
START_TEST(model_parts) { model_limit(PARTS, 100, "/parts"); }
END_TEST
START_TEST(model_domains) { model_limit(DOMAINS, 1000, "/domains"); }
END_TEST
START_TEST(model_items) { model_limit(ITEMS, 10000, "/items"); }
END_TEST
START_TEST(model_clauses) { model_limit(CLAUSES, 100000, "/clauses"); }
END_TEST
START_TEST(model_aliases) { model_limit(ALIASES, 16, "/items/0/aliases"); }
END_TEST

START_TEST(model_clauses_error_in_last)
{
    /* 100,000 clauses, the last with an unknown key: located at that key */
    size_t at = 0;
    sb b = {0};
    model_document(&b, CLAUSES, 100000, 1, &at);
    itss_maturity_model *m = NULL;
    itss_error e;
    int rc = itss_maturity_model_load(b.s, b.n, &m, &e);
    check_error(rc, &e, ITSS_ESCHEMA, "/clauses/99999/colour", b.s, at);
    free(b.s);
}
END_TEST

/* ---- the catalog: 10,000 classes of one level, error in the last ---------------------------- */

START_TEST(catalog_many_classes)
{
    /* 01-99 at level 1 and 0101-9999 (less the catch-alls) below: 9,900
     * classes; the last has a level that contradicts its code */
    sb b = {0};
    size_t at = 0, count = 0;
    sb_puts(&b, "{\"format\": \"itss-catalog/1\", \"edition\": \"Big\", \"title\": {\"zh\": \"大\", "
                "\"en\": \"Big\"},\n \"classes\": [");
    for (int pass = 0; pass < 2; pass++) {
        for (int p = 1; p <= 99; p++) {
            for (int c = (pass == 0 ? 0 : 1); c <= (pass == 0 ? 0 : 99); c++) {
                char code[16];
                if (pass == 0)
                    snprintf(code, sizeof code, "%02d", p);
                else
                    snprintf(code, sizeof code, "%02d%02d", p, c);
                int level = pass + 1, last = pass == 1 && p == 99 && c == 99;
                sb_printf(&b, "%s{\"code\": \"%s\", ", count ? ",\n  " : "", code);
                if (last)
                    at = b.n + strlen("\"level\": ");
                sb_printf(&b,
                          "\"level\": %d, \"parent\": %s%.*s%s, \"name\": {\"zh\": \"类\", \"en\": "
                          "\"C\"}, \"description\": {\"zh\": \"述\", \"en\": \"D\"}, \"catch_all\": %s, "
                          "\"source\": \"s\"}",
                          last ? 3 : level, pass ? "\"" : "null", pass ? 2 : 0, code,
                          pass ? "\"" : "", pass && c == 99 ? "true" : "false");
                count++;
            }
        }
    }
    sb_puts(&b, "]}\n");
    ck_assert_uint_eq(count, 99 + 99 * 99);
    itss_catalog *cat = NULL;
    itss_error e;
    int rc = itss_catalog_load(b.s, b.n, &cat, &e);
    check_error(rc, &e, ITSS_EMODEL, "/classes/9899/level", b.s, at);
    /* the same, correct, loads */
    memcpy(b.s + at, "2", 1);
    ck_assert_msg(itss_catalog_load(b.s, b.n, &cat, &e) == 0, "%s", e.message);
    ck_assert_uint_eq(itss_catalog_class_count(cat), count);
    itss_catalog_free(cat);
    free(b.s);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("limits");
    ADD(s, string_of_100_mb);
    ADD(s, limit_plus_one_byte);
    ADD(s, at_limit_invalid_at_the_end);
    ADD(s, million_ratings_repeating_the_model);
    ADD(s, million_unknown_ratings);
    ADD(s, nesting_100000_deep);
    ADD(s, tiny_values_refused_before_parsing);
    ADD(s, top_level_array_refused_first);
    ADD(s, large_values_within_budget);
    ADD(s, ten_thousand_indicators);
    ADD(s, ten_thousand_indicators_with_base);
    ADD(s, ten_thousand_scores);
    ADD(s, hundred_bands);
    ADD(s, scheme_ahp_fifteen_children);
    ADD(s, ahp_fifteen);
    ADD(s, model_levels);
    ADD(s, model_parts);
    ADD(s, model_domains);
    ADD(s, model_items);
    ADD(s, model_clauses);
    ADD(s, model_aliases);
    ADD(s, model_clauses_error_in_last);
    ADD(s, catalog_many_classes);
    return s;
}

int main(void) { return itss_test_run(suite()); }
