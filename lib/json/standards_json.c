/* libitss — the ITSS standards registry as JSON: the loader of the data
 * file (built in only; no public loader) and the writers of its views.
 * Formats in docs/standards.md. */
#include <stdlib.h>
#include <string.h>

#include "../standards_internal.h"
#include "json_internal.h"

static int nomem(itss_jdoc *d) { return itss__err(d->err, ITSS_ENOMEM, "out of memory"); }

/* ---- loading ------------------------------------------------------------ */

static const char *const type_ids[] = {"national", "industry", "group", "international", NULL};
static const char *const status_ids[] = {"published", "approval", "comment",    "review",
                                         "draft",     "proposed", "developing", "cancelled",
                                         NULL};
static const char *const api_areas[] = {"classification", "quality", "maturity", NULL};

/* An optional string that may also be null: *out stays NULL then. */
static int opt_string(itss_jdoc *d, itss_arena *A, json_t *o, const char *key, char **out)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return ITSS_OK;
    const char *s = NULL;
    int rc = itss__jget_string(d, o, key, 0, 0, &s);
    if (!rc && !(*out = itss__arena_strdup(A, s)))
        rc = nomem(d);
    return rc;
}

/* A required string naming one of names[]: its index in *out. */
static int one_of(itss_jdoc *d, json_t *o, const char *key, const char *const *names, int *out)
{
    const char *s = NULL;
    int rc = itss__jget_string(d, o, key, 1, 0, &s);
    if (rc)
        return rc;
    char known[256] = "", sh[160];
    for (int k = 0; names[k]; k++) {
        if (strcmp(names[k], s) == 0) {
            *out = k;
            return ITSS_OK;
        }
        itss__str_append(known, sizeof known, k ? ", " : "");
        itss__str_append(known, sizeof known, names[k]);
    }
    return itss__jfail_key(d, key, ITSS_EVALUE, 0, "\"%s\" must be one of %s, not \"%s\"", key,
                           known, itss__shown(sh, sizeof sh, s));
}

typedef struct {
    itss_jdoc *d;
    itss_registry *r;
    itss_category *cats;
    itss_standard *stds;
    size_t nareas;
} rloader;

static int load_framework(rloader *L, json_t *root)
{
    static const char *const ckeys[] = {"id", "name", "source", "areas", NULL};
    static const char *const akeys[] = {"id", "name", "source", NULL};
    itss_jdoc *d = L->d;
    itss_arena *A = &L->r->arena;
    json_t *cats = NULL;
    int rc = itss__jget_array_max(d, root, "framework", 1, 64, &cats, &L->r->ncategories);
    if (!rc && !(L->cats = itss__arena_calloc(A, L->r->ncategories + 1, sizeof *L->cats)))
        rc = nomem(d);
    L->r->categories = L->cats;
    size_t m0 = itss__jpath_key(d, "framework");
    for (size_t i = 0; !rc && i < L->r->ncategories; i++) {
        size_t m1 = itss__jpath_index(d, i);
        json_t *o = json_array_get(cats, i), *areas = NULL;
        itss_category *c = &L->cats[i];
        const char *id = NULL;
        if (!json_is_object(o))
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "a category must be an object, not %s",
                             itss__jtype(o));
        if (!rc)
            rc = itss__jkeys(d, o, ckeys);
        if (!rc)
            rc = itss__jget_id(d, o, "id", &id);
        if (!rc && !(c->id = itss__arena_strdup(A, id)))
            rc = nomem(d);
        if (!rc)
            rc = itss__jget_text2(d, o, "name", 1, A, c->name);
        if (!rc)
            rc = itss__jget_string_copy(d, A, o, "source", &c->source);
        if (!rc && !c->source)
            rc = itss__jfail_key(d, "source", ITSS_ESCHEMA, 1, "\"source\" is required");
        if (!rc)
            rc = itss__jget_array_max(d, o, "areas", 1, 64, &areas, &c->nareas);
        itss_area *out = NULL;
        if (!rc && !(c->areas = out = itss__arena_calloc(A, c->nareas + 1, sizeof *out)))
            rc = nomem(d);
        size_t m2 = itss__jpath_key(d, "areas");
        for (size_t k = 0; !rc && k < c->nareas; k++) {
            size_t m3 = itss__jpath_index(d, k);
            json_t *ao = json_array_get(areas, k);
            if (!json_is_object(ao))
                rc = itss__jfail(d, ITSS_ESCHEMA, 0, "an area must be an object, not %s",
                                 itss__jtype(ao));
            if (!rc)
                rc = itss__jkeys(d, ao, akeys);
            if (!rc)
                rc = itss__jget_id(d, ao, "id", &id);
            if (!rc && !(out[k].id = itss__arena_strdup(A, id)))
                rc = nomem(d);
            if (!rc)
                rc = itss__jget_text2(d, ao, "name", 1, A, out[k].name);
            if (!rc)
                rc = itss__jget_string_copy(d, A, ao, "source", &out[k].source);
            if (!rc && !out[k].source)
                rc = itss__jfail_key(d, "source", ITSS_ESCHEMA, 1, "\"source\" is required");
            out[k].category = c;
            /* ids are unique among categories and among areas */
            for (size_t p = 0; !rc && p < i; p++)
                for (size_t q = 0; !rc && q < L->cats[p].nareas; q++)
                    if (strcmp(L->cats[p].areas[q].id, id) == 0)
                        rc = itss__jfail_key(d, "id", ITSS_EDUPLICATE, 0,
                                             "area id \"%s\" is used twice", id);
            for (size_t q = 0; !rc && q < k; q++)
                if (strcmp(out[q].id, id) == 0)
                    rc = itss__jfail_key(d, "id", ITSS_EDUPLICATE, 0,
                                         "area id \"%s\" is used twice", id);
            L->nareas++;
            itss__jpath_pop(d, m3);
        }
        itss__jpath_pop(d, m2);
        for (size_t p = 0; !rc && p < i; p++)
            if (strcmp(L->cats[p].id, c->id) == 0)
                rc = itss__jfail_key(d, "id", ITSS_EDUPLICATE, 0,
                                     "category id \"%s\" is used twice", c->id);
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    return rc;
}

