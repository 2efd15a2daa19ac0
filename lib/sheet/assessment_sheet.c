/* libitss — a book (the cells of a worksheet) to an assessment, through
 * the public builders; every problem placed at its sheet, row and column
 * (docs/worksheets.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "map.h"

/* the columns read (indexes into itss__maturity_columns) */
enum { COL_CLAUSE, COL_RATING, COL_EVIDENCE, COL_NOTE, COL_REASON, NREAD };
static const char *const read_keys[NREAD] = {"clause", "rating", "evidence", "note", "na_reason"};

typedef struct actx {
    itss__map M;
    const itss_maturity_model *m;
    itss_assessment *a;
    itss__map_table T;
} actx;

static int is_header(void *ctx, const itss__cell *cells, size_t n)
{
    (void)ctx;
    int clause = 0, rating = 0;
    for (size_t i = 0; i < n; i++) {
        const itss__sheet_name *e = itss__sheet_match(itss__maturity_columns, cells[i].text);
        clause |= e && strcmp(e->key, "clause") == 0;
        rating |= e && strcmp(e->key, "rating") == 0;
    }
    return clause && rating;
}

/* ---- metadata ------------------------------------------------------------------ */

static int set_scale(actx *A, const itss__map_meta *r, const char *v)
{
    static const struct {
        const char *name;
        itss_rating_scale scale;
    } scales[] = {
        {"any", ITSS_SCALE_ANY}, {"binary", ITSS_SCALE_BINARY}, {"nplf", ITSS_SCALE_NPLF}};
    char sh[160];
    const char *t = itss__map_trim(&A->M, v);
    if (!t)
        return ITSS_ENOMEM;
    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++) {
        if (itss__map_word(t, scales[i].name)) {
            itss_error e;
            int rc = itss_assessment_set_scale(A->a, scales[i].scale, &e);
            return itss__map_builder(&A->M, r->sheet, r->row, 2, r->h1, rc, &e);
        }
    }
    return itss__map_problem(&A->M, r->sheet, r->row, 2, r->h1, ITSS_EVALUE,
                             "scale \"%s\" is not one of binary, nplf, any",
                             itss__shown(sh, sizeof sh, t));
}

static int on_meta(void *ctx, const itss__map_meta *r)
{
    actx *A = ctx;
    char buf[16], sh[160];
    int rc;
    const char *v = itss__map_meta_text(&A->M, r, buf, sizeof buf, &rc);
    if (!v)
        return rc;
    const char *key = r->key->key;
    if (strcmp(key, "scale") == 0)
        return set_scale(A, r, v);
    if (strcmp(key, "model") == 0) {
        const char *t = itss__map_trim(&A->M, v), *id = itss_maturity_model_id(A->m);
        if (!t)
            return ITSS_ENOMEM;
        if (strcmp(t, id) == 0)
            return ITSS_OK;
        return itss__map_problem(&A->M, r->sheet, r->row, 2, r->h1, ITSS_EVALUE,
                                 "the sheet is for model \"%s\", not %s, the model it is read "
                                 "with",
                                 itss__shown(sh, sizeof sh, t), id);
    }
    itss_error e;
    rc = itss_assessment_set_meta(A->a, key, v, &e);
    return itss__map_builder(&A->M, r->sheet, r->row, 2, r->h1, rc, &e);
}

/* ---- ratings ------------------------------------------------------------------- */

/* The percentage a cell shows for the number v it holds (0.85 shows
 * 85%), to the 15 significant digits a spreadsheet shows: 0.575 is 57.5,
 * not the 57.49999999999999 that v * 100 gives in doubles. */
static double shown_percent(double v)
{
    double x = v * 100.0;
    if (x == 0.0 || !isfinite(x))
        return x;
    double scale = pow(10.0, 14.0 - floor(log10(fabs(x))));
    double r = round(x * scale) / scale;
    return isfinite(r) ? r : x;
}

