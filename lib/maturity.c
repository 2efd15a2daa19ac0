/* libitss — the maturity engine: model access, assessments and the rater
 * (docs/maturity.md). No JSON here. */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "maturity_internal.h"

const char *const itss__assessment_meta_keys[ITSS_ASSESSMENT_META_COUNT] = {
    "id", "organization", "scope", "date", "assessor", "notes"};

/* ---- life cycle ----------------------------------------------------------- */

static void model_destroy(itss_maturity_model *m)
{
    itss__arena_free(&m->arena);
    free(m);
}

void itss_maturity_model_free(itss_maturity_model *m)
{
    if (m && !m->builtin)
        model_destroy(m);
}

/* ---- model structure ---------------------------------------------------- */

static int item_cmp(const void *a, const void *b)
{
    const itss_maturity_item *x = a, *y = b;
    if (x->number != y->number)
        return x->number < y->number ? -1 : 1;
    return (x->src > y->src) - (x->src < y->src);
}

static int clause_order(const void *a, const void *b)
{
    const itss_maturity_clause *x = a, *y = b;
    if (x->level != y->level)
        return x->level < y->level ? -1 : 1;
    /* level-wide clauses (no domain) after every domain of their level */
    size_t xd = x->domain ? x->domain->index : SIZE_MAX;
    size_t yd = y->domain ? y->domain->index : SIZE_MAX;
    if (xd != yd)
        return xd < yd ? -1 : 1;
    int xi = x->item ? x->item->number : INT_MAX, yi = y->item ? y->item->number : INT_MAX;
    if (xi != yi)
        return xi < yi ? -1 : 1;
    return (x->src > y->src) - (x->src < y->src); /* document order */
}

static int clause_id_cmp(const void *a, const void *b)
{
    const itss_maturity_clause *x = *(const itss_maturity_clause *const *)a,
                               *y = *(const itss_maturity_clause *const *)b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->src > y->src) - (x->src < y->src);
}

/* These run while a model is being built: its arrays are then arena
 * memory of ours to write (read-only only once the model is finished). */

int itss__mmodel_sort_items(itss_maturity_model *m)
{
    /* items reference nothing yet that would move; index keeps file order */
    itss_maturity_item *items = (itss_maturity_item *)m->items;
    qsort(items, m->nitems, sizeof *items, item_cmp);
    for (size_t i = 0; i < m->nitems; i++)
        items[i].index = i;
    return ITSS_OK;
}

int itss__mmodel_finish(itss_maturity_model *m)
{
    itss_maturity_clause *clauses = (itss_maturity_clause *)m->clauses;
    qsort(clauses, m->nclauses, sizeof *clauses, clause_order);
    const itss_maturity_clause **by_id =
        itss__arena_calloc(&m->arena, m->nclauses ? m->nclauses : 1, sizeof *by_id);
    if (!by_id)
        return ITSS_ENOMEM;
    for (size_t i = 0; i < m->nclauses; i++) {
        clauses[i].index = i;
        by_id[i] = &clauses[i];
    }
    qsort(by_id, m->nclauses, sizeof *by_id, clause_id_cmp);
    m->by_id = by_id;
    return ITSS_OK;
}

