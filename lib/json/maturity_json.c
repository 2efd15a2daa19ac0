/* libitss — maturity models, assessments and results as JSON: loaders
 * (validate and build) and writers. Formats in docs/maturity.md. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../maturity_internal.h"
#include "json_internal.h"
#include "../sheet/sheet.h"

static int nomem(itss_jdoc *d) { return itss__err(d->err, ITSS_ENOMEM, "out of memory"); }

static int dup_error(itss_jdoc *d, const char *array, size_t pos, const char *key,
                     const char *what, const char *value)
{
    size_t m0 = itss__jpath_key(d, array), m1 = itss__jpath_index(d, pos);
    size_t m2 = itss__jpath_key(d, key);
    char shown[160];
    itss__quote(shown, sizeof shown, value, strlen(value), 40);
    int rc = itss__jfail(d, ITSS_EDUPLICATE, 0, "%s \"%s\" appears twice", what, shown);
    itss__jpath_pop(d, m2);
    itss__jpath_pop(d, m1);
    itss__jpath_pop(d, m0);
    return rc;
}

/* ---- model ---------------------------------------------------------------- */

typedef struct {
    itss_jdoc *d;
    itss_maturity_model *m;
    itss_index parts; /* part id -> position */
} mloader;

/* A model being built is arena memory of ours to write; its array fields
 * are read-only only once it is finished (and for the built-in model,
 * which is constant data). */
#define BUILDING(type, p) ((type *)(p))

static const itss_maturity_part *part_find(mloader *L, const char *id)
{
    size_t k = itss__index_find_str(&L->parts, id);
    return k == (size_t)-1 ? NULL : &L->m->parts[k];
}

/* Keys of the lists checked for repeats. */
static const void *part_id(const void *list, size_t i, size_t *len)
{
    const char *id = ((const itss_maturity_part *)list)[i].id;
    *len = strlen(id);
    return id;
}

static const void *domain_id(const void *list, size_t i, size_t *len)
{
    const char *id = ((const itss_maturity_domain *)list)[i].id;
    *len = strlen(id);
    return id;
}

static const void *domain_number(const void *list, size_t i, size_t *len)
{
    *len = sizeof(int);
    return &((const itss_maturity_domain *)list)[i].number;
}

static const void *item_number(const void *list, size_t i, size_t *len)
{
    *len = sizeof(int);
    return &((const itss_maturity_item *)list)[i].number;
}

static const void *clause_id(const void *list, size_t i, size_t *len)
{
    const char *id = ((const itss_maturity_clause *)list)[i].id;
    *len = strlen(id);
    return id;
}

/* "indicators": key indicators of a level or a clause. */
static int load_indicators(itss_jdoc *d, json_t *o, itss_arena *A, char *const (**out)[2],
                           size_t *n)
{
    char *(*list)[2] = NULL;
    int rc = itss__jget_text2_list(d, o, "indicators", ITSS_MAX_KEY_INDICATORS, A, &list, n);
    *out = list;
    return rc;
}

static int load_levels(mloader *L, json_t *arr)
{
    static const char *const keys[] = {"level",  "name",       "label", "description",
                                       "source", "indicators", NULL};
    itss_jdoc *d = L->d;
    itss_maturity_model *m = L->m;
    itss_arena *A = &m->arena;
    size_t n = json_array_size(arr);
    if (n == 0 || n > ITSS_MAX_LEVELS)
        return n ? itss__jfail_key(d, "levels", ITSS_ELIMIT, 0,
                                   "\"levels\" has %zu levels; a model has 1 to %d", n,
                                   ITSS_MAX_LEVELS)
                 : itss__jfail_key(d, "levels", ITSS_EVALUE, 0, "\"levels\" must not be empty");
    m->nlevels = (int)n;
    if (!(m->levels = itss__arena_calloc(A, n, sizeof *m->levels)))
        return nomem(d);
    size_t m0 = itss__jpath_key(d, "levels");
    int rc = ITSS_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        size_t m1 = itss__jpath_index(d, i);
        json_t *o = json_array_get(arr, i);
        itss_maturity_level *l = BUILDING(itss_maturity_level, &m->levels[i]);
        long long ord = 0;
        if (!json_is_object(o))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a level must be an object, not %s",
                             itss__jtype(o));
        if (!rc)
            rc = itss__jkeys(d, o, keys);
        if (!rc)
            rc = itss__jget_int(d, o, "level", 1, 1, ITSS_MAX_LEVELS, &ord);
        if (!rc && ord != (long long)i + 1)
            rc = itss__jfail_key(d, "level", ITSS_EMODEL, 0,
                                 "levels must be numbered 1, 2, 3 ... in order: this one "
                                 "should be %zu",
                                 i + 1);
        if (!rc)
            rc = itss__jget_text2(d, o, "name", 1, A, l->name);
        if (!rc)
            rc = itss__jget_text2(d, o, "label", 0, A, l->label);
        if (!rc)
            rc = itss__jget_text2(d, o, "description", 0, A, l->desc);
        if (!rc)
            rc = itss__jget_string_copy(d, A, o, "source", &l->source);
        if (!rc)
            rc = load_indicators(d, o, A, &l->indicators, &l->nindicators);
        l->ordinal = (int)i + 1;
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    return rc;
}

static int load_parts(mloader *L, json_t *arr)
{
    static const char *const keys[] = {"id", "name", NULL};
    itss_jdoc *d = L->d;
    itss_maturity_model *m = L->m;
    size_t n = m->nparts;
    if (!(m->parts = itss__arena_calloc(&m->arena, n ? n : 1, sizeof *m->parts)))
        return nomem(d);
    size_t m0 = itss__jpath_key(d, "parts");
    int rc = ITSS_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        size_t m1 = itss__jpath_index(d, i);
        json_t *o = json_array_get(arr, i);
        const char *id = NULL;
        if (!json_is_object(o))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a part must be an object, not %s",
                             itss__jtype(o));
        if (!rc)
            rc = itss__jkeys(d, o, keys);
        if (!rc)
            rc = itss__jget_id(d, o, "id", &id);
        if (!rc)
            rc = itss__jget_text2(d, o, "name", 1, &m->arena,
                                  BUILDING(itss_maturity_part, &m->parts[i])->name);
        if (!rc && !(BUILDING(itss_maturity_part, &m->parts[i])->id =
                         itss__arena_strdup(&m->arena, id)))
            rc = nomem(d);
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    size_t dup;
    int found = rc ? 0 : itss__index_first_repeat(m->parts, n, part_id, &dup);
    if (found < 0)
        rc = nomem(d);
    else if (found)
        rc = dup_error(d, "parts", dup, "id", "part id", m->parts[dup].id);
    for (size_t i = 0; !rc && i < n; i++)
        if (itss__index_add_str(&L->parts, m->parts[i].id, i, NULL) < 0)
            rc = nomem(d);
    return rc;
}

static int load_domain_descriptions(mloader *L, json_t *o, itss_maturity_domain *dom)
{
    static const char *const keys[] = {"level", "text", NULL};
    itss_jdoc *d = L->d;
    itss_maturity_model *m = L->m;
    json_t *arr = NULL;
    int rc = itss__jget_array(d, o, "descriptions", 0, &arr);
    if (rc || !arr)
        return rc;
    if (json_array_size(arr) != (size_t)m->nlevels)
        return itss__jfail_key(d, "descriptions", ITSS_EMODEL, 0,
                               "\"descriptions\" must give one text per level (%d levels)",
                               m->nlevels);
    char *(*desc)[2] = itss__arena_calloc(&m->arena, (size_t)m->nlevels, sizeof *desc);
    if (!desc)
        return nomem(d);
    dom->desc = desc;
    dom->ndesc = m->nlevels;
    size_t m0 = itss__jpath_key(d, "descriptions");
    for (size_t i = 0; !rc && i < json_array_size(arr); i++) {
        size_t m1 = itss__jpath_index(d, i);
        json_t *e = json_array_get(arr, i);
        long long lv = 0;
        if (!json_is_object(e))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a description must be an object, not %s",
                             itss__jtype(e));
        if (!rc)
            rc = itss__jkeys(d, e, keys);
        if (!rc)
            rc = itss__jget_int(d, e, "level", 1, 1, m->nlevels, &lv);
        if (!rc && lv != (long long)i + 1)
            rc = itss__jfail_key(d, "level", ITSS_EMODEL, 0,
                                 "descriptions must follow the levels in order: this one is "
                                 "for level %zu",
                                 i + 1);
        if (!rc)
            rc = itss__jget_text2(d, e, "text", 1, &m->arena, desc[i]);
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    return rc;
}

