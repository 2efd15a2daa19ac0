/* libitss — the quality model, indicator catalogs, evaluations, results and
 * AHP as JSON: loaders (validate and build) and writers. Formats in
 * docs/quality.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../quality_internal.h"
#include "json_internal.h"
#include "../sheet/sheet.h"

static int nomem(itss_jdoc *d) { return itss__err(d->err, ITSS_ENOMEM, "out of memory"); }

/* ---- the model (built-in only) ----------------------------------------------- */

static int load_node(itss_jdoc *d, itss_arena *A, json_t *o, itss_quality_node *n,
                     const char *const *keys)
{
    const char *id = NULL;
    if (!json_is_object(o))
        return itss__jfail(d, ITSS_ESCHEMA, 0, "a node must be an object, not %s",
                           itss__jtype(o));
    int rc = itss__jkeys(d, o, keys);
    if (!rc)
        rc = itss__jget_id(d, o, "id", &id);
    if (!rc)
        rc = itss__jget_text2(d, o, "name", 1, A, n->name);
    if (!rc)
        rc = itss__jget_text2(d, o, "definition", 1, A, n->def);
    if (!rc && !(n->id = itss__arena_strdup(A, id)))
        rc = nomem(d);
    return rc;
}

/* The id of the model's node i: characteristics first, then the
 * sub-characteristics. */
static const void *node_id(const void *model, size_t i, size_t *len)
{
    const itss_quality_model *m = model;
    const char *id = i < m->nchars ? m->chars[i].id : m->subs[i - m->nchars].id;
    *len = strlen(id);
    return id;
}