const itss_maturity_clause *itss__mclause_find(const itss_maturity_model *m, const char *id)
{
    size_t lo = 0, hi = m->nclauses;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(m->by_id[mid]->id, id);
        if (c == 0)
            return m->by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static int domain_id_cmp(const void *a, const void *b)
{
    return strcmp((*(const itss_maturity_domain *const *)a)->id,
                  (*(const itss_maturity_domain *const *)b)->id);
}

int itss__mmodel_index_domains(itss_maturity_model *m)
{
    const itss_maturity_domain **by_id =
        itss__arena_calloc(&m->arena, m->ndomains ? m->ndomains : 1, sizeof *by_id);
    if (!by_id)
        return ITSS_ENOMEM;
    for (size_t i = 0; i < m->ndomains; i++)
        by_id[i] = &m->domains[i];
    qsort(by_id, m->ndomains, sizeof *by_id, domain_id_cmp);
    m->domain_by_id = by_id;
    return ITSS_OK;
}

const itss_maturity_domain *itss__mdomain_find(const itss_maturity_model *m, const char *id)
{
    size_t lo = 0, hi = m->ndomains;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(m->domain_by_id[mid]->id, id);
        if (c == 0)
            return m->domain_by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const itss_maturity_item *itss__mitem_find(const itss_maturity_model *m, int number)
{
    size_t lo = 0, hi = m->nitems;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->items[mid].number == number)
            return &m->items[mid];
        if (m->items[mid].number < number)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ---- model getters ------------------------------------------------------ */

const char *itss_maturity_model_id(const itss_maturity_model *m) { return m ? m->id : NULL; }

const char *itss_maturity_model_edition(const itss_maturity_model *m)
{
    return m ? m->edition : NULL;
}

const char *itss_maturity_model_title(const itss_maturity_model *m, itss_lang lang)
{
    return m && itss__lang_ok(lang) ? m->title[lang] : NULL;
}

size_t itss_maturity_model_level_count(const itss_maturity_model *m)
{
    return m ? (size_t)m->nlevels : 0;
}

const itss_maturity_level *itss_maturity_model_level_at(const itss_maturity_model *m, size_t i)
{
    return m && i < (size_t)m->nlevels ? &m->levels[i] : NULL;
}

size_t itss_maturity_model_warning_count(const itss_maturity_model *m)
{
    return m ? m->nwarnings : 0;
}

const char *itss_maturity_model_warning_message(const itss_maturity_model *m, size_t i)
{
    return m && i < m->nwarnings ? m->warnings[i].message : NULL;
}

const char *itss_maturity_model_warning_path(const itss_maturity_model *m, size_t i)
{
    return m && i < m->nwarnings ? m->warnings[i].path : NULL;
}

size_t itss_maturity_model_part_count(const itss_maturity_model *m) { return m ? m->nparts : 0; }

const itss_maturity_part *itss_maturity_model_part_at(const itss_maturity_model *m, size_t i)
{
    return m && i < m->nparts ? &m->parts[i] : NULL;
}

size_t itss_maturity_model_domain_count(const itss_maturity_model *m)
{
    return m ? m->ndomains : 0;
}

const itss_maturity_domain *itss_maturity_model_domain_at(const itss_maturity_model *m, size_t i)
{
    return m && i < m->ndomains ? &m->domains[i] : NULL;
}

size_t itss_maturity_model_item_count(const itss_maturity_model *m) { return m ? m->nitems : 0; }

const itss_maturity_item *itss_maturity_model_item_at(const itss_maturity_model *m, size_t i)
{
    return m && i < m->nitems ? &m->items[i] : NULL;
}

size_t itss_maturity_model_clause_count(const itss_maturity_model *m)
{
    return m ? m->nclauses : 0;
}

const itss_maturity_clause *itss_maturity_model_clause_at(const itss_maturity_model *m, size_t i)
{
    return m && i < m->nclauses ? &m->clauses[i] : NULL;
}

static int not_found_id(itss_error *err, const char *what, const char *id,
                        const itss_maturity_model *m)
{
    char shown[160];
    itss__quote(shown, sizeof shown, id, strlen(id), 40);
    return itss__err(err, ITSS_ENOTFOUND, "no %s \"%s\" in %s", what, shown, m->edition);
}

int itss_maturity_domain_lookup(const itss_maturity_model *m, const char *id,
                                const itss_maturity_domain **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, m);
    ITSS_CHECK_ARG(err, id);
    if (!(*out = itss__mdomain_find(m, id))) {
        char known[200] = "";
        for (size_t i = 0; i < m->ndomains && strlen(known) + 40 < sizeof known; i++) {
            itss__str_append(known, sizeof known, i ? ", " : "");
            strncat(known, m->domains[i].id, 32);
        }
        char shown[160];
        itss__quote(shown, sizeof shown, id, strlen(id), 40);
        return itss__err(err, ITSS_ENOTFOUND, "no domain \"%s\" in %s (domains: %s)", shown,
                         m->edition, known);
    }
    return ITSS_OK;
}

int itss_maturity_item_lookup(const itss_maturity_model *m, int number,
                              const itss_maturity_item **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, m);
    if (!(*out = itss__mitem_find(m, number)))
        return itss__err(err, ITSS_ENOTFOUND, "no item %d in %s (items are numbered %d..%d)",
                         number, m->edition, m->nitems ? m->items[0].number : 0,
                         m->nitems ? m->items[m->nitems - 1].number : 0);
    return ITSS_OK;
}

int itss_maturity_clause_lookup(const itss_maturity_model *m, const char *id,
                                const itss_maturity_clause **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, m);
    ITSS_CHECK_ARG(err, id);
    if (!(*out = itss__mclause_find(m, id)))
        return not_found_id(err, "requirement clause", id, m);
    return ITSS_OK;
}

/* Whether text is a level's name or label in either language. */
static int names_level(const itss_maturity_level *l, const char *text)
{
    for (int k = 0; k < 2; k++)
        if (strcmp(l->name[k], text) == 0 || (l->label[k] && strcmp(l->label[k], text) == 0))
            return 1;
    return 0;
}

int itss_maturity_level_lookup(const itss_maturity_model *m, const char *text,
                               const itss_maturity_level **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, m);
    ITSS_CHECK_ARG(err, text);
    size_t n = strspn(text, "0123456789");
    if (n && !text[n]) { /* an ordinal */
        int ord = 0; /* more than two digits: no model has so many levels */
        for (size_t i = 0; n <= 2 && i < n; i++)
            ord = ord * 10 + (text[i] - '0');
        if (ord >= 1 && ord <= m->nlevels) {
            *out = &m->levels[ord - 1];
            return ITSS_OK;
        }
    } else {
        for (int i = 0; i < m->nlevels; i++) {
            if (!names_level(&m->levels[i], text))
                continue;
            if (*out) {
                char shown[160];
                itss__quote(shown, sizeof shown, text, strlen(text), 40);
                int first = (*out)->ordinal;
                *out = NULL;
                return itss__err(err, ITSS_EVALUE,
                                 "\"%s\" names two levels of %s: %d and %d; give the ordinal",
                                 shown, m->edition, first, i + 1);
            }
            *out = &m->levels[i];
        }
    }
    if (!*out) {
        char known[400] = "", shown[160];
        for (int i = 0; i < m->nlevels && strlen(known) + 80 < sizeof known; i++) {
            char one[120];
            snprintf(one, sizeof one, "%s%d %.40s", i ? ", " : "", i + 1,
                     m->levels[i].name[ITSS_LANG_ZH]);
            itss__str_append(known, sizeof known, one);
        }
        itss__quote(shown, sizeof shown, text, strlen(text), 40);
        return itss__err(err, ITSS_ENOTFOUND, "no level \"%s\" in %s (levels: %s)", shown,
                         m->edition, known);
    }
    return ITSS_OK;
}

