/* libitss — the flat CSV tables of results (docs/worksheets.md): one row
 * per clause or per domain of a maturity result, one row per node of a
 * quality result. Headers are English keys in both languages, so that a
 * table reads the same into any tool; a UTF-8 byte-order mark starts the
 * text. Cells go through lib/csv.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "csv_internal.h"
#include "maturity_internal.h"
#include "quality_internal.h"

#define BOM "\xEF\xBB\xBF"

static void header(itss_csv *w, const char *const *names)
{
    for (const char *const *n = names; *n; n++)
        itss__csv_cell(w, *n);
    itss__csv_row_end(w);
}

/* A number cell: the shortest text that reads back as v; empty for NaN. */
static void num_cell(itss_csv *w, double v)
{
    char tmp[40];
    if (!isfinite(v)) {
        itss__csv_cell(w, NULL);
        return;
    }
    itss__format_double(tmp, sizeof tmp, v);
    itss__csv_cell(w, tmp);
}

static void int_cell(itss_csv *w, long long v)
{
    char tmp[24];
    snprintf(tmp, sizeof tmp, "%lld", v);
    itss__csv_cell(w, tmp);
}

/* ---- maturity ---------------------------------------------------------------- */

static const char *sat_token(int s)
{
    switch (s) {
    case ITSS_SAT_FULLY: return "fully";
    case ITSS_SAT_LARGELY: return "largely";
    case ITSS_SAT_NOT_APPLICABLE: return "na";
    default: return "no";
    }
}

void itss__csv_mresult(itss_buf *b, const itss_maturity_result *r)
{
    static const char *const names[] = {"clause", "level",     "domain",        "item",
                                        "rating", "grade",     "satisfied",     "blocks_target",
                                        "evidence", "note",    NULL};
    const itss_maturity_model *m = r->model;
    unsigned char *blocks = calloc(m->nclauses ? m->nclauses : 1, 1);
    if (!blocks) {
        b->oom = 1;
        return;
    }
    for (size_t i = 0; i < r->ngaps; i++)
        blocks[r->gaps[i].clause->index] = 1;
    itss_csv w;
    itss__buf_puts(b, BOM);
    itss__csv_init(&w, b);
    header(&w, names);
    for (size_t i = 0; i < m->nclauses; i++) {
        const itss_maturity_clause *c = &m->clauses[i];
        const itss_rating *rt = &r->ratings[i];
        itss__csv_cell(&w, c->id);
        int_cell(&w, c->level);
        itss__csv_cell(&w, c->domain ? c->domain->id : NULL);
        itss_buf items;
        itss__buf_init(&items);
        for (size_t k = 0; k < c->nitems; k++)
            itss__buf_printf(&items, k ? ";%d" : "%d", c->items[k]->number);
        if (items.oom)
            b->oom = 1;
        itss__csv_cell(&w, items.data);
        itss__buf_free(&items);
        if (rt->kind == ITSS_RATING_PERCENT)
            num_cell(&w, rt->percent);
        else
            itss__csv_cell(&w, itss__rating_token((itss_rating_kind)rt->kind));
        itss__csv_cell(&w, itss__rating_token(
                               itss__mgrade(m, (itss_rating_kind)rt->kind, rt->percent)));
        itss__csv_cell(&w, sat_token(r->sat[i]));
        itss__csv_cell(&w, blocks[i] ? "yes" : "no");
        itss__csv_cell(&w, rt->evidence);
        itss__csv_cell(&w, rt->note);
        itss__csv_row_end(&w);
    }
    free(blocks);
}

void itss__csv_mdomains(itss_buf *b, const itss_maturity_result *r, itss_lang lang)
{
    const itss_maturity_model *m = r->model;
    size_t wl = (size_t)m->nlevels + 1;
    itss_csv w;
    itss__buf_puts(b, BOM);
    itss__csv_init(&w, b);
    itss__csv_cell(&w, "domain");
    itss__csv_cell(&w, "name");
    itss__csv_cell(&w, "level");
    for (int l = 1; l <= m->nlevels; l++) {
        char tmp[24];
        snprintf(tmp, sizeof tmp, "coverage_%d", l);
        itss__csv_cell(&w, tmp);
    }
    itss__csv_cell(&w, "gaps");
    itss__csv_row_end(&w);
    for (size_t i = 0; i < m->ndomains; i++) {
        const itss_maturity_domain *d = &m->domains[i];
        const itss_mstats *s = &r->by_domain[i * wl];
        itss__csv_cell(&w, d->id);
        itss__csv_cell(&w, d->name[lang]);
        int_cell(&w, r->domain_level[i]);
        for (int l = 1; l <= m->nlevels; l++)
            num_cell(&w, s[l].applicable ? (double)s[l].fully / (double)s[l].applicable : NAN);
        size_t gaps = 0;
        for (size_t k = 0; k < r->ngaps; k++)
            gaps += r->gaps[k].clause->domain == d;
        int_cell(&w, (long long)gaps);
        itss__csv_row_end(&w);
    }
}

/* ---- quality ------------------------------------------------------------------- */

static void qnode_row(itss_csv *w, const char *id, const char *kind, const char *parent,
                      const char *name, const itss_qscore *s, int weighted)
{
    itss__csv_cell(w, id);
    itss__csv_cell(w, kind);
    itss__csv_cell(w, parent);
    itss__csv_cell(w, name);
    num_cell(w, weighted ? s->weight : NAN);
    num_cell(w, s->score);
    num_cell(w, s->coverage);
    itss__csv_cell(w, isfinite(s->score) ? "evaluated" : "not_evaluated");
    itss__csv_row_end(w);
}

void itss__csv_qresult(itss_buf *b, const itss_quality_result *r, itss_lang lang)
{
    static const char *const names[] = {"node",   "kind",  "parent",   "name",
                                        "weight", "score", "coverage", "status", NULL};
    static const char *const status[] = {"evaluated", "na", "no_events", "missing"};
    const itss_quality_model *m = r->model;
    itss_csv w;
    itss__buf_puts(b, BOM);
    itss__csv_init(&w, b);
    header(&w, names);
    qnode_row(&w, "overall", "overall", NULL, lang == ITSS_LANG_ZH ? "总体" : "Overall",
              &r->overall, 0);
    for (size_t c = 0; c < m->nchars; c++) {
        const itss_quality_node *ch = &m->chars[c];
        qnode_row(&w, ch->id, "characteristic", "overall", ch->name[lang], &r->chars[c], 1);
        for (size_t s = 0; s < m->nsubs; s++) {
            const itss_quality_node *sub = &m->subs[s];
            if (sub->parent != ch)
                continue;
            qnode_row(&w, sub->id, "subcharacteristic", ch->id, sub->name[lang], &r->subs[s],
                      1);
            for (size_t i = 0; i < r->nsel; i++) {
                const itss_indicator *ind = r->sel[i];
                if (ind->sub != sub)
                    continue;
                itss__csv_cell(&w, ind->id);
                itss__csv_cell(&w, "indicator");
                itss__csv_cell(&w, sub->id);
                itss__csv_cell(&w, ind->name[lang]);
                num_cell(&w, r->wind[i]);
                num_cell(&w, r->x[i]);
                itss__csv_cell(&w, NULL);
                itss__csv_cell(&w, status[r->status[i]]);
                itss__csv_row_end(&w);
            }
        }
    }
}
