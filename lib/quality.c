/* libitss — the quality engine: model and catalog access, evaluations,
 * scoring (docs/quality.md). No JSON here. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "itss/classify.h"
#include "quality_internal.h"

const char *const itss__evaluation_meta_keys[ITSS_EVALUATION_META_COUNT] = {
    "id", "provider", "customer", "evaluator", "date", "period", "notes"};

/* ---- life cycle ------------------------------------------------------------ */

void itss__quality_model_free(itss_quality_model *m)
{
    if (m) {
        itss__arena_free(&m->arena);
        free(m);
    }
}

/* A loaded catalog is malloc'd and its reference count is the one thing
 * that changes in it: the casts drop the const of the shared handles. */
const itss_indicator_catalog *itss__catalog_ref(const itss_indicator_catalog *c)
{
    if (c && !c->builtin)
        atomic_fetch_add_explicit(&((itss_indicator_catalog *)c)->refs, 1,
                                  memory_order_relaxed);
    return c;
}

void itss__catalog_unref(const itss_indicator_catalog *c)
{
    itss_indicator_catalog *mc = (itss_indicator_catalog *)c;
    /* acq_rel: every use by the other holders happens before the free */
    if (mc && !mc->builtin &&
        atomic_fetch_sub_explicit(&mc->refs, 1, memory_order_acq_rel) == 1) {
        itss__arena_free(&mc->arena);
        free(mc);
    }
}

void itss_indicator_catalog_free(itss_indicator_catalog *c) { itss__catalog_unref(c); }

/* ---- model ------------------------------------------------------------------ */

int itss__qmodel_link(itss_quality_model *m)
{
    /* the model is being built: its arrays are arena memory of ours */
    itss_quality_node *chars = (itss_quality_node *)m->chars;
    itss_quality_node *subs = (itss_quality_node *)m->subs;
    for (size_t c = 0; c < m->nchars; c++) {
        itss_quality_node *ch = &chars[c];
        ch->index = c;
        ch->nchildren = 0;
        for (size_t s = 0; s < m->nsubs; s++)
            ch->nchildren += subs[s].parent == ch;
        const itss_quality_node **kids =
            itss__arena_calloc(&m->arena, ch->nchildren + 1, sizeof *kids);
        if (!kids)
            return ITSS_ENOMEM;
        size_t k = 0;
        for (size_t s = 0; s < m->nsubs; s++)
            if (subs[s].parent == ch)
                kids[k++] = &subs[s];
        ch->children = kids;
    }
    for (size_t s = 0; s < m->nsubs; s++)
        subs[s].index = s;
    return ITSS_OK;
}

const itss_quality_node *itss__qnode_find(const itss_quality_model *m, const char *id)
{
    for (size_t i = 0; i < m->nchars; i++)
        if (strcmp(m->chars[i].id, id) == 0)
            return &m->chars[i];
    for (size_t i = 0; i < m->nsubs; i++)
        if (strcmp(m->subs[i].id, id) == 0)
            return &m->subs[i];
    return NULL;
}

const char *itss_quality_model_edition(const itss_quality_model *m)
{
    return m ? m->edition : NULL;
}

const char *itss_quality_model_title(const itss_quality_model *m, itss_lang lang)
{
    return m && itss__lang_ok(lang) ? m->title[lang] : NULL;
}

size_t itss_quality_model_characteristic_count(const itss_quality_model *m)
{
    return m ? m->nchars : 0;
}

const itss_quality_node *itss_quality_model_characteristic_at(const itss_quality_model *m,
                                                              size_t i)
{
    return m && i < m->nchars ? &m->chars[i] : NULL;
}

size_t itss_quality_model_subcharacteristic_count(const itss_quality_model *m)
{
    return m ? m->nsubs : 0;
}

const itss_quality_node *itss_quality_model_subcharacteristic_at(const itss_quality_model *m,
                                                                 size_t i)
{
    return m && i < m->nsubs ? &m->subs[i] : NULL;
}

int itss_quality_node_lookup(const itss_quality_model *m, const char *id,
                             const itss_quality_node **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, m);
    ITSS_CHECK_ARG(err, id);
    if (!(*out = itss__qnode_find(m, id))) {
        char sh[160];
        return itss__err(err, ITSS_ENOTFOUND,
                         "\"%s\" is not a characteristic or sub-characteristic of %s",
                         itss__shown(sh, sizeof sh, id), m->edition);
    }
    return ITSS_OK;
}

const char *itss_quality_node_id(const itss_quality_node *n) { return n ? n->id : NULL; }

const char *itss_quality_node_name(const itss_quality_node *n, itss_lang lang)
{
    return n && itss__lang_ok(lang) ? n->name[lang] : NULL;
}

const char *itss_quality_node_definition(const itss_quality_node *n, itss_lang lang)
{
    return n && itss__lang_ok(lang) ? n->def[lang] : NULL;
}