int itss_maturity_level_ordinal(const itss_maturity_level *l) { return l ? l->ordinal : 0; }

const char *itss_maturity_level_name(const itss_maturity_level *l, itss_lang lang)
{
    return l && itss__lang_ok(lang) ? l->name[lang] : NULL;
}

const char *itss_maturity_level_label(const itss_maturity_level *l, itss_lang lang)
{
    return l && itss__lang_ok(lang) ? l->label[lang] : NULL;
}

const char *itss_maturity_level_description(const itss_maturity_level *l, itss_lang lang)
{
    return l && itss__lang_ok(lang) ? l->desc[lang] : NULL;
}

const char *itss_maturity_part_id(const itss_maturity_part *p) { return p ? p->id : NULL; }

const char *itss_maturity_part_name(const itss_maturity_part *p, itss_lang lang)
{
    return p && itss__lang_ok(lang) ? p->name[lang] : NULL;
}

const char *itss_maturity_domain_id(const itss_maturity_domain *d) { return d ? d->id : NULL; }

const char *itss_maturity_domain_name(const itss_maturity_domain *d, itss_lang lang)
{
    return d && itss__lang_ok(lang) ? d->name[lang] : NULL;
}

const itss_maturity_part *itss_maturity_domain_part(const itss_maturity_domain *d)
{
    return d ? d->part : NULL;
}

const char *itss_maturity_domain_description(const itss_maturity_domain *d, int level,
                                             itss_lang lang)
{
    if (!d || !itss__lang_ok(lang) || !d->desc || level < 1 || level > d->ndesc)
        return NULL;
    return d->desc[level - 1][lang];
}

int itss_maturity_item_number(const itss_maturity_item *it) { return it ? it->number : 0; }

const itss_maturity_domain *itss_maturity_item_domain(const itss_maturity_item *it)
{
    return it ? it->domain : NULL;
}

const char *itss_maturity_item_name(const itss_maturity_item *it, itss_lang lang)
{
    return it && itss__lang_ok(lang) ? it->name[lang] : NULL;
}

size_t itss_maturity_item_alias_count(const itss_maturity_item *it)
{
    return it ? it->naliases : 0;
}

const char *itss_maturity_item_alias_at(const itss_maturity_item *it, size_t i)
{
    return it && i < it->naliases ? it->aliases[i] : NULL;
}

const char *itss_maturity_item_cites(const itss_maturity_item *it)
{
    return it ? it->cites : NULL;
}

const char *itss_maturity_clause_id(const itss_maturity_clause *c) { return c ? c->id : NULL; }
int itss_maturity_clause_level(const itss_maturity_clause *c) { return c ? c->level : 0; }

const itss_maturity_domain *itss_maturity_clause_domain(const itss_maturity_clause *c)
{
    return c ? c->domain : NULL;
}

const itss_maturity_item *itss_maturity_clause_item(const itss_maturity_clause *c)
{
    return c ? c->item : NULL;
}

size_t itss_maturity_clause_item_count(const itss_maturity_clause *c) { return c ? c->nitems : 0; }

const itss_maturity_item *itss_maturity_clause_item_at(const itss_maturity_clause *c, size_t i)
{
    return c && i < c->nitems ? c->items[i] : NULL;
}

const char *itss_maturity_clause_summary(const itss_maturity_clause *c, itss_lang lang)
{
    return c && itss__lang_ok(lang) ? c->summary[lang] : NULL;
}

const char *itss_maturity_clause_source(const itss_maturity_clause *c)
{
    return c ? c->source : NULL;
}

size_t itss_maturity_clause_indicator_count(const itss_maturity_clause *c)
{
    return c ? c->nindicators : 0;
}

const char *itss_maturity_clause_indicator_text(const itss_maturity_clause *c, size_t i,
                                                itss_lang lang)
{
    return c && i < c->nindicators && itss__lang_ok(lang) ? c->indicators[i][lang] : NULL;
}

size_t itss_maturity_level_indicator_count(const itss_maturity_level *l)
{
    return l ? l->nindicators : 0;
}

const char *itss_maturity_level_indicator_text(const itss_maturity_level *l, size_t i,
                                               itss_lang lang)
{
    return l && i < l->nindicators && itss__lang_ok(lang) ? l->indicators[i][lang] : NULL;
}