static int build_qmodel(itss_jdoc *d, void *ctx)
{
    static const char *const keys[] = {"format", "edition", "title", "source",
                                       "characteristics", NULL};
    static const char *const ckeys[] = {"id", "name", "definition", "subcharacteristics", NULL};
    static const char *const skeys[] = {"id", "name", "definition", NULL};
    itss_quality_model *m = calloc(1, sizeof *m);
    if (!m)
        return nomem(d);
    itss_arena *A = &m->arena;
    json_t *chars = NULL;
    const char *format = NULL, *edition = NULL;
    int rc = itss__jkeys(d, d->root, keys);
    if (!rc)
        rc = itss__jget_string(d, d->root, "format", 1, 0, &format);
    if (!rc && strcmp(format, ITSS_QUALITY_FORMAT) != 0)
        rc = itss__jfail_key(d, "format", ITSS_EVALUE, 0, "format must be \"%s\"",
                             ITSS_QUALITY_FORMAT);
    if (!rc)
        rc = itss__jget_string(d, d->root, "edition", 1, 0, &edition);
    if (!rc)
        rc = itss__jget_text2(d, d->root, "title", 1, A, m->title);
    if (!rc)
        rc = itss__jget_string_copy(d, A, d->root, "source", &m->source);
    if (!rc)
        rc = itss__jget_array_max(d, d->root, "characteristics", 1, 64, &chars, &m->nchars);
    if (!rc && !(m->edition = itss__arena_strdup(A, edition)))
        rc = nomem(d);
    /* count the sub-characteristics first: they live in one array */
    for (size_t c = 0; !rc && c < m->nchars; c++) {
        json_t *subs = json_object_get(json_array_get(chars, c), "subcharacteristics");
        m->nsubs += json_is_array(subs) ? json_array_size(subs) : 0;
    }
    /* the model is being built: these are arena memory of ours to write */
    itss_quality_node *chars_out = NULL, *subs_out = NULL;
    if (!rc && (!(m->chars = chars_out = itss__arena_calloc(A, m->nchars + 1, sizeof *chars_out)) ||
                !(m->subs = subs_out = itss__arena_calloc(A, m->nsubs + 1, sizeof *subs_out))))
        rc = nomem(d);
    size_t ns = 0, m0 = itss__jpath_key(d, "characteristics");
    for (size_t c = 0; !rc && c < m->nchars; c++) {
        size_t m1 = itss__jpath_index(d, c);
        json_t *o = json_array_get(chars, c), *subs = NULL;
        size_t k = 0;
        rc = load_node(d, A, o, &chars_out[c], ckeys);
        if (!rc)
            rc = itss__jget_array_max(d, o, "subcharacteristics", 1, 64, &subs, &k);
        size_t m2 = itss__jpath_key(d, "subcharacteristics");
        for (size_t s = 0; !rc && s < k; s++) {
            size_t m3 = itss__jpath_index(d, s);
            rc = load_node(d, A, json_array_get(subs, s), &subs_out[ns], skeys);
            subs_out[ns++].parent = &chars_out[c];
            itss__jpath_pop(d, m3);
        }
        itss__jpath_pop(d, m2);
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    size_t dup, len;
    int found = rc ? 0 : itss__index_first_repeat(m, m->nchars + m->nsubs, node_id, &dup);
    if (found < 0)
        rc = nomem(d);
    else if (found)
        rc = itss__err(d->err, ITSS_EDUPLICATE, "node id \"%s\" is used twice",
                       (const char *)node_id(m, dup, &len));
    if (!rc && itss__qmodel_link(m))
        rc = nomem(d);
    if (rc) {
        itss__arena_free(A);
        free(m);
        return rc;
    }
    *(itss_quality_model **)ctx = m;
    return ITSS_OK;
}

int itss__quality_model_load(const char *json, size_t len, itss_quality_model **out,
                             itss_error *err)
{
    itss__err_clear(err);
    *out = NULL;
    return itss__jdoc_load(json, len, err, build_qmodel, out);
}

/* ---- indicator catalogs --------------------------------------------------------- */

static const char *const method_names[] = {"ratio", "rating", NULL};
static const char *const polarity_names[] = {"positive", "negative", NULL};

static int enum_value(itss_jdoc *d, json_t *o, const char *key, const char *const *names,
                      int *out)
{
    const char *s = NULL;
    int rc = itss__jget_string(d, o, key, 1, 0, &s);
    if (rc)
        return rc;
    for (int k = 0; names[k]; k++)
        if (strcmp(names[k], s) == 0) {
            *out = k;
            return ITSS_OK;
        }
    char sh[160];
    return itss__jfail_key(d, key, ITSS_EVALUE, 0, "\"%s\" must be %s or %s, not \"%s\"", key,
                           names[0], names[1], itss__shown(sh, sizeof sh, s));
}

typedef struct {
    itss_jdoc *d;
    itss_indicator_catalog *c;
    size_t nbase;      /* indicators copied from the base catalog */
    itss_index services; /* of the indicator being read */
} cloader;

static int load_services(cloader *L, json_t *o, itss_indicator *ind)
{
    itss_jdoc *d = L->d;
    json_t *arr = NULL;
    int rc = itss__jget_array_max(d, o, "services", 0, ITSS_MAX_SERVICES, &arr, &ind->nservices);
    if (rc || !arr)
        return rc;
    size_t m0 = itss__jpath_key(d, "services");
    if (!ind->nservices)
        rc = itss__jfail(d, ITSS_EVALUE, 0,
                         "\"services\" must not be empty (leave it out for every service)");
    char **services = NULL;
    itss__index_clear(&L->services);
    if (!rc && !(ind->services = services = itss__arena_calloc(&L->c->arena, ind->nservices,
                                                               sizeof *services)))
        rc = nomem(d);
    for (size_t i = 0; !rc && i < ind->nservices; i++) {
        size_t m1 = itss__jpath_index(d, i);
        json_t *v = json_array_get(arr, i);
        itss_error e;
        if (!json_is_string(v))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a service is a GB/T 29264 code string, not %s",
                             itss__jtype(v));
        else if ((rc = itss__check_service(json_string_value(v), &e)))
            itss__jfail(d, rc, 0, "%s", e.message);
        else if (!(services[i] = itss__arena_strdup(&L->c->arena, json_string_value(v))))
            rc = nomem(d);
        int seen = rc ? 0 : itss__index_add_str(&L->services, services[i], i, NULL);
        if (seen < 0)
            rc = nomem(d);
        else if (seen)
            rc = itss__jfail(d, ITSS_EDUPLICATE, 0, "service %s is listed twice", services[i]);
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    return rc;
}

static int load_anchors(cloader *L, json_t *o, itss_indicator *ind)
{
    static const char *const levels[] = {"1", "2", "3", "4", "5", NULL};
    itss_jdoc *d = L->d;
    json_t *an = NULL;
    int rc = itss__jget_object(d, o, "anchors", 1, &an);
    if (rc)
        return rc;
    size_t m0 = itss__jpath_key(d, "anchors");
    rc = itss__jkeys(d, an, levels);
    for (int k = 0; !rc && k < 5; k++)
        rc = itss__jget_text2(d, an, levels[k], 1, &L->c->arena, ind->anchor[k]);
    itss__jpath_pop(d, m0);
    return rc;
}

static int load_indicator(cloader *L, json_t *o, itss_indicator *ind)
{
    static const char *const keys[] = {"id", "name", "subcharacteristic", "method", "polarity",
                                       "services", "a", "b", "anchors", "source", NULL};
    itss_jdoc *d = L->d;
    itss_arena *A = &L->c->arena;
    const itss_quality_model *m = L->c->model;
    const char *id = NULL, *sub = NULL;
    char sh[160];
    if (!json_is_object(o))
        return itss__jfail(d, ITSS_ESCHEMA, 0, "an indicator must be an object, not %s",
                           itss__jtype(o));
    int rc = itss__jkeys(d, o, keys);
    if (!rc)
        rc = itss__jget_id(d, o, "id", &id);
    if (!rc && itss__qnode_find(m, id))
        rc = itss__jfail_key(d, "id", ITSS_EMODEL, 0,
                             "indicator id \"%s\" is the id of a quality characteristic or "
                             "sub-characteristic: ids share one namespace",
                             id);
    if (!rc)
        rc = itss__jget_text2(d, o, "name", 1, A, ind->name);
    if (!rc)
        rc = itss__jget_string(d, o, "subcharacteristic", 1, 0, &sub);
    if (!rc && (!(ind->sub = itss__qnode_find(m, sub)) || !ind->sub->parent))
        rc = itss__jfail_key(d, "subcharacteristic", ITSS_EMODEL, 0,
                             "\"%s\" is not a sub-characteristic of %s",
                             itss__shown(sh, sizeof sh, sub), m->edition);
    if (!rc)
        rc = enum_value(d, o, "method", method_names, &ind->method);
    if (!rc)
        rc = enum_value(d, o, "polarity", polarity_names, &ind->polarity);
    if (!rc && ind->method == ITSS_METHOD_RATING && ind->polarity == ITSS_POLARITY_NEGATIVE)
        rc = itss__jfail_key(d, "polarity", ITSS_EVALUE, 0,
                             "a rating (X = A/5) is always \"positive\": 5 is the best score");
    if (!rc)
        rc = load_services(L, o, ind);
    if (!rc && ind->method == ITSS_METHOD_RATIO) {
        if (json_object_get(o, "anchors"))
            rc = itss__jfail_key(d, "anchors", ITSS_ESCHEMA, 1,
                                 "\"anchors\" describe ratings, not ratios");
        if (!rc)
            rc = itss__jget_text2(d, o, "a", 1, A, ind->a);
        if (!rc)
            rc = itss__jget_text2(d, o, "b", 1, A, ind->b);
    } else if (!rc) {
        if (json_object_get(o, "a") || json_object_get(o, "b"))
            rc = itss__jfail_key(d, json_object_get(o, "a") ? "a" : "b", ITSS_ESCHEMA, 1,
                                 "\"a\" and \"b\" describe ratios, not ratings");
        if (!rc)
            rc = load_anchors(L, o, ind);
    }
    if (!rc)
        rc = itss__jget_string_copy(d, A, o, "source", &ind->source);
    if (!rc && !(ind->id = itss__arena_strdup(A, id)))
        rc = nomem(d);
    return rc;
}

typedef struct {
    const itss_indicator_catalog *base;
    itss_indicator_catalog **out;
} catalog_ctx;

static int build_qcatalog(itss_jdoc *d, void *ctx)
{
    static const char *const keys[] = {"format", "source", "indicators", NULL};
    catalog_ctx *cc = ctx;
    const itss_quality_model *m = itss_quality_model_builtin();
    int rc;
    itss_indicator_catalog *c = calloc(1, sizeof *c);
    if (!c)
        return nomem(d);
    c->model = m;
    atomic_init(&c->refs, 1); /* the caller's */
    cloader L = {.d = d, .c = c, .nbase = cc->base ? cc->base->n : 0};
    itss__index_init(&L.services);
    json_t *list = NULL;
    const char *format = NULL;
    size_t n = 0;
    rc = itss__jkeys(d, d->root, keys);
    if (!rc)
        rc = itss__jget_string(d, d->root, "format", 0, 0, &format);
    if (!rc && format && strcmp(format, ITSS_INDICATORS_FORMAT) != 0)
        rc = itss__jfail_key(d, "format", ITSS_EVALUE, 0, "format must be \"%s\"",
                             ITSS_INDICATORS_FORMAT);
    if (!rc)
        rc = itss__jget_string_copy(d, &c->arena, d->root, "source", &c->source);
    if (!rc)
        rc = itss__jget_array_max(d, d->root, "indicators", 1, ITSS_MAX_INDICATORS, &list, &n);
    if (!rc && L.nbase + n > ITSS_MAX_INDICATORS)
        rc = itss__jfail_key(d, "indicators", ITSS_ELIMIT, 0,
                             "with the base catalog there would be %zu indicators; the limit is %d",
                             L.nbase + n, ITSS_MAX_INDICATORS);
    itss_indicator *items = NULL; /* arena memory of ours while the catalog is built */
    if (!rc && !(c->items = items = itss__arena_calloc(&c->arena, L.nbase + n + 1, sizeof *items)))
        rc = nomem(d);
    for (size_t i = 0; !rc && cc->base && i < L.nbase; i++)
        if (itss__indicator_copy(&c->arena, &items[i], &cc->base->items[i]))
            rc = nomem(d);
    size_t m0 = itss__jpath_key(d, "indicators");
    for (size_t i = 0; !rc && i < n; i++) {
        size_t m1 = itss__jpath_index(d, i);
        rc = load_indicator(&L, json_array_get(list, i), &items[L.nbase + i]);
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    itss__index_free(&L.services);
    c->n = L.nbase + n;
    if (!rc) {
        size_t dup = itss__indicator_catalog_index(c, &rc);
        if (rc) {
            nomem(d);
        } else if (dup != (size_t)-1) {
            size_t m1 = itss__jpath_key(d, "indicators"), m2 = itss__jpath_index(d, dup - L.nbase);
            int in_base = 0;
            for (size_t i = 0; i < L.nbase; i++)
                in_base |= strcmp(c->items[i].id, c->items[dup].id) == 0;
            rc = itss__jfail_key(d, "id", ITSS_EDUPLICATE, 0,
                                 in_base ? "indicator id \"%s\" is already in the base catalog"
                                         : "indicator id \"%s\" is used twice",
                                 c->items[dup].id);
            itss__jpath_pop(d, m2);
            itss__jpath_pop(d, m1);
        }
    }
    if (rc) {
        itss__arena_free(&c->arena);
        free(c);
        return rc;
    }
    *cc->out = c;
    return ITSS_OK;
}

int itss_indicator_catalog_load(const char *json, size_t len, itss_indicator_catalog **out,
                                itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, json);
    catalog_ctx cc = {NULL, out};
    return itss__jdoc_load(json, len, err, build_qcatalog, &cc);
}

int itss_indicator_catalog_extend(const itss_indicator_catalog *base, const char *json,
                                  size_t len, itss_indicator_catalog **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, base);
    ITSS_CHECK_ARG(err, json);
    catalog_ctx cc = {base, out};
    return itss__jdoc_load(json, len, err, build_qcatalog, &cc);
}

