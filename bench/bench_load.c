/*
 * Time one loader on one document, for the scaling section of bench/run:
 * the document is read into memory first, then loaded (and the result
 * freed) several times; the best time is printed in milliseconds, with the
 * best time jansson alone takes to parse the same text (and free its tree)
 * as the baseline. bench/run runs it on inputs of two sizes and prints the
 * ratios: the loader's growth against the parser's on the same inputs.
 *
 * usage: bench_load catalog FILE
 *        bench_load indicators FILE
 *        bench_load evaluation CATALOG FILE
 *        bench_load model FILE
 *        bench_load assessment MODEL FILE
 * prints: load_ms parse_ms (one line)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "bench_common.h"

#define RUNS 3

static void fail(const char *what, const itss_error *e)
{
    fprintf(stderr, "%s: %s (at %s)\n", what, e->message, e->path);
    exit(1);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s catalog|indicators|model FILE\n"
                        "       %s evaluation|assessment CATALOG|MODEL FILE\n",
                argv[0], argv[0]);
        return 2;
    }
    const char *kind = argv[1];
    int two = strcmp(kind, "evaluation") == 0 || strcmp(kind, "assessment") == 0;
    if (argc != (two ? 4 : 3)) {
        fprintf(stderr, "%s: wrong number of arguments for %s\n", argv[0], kind);
        return 2;
    }
    itss_error e;
    itss_indicator_catalog *cat = NULL;
    itss_maturity_model *model = NULL;
    if (strcmp(kind, "evaluation") == 0 && itss_indicator_catalog_load_file(argv[2], &cat, &e))
        fail(argv[2], &e);
    if (strcmp(kind, "assessment") == 0 && itss_maturity_model_load_file(argv[2], &model, &e))
        fail(argv[2], &e);
    const char *path = argv[two ? 3 : 2];
    size_t len;
    char *text = bench_slurp(path, &len);
    double best = -1;
    for (int run = 0; run < RUNS; run++) {
        int rc = ITSS_OK;
        double t0 = bench_now();
        if (strcmp(kind, "catalog") == 0) {
            itss_catalog *c = NULL;
            rc = itss_catalog_load(text, len, &c, &e);
            itss_catalog_free(c);
        } else if (strcmp(kind, "indicators") == 0) {
            itss_indicator_catalog *c = NULL;
            rc = itss_indicator_catalog_load(text, len, &c, &e);
            itss_indicator_catalog_free(c);
        } else if (strcmp(kind, "evaluation") == 0) {
            itss_evaluation *ev = NULL;
            rc = itss_evaluation_load(cat, text, len, &ev, &e);
            itss_evaluation_free(ev);
        } else if (strcmp(kind, "model") == 0) {
            itss_maturity_model *m = NULL;
            rc = itss_maturity_model_load(text, len, &m, &e);
            itss_maturity_model_free(m);
        } else if (strcmp(kind, "assessment") == 0) {
            itss_assessment *a = NULL;
            rc = itss_assessment_load(model, text, len, &a, &e);
            itss_assessment_free(a);
        } else {
            fprintf(stderr, "%s: unknown kind %s\n", argv[0], kind);
            return 2;
        }
        double t = bench_now() - t0;
        if (rc)
            fail(path, &e);
        if (best < 0 || t < best)
            best = t;
    }
    double parse = -1;
    for (int run = 0; run < RUNS; run++) {
        double t0 = bench_now();
        json_t *j = json_loadb(text, len, JSON_REJECT_DUPLICATES, NULL);
        json_decref(j);
        double t = bench_now() - t0;
        if (parse < 0 || t < parse)
            parse = t;
    }
    printf("%.2f %.2f\n", best * 1e3, parse * 1e3);
    free(text);
    itss_indicator_catalog_free(cat);
    itss_maturity_model_free(model);
    return 0;
}