itss_obligation itss_maturity_clause_obligation(const itss_maturity_clause *c)
{
    return c && c->should ? ITSS_OBLIGATION_SHOULD : ITSS_OBLIGATION_SHALL;
}

/* ---- ratings ------------------------------------------------------------ */

/* The grade of a percentage with bands t (P, L, F lower bounds, exclusive). */
static itss_rating_kind grade_with(const double t[3], itss_rating_kind kind, double percent)
{
    if (kind >= ITSS_RATING_N && kind <= ITSS_RATING_F)
        return kind;
    if (kind != ITSS_RATING_PERCENT || !(isfinite(percent) && percent >= 0 && percent <= 100))
        return ITSS_RATING_NONE;
    return percent > t[2]   ? ITSS_RATING_F
           : percent > t[1] ? ITSS_RATING_L
           : percent > t[0] ? ITSS_RATING_P
                            : ITSS_RATING_N;
}

static const double default_thresholds[3] = {ITSS_DEFAULT_THRESHOLD_P, ITSS_DEFAULT_THRESHOLD_L,
                                             ITSS_DEFAULT_THRESHOLD_F};

itss_rating_kind itss_rating_grade(itss_rating_kind kind, double percent)
{
    return grade_with(default_thresholds, kind, percent);
}

itss_rating_kind itss__mgrade(const itss_maturity_model *m, itss_rating_kind kind,
                              double percent)
{
    return grade_with(m->thresholds, kind, percent);
}

itss_rating_kind itss_maturity_model_grade(const itss_maturity_model *m, itss_rating_kind kind,
                                           double percent)
{
    return m ? itss__mgrade(m, kind, percent) : ITSS_RATING_NONE;
}

double itss_maturity_model_threshold(const itss_maturity_model *m, itss_rating_kind kind)
{
    if (!m || kind < ITSS_RATING_P || kind > ITSS_RATING_F)
        return NAN;
    return m->thresholds[kind - ITSS_RATING_P];
}

itss_satisfaction itss_maturity_model_rule_at_level(const itss_maturity_model *m)
{
    return m ? m->rule_at : ITSS_SAT_NO_CLAUSE;
}

itss_satisfaction itss_maturity_model_rule_below(const itss_maturity_model *m)
{
    return m ? m->rule_below : ITSS_SAT_NO_CLAUSE;
}

const char *itss__sat_word(itss_satisfaction s)
{
    return s == ITSS_SAT_FULLY ? "fully" : "largely";
}

itss_satisfaction itss__rating_sat(const itss_maturity_model *m, const itss_rating *r)
{
    switch ((itss_rating_kind)r->kind) {
    case ITSS_RATING_MET:
    case ITSS_RATING_F: return ITSS_SAT_FULLY;
    case ITSS_RATING_L: return ITSS_SAT_LARGELY;
    case ITSS_RATING_PERCENT:
        switch (itss__mgrade(m, ITSS_RATING_PERCENT, r->percent)) {
        case ITSS_RATING_F: return ITSS_SAT_FULLY;
        case ITSS_RATING_L: return ITSS_SAT_LARGELY;
        default: return ITSS_SAT_NOT;
        }
    case ITSS_RATING_NA: return ITSS_SAT_NOT_APPLICABLE;
    default: return ITSS_SAT_NOT; /* unrated, not_met, N, P */
    }
}

int itss__scale_allows(itss_rating_scale scale, itss_rating_kind kind)
{
    if (kind == ITSS_RATING_NONE || kind == ITSS_RATING_NA || scale == ITSS_SCALE_ANY)
        return 1;
    if (scale == ITSS_SCALE_BINARY)
        return kind == ITSS_RATING_MET || kind == ITSS_RATING_NOT_MET;
    return kind >= ITSS_RATING_N && kind <= ITSS_RATING_PERCENT;
}

const char *itss__scale_name(itss_rating_scale scale)
{
    switch (scale) {
    case ITSS_SCALE_BINARY: return "binary";
    case ITSS_SCALE_NPLF: return "nplf";
    default: return "any";
    }
}

const char *itss__rating_token(itss_rating_kind kind)
{
    static const char *const tokens[] = {NULL, "met", "not_met", "N", "P", "L", "F", NULL, "na"};
    return kind <= ITSS_RATING_NA ? tokens[kind] : NULL;
}

/* ---- assessments --------------------------------------------------------- */

static void rating_clear(itss_rating *r)
{
    free(r->reason);
    free(r->evidence);
    free(r->note);
    memset(r, 0, sizeof *r);
}

int itss_assessment_new(const itss_maturity_model *m, itss_assessment **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, m);
    itss_assessment *a = calloc(1, sizeof *a);
    if (a)
        a->ratings = calloc(m->nclauses ? m->nclauses : 1, sizeof *a->ratings);
    if (!a || !a->ratings) {
        free(a);
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    }
    a->model = m;
    *out = a;
    return ITSS_OK;
}

void itss_assessment_free(itss_assessment *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->model->nclauses; i++)
        rating_clear(&a->ratings[i]);
    itss__meta_free(a->meta, ITSS_ASSESSMENT_META_COUNT);
    free(a->ratings);
    free(a);
}