static int load_domains(mloader *L, json_t *arr)
{
    char sh[160];
    static const char *const keys[] = {"id", "number", "part", "name", "descriptions", "source",
                                       NULL};
    itss_jdoc *d = L->d;
    itss_maturity_model *m = L->m;
    size_t n = m->ndomains;
    if (!(m->domains = itss__arena_calloc(&m->arena, n ? n : 1, sizeof *m->domains)))
        return nomem(d);
    size_t m0 = itss__jpath_key(d, "domains");
    int rc = ITSS_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        size_t m1 = itss__jpath_index(d, i);
        json_t *o = json_array_get(arr, i);
        itss_maturity_domain *dom = BUILDING(itss_maturity_domain, &m->domains[i]);
        const char *id = NULL, *part = NULL;
        long long number = 0;
        if (!json_is_object(o))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a domain must be an object, not %s",
                             itss__jtype(o));
        if (!rc)
            rc = itss__jkeys(d, o, keys);
        if (!rc)
            rc = itss__jget_id(d, o, "id", &id);
        if (!rc)
            rc = itss__jget_int(d, o, "number", 1, 1, 1000000, &number);
        /* a model with parts puts every domain in one; parts are optional */
        if (!rc)
            rc = itss__jget_string(d, o, "part", m->nparts > 0, 0, &part);
        if (!rc && part && !(dom->part = part_find(L, part)))
            rc = itss__jfail_key(d, "part", ITSS_EMODEL, 0,
                                 "part \"%s\" is not one of the model's parts",
                                 itss__shown(sh, sizeof sh, part));
        if (!rc)
            rc = itss__jget_text2(d, o, "name", 1, &m->arena, dom->name);
        if (!rc)
            rc = load_domain_descriptions(L, o, dom);
        if (!rc)
            rc = itss__jget_string_copy(d, &m->arena, o, "source", &dom->source);
        if (!rc && !(dom->id = itss__arena_strdup(&m->arena, id)))
            rc = nomem(d);
        dom->number = (int)number;
        dom->index = i;
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    size_t dup;
    int found = rc ? 0 : itss__index_first_repeat(m->domains, n, domain_id, &dup);
    if (found < 0)
        rc = nomem(d);
    else if (found)
        rc = dup_error(d, "domains", dup, "id", "domain id", m->domains[dup].id);
    /* numbers are unique too */
    found = rc ? 0 : itss__index_first_repeat(m->domains, n, domain_number, &dup);
    if (found < 0) {
        rc = nomem(d);
    } else if (found) {
        char num[16];
        snprintf(num, sizeof num, "%d", m->domains[dup].number);
        rc = dup_error(d, "domains", dup, "number", "domain number", num);
    }
    if (!rc && itss__mmodel_index_domains(m))
        rc = nomem(d);
    return rc;
}

static int load_items(mloader *L, json_t *arr)
{
    char sh[160];
    static const char *const keys[] = {"number", "domain",  "name",
                                       "aliases", "cites", "source", NULL};
    itss_jdoc *d = L->d;
    itss_maturity_model *m = L->m;
    itss_arena *A = &m->arena;
    size_t n = m->nitems;
    if (!(m->items = itss__arena_calloc(A, n ? n : 1, sizeof *m->items)))
        return nomem(d);
    size_t m0 = itss__jpath_key(d, "items");
    int rc = ITSS_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        size_t m1 = itss__jpath_index(d, i);
        json_t *o = json_array_get(arr, i), *aliases = NULL;
        itss_maturity_item *it = BUILDING(itss_maturity_item, &m->items[i]);
        const char *dom = NULL;
        long long number = 0;
        if (!json_is_object(o))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "an item must be an object, not %s",
                             itss__jtype(o));
        if (!rc)
            rc = itss__jkeys(d, o, keys);
        if (!rc)
            rc = itss__jget_int(d, o, "number", 1, 1, 1000000, &number);
        if (!rc)
            rc = itss__jget_string(d, o, "domain", 1, 0, &dom);
        if (!rc && !(it->domain = itss__mdomain_find(m, dom)))
            rc = itss__jfail_key(d, "domain", ITSS_EMODEL, 0,
                                 "domain \"%s\" is not one of the model's domains",
                                 itss__shown(sh, sizeof sh, dom));
        if (!rc)
            rc = itss__jget_text2(d, o, "name", 1, A, it->name);
        if (!rc)
            rc = itss__jget_array_max(d, o, "aliases", 0, ITSS_MAX_ALIASES, &aliases, &it->naliases);
        char **alias_out = NULL;
        if (!rc && it->naliases &&
            !(it->aliases = alias_out = itss__arena_calloc(A, it->naliases, sizeof *alias_out)))
            rc = nomem(d);
        for (size_t k = 0; !rc && k < it->naliases; k++) {
            json_t *s = json_array_get(aliases, k);
            size_t ma = itss__jpath_key(d, "aliases"), mk = itss__jpath_index(d, k);
            if (!json_is_string(s))
                rc = itss__jfail(d, ITSS_ESCHEMA, 0, "an alias must be a string, not %s",
                                 itss__jtype(s));
            else if (json_string_length(s) == 0)
                rc = itss__jfail(d, ITSS_EVALUE, 0, "an alias must not be empty");
            else if (!(alias_out[k] = itss__arena_strdup(A, json_string_value(s))))
                rc = nomem(d);
            /* at most ITSS_MAX_ALIASES (16): comparing with each earlier one is cheap */
            for (size_t j = 0; !rc && j < k; j++)
                if (strcmp(alias_out[j], alias_out[k]) == 0)
                    rc = itss__jfail(d, ITSS_EDUPLICATE, 0, "alias \"%s\" is listed twice",
                                     itss__shown(sh, sizeof sh, alias_out[k]));
            itss__jpath_pop(d, mk);
            itss__jpath_pop(d, ma);
        }
        if (!rc)
            rc = itss__jget_string_copy(d, A, o, "cites", &it->cites);
        if (!rc)
            rc = itss__jget_string_copy(d, A, o, "source", &it->source);
        it->number = (int)number;
        it->src = i;
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    if (rc)
        return rc;
    /* still in document order */
    size_t dup;
    int found = itss__index_first_repeat(m->items, n, item_number, &dup);
    if (found < 0)
        return nomem(d);
    if (found) {
        char num[16];
        snprintf(num, sizeof num, "%d", m->items[dup].number);
        return dup_error(d, "items", dup, "number", "item number", num);
    }
    itss__mmodel_sort_items(m);
    return ITSS_OK;
}

/* "obligation": "shall" (the default) or "should". */
static int load_obligation(itss_jdoc *d, json_t *o, int *should)
{
    const char *w = NULL;
    char sh[160];
    int rc = itss__jget_string(d, o, "obligation", 0, 0, &w);
    if (rc || !w)
        return rc;
    if (strcmp(w, "shall") != 0 && strcmp(w, "should") != 0)
        return itss__jfail_key(d, "obligation", ITSS_EVALUE, 0,
                               "\"obligation\" is \"%s\"; it must be \"shall\" or \"should\"",
                               itss__shown(sh, sizeof sh, w));
    *should = w[3] == 'u';
    return ITSS_OK;
}

/* One item number of a clause (at the current path): the model's item, of
 * the clause's domain. */
static int clause_item(mloader *L, json_t *v, const itss_maturity_clause *c,
                       const itss_maturity_item **out)
{
    itss_jdoc *d = L->d;
    char sh[64];
    long long num = 0;
    if (!itss__jwhole(v, &num))
        return itss__jfail(d, ITSS_ESCHEMA, 0, "an item must be an item number, not %s",
                           itss__jtype(v));
    if (num < INT_MIN || num > INT_MAX || !(*out = itss__mitem_find(L->m, (int)num)))
        return itss__jfail(d, ITSS_EMODEL, 0, "item %s is not one of the model's items",
                           (itss__format_double(sh, sizeof sh, json_number_value(v)), sh));
    if ((*out)->domain != c->domain)
        return itss__jfail(d, ITSS_EMODEL, 0, "item %d belongs to domain \"%s\", not to \"%s\"",
                           (*out)->number, (*out)->domain->id, c->domain->id);
    return ITSS_OK;
}

