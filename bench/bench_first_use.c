/*
 * The first use of each built-in model in a fresh process — getting it and
 * one lookup in it, which touches its constant data for the first time —
 * against a baseline in the same process: jansson parsing the maturity
 * model's data file, what building the model at run time would at least
 * cost. Run it several times (bench/run takes the best of 10): one process
 * measures exactly one first use.
 *
 * usage: bench_first_use DATA-DIR
 * prints: catalog_ms model_ms indicators_ms baseline_ms (one line)
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include <itss/itss.h>

#include "bench_common.h"

static double parse_ms(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len;
    char *text = bench_slurp(path, &len);
    double t0 = bench_now();
    json_t *j = json_loadb(text, len, JSON_REJECT_DUPLICATES, NULL);
    double t = bench_now() - t0;
    json_decref(j);
    free(text);
    return t * 1e3;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DATA-DIR\n", argv[0]);
        return 2;
    }
    const itss_class *cl = NULL;
    const itss_maturity_clause *mc = NULL;
    const itss_indicator *ind = NULL;
    double t0 = bench_now();
    int rc = itss_class_lookup(itss_catalog_builtin(), "040201", &cl, NULL);
    double t1 = bench_now();
    rc |= itss_maturity_clause_lookup(itss_maturity_model_builtin(), "7.4.4.c", &mc, NULL);
    double t2 = bench_now();
    rc |= itss_indicator_lookup(itss_indicator_catalog_builtin(), "timely_response_rate", &ind,
                                NULL);
    double t3 = bench_now();
    if (rc || !cl || !mc || !ind) {
        fputs("a lookup in a built-in model failed\n", stderr);
        return 1;
    }
    double base = parse_ms(argv[1], "tcesa1299-2023.json");
    printf("%.5f %.5f %.5f %.3f\n", (t1 - t0) * 1e3, (t2 - t1) * 1e3, (t3 - t2) * 1e3, base);
    return 0;
}