const itss_quality_node *itss_quality_node_parent(const itss_quality_node *n)
{
    return n ? n->parent : NULL;
}

size_t itss_quality_node_child_count(const itss_quality_node *n) { return n ? n->nchildren : 0; }

const itss_quality_node *itss_quality_node_child_at(const itss_quality_node *n, size_t i)
{
    return n && i < n->nchildren ? n->children[i] : NULL;
}

/* ---- catalogs ---------------------------------------------------------------- */

static int by_id_cmp(const void *a, const void *b)
{
    const itss_indicator *x = *(const itss_indicator *const *)a,
                         *y = *(const itss_indicator *const *)b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x > y) - (x < y); /* equal ids: document order */
}

static const void *indicator_id(const void *items, size_t i, size_t *len)
{
    const char *id = ((const itss_indicator *)items)[i].id;
    *len = strlen(id);
    return id;
}

size_t itss__indicator_catalog_index(itss_indicator_catalog *c, int *rc)
{
    *rc = ITSS_OK;
    const itss_indicator **by_id = itss__arena_calloc(&c->arena, c->n ? c->n : 1, sizeof *by_id);
    if (!by_id) {
        *rc = ITSS_ENOMEM;
        return (size_t)-1;
    }
    for (size_t i = 0; i < c->n; i++)
        by_id[i] = &c->items[i];
    qsort(by_id, c->n, sizeof *by_id, by_id_cmp);
    c->by_id = by_id;
    size_t dup;
    int found = itss__index_first_repeat(c->items, c->n, indicator_id, &dup);
    if (found < 0)
        *rc = ITSS_ENOMEM;
    return found == 1 ? dup : (size_t)-1;
}

const itss_indicator *itss__indicator_find(const itss_indicator_catalog *c, const char *id)
{
    size_t lo = 0, hi = c->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int k = strcmp(c->by_id[mid]->id, id);
        if (k == 0)
            return c->by_id[mid];
        if (k < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static char *dup_opt(itss_arena *a, const char *s, int *oom)
{
    if (!s)
        return NULL;
    char *p = itss__arena_strdup(a, s);
    if (!p)
        *oom = 1;
    return p;
}

int itss__indicator_copy(itss_arena *a, itss_indicator *dst, const itss_indicator *src)
{
    int oom = 0;
    *dst = *src;
    dst->id = dup_opt(a, src->id, &oom);
    dst->source = dup_opt(a, src->source, &oom);
    for (int l = 0; l < 2; l++) {
        dst->name[l] = dup_opt(a, src->name[l], &oom);
        dst->a[l] = dup_opt(a, src->a[l], &oom);
        dst->b[l] = dup_opt(a, src->b[l], &oom);
        for (int k = 0; k < 5; k++)
            dst->anchor[k][l] = dup_opt(a, src->anchor[k][l], &oom);
    }
    if (src->nservices) {
        char **services = itss__arena_calloc(a, src->nservices, sizeof *services);
        if (!services)
            return ITSS_ENOMEM;
        for (size_t i = 0; i < src->nservices; i++)
            services[i] = dup_opt(a, src->services[i], &oom);
        dst->services = services;
    }
    return oom ? ITSS_ENOMEM : ITSS_OK;
}

size_t itss_indicator_catalog_indicator_count(const itss_indicator_catalog *c)
{
    return c ? c->n : 0;
}

const itss_indicator *itss_indicator_catalog_indicator_at(const itss_indicator_catalog *c,
                                                         size_t i)
{
    return c && i < c->n ? &c->items[i] : NULL;
}

int itss_indicator_lookup(const itss_indicator_catalog *c, const char *id,
                          const itss_indicator **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, c);
    ITSS_CHECK_ARG(err, id);
    if (!(*out = itss__indicator_find(c, id))) {
        char sh[160];
        return itss__err(err, ITSS_ENOTFOUND, "no indicator \"%s\" in the catalog",
                         itss__shown(sh, sizeof sh, id));
    }
    return ITSS_OK;
}

const char *itss_indicator_id(const itss_indicator *ind) { return ind ? ind->id : NULL; }

const char *itss_indicator_name(const itss_indicator *ind, itss_lang lang)
{
    return ind && itss__lang_ok(lang) ? ind->name[lang] : NULL;
}

const itss_quality_node *itss_indicator_subcharacteristic(const itss_indicator *ind)
{
    return ind ? ind->sub : NULL;
}

itss_method itss_indicator_method(const itss_indicator *ind)
{
    return ind ? (itss_method)ind->method : ITSS_METHOD_RATIO;
}

itss_polarity itss_indicator_polarity(const itss_indicator *ind)
{
    return ind ? (itss_polarity)ind->polarity : ITSS_POLARITY_POSITIVE;
}
size_t itss_indicator_service_count(const itss_indicator *ind) { return ind ? ind->nservices : 0; }

const char *itss_indicator_service_at(const itss_indicator *ind, size_t i)
{
    return ind && i < ind->nservices ? ind->services[i] : NULL;
}

int itss_indicator_applies_to(const itss_indicator *ind, const char *service)
{
    if (!ind || !service)
        return 0;
    if (!ind->nservices)
        return 1;
    for (size_t i = 0; i < ind->nservices; i++)
        if (strncmp(service, ind->services[i], strlen(ind->services[i])) == 0)
            return 1;
    return 0;
}

const char *itss_indicator_a(const itss_indicator *ind, itss_lang lang)
{
    return ind && itss__lang_ok(lang) ? ind->a[lang] : NULL;
}

const char *itss_indicator_b(const itss_indicator *ind, itss_lang lang)
{
    return ind && itss__lang_ok(lang) ? ind->b[lang] : NULL;
}

const char *itss_indicator_anchor(const itss_indicator *ind, int level, itss_lang lang)
{
    return ind && itss__lang_ok(lang) && level >= 1 && level <= 5 ? ind->anchor[level - 1][lang]
                                                            : NULL;
}

const char *itss_indicator_source(const itss_indicator *ind) { return ind ? ind->source : NULL; }

/* ---- evaluations ----------------------------------------------------------- */

int itss__check_service(const char *code, itss_error *err)
{
    return itss_code_validate(itss_catalog_builtin(), code, NULL, err);
}

void itss__measure_clear(itss_measure *m)
{
    free(m->scores);
    free(m->reason);
    memset(m, 0, sizeof *m);
}

int itss__eval_new(const itss_indicator_catalog *c, const char *service, itss_evaluation **out,
                   itss_error *err)
{
    *out = NULL;
    int rc = itss__check_service(service, err);
    if (rc)
        return rc;
    itss_evaluation *e = calloc(1, sizeof *e);
    if (!e)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    e->cat = itss__catalog_ref(c); /* released by itss_evaluation_free */
    e->model = c->model;
    memcpy(e->service, service, strlen(service) + 1); /* checked: at most 6 digits */
    e->wsub = malloc(c->model->nsubs * sizeof *e->wsub);
    e->wchar = malloc(c->model->nchars * sizeof *e->wchar);
    if (!e->wsub || !e->wchar) {
        itss_evaluation_free(e);
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < c->model->nsubs; i++)
        e->wsub[i] = 1;
    for (size_t i = 0; i < c->model->nchars; i++)
        e->wchar[i] = 1;
    *out = e;
    return ITSS_OK;
}

void itss_evaluation_free(itss_evaluation *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->nsel; i++)
        itss__measure_clear(&e->meas[i]);
    for (size_t i = 0; i < e->nbands; i++)
        free(e->bands[i].grade);
    itss__meta_free(e->meta, ITSS_EVALUATION_META_COUNT);
    free(e->sel);
    free(e->meas);
    free(e->wind);
    free(e->pos);
    free(e->wsub);
    free(e->wchar);
    free(e->bands);
    itss__catalog_unref(e->cat);
    free(e);
}