static int load_catalog_text(const char *text, size_t len, void *ctx, itss_error *err)
{
    catalog_ctx *cc = ctx;
    return itss__jdoc_load(text, len, err, build_qcatalog, cc);
}

int itss_indicator_catalog_load_file(const char *path, itss_indicator_catalog **out,
                                     itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, path);
    catalog_ctx cc = {NULL, out};
    return itss__load_path(path, err, load_catalog_text, &cc);
}

int itss_indicator_catalog_extend_file(const itss_indicator_catalog *base, const char *path,
                                       itss_indicator_catalog **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, base);
    ITSS_CHECK_ARG(err, path);
    catalog_ctx cc = {base, out};
    return itss__load_path(path, err, load_catalog_text, &cc);
}

/* ---- evaluations ------------------------------------------------------------------ */

/* Relocate an error of the engine's checks to the current path. */
static int here(itss_jdoc *d, int rc)
{
    if (rc && d->err) {
        itss_error keep = *d->err;
        itss__jfail(d, rc, 0, "%s", keep.message);
    }
    return rc;
}

/* AHP on a matrix read at the current path: a failure about one cell is
 * located at that cell, any other (inconsistency, size) at the matrix. */
static int ahp_here(itss_jdoc *d, const double *a, size_t n, itss_ahp_mode mode, double *w,
                    double *lmax, double *ci, double *cr)
{
    size_t cell[2];
    int rc = itss__ahp(a, n, mode, w, lmax, ci, cr, cell, d->err);
    size_t i = cell[0], j = cell[1];
    if (rc && d->err && i < n && j < n) {
        itss_error keep = *d->err;
        size_t m1 = itss__jpath_index(d, i), m2 = itss__jpath_index(d, j);
        itss__jfail(d, rc, 0, "%s", keep.message);
        itss__jpath_pop(d, m2);
        itss__jpath_pop(d, m1);
        return rc;
    }
    return here(d, rc);
}

static int load_selection(itss_jdoc *d, itss_evaluation *e, json_t *scheme)
{
    json_t *list = NULL;
    size_t n = 0;
    int rc = itss__jget_array_max(d, scheme, "indicators", 0, ITSS_MAX_INDICATORS, &list, &n);
    if (rc)
        return rc;
    if (!list)
        return itss__eval_default_scheme(e, d->err);
    const char **ids = calloc(n ? n : 1, sizeof *ids);
    unsigned char *seen = calloc(e->cat->n ? e->cat->n : 1, 1); /* by catalog index */
    if (!ids || !seen) {
        free(ids);
        free(seen);
        return nomem(d);
    }
    size_t m0 = itss__jpath_key(d, "indicators");
    for (size_t i = 0; !rc && i < n; i++) {
        size_t m1 = itss__jpath_index(d, i);
        json_t *v = json_array_get(list, i);
        const itss_indicator *ind = NULL;
        char sh[160];
        if (!json_is_string(v))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "an indicator id must be a string, not %s",
                             itss__jtype(v));
        else if (!(ind = itss__indicator_find(e->cat, (ids[i] = json_string_value(v)))))
            rc = itss__jfail(d, ITSS_ENOTFOUND, 0, "no indicator \"%s\" in the catalog",
                             itss__shown(sh, sizeof sh, ids[i]));
        else if (seen[ind - e->cat->items]++)
            rc = itss__jfail(d, ITSS_EDUPLICATE, 0, "indicator \"%s\" is selected twice",
                             ids[i]);
        itss__jpath_pop(d, m1);
    }
    free(seen);
    itss__jpath_pop(d, m0);
    if (!rc)
        rc = itss_evaluation_set_indicators(e, ids, n, d->err);
    free(ids);
    return rc;
}

/* The children of a node in the scheme: selected indicators of a
 * sub-characteristic, sub-characteristics (of a characteristic) or
 * characteristics (of "overall") with at least one selected indicator. */
static int in_scheme_child(const itss_evaluation *e, const char *node, const char *id)
{
    long pos = itss__eval_pos(e, id);
    const itss_quality_node *n = itss__qnode_find(e->model, id);
    if (pos >= 0)
        return strcmp(e->sel[pos]->sub->id, node) == 0;
    if (!n)
        return 0;
    const char *parent = n->parent ? n->parent->id : "overall";
    if (strcmp(parent, node) != 0)
        return 0;
    for (size_t i = 0; i < e->nsel; i++)
        if (e->sel[i]->sub == n || e->sel[i]->sub->parent == n)
            return 1;
    return 0;
}

static size_t scheme_child_count(const itss_evaluation *e, const char *node)
{
    size_t k = 0;
    for (size_t i = 0; i < e->nsel; i++)
        k += strcmp(e->sel[i]->sub->id, node) == 0;
    for (size_t i = 0; i < e->model->nchars + e->model->nsubs; i++) {
        const itss_quality_node *n =
            i < e->model->nchars ? &e->model->chars[i] : &e->model->subs[i - e->model->nchars];
        k += in_scheme_child(e, node, n->id);
    }
    return k;
}

