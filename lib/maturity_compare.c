/* libitss — comparison of maturity results over time: each assessment's
 * level, domain levels and clause grades, and the clauses whose grade
 * changed from one assessment to the next (docs/maturity.md). No JSON and
 * no text here. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "maturity_internal.h"

/* The grade a comparison gives a rating: met counts as F, not_met as N, a
 * percentage as the model's band; NONE (unrated) and NA stay. */
static unsigned char grade_of(const itss_maturity_model *m, const itss_rating *r)
{
    switch ((itss_rating_kind)r->kind) {
    case ITSS_RATING_MET: return ITSS_RATING_F;
    case ITSS_RATING_NOT_MET: return ITSS_RATING_N;
    case ITSS_RATING_PERCENT:
        return (unsigned char)itss__mgrade(m, ITSS_RATING_PERCENT, r->percent);
    default: return r->kind; /* NONE, N, P, L, F, NA */
    }
}

/* Rank of a grade other than NA: unrated 0 < N < P < L < F. */
static int rank(unsigned char g)
{
    return g == ITSS_RATING_NONE ? 0 : g - ITSS_RATING_N + 1;
}

static itss_grade_change change_kind(unsigned char from, unsigned char to)
{
    if (from == to)
        return ITSS_CHANGE_NONE;
    if (from == ITSS_RATING_NA || to == ITSS_RATING_NA)
        return ITSS_CHANGE_NA;
    return rank(to) > rank(from) ? ITSS_CHANGE_IMPROVED : ITSS_CHANGE_WORSENED;
}

const char *itss__grade_token(itss_rating_kind grade)
{
    return grade == ITSS_RATING_NONE ? NULL : itss__rating_token(grade);
}

void itss_maturity_comparison_free(itss_maturity_comparison *c)
{
    if (!c)
        return;
    for (size_t i = 0; c->labels && i < c->n; i++)
        free(c->labels[i]);
    if (c->meta)
        itss__meta_free(c->meta, (int)c->n * ITSS_ASSESSMENT_META_COUNT);
    free(c->labels);
    free(c->meta);
    free(c->level);
    free(c->domain_level);
    free(c->grade);
    free(c->changes);
    free(c);
}

/* Fill what the comparison keeps of result i; 0 or -1 (out of memory). */
static int take(itss_maturity_comparison *c, size_t i, const itss_maturity_result *r,
                const char *label)
{
    const itss_maturity_model *m = c->model;
    if (label && !(c->labels[i] = itss__utf8_dup(label)))
        return -1;
    if (itss__meta_copy(c->meta + i * ITSS_ASSESSMENT_META_COUNT, r->meta,
                        ITSS_ASSESSMENT_META_COUNT))
        return -1;
    c->level[i] = r->level;
    for (size_t d = 0; d < m->ndomains; d++)
        c->domain_level[i * m->ndomains + d] = r->domain_level[d];
    for (size_t k = 0; k < m->nclauses; k++)
        c->grade[i * m->nclauses + k] = grade_of(m, &r->ratings[k]);
    return 0;
}

/* The changes of every consecutive pair; 0 or -1 (out of memory). */
static int diff(itss_maturity_comparison *c)
{
    size_t nc = c->model->nclauses, total = 0;
    for (size_t p = 0; p + 1 < c->n; p++)
        for (size_t k = 0; k < nc; k++)
            total += c->grade[p * nc + k] != c->grade[(p + 1) * nc + k];
    c->changes = calloc(total ? total : 1, sizeof *c->changes);
    if (!c->changes)
        return -1;
    for (size_t p = 0; p + 1 < c->n; p++)
        for (size_t k = 0; k < nc; k++) {
            unsigned char from = c->grade[p * nc + k], to = c->grade[(p + 1) * nc + k];
            if (from == to)
                continue;
            itss_mchange *ch = &c->changes[c->nchanges++];
            ch->clause = k;
            ch->pair = p;
            ch->from = from;
            ch->to = to;
            ch->kind = (unsigned char)change_kind(from, to);
        }
    return 0;
}