/* Replace the selection with list[0..n) (already checked). */
static int set_selection(itss_evaluation *e, const itss_indicator **list, size_t n,
                         itss_error *err)
{
    const itss_indicator **sel = malloc((n ? n : 1) * sizeof *sel);
    itss_measure *meas = calloc(n ? n : 1, sizeof *meas);
    double *wind = malloc((n ? n : 1) * sizeof *wind);
    long *pos = malloc((e->cat->n ? e->cat->n : 1) * sizeof *pos);
    if (!sel || !meas || !wind || !pos) {
        free(sel);
        free(meas);
        free(wind);
        free(pos);
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    }
    for (size_t k = 0; k < e->cat->n; k++)
        pos[k] = -1;
    for (size_t i = 0; i < n; i++) {
        size_t k = (size_t)(list[i] - e->cat->items);
        sel[i] = list[i];
        wind[i] = 1;
        pos[k] = (long)i;
        /* keep what the previous selection knew of the indicator */
        long old = e->pos ? e->pos[k] : -1;
        if (old >= 0) {
            meas[i] = e->meas[old];
            memset(&e->meas[old], 0, sizeof e->meas[old]);
            wind[i] = e->wind[old];
        }
    }
    for (size_t i = 0; i < e->nsel; i++)
        itss__measure_clear(&e->meas[i]);
    free(e->sel);
    free(e->meas);
    free(e->wind);
    free(e->pos);
    e->sel = sel;
    e->meas = meas;
    e->wind = wind;
    e->pos = pos;
    e->nsel = n;
    return ITSS_OK;
}