static int load_ahp(itss_jdoc *d, itss_evaluation *e, json_t *spec, json_t *weights)
{
    static const char *const keys[] = {"node", "labels", "matrix", "allow_inconsistent", NULL};
    const char *node = NULL;
    json_t *labels = NULL, *matrix = NULL;
    int allow = 0;
    size_t n = 0, nm = 0;
    char sh[160];
    if (!json_is_object(spec))
        return itss__jfail(d, ITSS_ESCHEMA, 0, "an AHP entry must be an object, not %s",
                           itss__jtype(spec));
    int rc = itss__jkeys(d, spec, keys);
    if (!rc)
        rc = itss__jget_string(d, spec, "node", 1, 0, &node);
    if (!rc && strcmp(node, "overall") != 0 && !itss__qnode_find(e->model, node))
        rc = itss__jfail_key(d, "node", ITSS_ENOTFOUND, 0,
                             "\"%s\" is not \"overall\", a characteristic or a sub-characteristic",
                             itss__shown(sh, sizeof sh, node));
    if (!rc)
        rc = itss__jget_array_max(d, spec, "labels", 1, ITSS_AHP_MAX, &labels, &n);
    if (!rc)
        rc = itss__jget_array_max(d, spec, "matrix", 1, ITSS_AHP_MAX, &matrix, &nm);
    if (!rc)
        rc = itss__jget_bool(d, spec, "allow_inconsistent", 0, &allow);
    if (!rc && n != scheme_child_count(e, node))
        rc = itss__jfail_key(d, "labels", ITSS_EVALUE, 0,
                             "\"labels\" must list each of the %zu children that \"%s\" has in "
                             "this scheme, not %zu",
                             scheme_child_count(e, node), node, n);
    if (!rc && nm != n)
        rc = itss__jfail_key(d, "matrix", ITSS_EVALUE, 0, "the matrix must have %zu rows, one "
                             "per label, not %zu", n, nm);
    size_t m0 = itss__jpath_key(d, "labels");
    for (size_t i = 0; !rc && i < n; i++) {
        json_t *v = json_array_get(labels, i);
        size_t m1 = itss__jpath_index(d, i);
        if (!json_is_string(v))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a label must be a string, not %s",
                             itss__jtype(v));
        else if (!in_scheme_child(e, node, json_string_value(v)))
            rc = itss__jfail(d, ITSS_EVALUE, 0, "\"%s\" is not a child of \"%s\" in this scheme",
                             itss__shown(sh, sizeof sh, json_string_value(v)), node);
        else if (json_object_get(weights, json_string_value(v)))
            rc = itss__jfail(d, ITSS_EVALUE, 0,
                             "the weight of \"%s\" is given both in \"weights\" and by AHP",
                             json_string_value(v));
        for (size_t j = 0; !rc && j < i; j++)
            if (json_equal(json_array_get(labels, j), v))
                rc = itss__jfail(d, ITSS_EDUPLICATE, 0, "label \"%s\" is listed twice",
                                 json_string_value(v));
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    double a[ITSS_AHP_MAX * ITSS_AHP_MAX], w[ITSS_AHP_MAX];
    m0 = itss__jpath_key(d, "matrix");
    for (size_t i = 0; !rc && i < n; i++) {
        json_t *row = json_array_get(matrix, i);
        size_t m1 = itss__jpath_index(d, i);
        if (!json_is_array(row) || json_array_size(row) != n)
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "each row must be an array of %zu numbers", n);
        for (size_t j = 0; !rc && j < n; j++) {
            json_t *v = json_array_get(row, j);
            if (!json_is_number(v)) {
                size_t m2 = itss__jpath_index(d, j);
                rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a comparison must be a number, not %s",
                                 itss__jtype(v));
                itss__jpath_pop(d, m2);
            }
            a[i * n + j] = json_number_value(v);
        }
        itss__jpath_pop(d, m1);
    }
    if (!rc)
        rc = ahp_here(d, a, n, allow ? ITSS_AHP_ALLOW_INCONSISTENT : ITSS_AHP_STRICT, w, NULL,
                      NULL, NULL);
    itss__jpath_pop(d, m0);
    for (size_t i = 0; !rc && i < n; i++)
        *itss__eval_weight_slot(e, json_string_value(json_array_get(labels, i))) = w[i];
    return rc;
}

/* problems: as load_evaluation's. */
static int load_scheme(itss_jdoc *d, itss_evaluation *e, json_t *scheme,
                       itss_problem_list *problems)
{
    static const char *const keys[] = {"service", "indicators", "weights", "ahp", "bands",
                                       NULL};
    static const char *const band_keys[] = {"grade", "min", NULL};
    json_t *weights = NULL, *ahp = NULL, *bands = NULL;
    size_t nahp = 0, nbands = 0;
    const char *service = NULL;
    int rc = itss__jkeys(d, scheme, keys);
    /* a scheme may say its service (itss_quality_scheme_render writes it):
     * it must be the evaluation's */
    if (!rc)
        rc = itss__jget_string(d, scheme, "service", 0, 0, &service);
    if (!rc && service && strcmp(service, e->service) != 0) {
        char sh[64];
        rc = itss__jfail_key(d, "service", ITSS_EVALUE, 0,
                             "the scheme is for service %s, the evaluation for %s",
                             itss__shown(sh, sizeof sh, service), e->service);
    }
    if (!rc)
        rc = load_selection(d, e, scheme);
    if (!rc)
        rc = itss__jget_object(d, scheme, "weights", 0, &weights);
    if (!rc && weights) {
        size_t m0 = itss__jpath_key(d, "weights");
        const char *id;
        json_t *v;
        json_object_foreach(weights, id, v) {
            size_t m1 = itss__jpath_key(d, id);
            char sh[160];
            if (!itss__eval_weight_slot(e, id))
                rc = itss__jfail(d, ITSS_ENOTFOUND, 1,
                                 itss__indicator_find(e->cat, id)
                                     ? "\"%s\" is an indicator this scheme does not select"
                                     : "\"%s\" is neither an indicator nor a characteristic or "
                                       "sub-characteristic",
                                 itss__shown(sh, sizeof sh, id));
            else if (!json_is_number(v))
                rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a weight must be a number, not %s",
                                 itss__jtype(v));
            else
                rc = here(d, itss_evaluation_set_weight(e, id, json_number_value(v), d->err));
            itss__jpath_pop(d, m1);
            if ((rc = itss__jkeep(problems, d->err, rc)))
                break;
        }
        itss__jpath_pop(d, m0);
    }
    if (!rc)
        rc = itss__jget_array_max(d, scheme, "ahp", 0, 64, &ahp, &nahp);
    size_t m0 = itss__jpath_key(d, "ahp");
    for (size_t i = 0; !rc && i < nahp; i++) {
        size_t m1 = itss__jpath_index(d, i);
        rc = load_ahp(d, e, json_array_get(ahp, i), weights);
        for (size_t j = 0; !rc && j < i; j++)
            if (json_equal(json_object_get(json_array_get(ahp, j), "node"),
                           json_object_get(json_array_get(ahp, i), "node")))
                rc = itss__jfail_key(d, "node", ITSS_EDUPLICATE, 0,
                                     "node \"%s\" has two AHP matrices",
                                     json_string_value(json_object_get(json_array_get(ahp, i),
                                                                       "node")));
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    if (!rc)
        rc = itss__jget_array_max(d, scheme, "bands", 0, ITSS_MAX_BANDS, &bands, &nbands);
    m0 = itss__jpath_key(d, "bands");
    for (size_t i = 0; !rc && i < nbands; i++) {
        size_t m1 = itss__jpath_index(d, i);
        json_t *b = json_array_get(bands, i), *min = NULL;
        const char *grade = NULL;
        if (!json_is_object(b))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a band must be an object, not %s",
                             itss__jtype(b));
        if (!rc)
            rc = itss__jkeys(d, b, band_keys);
        if (!rc)
            rc = itss__jget_string(d, b, "grade", 1, 0, &grade);
        if (!rc && !json_is_number(min = json_object_get(b, "min")))
            rc = min ? itss__jfail_key(d, "min", ITSS_ESCHEMA, 0, "\"min\" must be a number")
                     : itss__jfail(d, ITSS_ESCHEMA, 0, "missing required key \"min\"");
        if (!rc)
            rc = here(d, itss__eval_add_band(e, grade, json_number_value(min), d->err));
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    return rc;
}