const itss_maturity_model *itss_assessment_model(const itss_assessment *a)
{
    return a ? a->model : NULL;
}

itss_rating_scale itss_assessment_scale(const itss_assessment *a)
{
    return a ? a->scale : ITSS_SCALE_ANY;
}

static const char *const kind_names[] = {"unrated", "met", "not_met", "N", "P",
                                         "L",       "F",   "a percentage", "na"};

int itss_assessment_set_scale(itss_assessment *a, itss_rating_scale scale, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, a);
    ITSS_CHECK(err, scale == ITSS_SCALE_ANY || scale == ITSS_SCALE_BINARY ||
                        scale == ITSS_SCALE_NPLF,
               "scale %d is not an itss_rating_scale", (int)scale);
    for (size_t i = 0; i < a->model->nclauses; i++)
        if (!itss__scale_allows(scale, (itss_rating_kind)a->ratings[i].kind))
            return itss__err(err, ITSS_EVALUE,
                             "clause %s is rated %s, which the %s scale does not allow",
                             a->model->clauses[i].id, kind_names[a->ratings[i].kind],
                             itss__scale_name(scale));
    a->scale = scale;
    return ITSS_OK;
}

/* Find a clause's rating slot, or fail naming the id. */
static itss_rating *slot(const itss_assessment *a, const char *id, itss_error *err)
{
    const itss_maturity_clause *c = itss__mclause_find(a->model, id);
    if (!c) {
        not_found_id(err, "requirement clause", id, a->model);
        return NULL;
    }
    return &a->ratings[c->index];
}

static char *dup_text(const char *s, const char *what, itss_error *err, int *rc)
{
    *rc = 0;
    if (!s)
        return NULL;
    if (!itss__utf8_valid(s, strlen(s))) {
        *rc = itss__err(err, ITSS_EVALUE, "%s is not valid UTF-8", what);
        return NULL;
    }
    char *p = itss__strdup(s);
    if (!p)
        *rc = itss__err(err, ITSS_ENOMEM, "out of memory");
    return p;
}

int itss__assessment_rate(itss_assessment *a, const itss_maturity_clause *c,
                          itss_rating_kind kind, double percent, const char *reason,
                          itss_error *err)
{
    itss_rating *r = &a->ratings[c->index];
    const char *clause_id = c->id;
    if ((unsigned)kind > ITSS_RATING_NA)
        return itss__err(err, ITSS_EVALUE, "clause %s: unknown rating kind %d", clause_id,
                         (int)kind);
    if (!itss__scale_allows(a->scale, kind))
        return itss__err(err, ITSS_EVALUE, "clause %s: %s is outside the %s scale", clause_id,
                         kind_names[kind], itss__scale_name(a->scale));
    if (kind == ITSS_RATING_PERCENT && !(isfinite(percent) && percent >= 0 && percent <= 100))
        return itss__err(err, ITSS_EVALUE,
                         "clause %s: a percentage must be a finite number from 0 to 100",
                         clause_id);
    char *why = NULL;
    if (kind == ITSS_RATING_NA) {
        if (!reason || !reason[0])
            return itss__err(err, ITSS_EVALUE,
                             "clause %s: \"na\" needs a reason saying why it does not apply",
                             clause_id);
        int rc;
        why = dup_text(reason, "the reason", err, &rc);
        if (rc)
            return rc;
    }
    if (kind == ITSS_RATING_NONE) {
        if (r->kind)
            a->nrated--;
        rating_clear(r);
        return ITSS_OK;
    }
    if (!r->kind)
        a->nrated++;
    free(r->reason);
    r->kind = (unsigned char)kind;
    r->percent = kind == ITSS_RATING_PERCENT ? percent : 0;
    r->reason = why;
    return ITSS_OK;
}

/* The clause a builder function names, or NULL with err filled. */
static const itss_maturity_clause *clause_of(const itss_assessment *a, const char *id,
                                             itss_error *err)
{
    const itss_maturity_clause *c = itss__mclause_find(a->model, id);
    if (!c)
        not_found_id(err, "requirement clause", id, a->model);
    return c;
}

int itss_assessment_set_rating(itss_assessment *a, const char *clause_id, itss_rating_kind kind,
                               itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, a);
    ITSS_CHECK_ARG(err, clause_id);
    ITSS_CHECK(err, kind != ITSS_RATING_NONE,
               "kind is ITSS_RATING_NONE: use itss_assessment_unset");
    ITSS_CHECK(err, kind != ITSS_RATING_PERCENT,
               "kind is ITSS_RATING_PERCENT: use itss_assessment_set_percent");
    ITSS_CHECK(err, kind != ITSS_RATING_NA, "kind is ITSS_RATING_NA: use itss_assessment_set_na");
    ITSS_CHECK(err, kind >= ITSS_RATING_MET && kind <= ITSS_RATING_F,
               "kind %d is not an itss_rating_kind", (int)kind);
    const itss_maturity_clause *c = clause_of(a, clause_id, err);
    return c ? itss__assessment_rate(a, c, kind, 0, NULL, err) : ITSS_ENOTFOUND;
}

