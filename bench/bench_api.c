/*
 * In-memory rates of the other public entry points, each against a
 * baseline in the same process:
 *  - scoring an evaluation (itss_quality_score on a loaded evaluation, and
 *    load + score + write in one call) against jansson parsing and writing
 *    the same document;
 *  - class lookup and code validation against bsearch over a sorted array
 *    of the same 55 codes (what a caller with a plain code list would do).
 *
 * usage: bench_api EVALUATION.json [SECONDS]
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "bench_common.h"

typedef struct {
    const char *text;
    size_t len;
    const itss_evaluation *ev;
    const itss_catalog *cat;
    const char **codes; /* lookups cycle through these */
    size_t ncodes, next;
    const char **sorted; /* the baseline's array */
    size_t nsorted;
    size_t found;
} ctx;

static void jansson_roundtrip(void *p)
{
    const ctx *c = p;
    bench_jansson_roundtrip(c->text, c->len);
}

static void score_only(void *p)
{
    ctx *c = p;
    itss_quality_result *r = NULL;
    itss_quality_score(c->ev, &r, NULL);
    itss_quality_result_free(r);
}

static void load_score_render(void *p)
{
    ctx *c = p;
    char *out = NULL;
    itss_quality_score_json(itss_indicator_catalog_builtin(), c->text, c->len, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out, NULL,
                            NULL);
    itss_free(out);
}

static int cmp_code(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void baseline_lookup(void *p)
{
    ctx *c = p;
    const char *key = c->codes[c->next++ % c->ncodes];
    c->found += bsearch(&key, c->sorted, c->nsorted, sizeof *c->sorted, cmp_code) != NULL;
}

static void lookup(void *p)
{
    ctx *c = p;
    const itss_class *cl;
    c->found += itss_class_lookup(c->cat, c->codes[c->next++ % c->ncodes], &cl, NULL) == 0;
}

static void validate(void *p)
{
    ctx *c = p;
    itss_code_problem pr;
    c->found += itss_code_validate(c->cat, c->codes[c->next++ % c->ncodes], &pr, NULL) == 0;
}

static void report(const char *what, double r, double base)
{
    printf("%-50s %12.0f /s  (%.2fx the baseline's time)\n", what, r, base / r);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s EVALUATION.json [SECONDS]\n", argv[0]);
        return 2;
    }
    double secs = argc > 2 ? atof(argv[2]) : 2.0;
    ctx c = {0};
    c.text = bench_slurp(argv[1], &c.len);
    itss_error e;
    itss_evaluation *ev = NULL;
    c.cat = itss_catalog_builtin();
    if (itss_evaluation_load(itss_indicator_catalog_builtin(), c.text, c.len, &ev, &e)) {
        fprintf(stderr, "%s\n", e.message);
        return 1;
    }
    c.ev = ev;

    printf("evaluation: %zu bytes, %zu indicators\n", c.len, itss_evaluation_indicator_count(ev));
    double base = bench_rate(jansson_roundtrip, &c, secs);
    printf("%-50s %12.0f /s\n", "baseline: jansson parse + write", base);
    report("score an in-memory evaluation", bench_rate(score_only, &c, secs), base);
    report("load + score + write JSON result", bench_rate(load_score_render, &c, secs), base);

    /* the 55 codes, and as many well-formed unknown ones (half the lookups fail) */
    size_t n = itss_catalog_class_count(c.cat);
    static const char *unknown[] = {"0407", "0106", "10", "040299", "0899", "0501"};
    c.sorted = malloc(n * sizeof *c.sorted);
    c.codes = malloc((2 * n) * sizeof *c.codes);
    for (size_t i = 0; i < n; i++) {
        c.sorted[i] = itss_class_code(itss_catalog_class_at(c.cat, i));
        c.codes[c.ncodes++] = c.sorted[i];
        c.codes[c.ncodes++] = unknown[i % (sizeof unknown / sizeof *unknown)];
    }
    c.nsorted = n;
    qsort(c.sorted, n, sizeof *c.sorted, cmp_code);
    printf("\ncodes: %zu classes, half of the lookups for unknown codes\n", n);
    base = bench_rate(baseline_lookup, &c, secs);
    printf("%-50s %12.0f /s\n", "baseline: bsearch in a sorted array of the codes", base);
    report("itss_class_lookup", bench_rate(lookup, &c, secs), base);
    report("itss_code_validate", bench_rate(validate, &c, secs), base);
    if (!c.found)
        return 1; /* keeps the loops from being optimised away */
    itss_evaluation_free(ev);
    free(c.sorted);
    free(c.codes);
    free((char *)c.text);
    return 0;
}