static int load_measurement(itss_jdoc *d, itss_evaluation *e, const char *id, json_t *v)
{
    static const char *const keys[] = {"A", "B", "scores", "na", NULL};
    if (!json_is_object(v))
        return itss__jfail(d, ITSS_ESCHEMA, 0,
                           "a measurement is an object: {\"A\": ..., \"B\": ...}, {\"scores\": "
                           "[...]} or {\"na\": \"reason\"}, not %s",
                           itss__jtype(v));
    int rc = itss__jkeys(d, v, keys);
    if (rc)
        return rc;
    json_t *A = json_object_get(v, "A"), *B = json_object_get(v, "B"),
           *scores = json_object_get(v, "scores"), *na = json_object_get(v, "na");
    int forms = (A || B) + !!scores + !!na;
    if (forms != 1)
        return itss__jfail(d, ITSS_ESCHEMA, 0,
                           forms ? "give one of A and B, \"scores\" or \"na\", not several"
                                 : "give A and B, \"scores\" or \"na\"");
    int method = e->sel[itss__eval_pos(e, id)]->method;
    if ((scores && method == ITSS_METHOD_RATIO) || ((A || B) && method == ITSS_METHOD_RATING))
        return itss__jfail(d, ITSS_EVALUE, 0,
                           method == ITSS_METHOD_RATIO
                               ? "\"%s\" is a ratio indicator: give A and B, not \"scores\""
                               : "\"%s\" is a rating indicator: give \"scores\", not A and B",
                           id);
    if (na) {
        if (!json_is_string(na))
            return itss__jfail_key(d, "na", ITSS_ESCHEMA, 0,
                                   "\"na\" holds the reason, a string, not %s", itss__jtype(na));
        size_t m = itss__jpath_key(d, "na");
        rc = here(d, itss_evaluation_set_na(e, id, json_string_value(na), d->err));
        itss__jpath_pop(d, m);
        return rc;
    }
    if (scores) {
        if (!json_is_array(scores))
            return itss__jfail_key(d, "scores", ITSS_ESCHEMA, 0,
                                   "\"scores\" must be an array of whole numbers 1 to 5, not %s",
                                   itss__jtype(scores));
        size_t n = json_array_size(scores), m0 = itss__jpath_key(d, "scores");
        int *s = malloc((n ? n : 1) * sizeof *s);
        if (!s)
            rc = nomem(d);
        if (!rc && n > ITSS_MAX_SCORES)
            rc = itss__jfail(d, ITSS_ELIMIT, 0, "%zu scores; the limit is %d", n,
                             ITSS_MAX_SCORES);
        for (size_t i = 0; !rc && i < n; i++) {
            json_t *x = json_array_get(scores, i);
            long long sc = 0;
            if (!itss__jwhole(x, &sc) || sc < 1 || sc > 5) {
                size_t m1 = itss__jpath_index(d, i);
                rc = itss__jfail(d, json_is_number(x) ? ITSS_EVALUE : ITSS_ESCHEMA, 0,
                                 "a score must be a whole number from 1 to 5");
                itss__jpath_pop(d, m1);
            } else {
                s[i] = (int)sc;
            }
        }
        if (!rc)
            rc = here(d, itss_evaluation_set_scores(e, id, s, n, d->err));
        free(s);
        itss__jpath_pop(d, m0);
        return rc;
    }
    if (!A || !B)
        return itss__jfail(d, ITSS_ESCHEMA, 0, "missing required key \"%s\"", A ? "B" : "A");
    for (int k = 0; k < 2; k++) {
        json_t *x = k ? B : A;
        const char *name = k ? "B" : "A";
        if (!json_is_number(x))
            return itss__jfail_key(d, name, ITSS_ESCHEMA, 0, "%s must be a number, not %s", name,
                                   itss__jtype(x));
        if (json_number_value(x) < 0)
            return itss__jfail_key(d, name, ITSS_EVALUE, 0,
                                   "%s counts items: it cannot be negative", name);
    }
    if (json_number_value(A) > json_number_value(B))
        return itss__jfail_key(d, "A", ITSS_EVALUE, 0,
                               "A (items meeting the requirement) cannot exceed B (all items)");
    return here(d, itss_evaluation_set_ratio(e, id, json_number_value(A), json_number_value(B),
                                             d->err));
}

/* problems: NULL to stop at the first problem; a list to record there the
 * problem of each measurement and weight and go on to the next
 * (itss__jkeep). */
static int load_evaluation(itss_jdoc *d, itss_evaluation *e, itss_problem_list *problems)
{
    json_t *root = d->root, *scheme = NULL, *meas = NULL;
    int rc = itss__jget_object(d, root, "scheme", 0, &scheme);
    if (!rc && scheme) {
        size_t m = itss__jpath_key(d, "scheme");
        rc = load_scheme(d, e, scheme, problems);
        itss__jpath_pop(d, m);
    } else if (!rc) {
        rc = itss__eval_default_scheme(e, d->err);
    }
    if (!rc)
        rc = itss__jget_meta(d, root, itss__evaluation_meta_keys, ITSS_EVALUATION_META_COUNT, e->meta);
    if (!rc)
        rc = itss__jget_object(d, root, "measurements", 1, &meas);
    if (rc)
        return rc;
    size_t m0 = itss__jpath_key(d, "measurements");
    const char *id;
    json_t *v;
    json_object_foreach(meas, id, v) {
        size_t m1 = itss__jpath_key(d, id);
        char sh[160];
        if (itss__eval_pos(e, id) < 0)
            rc = itss__jfail(d, ITSS_ENOTFOUND, 1,
                             itss__indicator_find(e->cat, id)
                                 ? "indicator \"%s\" is not selected in this evaluation's scheme"
                                 : "no indicator \"%s\" in the catalog",
                             itss__shown(sh, sizeof sh, id));
        else
            rc = load_measurement(d, e, id, v);
        itss__jpath_pop(d, m1);
        if ((rc = itss__jkeep(problems, d->err, rc)))
            break;
    }
    itss__jpath_pop(d, m0);
    return rc;
}