int itss_assessment_set_percent(itss_assessment *a, const char *clause_id, double percent,
                                itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, a);
    ITSS_CHECK_ARG(err, clause_id);
    const itss_maturity_clause *c = clause_of(a, clause_id, err);
    return c ? itss__assessment_rate(a, c, ITSS_RATING_PERCENT, percent, NULL, err)
             : ITSS_ENOTFOUND;
}

int itss_assessment_set_na(itss_assessment *a, const char *clause_id, const char *reason,
                           itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, a);
    ITSS_CHECK_ARG(err, clause_id);
    ITSS_CHECK_ARG(err, reason);
    const itss_maturity_clause *c = clause_of(a, clause_id, err);
    return c ? itss__assessment_rate(a, c, ITSS_RATING_NA, 0, reason, err) : ITSS_ENOTFOUND;
}

int itss_assessment_unset(itss_assessment *a, const char *clause_id, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, a);
    ITSS_CHECK_ARG(err, clause_id);
    const itss_maturity_clause *c = clause_of(a, clause_id, err);
    return c ? itss__assessment_rate(a, c, ITSS_RATING_NONE, 0, NULL, err) : ITSS_ENOTFOUND;
}

/* Replace the evidence (which == 0) or the note (which == 1) of a rated
 * clause. */
static int set_text(itss_assessment *a, const char *clause_id, const char *text, int which,
                    itss_error *err)
{
    itss_rating *r = slot(a, clause_id, err);
    if (!r)
        return ITSS_ENOTFOUND;
    if (!r->kind)
        return itss__err(err, ITSS_EVALUE,
                         "clause %s is not rated: rate it before adding evidence or a note",
                         clause_id);
    int rc;
    char *t = dup_text(text, which ? "the note" : "the evidence", err, &rc);
    if (rc)
        return rc;
    char **field = which ? &r->note : &r->evidence;
    free(*field);
    *field = t;
    return ITSS_OK;
}

int itss_assessment_set_evidence(itss_assessment *a, const char *clause_id,
                                 const char *evidence, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, a);
    ITSS_CHECK_ARG(err, clause_id);
    return set_text(a, clause_id, evidence, 0, err);
}

int itss_assessment_set_note(itss_assessment *a, const char *clause_id, const char *note,
                             itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, a);
    ITSS_CHECK_ARG(err, clause_id);
    return set_text(a, clause_id, note, 1, err);
}

int itss_assessment_rating(const itss_assessment *a, const char *clause_id,
                           itss_rating_kind *kind, double *percent, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, a);
    ITSS_CHECK_ARG(err, clause_id);
    const itss_rating *r = slot(a, clause_id, err);
    if (!r)
        return ITSS_ENOTFOUND;
    if (kind)
        *kind = (itss_rating_kind)r->kind;
    if (percent)
        *percent = r->percent;
    return ITSS_OK;
}

static const itss_rating *peek(const itss_assessment *a, const char *id)
{
    if (!a || !id)
        return NULL;
    const itss_maturity_clause *c = itss__mclause_find(a->model, id);
    return c ? &a->ratings[c->index] : NULL;
}

const char *itss_assessment_reason(const itss_assessment *a, const char *clause_id)
{
    const itss_rating *r = peek(a, clause_id);
    return r ? r->reason : NULL;
}

const char *itss_assessment_evidence(const itss_assessment *a, const char *clause_id)
{
    const itss_rating *r = peek(a, clause_id);
    return r ? r->evidence : NULL;
}

const char *itss_assessment_note(const itss_assessment *a, const char *clause_id)
{
    const itss_rating *r = peek(a, clause_id);
    return r ? r->note : NULL;
}

size_t itss_assessment_rated_count(const itss_assessment *a) { return a ? a->nrated : 0; }

int itss_assessment_set_meta(itss_assessment *a, const char *key, const char *value,
                             itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, a);
    ITSS_CHECK_ARG(err, key);
    return itss__meta_set(a->meta, itss__assessment_meta_keys, ITSS_ASSESSMENT_META_COUNT, key,
                          value, err);
}

const char *itss_assessment_meta(const itss_assessment *a, const char *key)
{
    if (!a || !key)
        return NULL;
    int k = itss__meta_index(itss__assessment_meta_keys, ITSS_ASSESSMENT_META_COUNT, key);
    return k < 0 ? NULL : a->meta[k];
}

/* ---- the rater ---------------------------------------------------------- */

static void count(itss_mstats *s, itss_satisfaction sat, int unrated)
{
    s->total++;
    if (sat == ITSS_SAT_NOT_APPLICABLE) {
        s->na++;
        return;
    }
    s->applicable++;
    if (unrated)
        s->unrated++;
    if (sat == ITSS_SAT_FULLY)
        s->fully++;
    if (sat == ITSS_SAT_FULLY || sat == ITSS_SAT_LARGELY)
        s->largely++;
}

/* How many applicable clauses of a group satisfy `need`. */
static size_t meeting(const itss_mstats *s, itss_satisfaction need)
{
    return need == ITSS_SAT_FULLY ? s->fully : s->largely;
}