int itss__eval_default_scheme(itss_evaluation *e, itss_error *err)
{
    const itss_indicator **list = malloc((e->cat->n ? e->cat->n : 1) * sizeof *list);
    if (!list)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < e->cat->n; i++)
        if (itss_indicator_applies_to(&e->cat->items[i], e->service))
            list[n++] = &e->cat->items[i];
    int rc = set_selection(e, list, n, err);
    free(list);
    return rc;
}

int itss_evaluation_new(const itss_indicator_catalog *c, const char *service,
                        itss_evaluation **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, c);
    ITSS_CHECK_ARG(err, service);
    int rc;
    if ((rc = itss__eval_new(c, service, out, err)))
        return rc;
    if ((rc = itss__eval_default_scheme(*out, err))) {
        itss_evaluation_free(*out);
        *out = NULL;
    }
    return rc;
}

long itss__eval_pos(const itss_evaluation *e, const char *id)
{
    const itss_indicator *ind = itss__indicator_find(e->cat, id); /* binary search */
    return ind && e->pos ? e->pos[ind - e->cat->items] : -1;
}

const itss_indicator_catalog *itss_evaluation_catalog(const itss_evaluation *e)
{
    return e ? e->cat : NULL;
}

int itss_evaluation_set_indicators(itss_evaluation *e, const char *const *ids, size_t n,
                                   itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK(err, ids || n == 0, "ids is NULL but n is %zu", n);
    for (size_t i = 0; i < n; i++)
        ITSS_CHECK(err, ids[i] != NULL, "ids[%zu] is NULL", i);
    const itss_indicator **list = malloc((n ? n : 1) * sizeof *list);
    unsigned char *seen = calloc(e->cat->n ? e->cat->n : 1, 1); /* by catalog index */
    if (!list || !seen) {
        free(list);
        free(seen);
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    }
    int rc = ITSS_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        char sh[160];
        if (!(list[i] = itss__indicator_find(e->cat, ids[i])))
            rc = itss__err(err, ITSS_ENOTFOUND, "no indicator \"%s\" in the catalog",
                           itss__shown(sh, sizeof sh, ids[i]));
        else if (seen[list[i] - e->cat->items]++)
            rc = itss__err(err, ITSS_EDUPLICATE, "indicator \"%s\" is selected twice",
                           list[i]->id);
    }
    if (!rc)
        rc = set_selection(e, list, n, err);
    free(list);
    free(seen);
    return rc;
}

double *itss__eval_weight_slot(itss_evaluation *e, const char *id)
{
    long pos = itss__eval_pos(e, id);
    if (pos >= 0)
        return &e->wind[pos];
    const itss_quality_node *n = itss__qnode_find(e->model, id);
    if (!n)
        return NULL;
    return n->parent ? &e->wsub[n->index] : &e->wchar[n->index];
}

int itss_evaluation_set_weight(itss_evaluation *e, const char *id, double weight,
                               itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK_ARG(err, id);
    double *slot = itss__eval_weight_slot(e, id);
    char sh[160];
    if (!slot)
        return itss__err(err, ITSS_ENOTFOUND,
                         "\"%s\" is neither a selected indicator nor a characteristic or "
                         "sub-characteristic",
                         itss__shown(sh, sizeof sh, id));
    if (!isfinite(weight) || weight < 0)
        return itss__err(err, ITSS_EVALUE, "the weight of \"%s\" must be a finite number >= 0",
                         id);
    *slot = weight;
    return ITSS_OK;
}

int itss__eval_add_band(itss_evaluation *e, const char *grade, double min, itss_error *err)
{
    if (!grade[0] || !itss__utf8_valid(grade, strlen(grade)))
        return itss__err(err, ITSS_EVALUE, "a band's grade must be non-empty UTF-8 text");
    if (!isfinite(min) || min < 0 || min > 1)
        return itss__err(err, ITSS_EVALUE, "band \"%s\": min must be a number from 0 to 1",
                         grade);
    if (e->nbands >= ITSS_MAX_BANDS)
        return itss__err(err, ITSS_ELIMIT, "more than %d bands", ITSS_MAX_BANDS);
    for (size_t i = 0; i < e->nbands; i++)
        if (strcmp(e->bands[i].grade, grade) == 0)
            return itss__err(err, ITSS_EDUPLICATE, "band \"%s\" is given twice", grade);
    itss_band *nb = realloc(e->bands, (e->nbands + 1) * sizeof *nb);
    char *g = itss__strdup(grade);
    if (!nb || !g) {
        if (nb)
            e->bands = nb;
        free(g);
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    }
    e->bands = nb;
    /* keep sorted by min, highest first */
    size_t at = e->nbands;
    while (at > 0 && e->bands[at - 1].min < min) {
        e->bands[at] = e->bands[at - 1];
        at--;
    }
    e->bands[at] = (itss_band){g, min};
    e->nbands++;
    return ITSS_OK;
}

int itss_evaluation_add_band(itss_evaluation *e, const char *grade, double min, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK_ARG(err, grade);
    return itss__eval_add_band(e, grade, min, err);
}

