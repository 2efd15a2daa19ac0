/*
 * The first use of each built-in model in a fresh process (the models are
 * built from the library's embedded data on first use), against a
 * baseline in the same process: jansson parsing the same data file. Run it
 * several times (bench/run takes the best of 10): one process measures
 * exactly one first use.
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
    double t0 = bench_now();
    const itss_catalog *c = itss_catalog_builtin();
    double t1 = bench_now();
    const itss_maturity_model *m = itss_maturity_model_builtin();
    double t2 = bench_now();
    const itss_indicator_catalog *ic = itss_indicator_catalog_builtin(); /* and its model */
    double t3 = bench_now();
    if (!c || !m || !ic) {
        fputs("a built-in model is missing\n", stderr);
        return 1;
    }
    double base = parse_ms(argv[1], "tcesa1299-2023.json");
    printf("%.3f %.3f %.3f %.3f\n", (t1 - t0) * 1e3, (t2 - t1) * 1e3, (t3 - t2) * 1e3, base);
    return 0;
}