static int item_ptr_cmp(const void *a, const void *b)
{
    const itss_maturity_item *x = *(const itss_maturity_item *const *)a,
                             *y = *(const itss_maturity_item *const *)b;
    return (x->number > y->number) - (x->number < y->number);
}

/* Where a clause belongs: "domain", a domain id or null for a level-wide
 * clause, and "item", an item number or null (domain-wide), or "items", an
 * array of item numbers (empty: domain-wide). A level-wide clause names no
 * item. */
static int load_clause_place(mloader *L, json_t *o, itss_maturity_clause *c)
{
    itss_jdoc *d = L->d;
    itss_maturity_model *m = L->m;
    char sh[160];
    json_t *dv = json_object_get(o, "domain"), *item = json_object_get(o, "item"),
           *items = json_object_get(o, "items");
    if (!dv)
        return itss__jfail(d, ITSS_ESCHEMA, 0,
                           "missing required key \"domain\" (null for a level-wide clause)");
    if (item && items)
        return itss__jfail_key(d, "items", ITSS_ESCHEMA, 0,
                               "a clause has \"item\" or \"items\", not both");
    if (items && !json_is_array(items))
        return itss__jfail_key(d, "items", ITSS_ESCHEMA, 0,
                               "\"items\" must be an array of item numbers, not %s",
                               itss__jtype(items));
    if (json_is_null(dv)) {
        if ((item && !json_is_null(item)) || (items && json_array_size(items)))
            return itss__jfail_key(d, item ? "item" : "items", ITSS_EMODEL, 0,
                                   "a level-wide clause (\"domain\": null) names no item");
        return ITSS_OK;
    }
    if (!json_is_string(dv))
        return itss__jfail_key(d, "domain", ITSS_ESCHEMA, 0,
                               "\"domain\" must be a domain id or null, not %s",
                               itss__jtype(dv));
    const char *dom = NULL;
    int rc = itss__jget_string(d, o, "domain", 1, 0, &dom);
    if (rc)
        return rc;
    if (!(c->domain = itss__mdomain_find(m, dom)))
        return itss__jfail_key(d, "domain", ITSS_EMODEL, 0,
                               "domain \"%s\" is not one of the model's domains",
                               itss__shown(sh, sizeof sh, dom));
    if (!item && !items)
        return itss__jfail(d, ITSS_ESCHEMA, 0,
                           "missing required key \"item\" (null for a domain-wide clause) "
                           "or \"items\"");
    size_t n = item ? !json_is_null(item) : json_array_size(items);
    if (n > ITSS_MAX_CLAUSE_ITEMS)
        return itss__jfail_key(d, "items", ITSS_ELIMIT, 0,
                               "\"items\" has %zu items; a clause names at most %d", n,
                               ITSS_MAX_CLAUSE_ITEMS);
    if (!n)
        return ITSS_OK;
    const itss_maturity_item **list = itss__arena_calloc(&m->arena, n, sizeof *list);
    if (!list)
        return nomem(d);
    if (item) {
        size_t m0 = itss__jpath_key(d, "item");
        long long whole = 0;
        if (!itss__jwhole(item, &whole))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "\"item\" must be an item number or null, not %s",
                             itss__jtype(item));
        else
            rc = clause_item(L, item, c, &list[0]);
        itss__jpath_pop(d, m0);
    }
    for (size_t k = 0; !rc && items && k < n; k++) {
        size_t m0 = itss__jpath_key(d, "items"), m1 = itss__jpath_index(d, k);
        rc = clause_item(L, json_array_get(items, k), c, &list[k]);
        /* at most ITSS_MAX_CLAUSE_ITEMS (64): comparing with each earlier one is cheap */
        for (size_t j = 0; !rc && j < k; j++)
            if (list[j] == list[k])
                rc = itss__jfail(d, ITSS_EDUPLICATE, 0, "item %d is listed twice",
                                 list[k]->number);
        itss__jpath_pop(d, m1);
        itss__jpath_pop(d, m0);
    }
    if (rc)
        return rc;
    qsort(list, n, sizeof *list, item_ptr_cmp);
    c->items = list;
    c->nitems = n;
    c->item = list[0];
    return ITSS_OK;
}

static int load_clauses(mloader *L, json_t *arr)
{
    static const char *const keys[] = {"id",      "level",  "domain",     "item",
                                       "items",   "summary", "source",     "obligation",
                                       "indicators", NULL};
    itss_jdoc *d = L->d;
    itss_maturity_model *m = L->m;
    itss_arena *A = &m->arena;
    size_t n = m->nclauses;
    if (!(m->clauses = itss__arena_calloc(A, n ? n : 1, sizeof *m->clauses)))
        return nomem(d);
    size_t m0 = itss__jpath_key(d, "clauses");
    int rc = ITSS_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        size_t m1 = itss__jpath_index(d, i);
        json_t *o = json_array_get(arr, i);
        itss_maturity_clause *c = BUILDING(itss_maturity_clause, &m->clauses[i]);
        const char *id = NULL;
        long long level = 0;
        if (!json_is_object(o))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a clause must be an object, not %s",
                             itss__jtype(o));
        if (!rc)
            rc = itss__jkeys(d, o, keys);
        if (!rc)
            rc = itss__jget_id(d, o, "id", &id);
        if (!rc)
            rc = itss__jget_int(d, o, "level", 1, 1, 1000000, &level);
        if (!rc && level > m->nlevels)
            rc = itss__jfail_key(d, "level", ITSS_EMODEL, 0,
                                 "level %lld is not a level of this model (levels 1..%d)", level,
                                 m->nlevels);
        if (!rc)
            rc = load_clause_place(L, o, c);
        if (!rc)
            rc = itss__jget_text2(d, o, "summary", 1, A, c->summary);
        if (!rc)
            rc = itss__jget_string_copy(d, A, o, "source", &c->source);
        if (!rc)
            rc = load_obligation(d, o, &c->should);
        if (!rc)
            rc = load_indicators(d, o, A, &c->indicators, &c->nindicators);
        if (!rc && !(c->id = itss__arena_strdup(A, id)))
            rc = nomem(d);
        c->level = (int)level;
        c->src = i;
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    if (rc)
        return rc;
    /* still in document order */
    size_t dup;
    int found = itss__index_first_repeat(m->clauses, n, clause_id, &dup);
    if (found < 0)
        return nomem(d);
    if (found)
        return dup_error(d, "clauses", dup, "id", "clause id", m->clauses[dup].id);
    if (itss__mmodel_finish(m))
        return nomem(d);
    /* a level without requirements would be reached by every assessment
     * (recommendations do not count: they never block a level) */
    unsigned used = 0, any = 0;
    for (size_t i = 0; i < n; i++) {
        any |= 1u << (m->clauses[i].level - 1);
        if (!m->clauses[i].should)
            used |= 1u << (m->clauses[i].level - 1);
    }
    for (int k = 0; k < m->nlevels; k++)
        if (!(used & (1u << k))) {
            size_t m1 = itss__jpath_key(d, "levels"), m2 = itss__jpath_index(d, (size_t)k);
            rc = itss__jfail(d, ITSS_EMODEL, 0,
                             "level %d has %s: every level needs at least one requirement",
                             k + 1,
                             any & (1u << k) ? "only \"should\" clauses" : "no clauses");
            itss__jpath_pop(d, m2);
            itss__jpath_pop(d, m1);
            return rc;
        }
    return ITSS_OK;
}