/* A rating cell: 1 and the kind (and percentage), or 0 when it is none. */
static int parse_rating(itss__map *M, const itss__cell *c, itss_rating_kind *kind, double *pct)
{
    static const struct {
        const char *word;
        itss_rating_kind kind;
    } words[] = {{"F", ITSS_RATING_F},  {"L", ITSS_RATING_L},     {"P", ITSS_RATING_P},
                 {"N", ITSS_RATING_N},  {"met", ITSS_RATING_MET}, {"not_met", ITSS_RATING_NOT_MET},
                 {"na", ITSS_RATING_NA}};
    *pct = 0;
    if (c->kind == ITSS__CELL_NUMBER) {
        *kind = ITSS_RATING_PERCENT;
        *pct = c->percent ? shown_percent(c->number) : c->number;
        return 1;
    }
    if (c->kind != ITSS__CELL_TEXT)
        return 0;
    char *t = itss__map_trim(M, c->text);
    if (!t)
        return 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (itss__map_word(t, words[i].word)) {
            *kind = words[i].kind;
            return 1;
        }
    }
    size_t n = strlen(t);
    if (n > 0 && t[n - 1] == '%') {
        t[--n] = '\0';
        while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
            t[--n] = '\0';
    }
    *kind = ITSS_RATING_PERCENT;
    return itss__map_number(t, pct);
}

/* The cells of one row in the columns read. */
typedef struct row {
    uint32_t row;
    const itss__cell *c[NREAD];
} row;

/* Text of column k of the row, or NULL (empty, or an error value, which is
 * recorded). */
static const char *text_of(actx *A, const row *r, int k, int *rc)
{
    *rc = ITSS_OK;
    const itss__cell *c = r->c[k];
    return c ? itss__map_text(&A->M, A->T.sheet, c, A->T.head[A->T.at[k]], rc) : NULL;
}

static int map_rating(actx *A, const row *r, const char *id)
{
    itss_error e;
    int rc;
    char sh[160];
    const itss__cell *rc_cell = r->c[COL_RATING];
    const char *reason = text_of(A, r, COL_REASON, &rc);
    if (rc)
        return rc;
    int rated = 0;
    if (rc_cell) {
        itss_rating_kind kind;
        double pct;
        if (!parse_rating(&A->M, rc_cell, &kind, &pct)) {
            const char *t = itss__map_trim(&A->M, rc_cell->text);
            return t ? itss__map_at(
                           &A->M, &A->T, r->row, COL_RATING, ITSS_EVALUE,
                           "\"%s\" is not a rating (F, L, P, N, met, not_met, na or a number "
                           "0-100)",
                           itss__shown(sh, sizeof sh, t))
                     : ITSS_ENOMEM;
        }
        if (kind == ITSS_RATING_NA && !reason)
            return r->c[COL_REASON] ? ITSS_OK /* an error value, recorded */
                                    : itss__map_at(&A->M, &A->T, r->row, COL_REASON, ITSS_EVALUE,
                                                   "na needs a reason in na_reason");
        if (kind != ITSS_RATING_NA && reason)
            return itss__map_at(&A->M, &A->T, r->row, COL_REASON, ITSS_EVALUE,
                                "a reason in na_reason is only for a clause rated na");
        if (kind == ITSS_RATING_NA)
            rc = itss_assessment_set_na(A->a, id, reason, &e);
        else if (kind == ITSS_RATING_PERCENT)
            rc = itss_assessment_set_percent(A->a, id, pct, &e);
        else
            rc = itss_assessment_set_rating(A->a, id, kind, &e);
        if (rc)
            return itss__map_builder_at(&A->M, &A->T, r->row, COL_RATING, rc, &e);
        rated = 1;
    } else if (reason) {
        rc = itss__map_at(&A->M, &A->T, r->row, COL_REASON, ITSS_EVALUE,
                          "a reason in na_reason is only for a clause rated na");
        if (rc)
            return rc;
    }
    static const struct {
        int col;
        const char *what;
        int (*set)(itss_assessment *, const char *, const char *, itss_error *);
    } texts[] = {{COL_EVIDENCE, "evidence", itss_assessment_set_evidence},
                 {COL_NOTE, "note", itss_assessment_set_note}};
    for (size_t i = 0; i < 2; i++) {
        const char *t = text_of(A, r, texts[i].col, &rc);
        if (rc)
            return rc;
        if (!t)
            continue;
        if (!rated)
            rc = rc_cell ? ITSS_OK /* the rating's problem is recorded */
                         : itss__map_at(&A->M, &A->T, r->row, texts[i].col, ITSS_EVALUE,
                                        "%s given but no rating", texts[i].what);
        else
            rc = itss__map_builder_at(&A->M, &A->T, r->row, texts[i].col,
                                      texts[i].set(A->a, id, t, &e), &e);
        if (rc)
            return rc;
    }
    return ITSS_OK;
}