/* The level a group reaches (stats[1..n]): the highest k such that level
 * k's clauses all meet the rule's at-level need and every level below k
 * meets its below need (the loader keeps below at least as strict as at,
 * so a level that fails its below need ends the search). */
static int level_reached(const itss_maturity_model *m, const itss_mstats *stats, int n)
{
    int reached = 0;
    for (int k = 1; k <= n; k++) {
        if (meeting(&stats[k], m->rule_at) == stats[k].applicable)
            reached = k;
        if (meeting(&stats[k], m->rule_below) != stats[k].applicable)
            break; /* no level above k can be reached */
    }
    return reached;
}

/* Whether a clause's satisfaction s meets a need. */
static int meets(itss_satisfaction s, itss_satisfaction need)
{
    return s == ITSS_SAT_NOT_APPLICABLE || s == ITSS_SAT_FULLY ||
           (s == ITSS_SAT_LARGELY && need == ITSS_SAT_LARGELY);
}

void itss_maturity_result_free(itss_maturity_result *r)
{
    if (!r)
        return;
    if (r->ratings)
        for (size_t i = 0; i < r->model->nclauses; i++) {
            free(r->ratings[i].reason);
            free(r->ratings[i].evidence);
            free(r->ratings[i].note);
        }
    itss__meta_free(r->meta, ITSS_ASSESSMENT_META_COUNT);
    free(r->domain_level);
    free(r->by_level);
    free(r->by_wide);
    free(r->by_domain);
    free(r->by_item);
    free(r->sat);
    free(r->ratings);
    free(r->gaps);
    free(r->unrated);
    free(r->na);
    free(r);
}

int itss_maturity_rate(const itss_assessment *a, int target, itss_maturity_result **out,
                       itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, a);
    const itss_maturity_model *m = a->model;
    int n = m->nlevels;
    ITSS_CHECK(err, target >= 0 && target <= n,
               "target level %d is outside 1..%d (0 = the next level)", target, n);
    size_t w = (size_t)n + 1, nc = m->nclauses;
    itss_maturity_result *r = calloc(1, sizeof *r);
    if (!r)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    r->model = m;
    r->scale = a->scale;
    r->domain_level = calloc(m->ndomains ? m->ndomains : 1, sizeof *r->domain_level);
    r->by_level = calloc(w, sizeof *r->by_level);
    r->by_wide = calloc(w, sizeof *r->by_wide);
    r->by_domain = calloc((m->ndomains ? m->ndomains : 1) * w, sizeof *r->by_domain);
    r->by_item = calloc((m->nitems ? m->nitems : 1) * w, sizeof *r->by_item);
    r->sat = calloc(nc ? nc : 1, 1);
    r->ratings = calloc(nc ? nc : 1, sizeof *r->ratings);
    r->gaps = calloc(nc ? nc : 1, sizeof *r->gaps);
    r->unrated = calloc(nc ? nc : 1, sizeof *r->unrated);
    r->na = calloc(nc ? nc : 1, sizeof *r->na);
    int oom = !r->domain_level || !r->by_level || !r->by_wide || !r->by_domain || !r->by_item || !r->sat ||
              !r->ratings || !r->gaps || !r->unrated || !r->na;
    if (!oom && itss__meta_copy(r->meta, a->meta, ITSS_ASSESSMENT_META_COUNT))
        oom = 1;
    for (size_t i = 0; !oom && i < nc; i++) {
        const itss_maturity_clause *c = &m->clauses[i];
        const itss_rating *in = &a->ratings[i];
        itss_satisfaction s = itss__rating_sat(m, in);
        int unrated = in->kind == ITSS_RATING_NONE;
        r->sat[i] = (unsigned char)s;
        r->ratings[i].kind = in->kind;
        r->ratings[i].percent = in->percent;
        if ((in->reason && !(r->ratings[i].reason = itss__strdup(in->reason))) ||
            (in->evidence && !(r->ratings[i].evidence = itss__strdup(in->evidence))) ||
            (in->note && !(r->ratings[i].note = itss__strdup(in->note))))
            oom = 1;
        if (unrated)
            r->unrated[r->nunrated++] = i;
        if (s == ITSS_SAT_NOT_APPLICABLE)
            r->na[r->nna++] = i;
        if (c->should) { /* a recommendation: counted apart, never blocks */
            count(&r->should, s, unrated);
            continue;
        }
        count(&r->by_level[0], s, unrated);
        count(&r->by_level[c->level], s, unrated);
        if (!c->domain) { /* level-wide: the overall level only */
            count(&r->by_wide[0], s, unrated);
            count(&r->by_wide[c->level], s, unrated);
            continue;
        }
        count(&r->by_domain[c->domain->index * w], s, unrated);
        count(&r->by_domain[c->domain->index * w + (size_t)c->level], s, unrated);
        for (size_t k = 0; k < c->nitems; k++) { /* each item it names */
            count(&r->by_item[c->items[k]->index * w], s, unrated);
            count(&r->by_item[c->items[k]->index * w + (size_t)c->level], s, unrated);
        }
    }
    if (oom) {
        itss_maturity_result_free(r);
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    }
    r->level = level_reached(m, r->by_level, n);
    for (size_t d = 0; d < m->ndomains; d++)
        r->domain_level[d] = level_reached(m, &r->by_domain[d * w], n);
    r->target = target ? target : (r->level < n ? r->level + 1 : 0);
    /* gaps, in model order, which is level, domain, item, clause */
    for (size_t i = 0; r->target && i < nc; i++) {
        int lv = m->clauses[i].level;
        itss_satisfaction s = (itss_satisfaction)r->sat[i];
        if (m->clauses[i].should)
            continue;
        if (lv < r->target && !meets(s, m->rule_below))
            r->gaps[r->ngaps++] = (itss_mgap){&m->clauses[i], m->rule_below};
        else if (lv == r->target && !meets(s, m->rule_at))
            r->gaps[r->ngaps++] = (itss_mgap){&m->clauses[i], m->rule_at};
    }
    *out = r;
    return ITSS_OK;
}