void itss__eval_take_measure(itss_evaluation *e, size_t pos, itss_measure *m)
{
    itss__measure_clear(&e->meas[pos]);
    e->meas[pos] = *m;
    memset(m, 0, sizeof *m);
}

/* The selected indicator for a measurement, checking its method. */
static long measure_target(const itss_evaluation *e, const char *id, int method, itss_error *err)
{
    char sh[160];
    long pos = itss__eval_pos(e, id);
    if (pos < 0)
        return itss__indicator_find(e->cat, id)
                   ? itss__err(err, ITSS_ENOTFOUND,
                               "indicator \"%s\" is not selected in this evaluation's scheme",
                               itss__shown(sh, sizeof sh, id))
                   : itss__err(err, ITSS_ENOTFOUND, "no indicator \"%s\" in the catalog",
                               itss__shown(sh, sizeof sh, id));
    if (method >= 0 && e->sel[pos]->method != method)
        return itss__err(err, ITSS_EVALUE,
                         method == ITSS_METHOD_RATIO
                             ? "\"%s\" is a rating indicator: give \"scores\", not A and B"
                             : "\"%s\" is a ratio indicator: give A and B, not \"scores\"",
                         id);
    return pos;
}

int itss_evaluation_set_ratio(itss_evaluation *e, const char *id, double a, double b,
                              itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK_ARG(err, id);
    long pos = measure_target(e, id, ITSS_METHOD_RATIO, err);
    if (pos < 0)
        return (int)pos;
    if (!isfinite(a) || !isfinite(b) || a < 0 || b < 0)
        return itss__err(err, ITSS_EVALUE, "\"%s\": A and B are counts: finite numbers >= 0",
                         id);
    if (a > b)
        return itss__err(err, ITSS_EVALUE,
                         "\"%s\": A (items meeting the requirement) cannot exceed B (all items)",
                         id);
    itss_measure m = {ITSS_MEASUREMENT_RATIO, a, b, NULL, 0, NULL};
    itss__eval_take_measure(e, (size_t)pos, &m);
    return ITSS_OK;
}

int itss_evaluation_set_scores(itss_evaluation *e, const char *id, const int *scores, size_t n,
                               itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK_ARG(err, id);
    ITSS_CHECK(err, scores || n == 0, "scores is NULL but n is %zu", n);
    long pos = measure_target(e, id, ITSS_METHOD_RATING, err);
    if (pos < 0)
        return (int)pos;
    if (n == 0)
        return itss__err(err, ITSS_EVALUE, "\"%s\": give at least one score", id);
    if (n > ITSS_MAX_SCORES)
        return itss__err(err, ITSS_ELIMIT, "\"%s\": more than %d scores", id, ITSS_MAX_SCORES);
    for (size_t i = 0; i < n; i++)
        if (scores[i] < 1 || scores[i] > 5)
            return itss__err(err, ITSS_EVALUE, "\"%s\": score %zu is %d; scores are 1 to 5", id,
                             i + 1, scores[i]);
    itss_measure m = {ITSS_MEASUREMENT_SCORES, 0, 0, malloc(n * sizeof(int)), n, NULL};
    if (!m.scores)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    memcpy(m.scores, scores, n * sizeof(int));
    itss__eval_take_measure(e, (size_t)pos, &m);
    return ITSS_OK;
}

int itss_evaluation_set_na(itss_evaluation *e, const char *id, const char *reason,
                           itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK_ARG(err, id);
    ITSS_CHECK_ARG(err, reason);
    long pos = measure_target(e, id, -1, err);
    if (pos < 0)
        return (int)pos;
    if (!reason[0] || !itss__utf8_valid(reason, strlen(reason)))
        return itss__err(err, ITSS_EVALUE,
                         "\"%s\": not applicable needs a reason (non-empty UTF-8 text)", id);
    itss_measure m = {ITSS_MEASUREMENT_NA, 0, 0, NULL, 0, itss__strdup(reason)};
    if (!m.reason)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    itss__eval_take_measure(e, (size_t)pos, &m);
    return ITSS_OK;
}

int itss_evaluation_unset(itss_evaluation *e, const char *id, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK_ARG(err, id);
    long pos = measure_target(e, id, -1, err);
    if (pos < 0)
        return (int)pos;
    itss__measure_clear(&e->meas[pos]);
    return ITSS_OK;
}

/* The measurement of a selected indicator in *out, or the failure; with
 * want not NONE, it must be of that kind (what names it in the message). */