/* Levels [1..N] as a bit set from a JSON array of ascending unique ints. */
static int level_set(itss_jdoc *d, json_t *o, const char *key, int n, unsigned *out)
{
    json_t *arr = NULL;
    int rc = itss__jget_array(d, o, key, 1, &arr);
    if (rc)
        return rc;
    size_t m0 = itss__jpath_key(d, key);
    int prev = 0;
    *out = 0;
    for (size_t i = 0; !rc && i < json_array_size(arr); i++) {
        json_t *v = json_array_get(arr, i);
        size_t m1 = itss__jpath_index(d, i);
        long long lv = 0;
        if (!itss__jwhole(v, &lv) || lv <= prev || lv > n)
            rc = itss__jfail(d, ITSS_EVALUE, 0,
                             "levels must be ascending integers from 1 to %d", n);
        else
            *out |= 1u << ((prev = (int)lv) - 1);
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    return rc;
}

static int item_ref(mloader *L, json_t *o, const itss_maturity_item **out)
{
    long long num = 0;
    int rc = itss__jget_int(L->d, o, "item", 1, 1, 1000000, &num);
    if (!rc && !(*out = itss__mitem_find(L->m, (int)num)))
        rc = itss__jfail_key(L->d, "item", ITSS_EMODEL, 0,
                             "item %lld is not one of the model's items", num);
    return rc;
}

_Static_assert(ITSS_MAX_LEVELS < 16, "a level is a bit of an unsigned short");

static int load_item_levels(mloader *L, json_t *o)
{
    static const char *const keys[] = {"source", "rows", "differences", NULL};
    static const char *const row_keys[] = {"item", "levels", NULL};
    static const char *const diff_keys[] = {"item", "level", "reason", NULL};
    itss_jdoc *d = L->d;
    itss_maturity_model *m = L->m;
    json_t *rows = NULL, *diffs = NULL;
    /* per item (by its place in m->items): has a row; the levels that have
     * a difference (bit l, levels <= ITSS_MAX_LEVELS) */
    unsigned char *has_row = NULL;
    unsigned short *diff_levels = NULL;
    size_t m0 = itss__jpath_key(d, "item_levels");
    int rc = itss__jkeys(d, o, keys);
    if (!rc)
        rc = itss__jget_string_copy(d, &m->arena, o, "source", &m->item_levels_source);
    if (!rc)
        rc = itss__jget_array_max(d, o, "rows", 1, ITSS_MAX_ITEMS, &rows, &m->nil_rows);
    if (!rc)
        rc = itss__jget_array_max(d, o, "differences", 0, ITSS_MAX_ITEMS, &diffs, &m->nil_diffs);
    if (!rc && (!(m->il_rows = itss__arena_calloc(&m->arena, m->nil_rows + 1, sizeof *m->il_rows)) ||
                !(m->il_diffs = itss__arena_calloc(&m->arena, m->nil_diffs + 1,
                                                   sizeof *m->il_diffs)) ||
                !(has_row = calloc(m->nitems + 1, sizeof *has_row)) ||
                !(diff_levels = calloc(m->nitems + 1, sizeof *diff_levels))))
        rc = nomem(d);
    size_t m1 = itss__jpath_key(d, "rows");
    for (size_t i = 0; !rc && i < m->nil_rows; i++) {
        size_t m2 = itss__jpath_index(d, i);
        json_t *r = json_array_get(rows, i);
        if (!json_is_object(r))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a row must be an object, not %s",
                             itss__jtype(r));
        if (!rc)
            rc = itss__jkeys(d, r, row_keys);
        if (!rc)
            rc = item_ref(L, r, &BUILDING(itss_item_levels_row, &m->il_rows[i])->item);
        if (!rc) {
            size_t k = (size_t)(m->il_rows[i].item - m->items);
            if (has_row[k])
                rc = itss__jfail(d, ITSS_EDUPLICATE, 0, "item %d has a row already",
                                 m->il_rows[i].item->number);
            has_row[k] = 1;
        }
        if (!rc)
            rc = level_set(d, r, "levels", m->nlevels,
                           &BUILDING(itss_item_levels_row, &m->il_rows[i])->levels);
        itss__jpath_pop(d, m2);
    }
    itss__jpath_pop(d, m1);
    m1 = itss__jpath_key(d, "differences");
    for (size_t i = 0; !rc && i < m->nil_diffs; i++) {
        size_t m2 = itss__jpath_index(d, i);
        json_t *r = json_array_get(diffs, i);
        long long lv = 0;
        if (!json_is_object(r))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a difference must be an object, not %s",
                             itss__jtype(r));
        if (!rc)
            rc = itss__jkeys(d, r, diff_keys);
        itss_item_levels_diff *df = BUILDING(itss_item_levels_diff, &m->il_diffs[i]);
        if (!rc)
            rc = item_ref(L, r, &df->item);
        if (!rc)
            rc = itss__jget_int(d, r, "level", 1, 1, m->nlevels, &lv);
        if (!rc) {
            unsigned short *seen = &diff_levels[df->item - m->items], bit = (unsigned short)(1u << lv);
            if (*seen & bit)
                rc = itss__jfail(d, ITSS_EDUPLICATE, 0, "item %d at level %lld has a difference already",
                                 df->item->number, lv);
            *seen |= bit;
        }
        if (!rc)
            rc = itss__jget_text2(d, r, "reason", 1, &m->arena, df->reason);
        df->level = (int)lv;
        itss__jpath_pop(d, m2);
    }
    itss__jpath_pop(d, m1);
    itss__jpath_pop(d, m0);
    free(has_row);
    free(diff_levels);
    m->has_item_levels = 1;
    return rc;
}

/* "largely" or "fully" at key of o (absent: *out untouched). */
static int load_need(itss_jdoc *d, json_t *o, const char *key, itss_satisfaction *out)
{
    const char *w = NULL;
    char sh[160];
    int rc = itss__jget_string(d, o, key, 0, 0, &w);
    if (rc || !w)
        return rc;
    if (strcmp(w, "largely") == 0)
        *out = ITSS_SAT_LARGELY;
    else if (strcmp(w, "fully") == 0)
        *out = ITSS_SAT_FULLY;
    else
        return itss__jfail_key(d, key, ITSS_EVALUE, 0,
                               "\"%s\" is \"%s\"; it must be \"largely\" or \"fully\"", key,
                               itss__shown(sh, sizeof sh, w));
    return ITSS_OK;
}

/* {"at_level": need, "below": need}: what a level's own clauses and the
 * clauses below it need. Below is never laxer than at the level, or
 * reaching a level would not imply the levels under it. */
static int load_rule(itss_jdoc *d, itss_maturity_model *m, json_t *o)
{
    static const char *const keys[] = {"at_level", "below", NULL};
    size_t m0 = itss__jpath_key(d, "rule");
    int rc = itss__jkeys(d, o, keys);
    if (!rc)
        rc = load_need(d, o, "at_level", &m->rule_at);
    if (!rc)
        rc = load_need(d, o, "below", &m->rule_below);
    if (!rc && m->rule_at == ITSS_SAT_FULLY && m->rule_below == ITSS_SAT_LARGELY)
        rc = itss__jfail_key(d, json_object_get(o, "below") ? "below" : "at_level", ITSS_EMODEL,
                             0,
                             "the levels below need at least what the level itself needs: "
                             "\"at_level\" \"fully\" needs \"below\" \"fully\"");
    itss__jpath_pop(d, m0);
    m->has_rule = 1;
    return rc;
}

/* {"P": x, "L": y, "F": z}: 0 <= x < y < z < 100, each the percentage a
 * rating must exceed to get that grade. */
static int load_thresholds(itss_jdoc *d, itss_maturity_model *m, json_t *o)
{
    static const char *const keys[] = {"P", "L", "F", NULL};
    size_t m0 = itss__jpath_key(d, "thresholds");
    int rc = itss__jkeys(d, o, keys);
    for (int k = 0; !rc && k < 3; k++) {
        double *t = &m->thresholds[k];
        char num[40], prev[40];
        rc = itss__jget_number(d, o, keys[k], 1, t);
        if (rc)
            break;
        itss__format_double(num, sizeof num, *t);
        if (!(*t >= 0 && *t < 100))
            rc = itss__jfail_key(d, keys[k], ITSS_EVALUE, 0,
                                 "\"%s\" is %s; a threshold is a percentage from 0 to below 100",
                                 keys[k], num);
        else if (k && !(*t > t[-1])) {
            itss__format_double(prev, sizeof prev, t[-1]);
            rc = itss__jfail_key(d, keys[k], ITSS_EVALUE, 0,
                                 "\"%s\" is %s; it must be above \"%s\" (%s): the bands "
                                 "rise from P to L to F",
                                 keys[k], num, keys[k - 1], prev);
        }
    }
    itss__jpath_pop(d, m0);
    m->has_thresholds = 1;
    return rc;
}

/* Warnings, not errors: a domain or an item without any clause asks
 * nothing of anyone, which is allowed but most likely a slip. Domains in
 * document order, then items by number. */
