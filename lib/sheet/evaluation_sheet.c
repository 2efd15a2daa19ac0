/* libitss — a book (the cells of a measurement sheet) to an evaluation,
 * through the public builders; every problem placed at its sheet, row and
 * column (docs/worksheets.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "map.h"

/* the columns read (their keys in itss__quality_columns) */
enum { COL_INDICATOR, COL_A, COL_B, COL_SCORES, COL_WEIGHT, COL_REASON, NREAD };
static const char *const read_keys[NREAD] = {"indicator", "A",      "B",
                                             "scores",    "weight", "na_reason"};

/* a scoreN column */
typedef struct score_col {
    uint32_t col;
    unsigned long number;
    const char *head;
} score_col;

typedef struct ectx {
    itss__map M;
    const itss_indicator_catalog *c;
    itss_evaluation *e;
    itss__map_table T;
    score_col *scores;
    size_t nscores;
    itss__map_meta *meta; /* the metadata rows, in book order */
    size_t nmeta, capmeta;
} ectx;

/* n when the header is "score<n>" or "评分<n>" (spaces allowed before n),
 * else 0. */
static unsigned long score_number(const char *text)
{
    while (*text == ' ' || *text == '\t')
        text++;
    const char *p;
    if ((text[0] | 32) == 's' && (text[1] | 32) == 'c' && (text[2] | 32) == 'o' &&
        (text[3] | 32) == 'r' && (text[4] | 32) == 'e')
        p = text + 5;
    else if (strncmp(text, "评分", strlen("评分")) == 0)
        p = text + strlen("评分");
    else
        return 0;
    while (*p == ' ')
        p++;
    unsigned long n = 0;
    int digits = 0;
    for (; *p >= '0' && *p <= '9'; p++, digits++)
        n = n < 100000000 ? n * 10 + (unsigned long)(*p - '0') : n;
    while (*p == ' ' || *p == '\t')
        p++;
    return digits && !*p ? (n ? n : (unsigned long)-1) : 0;
}

static int is_header(void *ctx, const itss__cell *cells, size_t n)
{
    (void)ctx;
    int indicator = 0, measure = 0;
    for (size_t i = 0; i < n; i++) {
        const itss__sheet_name *e = itss__sheet_match(itss__quality_columns, cells[i].text);
        if (e && strcmp(e->key, "indicator") == 0)
            indicator = 1;
        else if ((e && (strcmp(e->key, "A") == 0 || strcmp(e->key, "B") == 0 ||
                        strcmp(e->key, "scores") == 0 || strcmp(e->key, "na_reason") == 0)) ||
                 (!e && score_number(cells[i].text)))
            measure = 1;
    }
    return indicator && measure;
}

static int other_header(void *ctx, const itss__cell *c)
{
    ectx *E = ctx;
    unsigned long k = score_number(c->text);
    if (!k)
        return ITSS_OK; /* a column for people */
    for (size_t i = 0; i < E->nscores; i++)
        if (E->scores[i].number == k)
            return itss__map_header_twice(&E->M, E->T.sheet, c, c->text, E->scores[i].col);
    score_col *grown = realloc(E->scores, (E->nscores + 1) * sizeof *grown);
    if (!grown)
        return ITSS_ENOMEM;
    E->scores = grown;
    E->scores[E->nscores++] = (score_col){c->col, k, c->text};
    return ITSS_OK;
}

static int keep_meta(void *ctx, const itss__map_meta *r)
{
    ectx *E = ctx;
    if (E->nmeta == E->capmeta) {
        size_t cap = E->capmeta ? 2 * E->capmeta : 16;
        itss__map_meta *grown = realloc(E->meta, cap * sizeof *grown);
        if (!grown)
            return ITSS_ENOMEM;
        E->meta = grown;
        E->capmeta = cap;
    }
    E->meta[E->nmeta++] = *r;
    return ITSS_OK;
}

/* ---- rows ------------------------------------------------------------------------ */

typedef struct row {
    uint32_t row;
    const itss__cell *c[NREAD];
    const itss__cell **score; /* [nscores] */
    const char *id;
} row;

/* A number in column k of the row: 1, or 0 after recording a problem (*rc
 * ITSS_ENOMEM when that failed). */