typedef struct {
    const itss_indicator_catalog *c;
    itss_evaluation **out;
    itss_problem_list *problems; /* a check: every measurement's problem */
} eval_ctx;

static int build_evaluation(itss_jdoc *d, void *ctx)
{
    static const char *const keys[] = {"service", "scheme",    "measurements", "id",
                                       "provider", "customer", "evaluator",    "date",
                                       "period",  "notes",    NULL};
    eval_ctx *ec = ctx;
    const char *service = NULL;
    itss_evaluation *e = NULL;
    int rc = itss__jkeys(d, d->root, keys);
    if (!rc)
        rc = itss__jget_string(d, d->root, "service", 1, 1, &service);
    if (!rc) {
        itss_error tmp;
        if ((rc = itss__eval_new(ec->c, service, &e, &tmp)))
            itss__jfail_key(d, "service", rc, 0, "%s", tmp.message);
    }
    if (!rc && (rc = load_evaluation(d, e, ec->problems)))
        itss_evaluation_free(e);
    else if (!rc)
        *ec->out = e;
    return rc;
}

int itss_evaluation_load(const itss_indicator_catalog *c, const char *json, size_t len,
                         itss_evaluation **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, c);
    ITSS_CHECK_ARG(err, json);
    eval_ctx ec = {c, out, NULL};
    return itss__jdoc_load(json, len, err, build_evaluation, &ec);
}

int itss__evaluation_check_json(const itss_indicator_catalog *c, const char *json, size_t len,
                                itss_problem_list *problems, itss_error *err)
{
    itss_evaluation *ev = NULL;
    eval_ctx ec = {c, &ev, problems};
    int rc = itss__jdoc_check(json, len, problems, err, build_evaluation, &ec);
    itss_evaluation_free(ev);
    return rc;
}

static int load_evaluation_text(const char *text, size_t len, void *ctx, itss_error *err)
{
    eval_ctx *ec = ctx;
    return itss_evaluation_load(ec->c, text, len, ec->out, err);
}

int itss_evaluation_load_file(const itss_indicator_catalog *c, const char *path,
                              itss_evaluation **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, c);
    ITSS_CHECK_ARG(err, path);
    eval_ctx ec = {c, out, NULL};
    return itss__load_path(path, err, load_evaluation_text, &ec);
}

/* ---- AHP documents --------------------------------------------------------------- */

typedef struct {
    itss_ahp_mode mode;
    itss_format format;
    itss_lang lang;
    char **out;
    size_t *outlen;
} ahp_ctx;

static int build_ahp(itss_jdoc *d, void *ctx)
{
    static const char *const keys[] = {"matrix", "labels", NULL};
    ahp_ctx *ac = ctx;
    json_t *matrix = NULL, *labels = NULL;
    size_t n = 0, nl = 0;
    int rc = itss__jkeys(d, d->root, keys);
    if (!rc)
        rc = itss__jget_array_max(d, d->root, "matrix", 1, ITSS_AHP_MAX, &matrix, &n);
    if (!rc)
        rc = itss__jget_array_max(d, d->root, "labels", 0, ITSS_AHP_MAX, &labels, &nl);
    if (!rc && labels && nl != n)
        rc = itss__jfail_key(d, "labels", ITSS_EVALUE, 0,
                             "there must be one label per row: %zu labels, %zu rows", nl, n);
    char *lab[ITSS_AHP_MAX] = {0};
    char num[ITSS_AHP_MAX][24];
    size_t m0 = itss__jpath_key(d, "labels");
    for (size_t i = 0; !rc && i < n; i++) {
        json_t *v = labels ? json_array_get(labels, i) : NULL;
        size_t m1 = itss__jpath_index(d, i);
        if (v && !json_is_string(v))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a label must be a string, not %s",
                             itss__jtype(v));
        else if (v && !json_string_length(v))
            rc = itss__jfail(d, ITSS_EVALUE, 0, "a label must not be empty");
        for (size_t j = 0; !rc && v && j < i; j++)
            if (strcmp(lab[j], json_string_value(v)) == 0)
                rc = itss__jfail(d, ITSS_EDUPLICATE, 0, "label \"%s\" is listed twice", lab[j]);
        if (!rc && !v)
            snprintf(num[i], sizeof num[i], "%zu", i + 1);
        lab[i] = v ? (char *)json_string_value(v) : num[i];
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    double a[ITSS_AHP_MAX * ITSS_AHP_MAX], w[ITSS_AHP_MAX], lmax = 0, ci = 0, cr = 0;
    m0 = itss__jpath_key(d, "matrix");
    for (size_t i = 0; !rc && i < n; i++) {
        json_t *row = json_array_get(matrix, i);
        size_t m1 = itss__jpath_index(d, i);
        if (!json_is_array(row) || json_array_size(row) != n)
            rc = itss__jfail(d, json_is_array(row) ? ITSS_EVALUE : ITSS_ESCHEMA, 0,
                             "the matrix must be square: each of the %zu rows needs %zu numbers",
                             n, n);
        for (size_t j = 0; !rc && j < n; j++) {
            json_t *v = json_array_get(row, j);
            size_t m2 = itss__jpath_index(d, j);
            if (!json_is_number(v))
                rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a comparison must be a number, not %s",
                                 itss__jtype(v));
            a[i * n + j] = json_number_value(v);
            itss__jpath_pop(d, m2);
        }
        itss__jpath_pop(d, m1);
    }
    if (!rc)
        rc = ahp_here(d, a, n, ac->mode, w, &lmax, &ci, &cr);
    itss__jpath_pop(d, m0);
    if (rc)
        return rc;
    itss_buf b;
    itss__buf_init(&b);
    if (ac->format == ITSS_FORMAT_TEXT)
        itss__text_ahp(&b, lab, w, n, lmax, ci, cr, ac->lang);
    else
        itss__json_ahp(&b, lab, w, n, lmax, ci, cr, ac->format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, ac->out, ac->outlen, d->err);
}

int itss_ahp_json(const char *json, size_t len, itss_ahp_mode mode, itss_format format,
                  itss_lang lang, char **out, size_t *outlen, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK_ARG(err, json);
    ITSS_CHECK(err, mode == ITSS_AHP_STRICT || mode == ITSS_AHP_ALLOW_INCONSISTENT,
               "mode %d is not an itss_ahp_mode", (int)mode);
    ahp_ctx ac = {mode, format, lang, out, outlen};
    return itss__jdoc_load(json, len, err, build_ahp, &ac);
}

