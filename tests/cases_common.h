/*
 * The plumbing of the data-driven case runners (tests/cases/README.md):
 * listing case directories, reading JSON, turning library errors into
 * {"error": {...}} objects, the subset comparison of expected and actual
 * results, and the check that text reports line up (check_text). A runner
 * defines
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
#include "untranslated.h"

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
    /* one printable line: a value quoted from the document shows its control
     * characters as \xNN (docs/api-conventions.md) */
    for (const unsigned char *p = (const unsigned char *)e->message; *p; p++)
        ck_assert_msg(*p >= 0x20 && *p != 0x7F, "control character 0x%02X in the message \"%s\"",
                      *p, e->message);
    /* every message has its Chinese (docs/api-conventions.md, messages) */
    assert_translated(e, "error");
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

/* ---- text reports line up --------------------------------------------
 * Written apart from the library's table code, so that it checks the
 * output and not the code that made it. */

/* Terminal columns of one code point: 2 for East Asian wide and full-width
 * characters, 0 for combining marks and zero-width characters, else 1. */
static int cp_columns(unsigned long cp)
{
    static const unsigned long wide[][2] = {
        {0x1100, 0x115F},   /* Hangul Jamo */
        {0x2E80, 0x303E},   /* CJK radicals, Kangxi radicals, CJK symbols and punctuation */
        {0x3041, 0x33FF},   /* kana, bopomofo, CJK strokes, enclosed and compatibility */
        {0x3400, 0x4DBF},   /* CJK extension A */
        {0x4E00, 0x9FFF},   /* CJK unified ideographs */
        {0xA000, 0xA4CF},   /* Yi */
        {0xAC00, 0xD7A3},   /* Hangul syllables */
        {0xF900, 0xFAFF},   /* CJK compatibility ideographs */
        {0xFE30, 0xFE4F},   /* CJK compatibility forms */
        {0xFF00, 0xFF60},   /* full-width forms */
        {0xFFE0, 0xFFE6},   /* full-width signs */
        {0x20000, 0x3FFFD}, /* CJK extensions B and later */
    };
    static const unsigned long zero[][2] = {
        {0x0300, 0x036F}, /* combining diacritical marks */
        {0x200B, 0x200D}, /* zero-width space, non-joiner, joiner */
        {0xFE00, 0xFE0F}, /* variation selectors */
        {0xFEFF, 0xFEFF}, /* zero-width no-break space */
    };
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        if (cp >= wide[i][0] && cp <= wide[i][1])
            return 2;
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
        if (cp >= zero[i][0] && cp <= zero[i][1])
            return 0;
    return 1;
}

/* Terminal columns of s[0..n): UTF-8 decoded by hand; a byte that does not
 * start a well-formed sequence counts as one column. */
static size_t text_columns(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t cols = 0, i = 0;
    while (i < n) {
        unsigned char c = p[i];
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                                  : (c & 0xF8) == 0xF0 ? 4 : 0;
        unsigned long cp = len == 1 ? c : len == 2 ? c & 0x1Fu : len == 3 ? c & 0x0Fu : c & 0x07u;
        for (size_t k = 1; k < len; k++) {
            if (i + k >= n || (p[i + k] & 0xC0) != 0x80) {
                len = 0;
                break;
            }
            cp = cp << 6 | (p[i + k] & 0x3Fu);
        }
        if (len == 0) {
            cols++;
            i++;
            continue;
        }
        cols += (size_t)cp_columns(cp);
        i += len;
    }
    return cols;
}

#define MAX_TEXT_CELLS 64

/* Split one line into cells: after the leading spaces, cells are separated
 * by runs of two or more spaces. start[k] receives the display column at
 * which cell k starts; returns the number of cells (0 for an empty line). */
static size_t split_cells(const char *line, size_t n, size_t *start)
{
    size_t i = 0, ncells = 0;
    while (i < n && line[i] == ' ')
        i++;
    while (i < n) {
        ck_assert_msg(ncells < MAX_TEXT_CELLS, "more than %d cells in a line", MAX_TEXT_CELLS);
        start[ncells++] = text_columns(line, i);
        /* the cell runs to the next two spaces */
        while (i < n && !(line[i] == ' ' && i + 1 < n && line[i + 1] == ' '))
            i++;
        while (i < n && line[i] == ' ')
            i++;
    }
    return ncells;
}

/* A text report lines up: its lines fall into blocks of consecutive lines
 * (an empty line or a line of a single cell ends a block), and within a
 * block every line has the same number of cells and each cell after the
 * first starts at the same display column. The first cell may be indented
 * differently, as a level of a hierarchy (tree, characteristics and their
 * sub-characteristics). No line ends in spaces. */
static void check_aligned(const char *text, const char *what)
{
    size_t start[MAX_TEXT_CELLS], first[MAX_TEXT_CELLS];
    size_t nfirst = 0, lineno = 0, first_lineno = 0;
    const char *p = text, *first_line = NULL;
    ck_assert_msg(*text, "%s: empty report", what);
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        lineno++;
        /* values read from a document (titles, names, metadata) never bring
         * a control character into a report: no fake lines, no escapes */
        for (size_t k = 0; k < n; k++)
            ck_assert_msg((unsigned char)p[k] >= 0x20 && p[k] != 0x7F,
                          "%s: line %zu holds the control character 0x%02X: \"%.*s\"", what,
                          lineno, (unsigned char)p[k], (int)n, p);
        ck_assert_msg(n == 0 || (p[n - 1] != ' ' && p[n - 1] != '\t'),
                      "%s: line %zu ends in white space: \"%.*s\"", what, lineno, (int)n, p);
        size_t ncells = split_cells(p, n, start);
        if (ncells < 2) {
            nfirst = 0; /* the block ends */
        } else if (nfirst == 0) {
            memcpy(first, start, ncells * sizeof *start);
            nfirst = ncells;
            first_line = p;
            first_lineno = lineno;
        } else {
            int ok = ncells == nfirst;
            for (size_t k = 1; ok && k < ncells; k++)
                ok = start[k] == first[k];
            if (!ok) {
                size_t fn = strcspn(first_line, "\n");
                ck_abort_msg("%s: line %zu does not line up with line %zu:\n%.*s\n%.*s", what,
                             lineno, first_lineno, (int)fn, first_line, (int)n, p);
            }
        }
        p += n + (nl != NULL);
    }
}

/* The text rendering of a case's result in one language (rc, text and e
 * from the render function) lines up; frees the text. */
static void check_text(const char *dir, const char *what, itss_lang lang, int rc, char *text,
                       const itss_error *e)
{
    char where[1024];
    const char *name = strrchr(dir, '/');
    snprintf(where, sizeof where, "%s: %s (%s)", name ? name + 1 : dir, what,
             lang == ITSS_LANG_ZH ? "zh" : "en");
    ck_assert_msg(rc == 0, "%s: text rendering failed: %s", where, e->message);
    check_aligned(text, where);
    itss_free(text);
}

/* Both languages of the text reports. */
static const itss_lang text_langs[] = {ITSS_LANG_ZH, ITSS_LANG_EN};

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
