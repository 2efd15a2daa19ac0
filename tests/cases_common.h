/*
 * The plumbing of the data-driven case runners (tests/cases/README.md):
 * listing case directories, reading JSON, turning library errors into
 * {"error": {...}} objects, and the subset comparison of expected and
 * actual results. A runner defines
 *     static json_t *run_op(const char *dir, json_t *input);
 * and calls cases_main(argc, argv, "suite-name").
 */
#ifndef ITSS_TESTS_CASES_COMMON_H
#define ITSS_TESTS_CASES_COMMON_H

#include <check.h>
#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "check_main.h"

static char *case_root;
static char **cases;
static size_t ncases;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_cases(const char *root)
{
    DIR *d = opendir(root);
    if (!d) {
        fprintf(stderr, "cannot open %s\n", root);
        exit(2);
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s/input.json", root, e->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        fclose(f);
        cases = realloc(cases, (ncases + 1) * sizeof *cases);
        cases[ncases++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(cases, ncases, sizeof *cases, cmp_str);
}

static json_t *load_json(const char *dir, const char *name)
{
    char path[4096];
    json_error_t je;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    ck_assert_msg(j != NULL, "%s: %s", path, je.text);
    return j;
}

static json_t *error_json(int rc, const itss_error *e)
{
    ck_assert_int_eq(rc, e->code);
    ck_assert_msg(strlen(e->message) > 0, "error without a message");
    json_t *o = json_pack("{s:s, s:s, s:s}", "code", itss_strerror_name(rc), "message",
                          e->message, "path", e->path);
    if (e->line) {
        json_object_set_new(o, "line", json_integer((json_int_t)e->line));
        json_object_set_new(o, "column", json_integer((json_int_t)e->column));
        json_object_set_new(o, "position", json_integer((json_int_t)e->position));
    }
    return json_pack("{s:o}", "error", o);
}

static json_t *parse_owned(char *text)
{
    json_error_t je;
    json_t *j = json_loads(text, 0, &je);
    ck_assert_msg(j != NULL, "library JSON does not parse: %s", je.text);
    itss_free(text);
    return j;
}

static void match(json_t *exp, json_t *act, const char *where)
{
    char sub[1024];
    if (json_is_object(exp)) {
        ck_assert_msg(json_is_object(act), "%s: expected an object", where);
        const char *k;
        json_t *v;
        json_object_foreach(exp, k, v) {
            if (strcmp(k, "message_contains") == 0) {
                const char *m = json_string_value(json_object_get(act, "message"));
                ck_assert_msg(m && strstr(m, json_string_value(v)),
                              "%s: message \"%s\" lacks \"%s\"", where, m ? m : "",
                              json_string_value(v));
                continue;
            }
            snprintf(sub, sizeof sub, "%.400s/%.400s", where, k);
            json_t *a = json_object_get(act, k);
            if (!a) {
                char *s = json_dumps(act, JSON_COMPACT);
                ck_abort_msg("%s: missing in actual %s", sub, s);
            }
            match(v, a, sub);
        }
        return;
    }
    if (json_is_array(exp)) {
        ck_assert_msg(json_is_array(act), "%s: expected an array", where);
        char *es = json_dumps(exp, JSON_COMPACT), *as = json_dumps(act, JSON_COMPACT);
        ck_assert_msg(json_array_size(exp) == json_array_size(act), "%s: expected %s, got %s",
                      where, es, as);
        free(es);
        free(as);
        for (size_t i = 0; i < json_array_size(exp); i++) {
            snprintf(sub, sizeof sub, "%.400s/%zu", where, i);
            match(json_array_get(exp, i), json_array_get(act, i), sub);
        }
        return;
    }
    if (json_is_number(exp) && json_is_number(act)) {
        /* numbers: equal to 12 significant digits (expected values are
         * written as decimals, results are full-precision doubles) */
        double e = json_number_value(exp), a = json_number_value(act);
        ck_assert_msg(fabs(e - a) <= 1e-12 * fmax(1, fabs(e)), "%s: expected %.17g, got %.17g",
                      where, e, a);
        return;
    }
    if (!json_equal(exp, act)) {
        char *es = json_dumps(exp, JSON_ENCODE_ANY), *as = json_dumps(act, JSON_ENCODE_ANY);
        ck_abort_msg("%s: expected %s, got %s", where, es, as);
    }
}

static json_t *run_op(const char *dir, json_t *input);

START_TEST(one_case)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", case_root, cases[_i]);
    json_t *in = load_json(dir, "input.json");
    json_t *exp = load_json(dir, "expected.json");
    json_t *act = run_op(dir, in);
    /* an unexpected error is reported with its message */
    if (!json_object_get(exp, "error") && json_object_get(act, "error")) {
        char *s = json_dumps(act, JSON_COMPACT);
        ck_abort_msg("%s: unexpected error %s", cases[_i], s);
    }
    match(exp, act, cases[_i]);
    json_decref(in);
    json_decref(exp);
    json_decref(act);
}
END_TEST

/* Read a case's file whole (at most 64 MiB); *len receives its size. */
static char *read_case_file(const char *dir, const char *name, size_t *len)
{
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while ((n += fread(buf + n, 1, cap - n, f)) == cap)
        buf = realloc(buf, cap *= 2);
    fclose(f);
    *len = n;
    return buf;
}

static int cases_main(int argc, char **argv, const char *name)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s CASES_DIR\n", argv[0]);
        return 2;
    }
    case_root = argv[1];
    list_cases(case_root);
    if (ncases == 0) {
        fprintf(stderr, "no cases under %s\n", case_root);
        return 1;
    }
    Suite *s = suite_create(name);
    TCase *t = tcase_create("cases");
    tcase_add_loop_test(t, one_case, 0, (int)ncases);
    suite_add_tcase(s, t);
    int status = itss_test_run(s);
    for (size_t i = 0; i < ncases; i++)
        free(cases[i]);
    free(cases);
    printf("%zu cases\n", ncases);
    return status;
}

#endif