static int measure_of(const itss_evaluation *e, const char *id, itss_measurement_kind want,
                      const char *what, const itss_measure **out, itss_error *err)
{
    long pos = measure_target(e, id, -1, err);
    if (pos < 0)
        return (int)pos;
    if (want != ITSS_MEASUREMENT_NONE && e->meas[pos].kind != want) {
        char sh[160];
        return itss__err(err, ITSS_EVALUE, "indicator \"%s\" holds no %s",
                         itss__shown(sh, sizeof sh, id), what);
    }
    *out = &e->meas[pos];
    return ITSS_OK;
}

int itss_evaluation_measurement(const itss_evaluation *e, const char *id,
                                itss_measurement_kind *kind, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK_ARG(err, id);
    const itss_measure *m = NULL;
    int rc = measure_of(e, id, ITSS_MEASUREMENT_NONE, NULL, &m, err);
    if (rc)
        return rc;
    if (kind)
        *kind = (itss_measurement_kind)m->kind;
    return ITSS_OK;
}

int itss_evaluation_ratio(const itss_evaluation *e, const char *id, double *a, double *b,
                          itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK_ARG(err, id);
    const itss_measure *m = NULL;
    int rc = measure_of(e, id, ITSS_MEASUREMENT_RATIO, "ratio measurement", &m, err);
    if (rc)
        return rc;
    if (a)
        *a = m->a;
    if (b)
        *b = m->b;
    return ITSS_OK;
}

int itss_evaluation_scores(const itss_evaluation *e, const char *id, const int **scores,
                           size_t *n, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK_ARG(err, id);
    const itss_measure *m = NULL;
    int rc = measure_of(e, id, ITSS_MEASUREMENT_SCORES, "scores", &m, err);
    if (rc)
        return rc;
    if (scores)
        *scores = m->scores;
    if (n)
        *n = m->nscores;
    return ITSS_OK;
}

const char *itss_evaluation_reason(const itss_evaluation *e, const char *id)
{
    if (!e || !id)
        return NULL;
    long pos = itss__eval_pos(e, id);
    return pos < 0 ? NULL : e->meas[pos].reason;
}

size_t itss_evaluation_measured_count(const itss_evaluation *e)
{
    size_t k = 0;
    for (size_t i = 0; e && i < e->nsel; i++)
        k += e->meas[i].kind != ITSS_MEASUREMENT_NONE;
    return k;
}

int itss_evaluation_weight(const itss_evaluation *e, const char *id, double *weight,
                           itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK_ARG(err, id);
    const double *slot = itss__eval_weight_slot((itss_evaluation *)e, id);
    if (!slot) {
        char sh[160];
        return itss__err(err, ITSS_ENOTFOUND,
                         "\"%s\" is neither a selected indicator nor a characteristic or "
                         "sub-characteristic",
                         itss__shown(sh, sizeof sh, id));
    }
    if (weight)
        *weight = *slot;
    return ITSS_OK;
}

size_t itss_evaluation_band_count(const itss_evaluation *e) { return e ? e->nbands : 0; }

const char *itss_evaluation_band_grade(const itss_evaluation *e, size_t i)
{
    return e && i < e->nbands ? e->bands[i].grade : NULL;
}

double itss_evaluation_band_min(const itss_evaluation *e, size_t i)
{
    return e && i < e->nbands ? e->bands[i].min : NAN;
}

int itss_evaluation_set_meta(itss_evaluation *e, const char *key, const char *value,
                             itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK_ARG(err, key);
    return itss__meta_set(e->meta, itss__evaluation_meta_keys, ITSS_EVALUATION_META_COUNT, key,
                          value, err);
}

const char *itss_evaluation_meta(const itss_evaluation *e, const char *key)
{
    if (!e || !key)
        return NULL;
    int k = itss__meta_index(itss__evaluation_meta_keys, ITSS_EVALUATION_META_COUNT, key);
    return k < 0 ? NULL : e->meta[k];
}

const char *itss_evaluation_service(const itss_evaluation *e) { return e ? e->service : NULL; }
size_t itss_evaluation_indicator_count(const itss_evaluation *e) { return e ? e->nsel : 0; }

const itss_indicator *itss_evaluation_indicator_at(const itss_evaluation *e, size_t i)
{
    return e && i < e->nsel ? e->sel[i] : NULL;
}

/* ---- scoring ------------------------------------------------------------------ */

/* A weighted mean of values in [0, 1] by finite weights >= 0: the sums
 * are kept relative to the largest weight added so far (scale), so that
 * they never overflow (each is at most the number of terms), whatever the
 * weights; when a larger weight comes, the sums shrink by scale / w (a
 * share that underflows there is below what a double can tell next to the
 * new largest weight). */
typedef struct {
    double scale, wx, w; /* the largest weight; sum of w_i/scale * x_i; of w_i/scale */
} wmean;

static void wmean_add(wmean *m, double w, double x)
{
    if (w > m->scale) {
        double shrink = m->scale / w; /* 0 for the first weight above 0 */
        m->wx *= shrink;
        m->w *= shrink;
        m->scale = w;
    }
    if (m->scale > 0) {
        m->wx += w / m->scale * x;
        m->w += w / m->scale;
    }
}