static int number_at(ectx *E, const row *r, int k, double *v, int *rc)
{
    char sh[160];
    *rc = ITSS_OK;
    if (itss__map_cell_number(&E->M, r->c[k], v))
        return 1;
    *rc = itss__map_at(&E->M, &E->T, r->row, k, ITSS_EVALUE, "\"%s\" is not a number",
                       itss__shown(sh, sizeof sh, r->c[k]->text));
    return 0;
}

/* One score 1..5 from text s (trimmed): 1 and *out, or 0. */
static int one_score(const char *s, int *out)
{
    double v;
    if (!itss__map_number(s, &v) || v != floor(v) || v < 1 || v > 5)
        return 0;
    *out = (int)v;
    return 1;
}

/* The scores of the scores cell c into s (grown as needed): 1, or 0 when a
 * part is not a score. */
static int split_scores(itss__map *M, const itss__cell *c, int **s, size_t *n, size_t *cap)
{
    if (c->kind == ITSS__CELL_NUMBER) {
        double v = c->number;
        if (v != floor(v) || v < 1 || v > 5)
            return 0;
        (*s)[(*n)++] = (int)v;
        return 1;
    }
    if (c->kind != ITSS__CELL_TEXT)
        return 0;
    char *t = itss__map_trim(M, c->text);
    if (!t)
        return -1;
    int any = 0;
    for (char *p = t; *p;) {
        /* separators: space, tab, comma, semicolon, 、 and ， */
        size_t sep = (*p == ' ' || *p == '\t' || *p == ',' || *p == ';')    ? 1
                     : strncmp(p, "、", 3) == 0 || strncmp(p, "，", 3) == 0 ? 3
                                                                            : 0;
        if (sep) {
            p += sep;
            continue;
        }
        char *q = p;
        while (*q && *q != ' ' && *q != '\t' && *q != ',' && *q != ';' &&
               strncmp(q, "、", 3) != 0 && strncmp(q, "，", 3) != 0)
            q++;
        char keep = *q;
        *q = '\0';
        if (*n == *cap) {
            int *grown = realloc(*s, 2 * *cap * sizeof *grown);
            if (!grown)
                return -1;
            *s = grown;
            *cap *= 2;
        }
        int ok = one_score(p, &(*s)[*n]);
        *q = keep;
        if (!ok)
            return 0;
        ++*n;
        any = 1;
        p = q;
    }
    return any;
}

static int map_scores(ectx *E, const row *r)
{
    char sh[160];
    size_t n = 0, cap = 16;
    int *s = malloc(cap * sizeof *s), rc = ITSS_OK, bad = 0;
    if (!s)
        return ITSS_ENOMEM;
    if (r->c[COL_SCORES]) {
        int ok = split_scores(&E->M, r->c[COL_SCORES], &s, &n, &cap);
        if (ok < 0)
            rc = ITSS_ENOMEM;
        else if (!ok)
            bad = 1,
            rc = itss__map_at(&E->M, &E->T, r->row, COL_SCORES, ITSS_EVALUE,
                              "\"%s\" is not a list of scores 1 to 5 (separated by spaces, "
                              "commas or semicolons)",
                              itss__shown(sh, sizeof sh, r->c[COL_SCORES]->text));
    }
    for (size_t i = 0; !rc && i < E->nscores; i++) {
        const itss__cell *c = r->score[i];
        if (!c)
            continue;
        double v;
        if (n == cap) {
            int *grown = realloc(s, 2 * cap * sizeof *grown);
            if (!grown) {
                rc = ITSS_ENOMEM;
                break;
            }
            s = grown;
            cap *= 2;
        }
        if (itss__map_cell_number(&E->M, c, &v) && v == floor(v) && v >= 1 && v <= 5) {
            s[n++] = (int)v;
        } else {
            bad = 1;
            rc = itss__map_problem(&E->M, E->T.sheet, r->row, c->col, E->scores[i].head,
                                   ITSS_EVALUE, "\"%s\" is not a score from 1 to 5",
                                   itss__shown(sh, sizeof sh, c->text));
        }
    }
    if (!rc && !bad) {
        itss_error e;
        int b = itss_evaluation_set_scores(E->e, r->id, s, n, &e);
        if (r->c[COL_SCORES])
            rc = itss__map_builder_at(&E->M, &E->T, r->row, COL_SCORES, b, &e);
        else
            for (size_t i = 0; i < E->nscores; i++)
                if (r->score[i]) {
                    rc = itss__map_builder(&E->M, E->T.sheet, r->row, r->score[i]->col,
                                           E->scores[i].head, b, &e);
                    break;
                }
    }
    free(s);
    return rc;
}