/* ---- writing ------------------------------------------------------------------- */

static void node_fields(itss_jw *w, const itss_quality_node *n)
{
    itss__jw_kstr(w, "id", n->id);
    itss__jw_ktext2(w, "name", n->name);
    itss__jw_ktext2(w, "definition", n->def);
}

void itss__json_qmodel(itss_buf *b, const itss_quality_model *m, int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_kstr(&w, "format", ITSS_QUALITY_FORMAT);
    itss__jw_kstr(&w, "edition", m->edition);
    itss__jw_ktext2(&w, "title", m->title);
    if (m->source)
        itss__jw_kstr(&w, "source", m->source);
    itss__jw_key(&w, "characteristics");
    itss__jw_arr(&w);
    for (size_t c = 0; c < m->nchars; c++) {
        itss__jw_obj(&w);
        node_fields(&w, &m->chars[c]);
        itss__jw_key(&w, "subcharacteristics");
        itss__jw_arr(&w);
        for (size_t s = 0; s < m->chars[c].nchildren; s++) {
            itss__jw_obj(&w);
            node_fields(&w, m->chars[c].children[s]);
            itss__jw_obj_end(&w);
        }
        itss__jw_arr_end(&w);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}

static void indicator_obj(itss_jw *w, const itss_indicator *ind)
{
    static const char *const levels[] = {"1", "2", "3", "4", "5"};
    itss__jw_obj(w);
    itss__jw_kstr(w, "id", ind->id);
    itss__jw_ktext2(w, "name", ind->name);
    itss__jw_kstr(w, "subcharacteristic", ind->sub->id);
    itss__jw_kstr(w, "method", method_names[ind->method]);
    itss__jw_kstr(w, "polarity", polarity_names[ind->polarity]);
    if (ind->nservices) {
        itss__jw_key(w, "services");
        itss__jw_arr(w);
        for (size_t i = 0; i < ind->nservices; i++)
            itss__jw_str(w, ind->services[i]);
        itss__jw_arr_end(w);
    }
    if (ind->method == ITSS_METHOD_RATIO) {
        itss__jw_ktext2(w, "a", ind->a);
        itss__jw_ktext2(w, "b", ind->b);
    } else {
        itss__jw_key(w, "anchors");
        itss__jw_obj(w);
        for (int k = 0; k < 5; k++)
            itss__jw_ktext2(w, levels[k], ind->anchor[k]);
        itss__jw_obj_end(w);
    }
    if (ind->source)
        itss__jw_kstr(w, "source", ind->source);
    itss__jw_obj_end(w);
}

void itss__json_indicator_catalog(itss_buf *b, const itss_indicator_catalog *c,
                                  const char *service, int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_kstr(&w, "format", ITSS_INDICATORS_FORMAT);
    if (c->source)
        itss__jw_kstr(&w, "source", c->source);
    itss__jw_key(&w, "indicators");
    itss__jw_arr(&w);
    for (size_t i = 0; i < c->n; i++)
        if (!service || itss_indicator_applies_to(&c->items[i], service))
            indicator_obj(&w, &c->items[i]);
    itss__jw_arr_end(&w);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}

void itss__json_qscheme(itss_buf *b, const itss_indicator_catalog *c, const char *service,
                        int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_kstr(&w, "service", service);
    itss__jw_key(&w, "indicators");
    itss__jw_arr(&w);
    for (size_t i = 0; i < c->n; i++)
        if (itss_indicator_applies_to(&c->items[i], service))
            itss__jw_str(&w, c->items[i].id);
    itss__jw_arr_end(&w);
    itss__jw_key(&w, "weights");
    itss__jw_obj(&w);
    itss__jw_obj_end(&w);
    itss__jw_key(&w, "bands");
    itss__jw_arr(&w);
    itss__jw_arr_end(&w);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}

static void measure_fields(itss_jw *w, const itss_measure *m)
{
    switch (m->kind) {
    case ITSS_MEASUREMENT_RATIO:
        itss__jw_knum(w, "A", m->a);
        itss__jw_knum(w, "B", m->b);
        break;
    case ITSS_MEASUREMENT_SCORES:
        itss__jw_key(w, "scores");
        itss__jw_arr(w);
        for (size_t i = 0; i < m->nscores; i++)
            itss__jw_int(w, m->scores[i]);
        itss__jw_arr_end(w);
        break;
    case ITSS_MEASUREMENT_NA: itss__jw_kstr(w, "na", m->reason); break;
    default: break;
    }
}

static void bands_array(itss_jw *w, const itss_band *bands, size_t n)
{
    itss__jw_key(w, "bands");
    itss__jw_arr(w);
    for (size_t i = 0; i < n; i++) {
        itss__jw_obj(w);
        itss__jw_kstr(w, "grade", bands[i].grade);
        itss__jw_knum(w, "min", bands[i].min);
        itss__jw_obj_end(w);
    }
    itss__jw_arr_end(w);
}

void itss__json_evaluation(itss_buf *b, const itss_evaluation *e, int pretty)
{
    const itss_quality_model *m = e->model;
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_kstr(&w, "service", e->service);
    itss__jw_meta(&w, itss__evaluation_meta_keys, ITSS_EVALUATION_META_COUNT, e->meta);
    itss__jw_key(&w, "scheme");
    itss__jw_obj(&w);
    itss__jw_key(&w, "indicators");
    itss__jw_arr(&w);
    for (size_t i = 0; i < e->nsel; i++)
        itss__jw_str(&w, e->sel[i]->id);
    itss__jw_arr_end(&w);
    itss__jw_key(&w, "weights");
    itss__jw_obj(&w);
    for (size_t i = 0; i < m->nchars; i++)
        if (e->wchar[i] != 1)
            itss__jw_knum(&w, m->chars[i].id, e->wchar[i]);
    for (size_t i = 0; i < m->nsubs; i++)
        if (e->wsub[i] != 1)
            itss__jw_knum(&w, m->subs[i].id, e->wsub[i]);
    for (size_t i = 0; i < e->nsel; i++)
        if (e->wind[i] != 1)
            itss__jw_knum(&w, e->sel[i]->id, e->wind[i]);
    itss__jw_obj_end(&w);
    bands_array(&w, e->bands, e->nbands);
    itss__jw_obj_end(&w);
    itss__jw_key(&w, "measurements");
    itss__jw_obj(&w);
    for (size_t i = 0; i < e->nsel; i++) {
        if (e->meas[i].kind == ITSS_MEASUREMENT_NONE)
            continue;
        itss__jw_key(&w, e->sel[i]->id);
        itss__jw_obj(&w);
        measure_fields(&w, &e->meas[i]);
        itss__jw_obj_end(&w);
    }
    itss__jw_obj_end(&w);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}

static const char *const status_names[] = {"evaluated", "na", "no_events", "missing"};
static const char *const reason_names[] = {NULL, "no_indicators", "nothing_evaluated",
                                           "zero_weight"};

static void score_fields(itss_jw *w, const itss_qscore *s)
{
    itss__jw_knum(w, "score", s->score); /* NaN is written as null */
    itss__jw_knum(w, "weight", s->weight);
    itss__jw_knum(w, "coverage", s->coverage);
    itss__jw_kint(w, "indicators", (long long)s->nselected);
    itss__jw_kstr(w, "status", isfinite(s->score) ? "evaluated" : "not_evaluated");
    if (s->reason)
        itss__jw_kstr(w, "reason", reason_names[s->reason]);
}

void itss__json_qresult(itss_buf *b, const itss_quality_result *r, int pretty)
{
    const itss_quality_model *m = r->model;
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_kstr(&w, "model", m->edition);
    itss__jw_kstr(&w, "service", r->service);
    itss__jw_meta(&w, itss__evaluation_meta_keys, ITSS_EVALUATION_META_COUNT, r->meta);
    itss__jw_key(&w, "overall");
    itss__jw_obj(&w);
    itss__jw_knum(&w, "score", r->overall.score);
    itss__jw_knum(&w, "coverage", isfinite(r->overall.coverage) ? r->overall.coverage : 0);
    itss__jw_kstr(&w, "band", r->band >= 0 ? r->bands[r->band].grade : NULL);
    itss__jw_kint(&w, "indicators", (long long)r->nsel);
    itss__jw_kstr(&w, "status", isfinite(r->overall.score) ? "evaluated" : "not_evaluated");
    if (r->overall.reason)
        itss__jw_kstr(&w, "reason", reason_names[r->overall.reason]);
    itss__jw_obj_end(&w);
    itss__jw_key(&w, "characteristics");
    itss__jw_arr(&w);
    for (size_t c = 0; c < m->nchars; c++) {
        itss__jw_obj(&w);
        itss__jw_kstr(&w, "id", m->chars[c].id);
        score_fields(&w, &r->chars[c]);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_key(&w, "subcharacteristics");
    itss__jw_arr(&w);
    for (size_t s = 0; s < m->nsubs; s++) {
        itss__jw_obj(&w);
        itss__jw_kstr(&w, "id", m->subs[s].id);
        itss__jw_kstr(&w, "characteristic", m->subs[s].parent->id);
        score_fields(&w, &r->subs[s]);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_key(&w, "indicators");
    itss__jw_arr(&w);
    for (size_t i = 0; i < r->nsel; i++) {
        const itss_indicator *ind = r->sel[i];
        itss__jw_obj(&w);
        itss__jw_kstr(&w, "id", ind->id);
        itss__jw_kstr(&w, "subcharacteristic", ind->sub->id);
        itss__jw_kstr(&w, "method", method_names[ind->method]);
        itss__jw_kstr(&w, "polarity", polarity_names[ind->polarity]);
        itss__jw_knum(&w, "weight", r->wind[i]);
        itss__jw_knum(&w, "x", r->x[i]);
        itss__jw_kstr(&w, "status", status_names[r->status[i]]);
        measure_fields(&w, &r->meas[i]);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_key(&w, "not_evaluated");
    itss__jw_arr(&w);
    for (size_t i = 0; i < r->nsel; i++) {
        if (r->status[i] == ITSS_INDICATOR_EVALUATED)
            continue;
        itss__jw_obj(&w);
        itss__jw_kstr(&w, "id", r->sel[i]->id);
        itss__jw_kstr(&w, "status", status_names[r->status[i]]);
        if (r->meas[i].reason)
            itss__jw_kstr(&w, "reason", r->meas[i].reason);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    bands_array(&w, r->bands, r->nbands);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}

/* One series: scores of n results, the step changes and first-to-last. */
static void series(itss_jw *w, const double *v, size_t n)
{
    itss__jw_key(w, "scores");
    itss__jw_arr(w);
    for (size_t i = 0; i < n; i++)
        itss__jw_num(w, v[i]);
    itss__jw_arr_end(w);
    itss__jw_key(w, "deltas");
    itss__jw_arr(w);
    for (size_t i = 1; i < n; i++)
        itss__jw_num(w, v[i] - v[i - 1]); /* NaN (not evaluated) gives null */
    itss__jw_arr_end(w);
    itss__jw_knum(w, "change", v[n - 1] - v[0]);
}

void itss__json_qcompare(itss_buf *b, const itss_quality_result *const *rs,
                         const char *const *labels, size_t n, int pretty)
{
    const itss_quality_model *m = rs[0]->model;
    double *v = malloc(n * sizeof *v);
    if (!v) {
        b->oom = 1;
        return;
    }
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_kstr(&w, "service", rs[0]->service);
    itss__jw_key(&w, "results");
    itss__jw_arr(&w);
    for (size_t i = 0; i < n; i++) {
        itss__jw_obj(&w);
        if (labels && labels[i])
            itss__jw_kstr(&w, "label", labels[i]);
        itss__jw_meta(&w, itss__evaluation_meta_keys, ITSS_EVALUATION_META_COUNT, rs[i]->meta);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_key(&w, "overall");
    itss__jw_obj(&w);
    for (size_t i = 0; i < n; i++)
        v[i] = rs[i]->overall.score;
    series(&w, v, n);
    itss__jw_obj_end(&w);
    for (int level = 0; level < 3; level++) {
        size_t count = level == 0 ? m->nchars : level == 1 ? m->nsubs : rs[0]->nsel;
        itss__jw_key(&w, level == 0 ? "characteristics"
                         : level == 1 ? "subcharacteristics"
                                      : "indicators");
        itss__jw_arr(&w);
        for (size_t k = 0; k < count; k++) {
            itss__jw_obj(&w);
            itss__jw_kstr(&w, "id", level == 0   ? m->chars[k].id
                                    : level == 1 ? m->subs[k].id
                                                 : rs[0]->sel[k]->id);
            for (size_t i = 0; i < n; i++)
                v[i] = level == 0   ? rs[i]->chars[k].score
                       : level == 1 ? rs[i]->subs[k].score
                                    : rs[i]->x[k];
            series(&w, v, n);
            itss__jw_obj_end(&w);
        }
        itss__jw_arr_end(&w);
    }
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
    free(v);
}

void itss__json_ahp(itss_buf *b, char *const *labels, const double *wts, size_t n, double lmax,
                    double ci, double cr, int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_key(&w, "labels");
    itss__jw_arr(&w);
    for (size_t i = 0; i < n; i++)
        itss__jw_str(&w, labels[i]);
    itss__jw_arr_end(&w);
    itss__jw_key(&w, "weights");
    itss__jw_arr(&w);
    for (size_t i = 0; i < n; i++)
        itss__jw_num(&w, wts[i]);
    itss__jw_arr_end(&w);
    itss__jw_knum(&w, "lambda_max", lmax);
    itss__jw_knum(&w, "ci", ci);
    itss__jw_knum(&w, "cr", cr);
    itss__jw_kbool(&w, "consistent", cr < 0.10);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}