/* The mean; NaN when the weights are all 0 (or none was added). */
static double wmean_value(const wmean *m) { return m->w > 0 ? m->wx / m->w : NAN; }

/* One level of the tree: children with scores and weights -> the node.
 * The score is the mean over the evaluated children, the coverage over all
 * children in the scheme, each scaled by its own largest weight. */
typedef struct {
    wmean score, cov;
    size_t nsel, nevaluated;
} agg;

static void agg_add(agg *g, double w, double score, double coverage, size_t nsel)
{
    if (!nsel)
        return; /* a child with nothing selected is not part of the scheme */
    g->nsel += nsel;
    /* a child without coverage (its own children weigh 0) covers nothing */
    wmean_add(&g->cov, w, isfinite(coverage) ? coverage : 0);
    if (isfinite(score)) {
        g->nevaluated++;
        wmean_add(&g->score, w, score);
    }
}

static itss_qscore agg_done(const agg *g, double weight)
{
    itss_qscore s = {NAN, NAN, weight, g->nsel, ITSS_QREASON_NONE};
    if (!g->nsel) {
        s.reason = ITSS_QREASON_NO_INDICATORS;
        s.coverage = 0;
        return s;
    }
    s.coverage = wmean_value(&g->cov);
    if (!g->nevaluated)
        s.reason = ITSS_QREASON_NOTHING_EVALUATED;
    else if (!(g->score.w > 0))
        s.reason = ITSS_QREASON_ZERO_WEIGHT;
    else
        s.score = wmean_value(&g->score);
    return s;
}

static int copy_measure(itss_measure *dst, const itss_measure *src)
{
    *dst = *src;
    dst->scores = NULL;
    dst->reason = NULL;
    if (src->nscores && !(dst->scores = malloc(src->nscores * sizeof(int))))
        return ITSS_ENOMEM;
    if (src->nscores)
        memcpy(dst->scores, src->scores, src->nscores * sizeof(int));
    if (src->reason && !(dst->reason = itss__strdup(src->reason)))
        return ITSS_ENOMEM;
    return ITSS_OK;
}

void itss_quality_result_free(itss_quality_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; r->meas && i < r->nsel; i++)
        itss__measure_clear(&r->meas[i]);
    for (size_t i = 0; r->bands && i < r->nbands; i++)
        free(r->bands[i].grade);
    itss__meta_free(r->meta, ITSS_EVALUATION_META_COUNT);
    free(r->sel);
    free(r->meas);
    free(r->x);
    free(r->status);
    free(r->wind);
    free(r->subs);
    free(r->chars);
    free(r->bands);
    itss__catalog_unref(r->cat);
    free(r);
}

