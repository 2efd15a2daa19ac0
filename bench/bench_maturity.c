/*
 * In-memory maturity rating through the public C API, against a baseline
 * in the same process: jansson parsing and writing the same assessment
 * document. Prints rates per second and the ratios; then the HTML report
 * of a rated result against its JSON render, in the same process.
 *
 * usage: bench_maturity ASSESSMENT.json [SECONDS]
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
    const itss_maturity_model *m;
    const itss_assessment *a;
    const itss_maturity_result *r;
} ctx;

static void jansson_roundtrip(void *p)
{
    const ctx *c = p;
    bench_jansson_roundtrip(c->text, c->len);
}

static void rate_only(void *p)
{
    ctx *c = p;
    itss_maturity_result *r = NULL;
    itss_maturity_rate(c->a, 0, &r, NULL);
    itss_maturity_result_free(r);
}

static void load_rate_render(void *p)
{
    ctx *c = p;
    char *out = NULL;
    itss_maturity_rate_json(c->m, c->text, c->len, 0, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out, NULL,
                            NULL);
    itss_free(out);
}

static void render_as(const ctx *c, itss_format format)
{
    char *out = NULL;
    itss_maturity_result_render(c->r, format, ITSS_LANG_ZH, &out, NULL, NULL);
    itss_free(out);
}

static void render_json(void *p) { render_as(p, ITSS_FORMAT_JSON); }

static void render_html(void *p) { render_as(p, ITSS_FORMAT_HTML); }

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s ASSESSMENT.json [SECONDS]\n", argv[0]);
        return 2;
    }
    double secs = argc > 2 ? atof(argv[2]) : 2.0;
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    static char buf[1 << 22];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    ctx c = {buf, len, NULL, NULL, NULL};
    itss_error e;
    itss_assessment *a = NULL;
    c.m = itss_maturity_model_builtin();
    if (itss_assessment_load(c.m, buf, len, &a, &e)) {
        fprintf(stderr, "%s\n", e.message);
        return 1;
    }
    c.a = a;
    double base = bench_rate(jansson_roundtrip, &c, secs);
    double r1 = bench_rate(rate_only, &c, secs);
    double r2 = bench_rate(load_rate_render, &c, secs);
    printf("document: %zu bytes, %zu ratings\n", len, itss_assessment_rated_count(a));
    printf("%-44s %12.0f /s\n", "baseline: jansson parse + write", base);
    printf("%-44s %12.0f /s  (%.2fx the baseline's time)\n", "rate an in-memory assessment", r1,
           base / r1);
    printf("%-44s %12.0f /s  (%.2fx the baseline's time)\n", "load + rate + write JSON result", r2,
           base / r2);

    itss_maturity_result *r = NULL;
    if (itss_maturity_rate(a, 0, &r, &e)) {
        fprintf(stderr, "%s\n", e.message);
        return 1;
    }
    c.r = r;
    double json = bench_rate(render_json, &c, secs);
    double html = bench_rate(render_html, &c, secs);
    printf("%-44s %12.0f /s\n", "baseline: render the result as JSON", json);
    printf("%-44s %12.0f /s  (%.2fx the baseline's time, goal <= 3x)\n",
           "render the result as an HTML report", html, json / html);
    itss_maturity_result_free(r);
    itss_assessment_free(a);
    return 0;
}