/* What the row measures: na, A and B, or scores. */
static int map_value(ectx *E, const row *r)
{
    itss_error e;
    int rc = ITSS_OK, has_scores = r->c[COL_SCORES] != NULL;
    for (size_t i = 0; i < E->nscores; i++)
        has_scores |= r->score[i] != NULL;
    int has_ab = r->c[COL_A] || r->c[COL_B];
    if (r->c[COL_REASON]) {
        if (has_ab || has_scores)
            return itss__map_at(&E->M, &E->T, r->row, COL_REASON, ITSS_EVALUE,
                                "na_reason given together with a measurement (A, B or scores)");
        const char *why = itss__map_text(&E->M, E->T.sheet, r->c[COL_REASON],
                                         E->T.head[E->T.at[COL_REASON]], &rc);
        if (!why)
            return rc;
        return itss__map_builder_at(&E->M, &E->T, r->row, COL_REASON,
                                    itss_evaluation_set_na(E->e, r->id, why, &e), &e);
    }
    if (has_ab) {
        if (!r->c[COL_A] || !r->c[COL_B]) {
            int k = r->c[COL_A] ? COL_B : COL_A;
            rc = itss__map_at(&E->M, &E->T, r->row, k, ITSS_EVALUE, "%s is missing (%s is given)",
                              k == COL_A ? "A" : "B", k == COL_A ? "B" : "A");
        } else {
            double a, b;
            int ok = number_at(E, r, COL_A, &a, &rc);
            if (!rc)
                ok &= number_at(E, r, COL_B, &b, &rc);
            if (!rc && ok)
                rc = itss__map_builder_at(&E->M, &E->T, r->row, COL_A,
                                          itss_evaluation_set_ratio(E->e, r->id, a, b, &e), &e);
        }
    }
    if (!rc && has_scores)
        rc = map_scores(E, r);
    return rc;
}

/* The row's measurement and weight; weights: the indicators given one. */
static int map_measurement(ectx *E, const row *r, itss_index *weights)
{
    int rc = map_value(E, r);
    if (!rc && r->c[COL_WEIGHT]) {
        double w;
        itss_error e;
        if (number_at(E, r, COL_WEIGHT, &w, &rc))
            rc = itss__map_builder_at(&E->M, &E->T, r->row, COL_WEIGHT,
                                      itss_evaluation_set_weight(E->e, r->id, w, &e), &e);
        if (!rc)
            rc = itss__index_add_str(weights, r->id, r->row, NULL) == ITSS_ENOMEM ? ITSS_ENOMEM
                                                                                  : ITSS_OK;
    }
    return rc;
}

/* The rows under the header: their cells, and the indicators they name
 * (rows[*n], ids[*n]: every row whose id can be selected). */