static int map_rows(actx *A, size_t from)
{
    const itss__sheet *s = &A->M.b->sheets[A->T.sheet];
    itss_index seen;
    itss__index_init(&seen);
    int rc = ITSS_OK;
    char sh[160];
    for (size_t i = from; !rc && i < s->ncells;) {
        size_t j = itss__map_row_end(s, i);
        row r;
        r.row = s->cells[i].row;
        itss__map_row_cells(s->cells + i, j - i, A->T.col, A->T.at, NREAD, r.c);
        i = j;
        const char *id;
        size_t x = A->T.at[COL_CLAUSE];
        rc = itss__map_row_id(&A->M, A->T.sheet, r.row, A->T.col[x], A->T.head[x], r.c[COL_CLAUSE],
                              "clause", &id);
        if (!id)
            continue;
        const itss_maturity_clause *c;
        if (itss_maturity_clause_lookup(A->m, id, &c, NULL)) {
            rc = itss__map_problem(&A->M, A->T.sheet, r.row, A->T.col[x], A->T.head[x],
                                   ITSS_ENOTFOUND, "unknown clause \"%s\" in model %s",
                                   itss__shown(sh, sizeof sh, id), itss_maturity_model_id(A->m));
            continue;
        }
        size_t prev;
        int again = itss__index_add_str(&seen, itss_maturity_clause_id(c), r.row, &prev);
        if (again == ITSS_ENOMEM) {
            rc = again;
        } else if (again) {
            rc = itss__map_problem(&A->M, A->T.sheet, r.row, A->T.col[x], A->T.head[x],
                                   ITSS_EDUPLICATE, "clause %s is already on row %zu",
                                   itss_maturity_clause_id(c), prev);
        } else {
            rc = map_rating(A, &r, itss_maturity_clause_id(c));
        }
    }
    itss__index_free(&seen);
    return rc;
}

int itss__assessment_from_book(const itss_maturity_model *m, const itss__book *b,
                               itss_problem_list *problems, itss_assessment **out, itss_error *err)
{
    *out = NULL;
    actx A;
    memset(&A, 0, sizeof A);
    itss__map_init(&A.M, b, problems);
    A.m = m;
    itss__map_keys(itss__maturity_columns, read_keys, NREAD, A.T.at);
    int rc = itss_assessment_new(m, &A.a, err);
    if (rc)
        return itss__map_finish(&A.M, rc, err);
    size_t first;
    if (!itss__map_find_table(b, is_header, NULL, &A.T.sheet, &first)) {
        rc = itss__map_problem(&A.M, (size_t)-1, 0, 0, NULL, ITSS_ESCHEMA,
                               "no sheet has a header row with the columns clause and rating "
                               "(条款, 评级)");
    } else {
        const itss__sheet *s = &b->sheets[A.T.sheet];
        size_t end = itss__map_row_end(s, first);
        rc = itss__map_header(&A.M, A.T.sheet, s->cells + first, end - first,
                              itss__maturity_columns, A.T.col, A.T.head, NULL, NULL);
        /* the scale first: a rating outside it is then a problem of its cell */
        if (!rc)
            rc = itss__map_metadata(&A.M, A.T.sheet, s->cells[first].row, itss__maturity_meta_keys,
                                    NULL, on_meta, &A);
        if (!rc)
            rc = map_rows(&A, end);
    }
    if (rc || itss__map_failed(&A.M)) {
        itss_assessment_free(A.a);
        A.a = NULL;
    }
    rc = itss__map_finish(&A.M, rc, err);
    *out = A.a;
    return rc;
}