int itss_maturity_compare(const itss_maturity_result *const *results, const char *const *labels,
                          size_t n, itss_maturity_comparison **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, results);
    ITSS_CHECK(err, n >= 2, "n is %zu: give at least two results", n);
    for (size_t i = 0; i < n; i++)
        ITSS_CHECK(err, results[i] != NULL, "results[%zu] is NULL", i);
    const itss_maturity_model *m = results[0]->model;
    for (size_t i = 1; i < n; i++) {
        const itss_maturity_model *mi = results[i]->model;
        char a[64], b[64];
        ITSS_CHECK(err, mi == m,
                   "results[%zu] was rated against model \"%s\", results[0] against \"%s\"%s; "
                   "compare results of one model",
                   i, itss__shown(a, sizeof a, mi->id), itss__shown(b, sizeof b, m->id),
                   strcmp(mi->id, m->id) ? "" : " (another copy)");
    }
    size_t nd = m->ndomains ? m->ndomains : 1, nc = m->nclauses ? m->nclauses : 1;
    if (n > ITSS_MAX_COMPARED)
        return itss__err(err, ITSS_ELIMIT, "%zu results: a comparison takes at most %d", n,
                         ITSS_MAX_COMPARED);
    /* the tables below are n x domains and n x clauses */
    if (n > SIZE_MAX / nd / sizeof(int) || n > SIZE_MAX / nc)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    itss_maturity_comparison *c = calloc(1, sizeof *c);
    if (!c)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    c->model = m;
    c->n = n;
    c->labels = calloc(n, sizeof *c->labels);
    c->meta = calloc(n * ITSS_ASSESSMENT_META_COUNT, sizeof *c->meta);
    c->level = calloc(n, sizeof *c->level);
    c->domain_level = calloc(n * nd, sizeof *c->domain_level);
    c->grade = calloc(n * nc, 1);
    int oom = !c->labels || !c->meta || !c->level || !c->domain_level || !c->grade;
    for (size_t i = 0; !oom && i < n; i++)
        oom = take(c, i, results[i], labels ? labels[i] : NULL) != 0;
    if (oom || diff(c)) {
        itss_maturity_comparison_free(c);
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    }
    *out = c;
    return ITSS_OK;
}

/* ---- getters ---------------------------------------------------------- */

const itss_maturity_model *itss_maturity_comparison_model(const itss_maturity_comparison *c)
{
    return c ? c->model : NULL;
}

size_t itss_maturity_comparison_assessment_count(const itss_maturity_comparison *c)
{
    return c ? c->n : 0;
}

const char *itss_maturity_comparison_assessment_label(const itss_maturity_comparison *c,
                                                      size_t i)
{
    return c && i < c->n ? c->labels[i] : NULL;
}

const char *itss_maturity_comparison_assessment_meta(const itss_maturity_comparison *c,
                                                     size_t i, const char *key)
{
    if (!c || i >= c->n || !key)
        return NULL;
    int k = itss__meta_index(itss__assessment_meta_keys, ITSS_ASSESSMENT_META_COUNT, key);
    return k < 0 ? NULL : c->meta[i * ITSS_ASSESSMENT_META_COUNT + (size_t)k];
}

const char *itss__mcmp_name(const itss_maturity_comparison *c, size_t i)
{
    char *const *meta = c->meta + i * ITSS_ASSESSMENT_META_COUNT;
    return c->labels[i] ? c->labels[i] : meta[0] ? meta[0] : meta[3]; /* id, date */
}

int itss_maturity_comparison_assessment_level(const itss_maturity_comparison *c, size_t i)
{
    return c && i < c->n ? c->level[i] : -1;
}

int itss_maturity_comparison_assessment_domain_level(const itss_maturity_comparison *c, size_t i,
                                                     const itss_maturity_domain *d)
{
    if (!c || i >= c->n || !d || d->index >= c->model->ndomains ||
        &c->model->domains[d->index] != d)
        return -1;
    return c->domain_level[i * c->model->ndomains + d->index];
}

itss_rating_kind itss_maturity_comparison_assessment_grade(const itss_maturity_comparison *c,
                                                           size_t i,
                                                           const itss_maturity_clause *clause)
{
    if (!c || i >= c->n || !clause || clause->index >= c->model->nclauses ||
        &c->model->clauses[clause->index] != clause)
        return ITSS_RATING_NONE;
    return (itss_rating_kind)c->grade[i * c->model->nclauses + clause->index];
}

size_t itss_maturity_comparison_change_count(const itss_maturity_comparison *c)
{
    return c ? c->nchanges : 0;
}

const itss_maturity_clause *itss_maturity_comparison_change_at(const itss_maturity_comparison *c,
                                                               size_t i)
{
    return c && i < c->nchanges ? &c->model->clauses[c->changes[i].clause] : NULL;
}

size_t itss_maturity_comparison_change_pair(const itss_maturity_comparison *c, size_t i)
{
    return c && i < c->nchanges ? c->changes[i].pair : SIZE_MAX;
}

itss_grade_change itss_maturity_comparison_change_kind(const itss_maturity_comparison *c,
                                                       size_t i)
{
    return c && i < c->nchanges ? (itss_grade_change)c->changes[i].kind : ITSS_CHANGE_NONE;
}

itss_rating_kind itss_maturity_comparison_change_from_grade(const itss_maturity_comparison *c,
                                                            size_t i)
{
    return c && i < c->nchanges ? (itss_rating_kind)c->changes[i].from : ITSS_RATING_NONE;
}

itss_rating_kind itss_maturity_comparison_change_to_grade(const itss_maturity_comparison *c,
                                                          size_t i)
{
    return c && i < c->nchanges ? (itss_rating_kind)c->changes[i].to : ITSS_RATING_NONE;
}