int itss_quality_score(const itss_evaluation *e, itss_quality_result **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, e);
    const itss_quality_model *m = e->model;
    size_t n = e->nsel, k = n ? n : 1;
    itss_quality_result *r = calloc(1, sizeof *r);
    if (!r)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    r->model = m;
    r->cat = itss__catalog_ref(e->cat); /* the indicators of sel */
    memcpy(r->service, e->service, sizeof r->service);
    r->nsel = n;
    r->nbands = e->nbands;
    r->band = -1;
    r->sel = malloc(k * sizeof *r->sel);
    r->meas = calloc(k, sizeof *r->meas);
    r->x = malloc(k * sizeof *r->x);
    r->status = malloc(k * sizeof *r->status);
    r->wind = malloc(k * sizeof *r->wind);
    r->subs = calloc(m->nsubs, sizeof *r->subs);
    r->chars = calloc(m->nchars, sizeof *r->chars);
    r->bands = calloc(e->nbands ? e->nbands : 1, sizeof *r->bands);
    int oom = !r->sel || !r->meas || !r->x || !r->status || !r->wind || !r->subs || !r->chars ||
              !r->bands;
    if (!oom && itss__meta_copy(r->meta, e->meta, ITSS_EVALUATION_META_COUNT))
        oom = 1;
    for (size_t i = 0; !oom && i < e->nbands; i++)
        if (!(r->bands[i].grade = itss__strdup(e->bands[i].grade)))
            oom = 1;
        else
            r->bands[i].min = e->bands[i].min;
    for (size_t i = 0; !oom && i < n; i++)
        oom = copy_measure(&r->meas[i], &e->meas[i]) != ITSS_OK;
    if (oom) {
        itss_quality_result_free(r);
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    }

    /* indicators: X and status */
    for (size_t i = 0; i < n; i++) {
        const itss_indicator *ind = e->sel[i];
        const itss_measure *ms = &e->meas[i];
        r->sel[i] = ind;
        r->wind[i] = e->wind[i];
        r->x[i] = NAN;
        switch (ms->kind) {
        case ITSS_MEASUREMENT_RATIO:
            if (ms->b == 0) {
                r->status[i] = ITSS_INDICATOR_NO_EVENTS;
            } else {
                double q = ms->a / ms->b;
                r->x[i] = ind->polarity == ITSS_POLARITY_NEGATIVE ? 1 - q : q;
                r->status[i] = ITSS_INDICATOR_EVALUATED;
            }
            break;
        case ITSS_MEASUREMENT_SCORES: {
            long sum = 0;
            for (size_t j = 0; j < ms->nscores; j++)
                sum += ms->scores[j];
            r->x[i] = (double)sum / (double)ms->nscores / 5.0;
            r->status[i] = ITSS_INDICATOR_EVALUATED;
            break;
        }
        case ITSS_MEASUREMENT_NA: r->status[i] = ITSS_INDICATOR_NA; break;
        default: r->status[i] = ITSS_INDICATOR_MISSING; break;
        }
    }
    /* sub-characteristics, characteristics, overall */
    agg top = {0};
    for (size_t c = 0; c < m->nchars; c++) {
        const itss_quality_node *ch = &m->chars[c];
        agg gc = {0};
        for (size_t s = 0; s < ch->nchildren; s++) {
            const itss_quality_node *sub = ch->children[s];
            agg gs = {0};
            for (size_t i = 0; i < n; i++)
                if (e->sel[i]->sub == sub)
                    agg_add(&gs, e->wind[i], r->x[i], isfinite(r->x[i]) ? 1 : 0, 1);
            r->subs[sub->index] = agg_done(&gs, e->wsub[sub->index]);
            const itss_qscore *ss = &r->subs[sub->index];
            agg_add(&gc, ss->weight, ss->score, ss->coverage, ss->nselected);
        }
        r->chars[c] = agg_done(&gc, e->wchar[c]);
        agg_add(&top, r->chars[c].weight, r->chars[c].score, r->chars[c].coverage,
                r->chars[c].nselected);
    }
    r->overall = agg_done(&top, 1);
    if (isfinite(r->overall.score))
        for (size_t i = 0; i < r->nbands && r->band < 0; i++)
            if (r->overall.score >= r->bands[i].min)
                r->band = (int)i;
    *out = r;
    return ITSS_OK;
}

double itss_quality_result_overall(const itss_quality_result *r)
{
    return r ? r->overall.score : NAN;
}

double itss_quality_result_coverage(const itss_quality_result *r)
{
    return r ? (isfinite(r->overall.coverage) ? r->overall.coverage : 0) : NAN;
}

const char *itss_quality_result_band(const itss_quality_result *r)
{
    return r && r->band >= 0 ? r->bands[r->band].grade : NULL;
}

double itss_quality_result_node_score(const itss_quality_result *r, const itss_quality_node *n)
{
    if (!r || !n)
        return NAN;
    if (n->parent)
        return n->index < r->model->nsubs && &r->model->subs[n->index] == n
                   ? r->subs[n->index].score
                   : NAN;
    return n->index < r->model->nchars && &r->model->chars[n->index] == n
               ? r->chars[n->index].score
               : NAN;
}

/* The position of an indicator (by id) in the result's scheme, or -1. */
static long result_pos(const itss_quality_result *r, const itss_indicator *ind)
{
    for (size_t i = 0; r && ind && i < r->nsel; i++)
        if (r->sel[i] == ind || strcmp(r->sel[i]->id, ind->id) == 0)
            return (long)i;
    return -1;
}

double itss_quality_result_indicator_score(const itss_quality_result *r,
                                           const itss_indicator *ind)
{
    long i = result_pos(r, ind);
    return i < 0 ? NAN : r->x[i];
}

itss_indicator_status itss_quality_result_indicator_status(const itss_quality_result *r,
                                                           const itss_indicator *ind)
{
    long i = result_pos(r, ind);
    return i < 0 ? ITSS_INDICATOR_NOT_SELECTED : (itss_indicator_status)r->status[i];
}

const char *itss_quality_result_indicator_reason(const itss_quality_result *r,
                                                 const itss_indicator *ind)
{
    long i = result_pos(r, ind);
    return i < 0 || r->status[i] != ITSS_INDICATOR_NA ? NULL : r->meas[i].reason;
}

size_t itss_quality_result_not_evaluated_count(const itss_quality_result *r)
{
    size_t k = 0;
    for (size_t i = 0; r && i < r->nsel; i++)
        k += r->status[i] != ITSS_INDICATOR_EVALUATED;
    return k;
}

const itss_indicator *itss_quality_result_not_evaluated_at(const itss_quality_result *r,
                                                           size_t i)
{
    for (size_t k = 0; r && k < r->nsel; k++) {
        if (r->status[k] == ITSS_INDICATOR_EVALUATED || i-- > 0)
            continue;
        return r->sel[k];
    }
    return NULL;
}
