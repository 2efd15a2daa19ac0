/*
 * Eight threads share the built-in models from their first use on: each
 * asks for the built-in catalog, maturity model and indicator catalog at
 * the same moment (the lazy, lock-free initialisation races), then looks
 * up codes, rates the example assessment and scores the example evaluation
 * many times. Each thread also scores its own evaluation of a loaded
 * indicator catalog that the main thread freed before the threads began:
 * the evaluations and results hold the catalog, and the last of them to go,
 * in whichever thread, frees it. Every thread must get the same objects and
 * byte-identical results. Run in every test build, and under ThreadSanitizer by
 * scripts/test (the build-tsan step), which reports any data race.
 *
 * usage: test_threads ASSESSMENT.json EVALUATION.json
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#define THREADS 8
#define ROUNDS 20

static char *assessment, *evaluation;
static size_t assessment_len, evaluation_len;
static pthread_barrier_t start;

typedef struct {
    const itss_catalog *cat;
    const itss_maturity_model *model;
    const itss_indicator_catalog *indicators;
    itss_evaluation *own; /* of the loaded catalog, freed by the thread */
    char *rated, *scored, *looked_up, *scored_own;
    int failures;
} outcome;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    static char chunk[1 << 16];
    char *buf = NULL;
    size_t n = 0, got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        char *nb = realloc(buf, n + got);
        if (!nb)
            exit(2);
        buf = nb;
        memcpy(buf + n, chunk, got);
        n += got;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Keep the first result; count any later one that differs. */
static void keep(char **slot, char *text, int *failures)
{
    if (!text) {
        (*failures)++;
        return;
    }
    if (!*slot) {
        *slot = text;
        return;
    }
    if (strcmp(*slot, text) != 0)
        (*failures)++;
    itss_free(text);
}

static void *work(void *arg)
{
    outcome *o = arg;
    itss_error e;
    pthread_barrier_wait(&start);
    o->cat = itss_catalog_builtin();
    o->model = itss_maturity_model_builtin();
    o->indicators = itss_indicator_catalog_builtin();
    if (!o->cat || !o->model || !o->indicators) {
        o->failures++;
        return NULL;
    }
    for (int r = 0; r < ROUNDS; r++) {
        char *out = NULL;
        const itss_class *c;
        if (itss_class_lookup(o->cat, "040201", &c, &e) == 0)
            itss_class_render(c, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out, NULL, &e);
        keep(&o->looked_up, out, &o->failures);
        out = NULL;
        itss_maturity_rate_json(o->model, assessment, assessment_len, 0, ITSS_FORMAT_JSON,
                                ITSS_LANG_ZH, &out, NULL, &e);
        keep(&o->rated, out, &o->failures);
        out = NULL;
        itss_quality_score_json(o->indicators, evaluation, evaluation_len, ITSS_FORMAT_TEXT,
                                ITSS_LANG_EN, &out, NULL, &e);
        keep(&o->scored, out, &o->failures);
    }
    for (int r = 0; r < ROUNDS; r++) {
        itss_quality_result *res = NULL;
        char *out = NULL;
        if (itss_quality_score(o->own, &res, &e) == 0) {
            if (r == ROUNDS - 1) { /* the last result outlives the evaluation */
                itss_evaluation_free(o->own);
                o->own = NULL;
            }
            itss_quality_result_render(res, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &out, NULL, &e);
        }
        itss_quality_result_free(res);
        keep(&o->scored_own, out, &o->failures);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s ASSESSMENT.json EVALUATION.json\n", argv[0]);
        return 2;
    }
    assessment = slurp(argv[1], &assessment_len);
    evaluation = slurp(argv[2], &evaluation_len);
    pthread_barrier_init(&start, NULL, THREADS);
    pthread_t t[THREADS];
    outcome o[THREADS];
    memset(o, 0, sizeof o);
    /* the built-in indicators again, as a loaded catalog: the same report */
    static const char none[] = "{\"indicators\": []}";
    itss_indicator_catalog *loaded = NULL;
    if (itss_indicator_catalog_extend(itss_indicator_catalog_builtin(), none, sizeof none - 1,
                                      &loaded, NULL) != 0)
        return 2;
    for (int i = 0; i < THREADS; i++)
        if (itss_evaluation_load(loaded, evaluation, evaluation_len, &o[i].own, NULL) != 0)
            return 2;
    itss_indicator_catalog_free(loaded); /* the evaluations hold it now */
    for (int i = 0; i < THREADS; i++)
        if (pthread_create(&t[i], NULL, work, &o[i]) != 0)
            return 2;
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    int bad = 0;
    for (int i = 0; i < THREADS; i++) {
        bad += o[i].failures;
        if (o[i].cat != o[0].cat || o[i].model != o[0].model ||
            o[i].indicators != o[0].indicators) {
            fprintf(stderr, "thread %d got other built-in objects\n", i);
            bad++;
        }
        if (!o[i].rated || !o[0].rated || strcmp(o[i].rated, o[0].rated) ||
            !o[i].scored || !o[0].scored || strcmp(o[i].scored, o[0].scored) ||
            !o[i].scored_own || strcmp(o[i].scored_own, o[0].scored) ||
            !o[i].looked_up || !o[0].looked_up || strcmp(o[i].looked_up, o[0].looked_up)) {
            fprintf(stderr, "thread %d got other results\n", i);
            bad++;
        }
    }
    /* a plain sanity check of what was computed: the example is at level 2 */
    if (o[0].rated && !strstr(o[0].rated, "\"level\":2,")) {
        fprintf(stderr, "the example assessment is not rated at level 2\n");
        bad++;
    }
    for (int i = 0; i < THREADS; i++) {
        itss_free(o[i].rated);
        itss_free(o[i].scored);
        itss_free(o[i].looked_up);
        itss_free(o[i].scored_own);
        itss_evaluation_free(o[i].own); /* NULL unless a round failed */
    }
    pthread_barrier_destroy(&start);
    free(assessment);
    free(evaluation);
    printf("%d threads x %d rounds: %s\n", THREADS, ROUNDS, bad ? "FAILED" : "identical");
    return bad ? 1 : 0;
}