static int find_unused(itss_jdoc *d, itss_maturity_model *m)
{
    size_t n = m->ndomains + m->nitems, k = 0;
    unsigned char *used = calloc(n ? n : 1, 1);
    if (!used)
        return nomem(d);
    for (size_t i = 0; i < m->nclauses; i++) {
        const itss_maturity_clause *c = &m->clauses[i];
        if (c->domain)
            used[c->domain->index] = 1;
        for (size_t j = 0; j < c->nitems; j++)
            used[m->ndomains + c->items[j]->index] = 1;
    }
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += !used[i];
    itss_mwarning *w = count ? itss__arena_calloc(&m->arena, count, sizeof *w) : NULL;
    int rc = count && !w ? nomem(d) : ITSS_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        if (used[i])
            continue;
        char msg[200], path[48];
        if (i < m->ndomains) {
            snprintf(msg, sizeof msg, "domain \"%s\" has no clause", m->domains[i].id);
            snprintf(path, sizeof path, "/domains/%zu", i);
        } else {
            const itss_maturity_item *it = &m->items[i - m->ndomains]; /* by number */
            snprintf(msg, sizeof msg, "item %d has no clause", it->number);
            snprintf(path, sizeof path, "/items/%zu", it->src);
        }
        if (!(w[k].message = itss__arena_strdup(&m->arena, msg)) ||
            !(w[k].path = itss__arena_strdup(&m->arena, path)))
            rc = nomem(d);
        k++;
    }
    free(used);
    m->warnings = w;
    m->nwarnings = k;
    return rc;
}

static int load_model(itss_jdoc *d, itss_maturity_model *m)
{
    char sh[160];
    static const char *const keys[] = {"format", "id",    "edition", "title",   "source",
                                       "levels", "parts", "domains", "items",   "clauses",
                                       "item_levels", "rule", "thresholds", NULL};
    mloader L = {.d = d, .m = m};
    itss__index_init(&L.parts);
    json_t *root = d->root, *levels = NULL, *parts = NULL, *domains = NULL, *items = NULL,
           *clauses = NULL, *il = NULL, *rule = NULL, *thresholds = NULL;
    const char *format = NULL, *id = NULL, *edition = NULL;
    m->rule_at = ITSS_SAT_LARGELY;
    m->rule_below = ITSS_SAT_FULLY;
    m->thresholds[0] = ITSS_DEFAULT_THRESHOLD_P;
    m->thresholds[1] = ITSS_DEFAULT_THRESHOLD_L;
    m->thresholds[2] = ITSS_DEFAULT_THRESHOLD_F;
    int rc = itss__jkeys(d, root, keys);
    if (!rc)
        rc = itss__jget_string(d, root, "format", 1, 0, &format);
    if (!rc && strcmp(format, ITSS_MATURITY_FORMAT) != 0)
        rc = itss__jfail_key(d, "format", ITSS_EVALUE, 0,
                             "format \"%s\" is not supported (expected \"" ITSS_MATURITY_FORMAT
                             "\")",
                             itss__shown(sh, sizeof sh, format));
    if (!rc)
        rc = itss__jget_id(d, root, "id", &id);
    if (!rc)
        rc = itss__jget_string(d, root, "edition", 1, 0, &edition);
    if (!rc)
        rc = itss__jget_text2(d, root, "title", 1, &m->arena, m->title);
    if (!rc)
        rc = itss__jget_string_copy(d, &m->arena, root, "source", &m->source);
    if (!rc)
        rc = itss__jget_array(d, root, "levels", 1, &levels);
    if (!rc)
        rc = itss__jget_array_max(d, root, "parts", 0, ITSS_MAX_PARTS, &parts, &m->nparts);
    if (!rc)
        rc = itss__jget_array_max(d, root, "domains", 1, ITSS_MAX_DOMAINS, &domains, &m->ndomains);
    if (!rc)
        rc = itss__jget_array_max(d, root, "items", 1, ITSS_MAX_ITEMS, &items, &m->nitems);
    if (!rc)
        rc = itss__jget_array_max(d, root, "clauses", 1, ITSS_MAX_CLAUSES, &clauses, &m->nclauses);
    if (!rc)
        rc = itss__jget_object(d, root, "item_levels", 0, &il);
    if (!rc)
        rc = itss__jget_object(d, root, "rule", 0, &rule);
    if (!rc)
        rc = itss__jget_object(d, root, "thresholds", 0, &thresholds);
    if (!rc && rule)
        rc = load_rule(d, m, rule);
    if (!rc && thresholds)
        rc = load_thresholds(d, m, thresholds);
    if (!rc && (!(m->id = itss__arena_strdup(&m->arena, id)) ||
                !(m->edition = itss__arena_strdup(&m->arena, edition))))
        rc = nomem(d);
    if (!rc)
        rc = load_levels(&L, levels);
    if (!rc && parts)
        rc = load_parts(&L, parts);
    if (!rc)
        rc = load_domains(&L, domains);
    if (!rc)
        rc = load_items(&L, items);
    if (!rc)
        rc = load_clauses(&L, clauses);
    if (!rc && il)
        rc = load_item_levels(&L, il);
    if (!rc)
        rc = find_unused(d, m);
    itss__index_free(&L.parts);
    return rc;
}

static int build_model(itss_jdoc *doc, void *ctx)
{
    itss_maturity_model **out = ctx;
    itss_maturity_model *m = calloc(1, sizeof *m);
    if (!m)
        return itss__err(doc->err, ITSS_ENOMEM, "out of memory");
    int rc = load_model(doc, m);
    if (rc)
        itss_maturity_model_free(m);
    else
        *out = m;
    return rc;
}

int itss_maturity_model_load(const char *json, size_t len, itss_maturity_model **out,
                             itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, json);
    return itss__jdoc_load(json, len, err, build_model, out);
}

static int load_model_text(const char *text, size_t len, void *ctx, itss_error *err)
{
    return itss_maturity_model_load(text, len, ctx, err);
}

int itss_maturity_model_load_file(const char *path, itss_maturity_model **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, path);
    return itss__load_path(path, err, load_model_text, out);
}

/* ---- assessments ---------------------------------------------------------- */

static const char *const scale_allowed[] = {
    "met, not_met, N, P, L, F, a number 0..100 or na",
    "met, not_met or na",
    "N, P, L, F, a number 0..100 or na",
};

/* Parse a rating value (string or number) at the current path. */
static int parse_rating_value(itss_jdoc *d, itss_rating_scale scale, json_t *v,
                              itss_rating_kind *kind, double *pct)
{
    if (json_is_number(v)) {
        double x = json_number_value(v);
        if (!isfinite(x) || x < 0 || x > 100)
            return itss__jfail(d, ITSS_EVALUE, 0,
                               "a percentage rating must be from 0 to 100, not %.17g", x);
        *kind = ITSS_RATING_PERCENT;
        *pct = x;
    } else if (json_is_string(v)) {
        const char *s = json_string_value(v);
        *kind = ITSS_RATING_NONE;
        if (s[0] && !s[1]) {
            switch (s[0]) {
            case 'N': *kind = ITSS_RATING_N; break;
            case 'P': *kind = ITSS_RATING_P; break;
            case 'L': *kind = ITSS_RATING_L; break;
            case 'F': *kind = ITSS_RATING_F; break;
            default: break;
            }
        } else if (strcmp(s, "met") == 0) {
            *kind = ITSS_RATING_MET;
        } else if (strcmp(s, "not_met") == 0) {
            *kind = ITSS_RATING_NOT_MET;
        } else if (strcmp(s, "na") == 0) {
            *kind = ITSS_RATING_NA;
        }
        if (*kind == ITSS_RATING_NONE) {
            char shown[160];
            itss__quote(shown, sizeof shown, s, json_string_length(v), 40);
            return itss__jfail(d, ITSS_EVALUE, 0,
                               "unknown rating \"%s\": use met, not_met, N, P, L, F, a number "
                               "0..100, or {\"rating\": \"na\", \"reason\": ...}",
                               shown);
        }
    } else {
        return itss__jfail(d, ITSS_ESCHEMA, 0,
                           "a rating must be a string, a number or an object, not %s",
                           itss__jtype(v));
    }
    if (!itss__scale_allows(scale, *kind))
        return itss__jfail(d, ITSS_EVALUE, 0,
                           "this rating is outside the declared %s scale (allowed: %s)",
                           itss__scale_name(scale), scale_allowed[scale]);
    return ITSS_OK;
}