static const itss_area *area_by_id(const itss_registry *r, const char *id)
{
    const itss_area *a = NULL;
    return itss_area_lookup(r, id, &a, NULL) ? NULL : a;
}

/* ASCII-lower-cased number, titles and summaries, one line each. */
static int search_text(itss_arena *A, itss_standard *s)
{
    const char *parts[5] = {s->number ? s->number : "", s->title[0], s->title[1],
                            s->summary[0], s->summary[1]};
    itss_buf b;
    itss__buf_init(&b);
    for (int i = 0; i < 5; i++) {
        if (i == 3)
            s->ltitle = b.len;
        itss__buf_puts(&b, parts[i]);
        itss__buf_putc(&b, '\n');
    }
    char *t = NULL;
    if (!b.oom)
        t = itss__arena_strndup(A, b.data, b.len);
    itss__buf_free(&b);
    if (!t)
        return ITSS_ENOMEM;
    for (char *p = t; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
    s->ltext = t;
    return ITSS_OK;
}

static int load_standard(rloader *L, json_t *o, itss_standard *s)
{
    static const char *const keys[] = {
        "number", "table",   "row",     "type",           "title",    "status",
        "stage",  "role",    "area",    "framework_row",  "summary",  "note",
        "source", "implemented_by", "replaces", "replaced_by", NULL};
    itss_jdoc *d = L->d;
    itss_arena *A = &L->r->arena;
    char key[ITSS_STD_KEY_MAX], sh[160];
    if (!json_is_object(o))
        return itss__jfail(d, ITSS_ESCHEMA, 0, "a standard must be an object, not %s",
                           itss__jtype(o));
    int rc = itss__jkeys(d, o, keys);
    if (!rc && !json_object_get(o, "number"))
        rc = itss__jfail_key(d, "number", ITSS_ESCHEMA, 1,
                             "\"number\" is required (null for a plan without one)");
    if (!rc)
        rc = opt_string(d, A, o, "number", &s->number);
    if (!rc && s->number) {
        size_t k = itss__std_key(s->number, key, sizeof key);
        if (k == 0 || k == (size_t)-1)
            rc = itss__jfail_key(d, "number", ITSS_EVALUE, 0, "number \"%s\" is not a number",
                                 itss__shown(sh, sizeof sh, s->number));
        else if (!(s->key = itss__arena_strdup(A, key)))
            rc = nomem(d);
    }
    long long row = 0;
    if (!rc)
        rc = opt_string(d, A, o, "table", &s->table);
    if (!rc)
        rc = itss__jget_int(d, o, "row", 1, 0, 10000, &row);
    if (!rc && (!s->table) != (row == 0))
        rc = itss__jfail_key(d, "row", ITSS_EVALUE, 0,
                             "\"row\" is 0 exactly when \"table\" is null");
    s->row = (size_t)row;
    if (!rc && s->table) {
        char ref[64];
        snprintf(ref, sizeof ref, "%s/%zu", s->table, s->row);
        size_t k = itss__std_key(ref, key, sizeof key);
        if (k == 0 || k == (size_t)-1)
            rc = itss__jfail_key(d, "table", ITSS_EVALUE, 0, "table \"%s\" is not a table name",
                                 itss__shown(sh, sizeof sh, s->table));
        else if (!(s->rkey = itss__arena_strdup(A, key)))
            rc = nomem(d);
    }
    if (!rc && !s->number && !s->table)
        rc = itss__jfail_key(d, "number", ITSS_EVALUE, 0,
                             "a standard without a number needs its table and row");
    if (!rc)
        rc = one_of(d, o, "type", type_ids, &s->type);
    if (!rc)
        rc = itss__jget_text2(d, o, "title", 1, A, s->title);
    if (!rc)
        rc = one_of(d, o, "status", status_ids, &s->status);
    if (!rc)
        rc = opt_string(d, A, o, "stage", &s->stage);
    if (!rc)
        rc = opt_string(d, A, o, "role", &s->role);
    int intl = s->type == ITSS_STANDARD_INTERNATIONAL;
    if (!rc && intl != (s->stage != NULL))
        rc = itss__jfail_key(d, intl ? "type" : "stage", ITSS_EVALUE, 0,
                             "\"stage\" is given exactly for international standards");
    if (!rc && intl != (s->role != NULL))
        rc = itss__jfail_key(d, intl ? "type" : "role", ITSS_EVALUE, 0,
                             "\"role\" is given exactly for international standards");
    if (!rc && !intl && s->status >= ITSS_STATUS_DEVELOPING)
        rc = itss__jfail_key(d, "status", ITSS_EVALUE, 0,
                             "status \"%s\" is for international standards",
                             status_ids[s->status]);
    const char *area = NULL;
    if (!rc && json_object_get(o, "area"))
        rc = itss__jget_id(d, o, "area", &area);
    if (!rc && area && !(s->area = area_by_id(L->r, area)))
        rc = itss__jfail_key(d, "area", ITSS_EVALUE, 0, "no framework area \"%s\"", area);
    long long frow = 0;
    if (!rc)
        rc = itss__jget_int(d, o, "framework_row", area != NULL, 1, 10000, &frow);
    if (!rc && !area && frow)
        rc = itss__jfail_key(d, "framework_row", ITSS_EVALUE, 0,
                             "\"framework_row\" needs an \"area\"");
    s->frow = (size_t)frow;
    if (!rc)
        rc = itss__jget_text2(d, o, "summary", 1, A, s->summary);
    if (!rc)
        rc = itss__jget_text2(d, o, "note", 0, A, s->note);
    if (!rc)
        rc = itss__jget_string_copy(d, A, o, "source", &s->source);
    if (!rc && !s->source)
        rc = itss__jfail_key(d, "source", ITSS_ESCHEMA, 1, "\"source\" is required");
    int api = -1;
    if (!rc && json_object_get(o, "implemented_by"))
        rc = one_of(d, o, "implemented_by", api_areas, &api);
    if (!rc && api >= 0 && !(s->implemented_by = itss__arena_strdup(A, api_areas[api])))
        rc = nomem(d);
    if (!rc)
        rc = search_text(A, s) ? nomem(d) : ITSS_OK;
    return rc;
}

/* The standard the string at key names (replaces, replaced_by). */
static int link_edition(rloader *L, json_t *o, const char *key, const itss_standard **out)
{
    itss_jdoc *d = L->d;
    const char *num = NULL;
    int rc = itss__jget_string(d, o, key, 0, 0, &num);
    if (rc || !num)
        return rc;
    char sh[160];
    if (itss_standard_lookup(L->r, num, out, NULL))
        return itss__jfail_key(d, key, ITSS_EVALUE, 0, "%s: no standard has the number \"%s\"",
                               key, itss__shown(sh, sizeof sh, num));
    return ITSS_OK;
}

static int cmp_frow(const void *a, const void *b)
{
    const itss_standard *x = *(const itss_standard *const *)a,
                        *y = *(const itss_standard *const *)b;
    return (x->frow > y->frow) - (x->frow < y->frow);
}

/* Each area's standards in table order; a row used twice is refused. */
static int link_areas(rloader *L)
{
    itss_registry *r = L->r;
    for (size_t c = 0; c < r->ncategories; c++)
        for (size_t k = 0; k < L->cats[c].nareas; k++) {
            itss_area *a = (itss_area *)&L->cats[c].areas[k];
            size_t n = 0;
            for (size_t i = 0; i < r->nstandards; i++)
                n += L->stds[i].area == a;
            const itss_standard **list = itss__arena_calloc(&r->arena, n + 1, sizeof *list);
            if (!list)
                return nomem(L->d);
            n = 0;
            for (size_t i = 0; i < r->nstandards; i++)
                if (L->stds[i].area == a)
                    list[n++] = &L->stds[i];
            qsort(list, n, sizeof *list, cmp_frow);
            for (size_t i = 0; i + 1 < n; i++)
                if (list[i]->frow == list[i + 1]->frow)
                    return itss__err(L->d->err, ITSS_EDUPLICATE,
                                     "area %s: row %zu is given to two standards", a->id,
                                     list[i]->frow);
            a->standards = list;
            a->nstandards = n;
        }
    return ITSS_OK;
}

static int build_registry(itss_jdoc *d, void *ctx)
{
    static const char *const keys[] = {"format", "title", "source", "framework", "standards",
                                       NULL};
    itss_registry *r = calloc(1, sizeof *r);
    if (!r)
        return nomem(d);
    rloader L = {.d = d, .r = r};
    itss_arena *A = &r->arena;
    const char *format = NULL;
    json_t *stds = NULL;
    int rc = itss__jkeys(d, d->root, keys);
    if (!rc)
        rc = itss__jget_string(d, d->root, "format", 1, 0, &format);
    if (!rc && strcmp(format, ITSS_STANDARDS_FORMAT) != 0)
        rc = itss__jfail_key(d, "format", ITSS_EVALUE, 0, "format must be \"%s\"",
                             ITSS_STANDARDS_FORMAT);
    if (!rc)
        rc = itss__jget_text2(d, d->root, "title", 1, A, r->title);
    if (!rc)
        rc = itss__jget_string_copy(d, A, d->root, "source", &r->source);
    if (!rc)
        rc = load_framework(&L, d->root);
    if (!rc)
        rc = itss__jget_array_max(d, d->root, "standards", 1, 10000, &stds, &r->nstandards);
    if (!rc && !(L.stds = itss__arena_calloc(A, r->nstandards + 1, sizeof *L.stds)))
        rc = nomem(d);
    r->standards = L.stds;
    size_t m0 = itss__jpath_key(d, "standards");
    for (size_t i = 0; !rc && i < r->nstandards; i++) {
        size_t m1 = itss__jpath_index(d, i);
        L.stds[i].index = i;
        rc = load_standard(&L, json_array_get(stds, i), &L.stds[i]);
        /* a number (or a table and row) given twice */
        for (size_t p = 0; !rc && p < i; p++) {
            const itss_standard *a = &L.stds[p], *b = &L.stds[i];
            if (a->key && b->key && strcmp(a->key, b->key) == 0)
                rc = itss__jfail_key(d, "number", ITSS_EDUPLICATE, 0,
                                     "number \"%s\" is the same as that of standards/%zu",
                                     b->number, p);
            else if (a->rkey && b->rkey && strcmp(a->rkey, b->rkey) == 0)
                rc = itss__jfail_key(d, "row", ITSS_EDUPLICATE, 0,
                                     "table %s row %zu is also standards/%zu", b->table, b->row,
                                     p);
        }
        itss__jpath_pop(d, m1);
    }
    for (size_t i = 0; !rc && i < r->nstandards; i++) {
        size_t m1 = itss__jpath_index(d, i);
        json_t *o = json_array_get(stds, i);
        rc = link_edition(&L, o, "replaces", &L.stds[i].replaces);
        if (!rc)
            rc = link_edition(&L, o, "replaced_by", &L.stds[i].replaced_by);
        itss__jpath_pop(d, m1);
    }
    for (size_t i = 0; !rc && i < r->nstandards; i++) {
        size_t m1 = itss__jpath_index(d, i);
        const itss_standard *s = &L.stds[i];
        if ((s->replaces && s->replaces->replaced_by != s) ||
            (s->replaced_by && s->replaced_by->replaces != s))
            rc = itss__jfail(d, ITSS_EMODEL, 0,
                             "\"replaces\" and \"replaced_by\" must name each other");
        itss__jpath_pop(d, m1);
    }
    itss__jpath_pop(d, m0);
    if (!rc)
        rc = link_areas(&L);
    if (rc) {
        itss__registry_free(r);
        return rc;
    }
    *(itss_registry **)ctx = r;
    return ITSS_OK;
}

int itss__registry_load(const char *json, size_t len, itss_registry **out, itss_error *err)
{
    itss__err_clear(err);
    *out = NULL;
    return itss__jdoc_load(json, len, err, build_registry, out);
}

void itss__registry_free(itss_registry *r)
{
    if (!r || r->builtin)
        return;
    itss__arena_free(&r->arena);
    free(r);
}

/* ---- writing -------------------------------------------------------------- */

static void standard_obj(itss_jw *w, const itss_standard *s)
{
    itss__jw_obj(w);
    itss__jw_kstr(w, "number", s->number);
    itss__jw_kstr(w, "table", s->table);
    itss__jw_kint(w, "row", (long long)s->row);
    itss__jw_kstr(w, "type", itss_std_type_name((itss_std_type)s->type));
    itss__jw_ktext2(w, "title", s->title);
    itss__jw_kstr(w, "status", itss_std_status_name((itss_std_status)s->status));
    itss__jw_key(w, "status_label");
    itss__jw_obj(w);
    itss__jw_kstr(w, "zh", itss_std_status_label((itss_std_status)s->status, ITSS_LANG_ZH));
    itss__jw_kstr(w, "en", itss_std_status_label((itss_std_status)s->status, ITSS_LANG_EN));
    itss__jw_obj_end(w);
    if (s->stage) {
        itss__jw_kstr(w, "stage", s->stage);
        itss__jw_kstr(w, "role", s->role);
    }
    itss__jw_kstr(w, "category", s->area ? s->area->category->id : NULL);
    itss__jw_kstr(w, "area", s->area ? s->area->id : NULL);
    itss__jw_ktext2(w, "summary", s->summary);
    if (s->note[0])
        itss__jw_ktext2(w, "note", s->note);
    itss__jw_kstr(w, "implemented_by", s->implemented_by);
    itss__jw_kstr(w, "replaces", s->replaces ? s->replaces->number : NULL);
    itss__jw_kstr(w, "replaced_by", s->replaced_by ? s->replaced_by->number : NULL);
    itss__jw_kstr(w, "source", s->source);
    itss__jw_obj_end(w);
}

void itss__json_standard(itss_buf *b, const itss_standard *s, int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    standard_obj(&w, s);
    itss__jw_end(&w);
}

void itss__json_standard_list(itss_buf *b, const itss_standard *const *list, size_t n,
                              int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_arr(&w);
    for (size_t i = 0; i < n; i++)
        standard_obj(&w, list[i]);
    itss__jw_arr_end(&w);
    itss__jw_end(&w);
}

/* A standard in the tree: enough to name it. */
static void standard_ref(itss_jw *w, const itss_standard *s)
{
    itss__jw_obj(w);
    itss__jw_kstr(w, "number", s->number);
    itss__jw_kstr(w, "table", s->table);
    itss__jw_kint(w, "row", (long long)s->row);
    itss__jw_ktext2(w, "title", s->title);
    itss__jw_kstr(w, "status", itss_std_status_name((itss_std_status)s->status));
    itss__jw_obj_end(w);
}

void itss__json_framework(itss_buf *b, const itss_registry *r, int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_ktext2(&w, "title", r->title);
    itss__jw_kstr(&w, "source", r->source);
    itss__jw_key(&w, "categories");
    itss__jw_arr(&w);
    for (size_t c = 0; c < r->ncategories; c++) {
        const itss_category *cat = &r->categories[c];
        itss__jw_obj(&w);
        itss__jw_kstr(&w, "id", cat->id);
        itss__jw_ktext2(&w, "name", cat->name);
        itss__jw_kstr(&w, "source", cat->source);
        itss__jw_key(&w, "areas");
        itss__jw_arr(&w);
        for (size_t k = 0; k < cat->nareas; k++) {
            const itss_area *a = &cat->areas[k];
            itss__jw_obj(&w);
            itss__jw_kstr(&w, "id", a->id);
            itss__jw_ktext2(&w, "name", a->name);
            itss__jw_kstr(&w, "source", a->source);
            itss__jw_key(&w, "standards");
            itss__jw_arr(&w);
            for (size_t i = 0; i < a->nstandards; i++)
                standard_ref(&w, a->standards[i]);
            itss__jw_arr_end(&w);
            itss__jw_obj_end(&w);
        }
        itss__jw_arr_end(&w);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_key(&w, "unplaced");
    itss__jw_arr(&w);
    for (size_t i = 0; i < r->nstandards; i++)
        if (!r->standards[i].area)
            standard_ref(&w, &r->standards[i]);
    itss__jw_arr_end(&w);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}