/* ---- result getters ---------------------------------------------------- */

int itss_maturity_result_level(const itss_maturity_result *r) { return r ? r->level : -1; }

/* The model's own domain, item or clause (not one of another model), or
 * NULL. */
static int domain_of(const itss_maturity_result *r, const itss_maturity_domain *d)
{
    return d && d->index < r->model->ndomains && &r->model->domains[d->index] == d;
}

static int item_of(const itss_maturity_result *r, const itss_maturity_item *it)
{
    return it && it->index < r->model->nitems && &r->model->items[it->index] == it;
}

static int clause_of_model(const itss_maturity_result *r, const itss_maturity_clause *c)
{
    return c && c->index < r->model->nclauses && &r->model->clauses[c->index] == c;
}

const itss_maturity_model *itss_maturity_result_model(const itss_maturity_result *r)
{
    return r ? r->model : NULL;
}

int itss_maturity_result_domain_level(const itss_maturity_result *r,
                                      const itss_maturity_domain *d)
{
    return r && domain_of(r, d) ? r->domain_level[d->index] : -1;
}

double itss_maturity_result_coverage(const itss_maturity_result *r,
                                     const itss_maturity_domain *d, int level)
{
    if (!r || level < 0 || level > r->model->nlevels || (d && !domain_of(r, d)))
        return NAN;
    size_t w = (size_t)r->model->nlevels + 1;
    const itss_mstats *s = d ? &r->by_domain[d->index * w + (size_t)level] : &r->by_level[level];
    return s->applicable ? (double)s->fully / (double)s->applicable : NAN;
}

double itss_maturity_result_recommendation_coverage(const itss_maturity_result *r)
{
    return r && r->should.applicable ? (double)r->should.fully / (double)r->should.applicable
                                     : NAN;
}

itss_satisfaction itss_maturity_result_item_status(const itss_maturity_result *r,
                                                   const itss_maturity_item *it, int level)
{
    if (!r || level < 1 || level > r->model->nlevels || !item_of(r, it))
        return ITSS_SAT_NO_CLAUSE;
    const itss_mstats *s = &r->by_item[it->index * ((size_t)r->model->nlevels + 1) + (size_t)level];
    if (!s->total)
        return ITSS_SAT_NO_CLAUSE;
    if (!s->applicable)
        return ITSS_SAT_NOT_APPLICABLE;
    if (s->fully == s->applicable)
        return ITSS_SAT_FULLY;
    return s->largely == s->applicable ? ITSS_SAT_LARGELY : ITSS_SAT_NOT;
}

itss_satisfaction itss_maturity_result_clause_status(const itss_maturity_result *r,
                                                     const itss_maturity_clause *c)
{
    return r && clause_of_model(r, c) ? (itss_satisfaction)r->sat[c->index] : ITSS_SAT_NO_CLAUSE;
}

int itss_maturity_result_target(const itss_maturity_result *r) { return r ? r->target : 0; }

size_t itss_maturity_result_gap_count(const itss_maturity_result *r) { return r ? r->ngaps : 0; }

const itss_maturity_clause *itss_maturity_result_gap_at(const itss_maturity_result *r, size_t i)
{
    return r && i < r->ngaps ? r->gaps[i].clause : NULL;
}

itss_satisfaction itss_maturity_result_gap_required(const itss_maturity_result *r, size_t i)
{
    return r && i < r->ngaps ? r->gaps[i].required : ITSS_SAT_NO_CLAUSE;
}

size_t itss_maturity_result_unrated_count(const itss_maturity_result *r)
{
    return r ? r->nunrated : 0;
}

const itss_maturity_clause *itss_maturity_result_unrated_at(const itss_maturity_result *r,
                                                            size_t i)
{
    return r && i < r->nunrated ? &r->model->clauses[r->unrated[i]] : NULL;
}

size_t itss_maturity_result_na_count(const itss_maturity_result *r) { return r ? r->nna : 0; }

const itss_maturity_clause *itss_maturity_result_na_at(const itss_maturity_result *r, size_t i)
{
    return r && i < r->nna ? &r->model->clauses[r->na[i]] : NULL;
}

const char *itss_maturity_result_na_reason(const itss_maturity_result *r, size_t i)
{
    return r && i < r->nna ? r->ratings[r->na[i]].reason : NULL;
}