static int load_rating(itss_jdoc *d, itss_assessment *a, const itss_maturity_clause *c,
                       json_t *v)
{
    static const char *const keys[] = {"rating", "reason", "evidence", "note", NULL};
    itss_rating_kind kind = ITSS_RATING_NONE;
    double pct = 0;
    const char *reason = NULL, *evidence = NULL, *note = NULL;
    int rc;
    if (!json_is_object(v)) {
        rc = parse_rating_value(d, a->scale, v, &kind, &pct);
        if (!rc && kind == ITSS_RATING_NA)
            rc = itss__jfail(d, ITSS_EVALUE, 0,
                             "\"na\" needs a reason: write {\"rating\": \"na\", \"reason\": "
                             "\"why it does not apply\"}");
    } else {
        json_t *rv = json_object_get(v, "rating");
        rc = itss__jkeys(d, v, keys);
        if (!rc && !rv)
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "missing required key \"rating\"");
        if (!rc) {
            size_t m = itss__jpath_key(d, "rating");
            rc = json_is_object(rv) ? itss__jfail(d, ITSS_ESCHEMA, 0,
                                                  "a rating must be a string or a number, not "
                                                  "an object")
                                    : parse_rating_value(d, a->scale, rv, &kind, &pct);
            itss__jpath_pop(d, m);
        }
        if (!rc)
            rc = itss__jget_string(d, v, "reason", 0, 1, &reason);
        if (!rc && kind == ITSS_RATING_NA && (!reason || !reason[0]))
            rc = reason ? itss__jfail_key(d, "reason", ITSS_EVALUE, 0,
                                          "the reason for \"na\" must not be empty")
                        : itss__jfail(d, ITSS_EVALUE, 0,
                                      "\"na\" needs a non-empty \"reason\" saying why the "
                                      "clause does not apply");
        if (!rc && kind != ITSS_RATING_NA && reason)
            rc = itss__jfail_key(d, "reason", ITSS_ESCHEMA, 1,
                                 "\"reason\" is only for \"na\" ratings; use \"note\"");
        if (!rc)
            rc = itss__jget_string(d, v, "evidence", 0, 1, &evidence);
        if (!rc)
            rc = itss__jget_string(d, v, "note", 0, 1, &note);
    }
    if (!rc)
        rc = itss__assessment_rate(a, c, kind, pct, reason, d->err);
    if (!rc && evidence)
        rc = itss_assessment_set_evidence(a, c->id, evidence, d->err);
    if (!rc && note)
        rc = itss_assessment_set_note(a, c->id, note, d->err);
    return rc;
}

/* problems: NULL to stop at the first problem; a list to record there the
 * problem of each rating and go on to the next (itss__jkeep). */
static int load_assessment(itss_jdoc *d, itss_assessment *a, itss_problem_list *problems)
{
    char sh[160];
    static const char *const keys[] = {"ratings", "scale",    "id",    "organization",
                                       "scope",   "date",     "assessor", "notes", NULL};
    json_t *root = d->root, *ratings = NULL;
    const char *scale = NULL;
    int rc = itss__jkeys(d, root, keys);
    if (!rc)
        rc = itss__jget_string(d, root, "scale", 0, 0, &scale);
    if (!rc && scale) {
        if (strcmp(scale, "binary") == 0)
            a->scale = ITSS_SCALE_BINARY;
        else if (strcmp(scale, "nplf") == 0)
            a->scale = ITSS_SCALE_NPLF;
        else if (strcmp(scale, "any") != 0)
            rc = itss__jfail_key(d, "scale", ITSS_EVALUE, 0,
                                 "scale \"%s\" is not one of binary, nplf, any",
                                 itss__shown(sh, sizeof sh, scale));
    }
    if (!rc)
        rc = itss__jget_meta(d, root, itss__assessment_meta_keys, ITSS_ASSESSMENT_META_COUNT, a->meta);
    if (!rc)
        rc = itss__jget_object(d, root, "ratings", 1, &ratings);
    if (rc)
        return rc;
    size_t m0 = itss__jpath_key(d, "ratings");
    const char *id;
    json_t *v;
    json_object_foreach(ratings, id, v) {
        size_t m1 = itss__jpath_key(d, id);
        const itss_maturity_clause *c = itss__mclause_find(a->model, id);
        if (!c) {
            char shown[160];
            itss__quote(shown, sizeof shown, id, strlen(id), 40);
            rc = itss__jfail(d, ITSS_ENOTFOUND, 1,
                             "unknown clause \"%s\": %s has no such requirement clause", shown,
                             a->model->edition);
        } else {
            /* a failure inside leaves err set; relocate it to this path */
            rc = load_rating(d, a, c, v);
            if (rc && d->err && !d->err->path[0]) {
                itss_error keep = *d->err;
                itss__jfail(d, rc, 0, "%s", keep.message);
            }
        }
        itss__jpath_pop(d, m1);
        if ((rc = itss__jkeep(problems, d->err, rc)))
            break;
    }
    itss__jpath_pop(d, m0);
    return rc;
}

typedef struct {
    const itss_maturity_model *m;
    itss_assessment **out;
    itss_problem_list *problems; /* a check: every rating's problem */
} assessment_ctx;

static int build_assessment(itss_jdoc *doc, void *ctx)
{
    assessment_ctx *c = ctx;
    itss_assessment *a = NULL;
    int rc = itss_assessment_new(c->m, &a, doc->err);
    if (!rc && (rc = load_assessment(doc, a, c->problems)))
        itss_assessment_free(a);
    else if (!rc)
        *c->out = a;
    return rc;
}

int itss_assessment_load(const itss_maturity_model *m, const char *json, size_t len,
                         itss_assessment **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, m);
    ITSS_CHECK_ARG(err, json);
    assessment_ctx c = {m, out, NULL};
    return itss__jdoc_load(json, len, err, build_assessment, &c);
}

int itss__assessment_check_json(const itss_maturity_model *m, const char *json, size_t len,
                                itss_problem_list *problems, itss_error *err)
{
    itss_assessment *a = NULL;
    assessment_ctx c = {m, &a, problems};
    int rc = itss__jdoc_check(json, len, problems, err, build_assessment, &c);
    itss_assessment_free(a);
    return rc;
}

static int load_assessment_text(const char *text, size_t len, void *ctx, itss_error *err)
{
    assessment_ctx *c = ctx;
    return itss_assessment_load(c->m, text, len, c->out, err);
}

int itss_assessment_load_file(const itss_maturity_model *m, const char *path,
                              itss_assessment **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, m);
    ITSS_CHECK_ARG(err, path);
    assessment_ctx c = {m, out, NULL};
    return itss__load_path(path, err, load_assessment_text, &c);
}

/* ---- writing ------------------------------------------------------------ */

static void kopt_text2(itss_jw *w, const char *key, char *const t[2])
{
    if (t[0])
        itss__jw_ktext2(w, key, t);
}

static void kopt_str(itss_jw *w, const char *key, const char *s)
{
    if (s)
        itss__jw_kstr(w, key, s);
}

/* "indicators": [{zh, en}, ...], when there are any. */
static void indicators(itss_jw *w, char *const (*list)[2], size_t n)
{
    if (!n)
        return;
    itss__jw_key(w, "indicators");
    itss__jw_arr(w);
    for (size_t i = 0; i < n; i++)
        itss__jw_text2(w, list[i]);
    itss__jw_arr_end(w);
}

/* Where a clause belongs: "domain" (null: level-wide), "item" (the first
 * item; null: domain- or level-wide) unless only_list and the clause names
 * several, and "items" when it names several. */
static void place_fields(itss_jw *w, const itss_maturity_clause *c, int only_list)
{
    itss__jw_key(w, "domain");
    if (c->domain)
        itss__jw_str(w, c->domain->id);
    else
        itss__jw_null(w);
    if (!(only_list && c->nitems > 1)) {
        itss__jw_key(w, "item");
        if (c->item)
            itss__jw_int(w, c->item->number);
        else
            itss__jw_null(w);
    }
    if (c->nitems > 1) {
        itss__jw_key(w, "items");
        itss__jw_arr(w);
        for (size_t k = 0; k < c->nitems; k++)
            itss__jw_int(w, c->items[k]->number);
        itss__jw_arr_end(w);
    }
}

static void clause_obj(itss_jw *w, const itss_maturity_clause *c)
{
    itss__jw_obj(w);
    itss__jw_kstr(w, "id", c->id);
    itss__jw_kint(w, "level", c->level);
    place_fields(w, c, 1); /* a model document: loaded back */
    itss__jw_ktext2(w, "summary", c->summary);
    kopt_str(w, "source", c->source);
    if (c->should)
        itss__jw_kstr(w, "obligation", "should");
    indicators(w, c->indicators, c->nindicators);
    itss__jw_obj_end(w);
}