static int read_rows(ectx *E, size_t from, row **rows, size_t *n, const char ***ids)
{
    const itss__sheet *s = &E->M.b->sheets[E->T.sheet];
    char sh[160];
    itss_index seen;
    itss__index_init(&seen);
    size_t cap = 0;
    int rc = ITSS_OK;
    *rows = NULL;
    *ids = NULL;
    *n = 0;
    for (size_t i = from; !rc && i < s->ncells;) {
        size_t j = itss__map_row_end(s, i);
        row r;
        memset(&r, 0, sizeof r);
        r.row = s->cells[i].row;
        r.score = itss__arena_calloc(&E->M.arena, E->nscores + 1, sizeof *r.score);
        if (!r.score) {
            rc = ITSS_ENOMEM;
            break;
        }
        itss__map_row_cells(s->cells + i, j - i, E->T.col, E->T.at, NREAD, r.c);
        for (size_t x = i; x < j; x++)
            for (size_t k = 0; k < E->nscores; k++)
                if (E->scores[k].col == s->cells[x].col)
                    r.score[k] = &s->cells[x];
        i = j;
        size_t at_id = E->T.at[COL_INDICATOR];
        rc = itss__map_row_id(&E->M, E->T.sheet, r.row, E->T.col[at_id], E->T.head[at_id],
                              r.c[COL_INDICATOR], "indicator", &r.id);
        if (!r.id)
            continue;
        const itss_indicator *ind;
        if (itss_indicator_lookup(E->c, r.id, &ind, NULL)) {
            rc = itss__map_at(&E->M, &E->T, r.row, COL_INDICATOR, ITSS_ENOTFOUND,
                              "no indicator \"%s\" in the catalog",
                              itss__shown(sh, sizeof sh, r.id));
            continue;
        }
        r.id = itss_indicator_id(ind);
        size_t prev;
        int again = itss__index_add_str(&seen, r.id, r.row, &prev);
        if (again == ITSS_ENOMEM) {
            rc = again;
        } else if (again) {
            rc = itss__map_at(&E->M, &E->T, r.row, COL_INDICATOR, ITSS_EDUPLICATE,
                              "indicator %s is already on row %zu", r.id, prev);
        } else {
            if (*n == cap) {
                cap = cap ? 2 * cap : 64;
                row *g1 = realloc(*rows, cap * sizeof *g1);
                if (g1)
                    *rows = g1;
                const char **g2 = realloc((void *)*ids, cap * sizeof *g2);
                if (g2)
                    *ids = g2;
                if (!g1 || !g2) {
                    rc = ITSS_ENOMEM;
                    break;
                }
            }
            (*rows)[*n] = r;
            (*ids)[(*n)++] = r.id;
        }
    }
    itss__index_free(&seen);
    return rc;
}

/* ---- metadata ----------------------------------------------------------------- */

/* A weight row (B node, C weight) or a band row (B grade, C min). */
static int node_row(ectx *E, const itss__map_meta *m, itss_index *weights,
                    const itss_index *in_table)
{
    itss__map *M = &E->M;
    int weight = strcmp(m->key->key, "weight") == 0, rc = ITSS_OK;
    char sh[160];
    if (!m->v1)
        return itss__map_problem(M, m->sheet, m->row, 2, m->h1, ITSS_EVALUE,
                                 weight ? "a weight row names its node in column B"
                                        : "a band row names its grade in column B");
    if (!m->v2)
        return itss__map_problem(M, m->sheet, m->row, 3, m->h2, ITSS_EVALUE,
                                 weight ? "a weight row gives the weight in column C"
                                        : "a band row gives its minimum score in column C");
    const char *t = itss__map_text(M, m->sheet, m->v1, m->h1, &rc);
    if (!t)
        return rc;
    char *name = itss__map_trim(M, t);
    if (!name)
        return ITSS_ENOMEM;
    double v;
    if (!itss__map_cell_number(M, m->v2, &v))
        return itss__map_problem(M, m->sheet, m->row, 3, m->h2, ITSS_EVALUE,
                                 "\"%s\" is not a number", itss__shown(sh, sizeof sh, m->v2->text));
    itss_error e;
    if (weight) {
        size_t prev = itss__index_find_str(in_table, name);
        if (prev != (size_t)-1)
            return itss__map_problem(M, m->sheet, m->row, 2, m->h1, ITSS_EDUPLICATE,
                                     "the weight of \"%s\" is already in the weight column, "
                                     "row %zu",
                                     itss__shown(sh, sizeof sh, name), prev);
        int again = itss__index_add_str(weights, name, m->row, &prev);
        if (again == ITSS_ENOMEM)
            return again;
        if (again)
            return itss__map_problem(M, m->sheet, m->row, 2, m->h1, ITSS_EDUPLICATE,
                                     "the weight of \"%s\" is already on row %zu",
                                     itss__shown(sh, sizeof sh, name), prev);
        rc = itss_evaluation_set_weight(E->e, name, v, &e);
    } else {
        rc = itss_evaluation_add_band(E->e, name, v, &e);
    }
    /* a wrong number is the number's problem, any other the name's */
    int col = rc == ITSS_EVALUE ? 3 : 2;
    return itss__map_builder(M, m->sheet, m->row, (uint32_t)col, col == 3 ? m->h2 : m->h1, rc, &e);
}