static void levels_array(itss_jw *w, unsigned bits, int n)
{
    itss__jw_arr(w);
    for (int l = 1; l <= n; l++)
        if (bits & (1u << (l - 1)))
            itss__jw_int(w, l);
    itss__jw_arr_end(w);
}

static void rule_obj(itss_jw *w, const itss_maturity_model *m)
{
    itss__jw_obj(w);
    itss__jw_kstr(w, "at_level", itss__sat_word(m->rule_at));
    itss__jw_kstr(w, "below", itss__sat_word(m->rule_below));
    itss__jw_obj_end(w);
}

static void thresholds_obj(itss_jw *w, const itss_maturity_model *m)
{
    itss__jw_obj(w);
    itss__jw_knum(w, "P", m->thresholds[0]);
    itss__jw_knum(w, "L", m->thresholds[1]);
    itss__jw_knum(w, "F", m->thresholds[2]);
    itss__jw_obj_end(w);
}

void itss__json_mmodel(itss_buf *b, const itss_maturity_model *m, int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_kstr(&w, "format", ITSS_MATURITY_FORMAT);
    itss__jw_kstr(&w, "id", m->id);
    itss__jw_kstr(&w, "edition", m->edition);
    itss__jw_ktext2(&w, "title", m->title);
    kopt_str(&w, "source", m->source);
    if (m->has_rule) {
        itss__jw_key(&w, "rule");
        rule_obj(&w, m);
    }
    if (m->has_thresholds) {
        itss__jw_key(&w, "thresholds");
        thresholds_obj(&w, m);
    }
    itss__jw_key(&w, "levels");
    itss__jw_arr(&w);
    for (int i = 0; i < m->nlevels; i++) {
        const itss_maturity_level *l = &m->levels[i];
        itss__jw_obj(&w);
        itss__jw_kint(&w, "level", l->ordinal);
        itss__jw_ktext2(&w, "name", l->name);
        kopt_text2(&w, "label", l->label);
        kopt_text2(&w, "description", l->desc);
        kopt_str(&w, "source", l->source);
        indicators(&w, l->indicators, l->nindicators);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_key(&w, "parts");
    itss__jw_arr(&w);
    for (size_t i = 0; i < m->nparts; i++) {
        itss__jw_obj(&w);
        itss__jw_kstr(&w, "id", m->parts[i].id);
        itss__jw_ktext2(&w, "name", m->parts[i].name);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_key(&w, "domains");
    itss__jw_arr(&w);
    for (size_t i = 0; i < m->ndomains; i++) {
        const itss_maturity_domain *d = &m->domains[i];
        itss__jw_obj(&w);
        itss__jw_kstr(&w, "id", d->id);
        itss__jw_kint(&w, "number", d->number);
        kopt_str(&w, "part", d->part ? d->part->id : NULL);
        itss__jw_ktext2(&w, "name", d->name);
        if (d->desc) {
            itss__jw_key(&w, "descriptions");
            itss__jw_arr(&w);
            for (int l = 0; l < d->ndesc; l++) {
                itss__jw_obj(&w);
                itss__jw_kint(&w, "level", l + 1);
                itss__jw_ktext2(&w, "text", d->desc[l]);
                itss__jw_obj_end(&w);
            }
            itss__jw_arr_end(&w);
        }
        kopt_str(&w, "source", d->source);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_key(&w, "items");
    itss__jw_arr(&w);
    for (size_t i = 0; i < m->nitems; i++) {
        const itss_maturity_item *it = &m->items[i];
        itss__jw_obj(&w);
        itss__jw_kint(&w, "number", it->number);
        itss__jw_kstr(&w, "domain", it->domain->id);
        itss__jw_ktext2(&w, "name", it->name);
        if (it->naliases) {
            itss__jw_key(&w, "aliases");
            itss__jw_arr(&w);
            for (size_t k = 0; k < it->naliases; k++)
                itss__jw_str(&w, it->aliases[k]);
            itss__jw_arr_end(&w);
        }
        kopt_str(&w, "cites", it->cites);
        kopt_str(&w, "source", it->source);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_key(&w, "clauses");
    itss__jw_arr(&w);
    for (size_t i = 0; i < m->nclauses; i++)
        clause_obj(&w, &m->clauses[i]);
    itss__jw_arr_end(&w);
    if (m->has_item_levels) {
        itss__jw_key(&w, "item_levels");
        itss__jw_obj(&w);
        kopt_str(&w, "source", m->item_levels_source);
        itss__jw_key(&w, "rows");
        itss__jw_arr(&w);
        for (size_t i = 0; i < m->nil_rows; i++) {
            itss__jw_obj(&w);
            itss__jw_kint(&w, "item", m->il_rows[i].item->number);
            itss__jw_key(&w, "levels");
            levels_array(&w, m->il_rows[i].levels, m->nlevels);
            itss__jw_obj_end(&w);
        }
        itss__jw_arr_end(&w);
        if (m->nil_diffs) {
            itss__jw_key(&w, "differences");
            itss__jw_arr(&w);
            for (size_t i = 0; i < m->nil_diffs; i++) {
                itss__jw_obj(&w);
                itss__jw_kint(&w, "item", m->il_diffs[i].item->number);
                itss__jw_kint(&w, "level", m->il_diffs[i].level);
                itss__jw_ktext2(&w, "reason", m->il_diffs[i].reason);
                itss__jw_obj_end(&w);
            }
            itss__jw_arr_end(&w);
        }
        itss__jw_obj_end(&w);
    }
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}

void itss__json_mclauses(itss_buf *b, const itss_maturity_clause *const *list, size_t n,
                         int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_key(&w, "clauses");
    itss__jw_arr(&w);
    for (size_t i = 0; i < n; i++)
        clause_obj(&w, list[i]);
    itss__jw_arr_end(&w);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}

/* A rating as its JSON value: token, number, or null when unrated. */
static void rating_value(itss_jw *w, const itss_rating *r)
{
    if (r->kind == ITSS_RATING_PERCENT)
        itss__jw_num(w, r->percent);
    else
        itss__jw_str(w, itss__rating_token((itss_rating_kind)r->kind));
}

void itss__json_assessment(itss_buf *b, const itss_assessment *a, int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_meta(&w, itss__assessment_meta_keys, ITSS_ASSESSMENT_META_COUNT, a->meta);
    if (a->scale != ITSS_SCALE_ANY)
        itss__jw_kstr(&w, "scale", itss__scale_name(a->scale));
    itss__jw_key(&w, "ratings");
    itss__jw_obj(&w);
    for (size_t i = 0; i < a->model->nclauses; i++) {
        const itss_rating *r = &a->ratings[i];
        if (!r->kind)
            continue;
        itss__jw_key(&w, a->model->clauses[i].id);
        if (r->kind != ITSS_RATING_NA && !r->evidence && !r->note) {
            rating_value(&w, r);
            continue;
        }
        itss__jw_obj(&w);
        itss__jw_key(&w, "rating");
        rating_value(&w, r);
        kopt_str(&w, "reason", r->reason);
        kopt_str(&w, "evidence", r->evidence);
        kopt_str(&w, "note", r->note);
        itss__jw_obj_end(&w);
    }
    itss__jw_obj_end(&w);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}

static const char *sat_name(int s)
{
    switch (s) {
    case ITSS_SAT_FULLY: return "fully";
    case ITSS_SAT_LARGELY: return "largely";
    case ITSS_SAT_NOT_APPLICABLE: return "not_applicable";
    default: return "not_satisfied";
    }
}

static void stats_fields(itss_jw *w, const itss_mstats *s)
{
    itss__jw_kint(w, "clauses", (long long)s->total);
    itss__jw_kint(w, "applicable", (long long)s->applicable);
    itss__jw_kint(w, "fully", (long long)s->fully);
    itss__jw_kint(w, "largely", (long long)s->largely);
    itss__jw_kint(w, "unrated", (long long)s->unrated);
    itss__jw_kint(w, "not_applicable", (long long)s->na);
    itss__jw_key(w, "coverage");
    if (s->applicable)
        itss__jw_num(w, (double)s->fully / (double)s->applicable);
    else
        itss__jw_null(w);
}

static void level_ref(itss_jw *w, const char *key, const itss_maturity_model *m, int level)
{
    itss__jw_key(w, key);
    if (level >= 1 && level <= m->nlevels)
        itss__jw_text2(w, m->levels[level - 1].name);
    else
        itss__jw_null(w);
}

/* id, level, domain, item, rating and grade of a clause in a result. */
static void rated_clause_fields(itss_jw *w, const itss_maturity_result *r,
                                const itss_maturity_clause *c)
{
    const itss_rating *rt = &r->ratings[c->index];
    itss__jw_kstr(w, "id", c->id);
    itss__jw_kint(w, "level", c->level);
    place_fields(w, c, 0);
    itss__jw_key(w, "rating");
    if (rt->kind)
        rating_value(w, rt);
    else
        itss__jw_null(w);
    itss__jw_kstr(w, "grade",
                  itss__rating_token(itss__mgrade(r->model, (itss_rating_kind)rt->kind,
                                                  rt->percent)));
}

/* "list": the recommendations (should) or the level-wide requirements
 * (!should: the "shall" clauses without a domain), with their status. */
static void status_list(itss_jw *w, const itss_maturity_result *r, int should)
{
    const itss_maturity_model *m = r->model;
    itss__jw_key(w, "list");
    itss__jw_arr(w);
    for (size_t i = 0; i < m->nclauses; i++) {
        const itss_maturity_clause *c = &m->clauses[i];
        if (should ? !c->should : c->should || c->domain)
            continue;
        itss__jw_obj(w);
        rated_clause_fields(w, r, c);
        itss__jw_kstr(w, "status", sat_name(r->sat[i]));
        itss__jw_ktext2(w, "summary", c->summary);
        itss__jw_obj_end(w);
    }
    itss__jw_arr_end(w);
}

void itss__json_mmodel_ref(itss_jw *w, const itss_maturity_model *m)
{
    itss__jw_key(w, "model");
    itss__jw_obj(w);
    itss__jw_kstr(w, "id", m->id);
    itss__jw_kstr(w, "edition", m->edition);
    itss__jw_obj_end(w);
}

/* The "domains" array of a result: each domain's level and its counts,
 * overall and per level. */
static void domains_array(itss_jw *w, const itss_maturity_result *r)
{
    const itss_maturity_model *m = r->model;
    size_t wl = (size_t)m->nlevels + 1;
    itss__jw_arr(w);
    for (size_t i = 0; i < m->ndomains; i++) {
        const itss_maturity_domain *d = &m->domains[i];
        const itss_mstats *s = &r->by_domain[i * wl];
        itss__jw_obj(w);
        itss__jw_kstr(w, "id", d->id);
        itss__jw_ktext2(w, "name", d->name);
        itss__jw_key(w, "part");
        if (d->part)
            itss__jw_str(w, d->part->id);
        else
            itss__jw_null(w);
        itss__jw_kint(w, "level", r->domain_level[i]);
        level_ref(w, "level_name", m, r->domain_level[i]);
        stats_fields(w, s);
        itss__jw_key(w, "levels");
        itss__jw_arr(w);
        for (int l = 1; l <= m->nlevels; l++) {
            if (!s[l].total)
                continue;
            itss__jw_obj(w);
            itss__jw_kint(w, "level", l);
            stats_fields(w, &s[l]);
            itss__jw_obj_end(w);
        }
        itss__jw_arr_end(w);
        itss__jw_obj_end(w);
    }
    itss__jw_arr_end(w);
}

void itss__json_mdomains(itss_buf *b, const itss_maturity_result *r, int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_key(&w, "domains");
    domains_array(&w, r);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}

void itss__json_mresult(itss_buf *b, const itss_maturity_result *r, int pretty)
{
    const itss_maturity_model *m = r->model;
    size_t wl = (size_t)m->nlevels + 1;
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__json_mmodel_ref(&w, m);
    itss__jw_meta(&w, itss__assessment_meta_keys, ITSS_ASSESSMENT_META_COUNT, r->meta);
    itss__jw_kstr(&w, "scale", itss__scale_name(r->scale));
    itss__jw_key(&w, "rule");
    rule_obj(&w, m);
    itss__jw_key(&w, "thresholds");
    thresholds_obj(&w, m);
    itss__jw_kint(&w, "level", r->level);
    level_ref(&w, "level_name", m, r->level);
    itss__jw_key(&w, "itss_label");
    if (r->level >= 1 && m->levels[r->level - 1].label[0])
        itss__jw_str(&w, m->levels[r->level - 1].label[ITSS_LANG_ZH]);
    else
        itss__jw_null(&w);

    itss__jw_key(&w, "levels");
    itss__jw_arr(&w);
    for (int l = 1; l <= m->nlevels; l++) {
        itss__jw_obj(&w);
        itss__jw_kint(&w, "level", l);
        itss__jw_ktext2(&w, "name", m->levels[l - 1].name);
        itss__jw_kbool(&w, "reached", l <= r->level);
        stats_fields(&w, &r->by_level[l]);
        indicators(&w, m->levels[l - 1].indicators, m->levels[l - 1].nindicators);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);

    itss__jw_key(&w, "domains");
    domains_array(&w, r);

    itss__jw_key(&w, "items");
    itss__jw_arr(&w);
    for (size_t i = 0; i < m->nitems; i++) {
        const itss_maturity_item *it = &m->items[i];
        const itss_mstats *s = &r->by_item[i * wl];
        itss__jw_obj(&w);
        itss__jw_kint(&w, "number", it->number);
        itss__jw_kstr(&w, "domain", it->domain->id);
        itss__jw_key(&w, "status"); /* {"level": status} where the item has clauses */
        itss__jw_obj(&w);
        for (int l = 1; l <= m->nlevels; l++) {
            static const char *const digits[] = {"", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
            if (s[l].total)
                itss__jw_kstr(&w, digits[l],
                              sat_name(itss_maturity_result_item_status(r, it, l)));
        }
        itss__jw_obj_end(&w);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);

    itss__jw_key(&w, "gaps");
    itss__jw_obj(&w);
    itss__jw_key(&w, "target");
    if (r->target)
        itss__jw_int(&w, r->target);
    else
        itss__jw_null(&w);
    level_ref(&w, "target_name", m, r->target);
    itss__jw_key(&w, "clauses");
    itss__jw_arr(&w);
    for (size_t i = 0; i < r->ngaps; i++) {
        const itss_maturity_clause *c = r->gaps[i].clause;
        itss__jw_obj(&w);
        rated_clause_fields(&w, r, c);
        itss__jw_kstr(&w, "required", itss__sat_word(r->gaps[i].required));
        indicators(&w, c->indicators, c->nindicators);
        /* on the binary scale there is no "largely": a blocking clause
         * must be met */
        itss__jw_kstr(&w, "needs", r->scale == ITSS_SCALE_BINARY
                                       ? "met"
                                       : itss__sat_word(r->gaps[i].required));
        itss__jw_ktext2(&w, "summary", c->summary);
        /* what the assessment says about the clause, when it says it */
        const itss_rating *rt = &r->ratings[c->index];
        if (rt->evidence)
            itss__jw_kstr(&w, "evidence", rt->evidence);
        if (rt->note)
            itss__jw_kstr(&w, "note", rt->note);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_obj_end(&w);

    /* the recommendations, apart from the levels */
    itss__jw_key(&w, "recommendations");
    itss__jw_obj(&w);
    stats_fields(&w, &r->should);
    status_list(&w, r, 1);
    itss__jw_obj_end(&w);

    /* the level-wide requirements, when the model has any */
    if (r->by_wide[0].total) {
        itss__jw_key(&w, "level_wide");
        itss__jw_obj(&w);
        stats_fields(&w, &r->by_wide[0]);
        itss__jw_key(&w, "levels");
        itss__jw_arr(&w);
        for (int l = 1; l <= m->nlevels; l++) {
            if (!r->by_wide[l].total)
                continue;
            itss__jw_obj(&w);
            itss__jw_kint(&w, "level", l);
            stats_fields(&w, &r->by_wide[l]);
            itss__jw_obj_end(&w);
        }
        itss__jw_arr_end(&w);
        status_list(&w, r, 0);
        itss__jw_obj_end(&w);
    }

    itss__jw_key(&w, "unrated");
    itss__jw_arr(&w);
    for (size_t i = 0; i < r->nunrated; i++)
        itss__jw_str(&w, m->clauses[r->unrated[i]].id);
    itss__jw_arr_end(&w);
    itss__jw_key(&w, "not_applicable");
    itss__jw_arr(&w);
    for (size_t i = 0; i < r->nna; i++) {
        itss__jw_obj(&w);
        itss__jw_kstr(&w, "id", m->clauses[r->na[i]].id);
        itss__jw_kstr(&w, "reason", r->ratings[r->na[i]].reason);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}