static int map_metadata(ectx *E, const itss_index *in_table)
{
    itss_index weights;
    itss__index_init(&weights);
    int rc = ITSS_OK;
    for (size_t i = 0; !rc && i < E->nmeta; i++) {
        const itss__map_meta *m = &E->meta[i];
        const char *key = m->key->key;
        if (strcmp(key, "service") == 0)
            continue;
        if (strcmp(key, "weight") == 0 || strcmp(key, "band") == 0) {
            rc = node_row(E, m, &weights, in_table);
            continue;
        }
        char buf[16];
        const char *v = itss__map_meta_text(&E->M, m, buf, sizeof buf, &rc);
        if (v) {
            itss_error e;
            rc = itss__map_builder(&E->M, m->sheet, m->row, 2, m->h1,
                                   itss_evaluation_set_meta(E->e, key, v, &e), &e);
        }
    }
    itss__index_free(&weights);
    return rc;
}

/* The evaluation of the service the metadata names (E->e, NULL after a
 * problem). */
static int start(ectx *E)
{
    const itss__map_meta *s = NULL;
    for (size_t i = 0; i < E->nmeta && !s; i++)
        if (strcmp(E->meta[i].key->key, "service") == 0)
            s = &E->meta[i];
    if (!s)
        return itss__map_problem(&E->M, (size_t)-1, 0, 0, NULL, ITSS_ESCHEMA,
                                 "no service: the metadata must name the service category "
                                 "(service, 服务类别)");
    char buf[16];
    int rc;
    const char *v = itss__map_meta_text(&E->M, s, buf, sizeof buf, &rc);
    const char *t = v ? itss__map_trim(&E->M, v) : NULL;
    if (v && !t)
        return ITSS_ENOMEM;
    if (!t)
        return rc;
    itss_error e;
    return itss__map_builder(&E->M, s->sheet, s->row, 2, s->h1,
                             itss_evaluation_new(E->c, t, &E->e, &e), &e);
}

static int map_book(ectx *E)
{
    size_t first;
    if (!itss__map_find_table(E->M.b, is_header, NULL, &E->T.sheet, &first))
        return itss__map_problem(&E->M, (size_t)-1, 0, 0, NULL, ITSS_ESCHEMA,
                                 "no sheet has a header row with the column indicator and one "
                                 "of A, B, scores, score1.. or na_reason (指标; A, B, 评分, "
                                 "评分1.. 或 不适用理由)");
    const itss__sheet *s = &E->M.b->sheets[E->T.sheet];
    size_t end = itss__map_row_end(s, first);
    int rc = itss__map_header(&E->M, E->T.sheet, s->cells + first, end - first,
                              itss__quality_columns, E->T.col, E->T.head, other_header, E);
    static const char *const repeatable[] = {"weight", "band", NULL};
    if (!rc)
        rc = itss__map_metadata(&E->M, E->T.sheet, s->cells[first].row, itss__quality_meta_keys,
                                repeatable, keep_meta, E);
    if (!rc)
        rc = start(E);
    row *rows = NULL;
    const char **ids = NULL;
    size_t n = 0;
    if (!rc)
        rc = read_rows(E, end, &rows, &n, &ids);
    if (!rc && E->e) {
        itss_error e;
        rc = itss__map_builder(&E->M, E->T.sheet, 0, 0, NULL,
                               itss_evaluation_set_indicators(E->e, ids, n, &e), &e);
        itss_index weights;
        itss__index_init(&weights);
        for (size_t i = 0; !rc && i < n; i++)
            rc = map_measurement(E, &rows[i], &weights);
        if (!rc)
            rc = map_metadata(E, &weights);
        itss__index_free(&weights);
    }
    free(rows);
    free((void *)ids);
    return rc;
}

int itss__evaluation_from_book(const itss_indicator_catalog *c, const itss__book *b,
                               itss_problem_list *problems, itss_evaluation **out, itss_error *err)
{
    *out = NULL;
    ectx E;
    memset(&E, 0, sizeof E);
    itss__map_init(&E.M, b, problems);
    E.c = c;
    itss__map_keys(itss__quality_columns, read_keys, NREAD, E.T.at);
    int rc = map_book(&E);
    free(E.scores);
    free(E.meta);
    if (rc || itss__map_failed(&E.M)) {
        itss_evaluation_free(E.e);
        E.e = NULL;
    }
    rc = itss__map_finish(&E.M, rc, err);
    *out = E.e;
    return rc;
}
