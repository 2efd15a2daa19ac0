/* libitss — GB/T 29264 catalogs as JSON: loader (validate and build) and
 * writers. The document format is in docs/json-formats.md. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../classify_internal.h"
#include "json_internal.h"

static const char *const relation_names[] = {"exact", "narrower", "broader", "related", NULL};

/* ---- loading ------------------------------------------------------------ */

typedef struct {
    itss_jdoc *doc;
    itss_catalog *cat;
    itss_index xw_ids;  /* crosswalk id -> position */
    itss_index targets; /* of the crosswalk being read: code -> position */
    itss_index links;   /* of the crosswalk being read: (class, target) pairs */
} loader;

/* A link's key in the index of links: its class and target pointers,
 * which sit next to each other. */
_Static_assert(offsetof(itss_xlink, target) == offsetof(itss_xlink, cls) + sizeof(void *),
               "a link's class and target are one key");
#define LINK_KEY_SIZE (2 * sizeof(void *))

static int nomem(loader *L) { return itss__err(L->doc->err, ITSS_ENOMEM, "out of memory"); }

static int load_class(loader *L, json_t *o, size_t i, itss_class *c)
{
    static const char *const keys[] = {"code", "level", "parent", "name", "description",
                                       "catch_all", "includes", "excludes", "source", NULL};
    itss_jdoc *d = L->doc;
    itss_arena *A = &L->cat->arena;
    if (!json_is_object(o))
        return itss__jfail(d, ITSS_ESCHEMA, 0, "a class must be an object, not %s",
                           itss__jtype(o));
    int rc = itss__jkeys(d, o, keys);
    const char *code = NULL, *source = NULL;
    long long level = 0;
    if (!rc)
        rc = itss__jget_string(d, o, "code", 1, 1, &code);
    if (!rc) {
        size_t m = itss__jpath_key(d, "code");
        itss_error tmp;
        if (itss__code_shape_check(code, NULL, &tmp))
            rc = itss__jfail(d, ITSS_EVALUE, 0, "%s", tmp.message);
        itss__jpath_pop(d, m);
    }
    if (!rc)
        rc = itss__jget_int(d, o, "level", 1, 1, 3, &level);
    if (!rc && (size_t)level * 2 != strlen(code)) {
        rc = itss__jfail_key(d, "level", ITSS_EMODEL, 0,
                         "level %lld does not match code %s: a %zu-digit code is level %zu",
                         level, code, strlen(code), strlen(code) / 2);
    }
    if (!rc) {
        /* parent: null at level 1, else the code's prefix */
        json_t *p = json_object_get(o, "parent");
        size_t m = itss__jpath_key(d, "parent");
        char want[8] = "";
        if (level > 1) {
            memcpy(want, code, strlen(code) - 2);
            want[strlen(code) - 2] = 0;
        }
        if (!p) {
            itss__jpath_pop(d, m);
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "missing required key \"parent\"");
        } else if (level == 1 && !json_is_null(p)) {
            rc = itss__jfail(d, ITSS_EMODEL, 0,
                             "a level-1 class has no parent: \"parent\" must be null");
        } else if (level > 1 && !json_is_string(p)) {
            rc = itss__jfail(d, ITSS_ESCHEMA, 0, "\"parent\" must be a string, not %s",
                             itss__jtype(p));
        } else if (level > 1 && strcmp(json_string_value(p), want) != 0) {
            char shown[160];
            itss__quote(shown, sizeof shown, json_string_value(p),
                        json_string_length(p), 40);
            rc = itss__jfail(d, ITSS_EMODEL, 0,
                             "parent \"%s\" does not match code %s: its parent is %s", shown,
                             code, want);
        }
        if (p)
            itss__jpath_pop(d, m);
    }
    if (!rc)
        rc = itss__jget_text2(d, o, "name", 1, A, c->name);
    if (!rc)
        rc = itss__jget_text2(d, o, "description", 1, A, c->desc);
    if (!rc)
        rc = itss__jget_bool(d, o, "catch_all", 1, &c->catch_all);
    if (!rc && level > 1) {
        int ends99 = strcmp(code + strlen(code) - 2, "99") == 0;
        if (ends99 != c->catch_all) {
            rc = itss__jfail_key(d, "catch_all", ITSS_EMODEL, 0,
                             ends99 ? "class %s ends in 99, the catch-all mark: \"catch_all\" "
                                      "must be true"
                                    : "only a class ending in 99 is a catch-all below level "
                                      "1: \"catch_all\" must be false for %s",
                             code);
        }
    }
    if (!rc)
        rc = itss__jget_text2(d, o, "includes", 0, A, c->incl);
    if (!rc)
        rc = itss__jget_text2(d, o, "excludes", 0, A, c->excl);
    if (!rc)
        rc = itss__jget_string(d, o, "source", 1, 0, &source);
    if (rc)
        return rc;
    snprintf(c->code, sizeof c->code, "%s", code); /* checked: 2, 4 or 6 digits */
    c->level = (int)level;
    c->src_index = i;
    if (!(c->source = itss__arena_strdup(A, source)))
        return nomem(L);
    return ITSS_OK;
}

static int load_target(loader *L, json_t *o, itss_xtarget *t)
{
    static const char *const keys[] = {"code", "name", "source", NULL};
    itss_jdoc *d = L->doc;
    const char *code = NULL, *source = NULL;
    if (!json_is_object(o))
        return itss__jfail(d, ITSS_ESCHEMA, 0, "a target class must be an object, not %s",
                           itss__jtype(o));
    int rc = itss__jkeys(d, o, keys);
    if (!rc)
        rc = itss__jget_string(d, o, "code", 1, 0, &code);
    if (!rc)
        rc = itss__jget_text2(d, o, "name", 1, &L->cat->arena, t->name);
    if (!rc)
        rc = itss__jget_string(d, o, "source", 1, 0, &source);
    if (rc)
        return rc;
    if (!(t->code = itss__arena_strdup(&L->cat->arena, code)) ||
        !(t->source = itss__arena_strdup(&L->cat->arena, source)))
        return nomem(L);
    return ITSS_OK;
}

static int load_link(loader *L, itss_crosswalk *x, json_t *o, itss_xlink *l)
{
    static const char *const keys[] = {"from", "to", "relation", "note", NULL};
    itss_jdoc *d = L->doc;
    const char *from = NULL, *to = NULL, *rel = NULL;
    if (!json_is_object(o))
        return itss__jfail(d, ITSS_ESCHEMA, 0, "a link must be an object, not %s",
                           itss__jtype(o));
    int rc = itss__jkeys(d, o, keys);
    if (!rc)
        rc = itss__jget_string(d, o, "from", 1, 1, &from);
    if (!rc && !(l->cls = itss__class_find(L->cat, from))) {
        char shown[160];
        itss__quote(shown, sizeof shown, from, strlen(from), 40);
        rc = itss__jfail_key(d, "from", ITSS_EMODEL, 0, "\"from\": %s is not a class of this catalog",
                         shown);
    }
    if (!rc)
        rc = itss__jget_string(d, o, "to", 1, 1, &to);
    if (!rc) {
        size_t k = itss__index_find_str(&L->targets, to);
        if (k != (size_t)-1)
            l->target = &x->targets[k];
        if (!l->target) {
            char shown[160];
            itss__quote(shown, sizeof shown, to, strlen(to), 40);
            rc = itss__jfail_key(d, "to", ITSS_EMODEL, 0,
                             "\"to\": %s is not one of this crosswalk's targets", shown);
        }
    }
    if (!rc)
        rc = itss__jget_string(d, o, "relation", 1, 0, &rel);
    if (!rc) {
        l->relation = -1;
        for (int k = 0; relation_names[k]; k++)
            if (strcmp(relation_names[k], rel) == 0)
                l->relation = k;
        if (l->relation < 0) {
            char shown[160];
            itss__quote(shown, sizeof shown, rel, strlen(rel), 40);
            rc = itss__jfail_key(d, "relation", ITSS_EVALUE, 0,
                             "relation \"%s\" is not one of exact, narrower, broader, related",
                             shown);
        }
    }
    if (!rc)
        rc = itss__jget_text2(d, o, "note", 0, &L->cat->arena, l->note);
    return rc;
}

static int load_crosswalk(loader *L, json_t *o, size_t xi)
{
    static const char *const keys[] = {"id", "scheme", "name", "note", "targets", "links",
                                       NULL};
    itss_jdoc *d = L->doc;
    itss_arena *A = &L->cat->arena;
    itss_crosswalk *x = (itss_crosswalk *)&L->cat->xw[xi]; /* being built */
    const char *id = NULL, *scheme = NULL;
    json_t *targets = NULL, *links = NULL;
    x->cat = L->cat;
    if (!json_is_object(o))
        return itss__jfail(d, ITSS_ESCHEMA, 0, "a crosswalk must be an object, not %s",
                           itss__jtype(o));
    int rc = itss__jkeys(d, o, keys);
    if (!rc)
        rc = itss__jget_string(d, o, "id", 1, 0, &id);
    if (!rc) {
        int seen = itss__index_add_str(&L->xw_ids, id, xi, NULL);
        if (seen < 0)
            return nomem(L);
        if (seen)
            rc = itss__jfail_key(d, "id", ITSS_EDUPLICATE, 0, "crosswalk id \"%s\" is used twice", id);
    }
    if (!rc)
        rc = itss__jget_string(d, o, "scheme", 1, 0, &scheme);
    if (!rc)
        rc = itss__jget_text2(d, o, "name", 1, A, x->name);
    if (!rc)
        rc = itss__jget_text2(d, o, "note", 0, A, x->note);
    if (!rc)
        rc = itss__jget_array(d, o, "targets", 1, &targets);
    if (!rc)
        rc = itss__jget_array(d, o, "links", 1, &links);
    if (rc)
        return rc;
    if (!(x->id = itss__arena_strdup(A, id)) || !(x->scheme = itss__arena_strdup(A, scheme)))
        return nomem(L);
    x->ntargets = json_array_size(targets);
    x->nlinks = json_array_size(links);
    itss_xtarget *targets_out = itss__arena_calloc(A, x->ntargets ? x->ntargets : 1,
                                                   sizeof *targets_out);
    itss_xlink *links_out = itss__arena_calloc(A, x->nlinks ? x->nlinks : 1, sizeof *links_out);
    if (!targets_out || !links_out)
        return nomem(L);
    x->targets = targets_out;
    x->links = links_out;
    itss__index_clear(&L->targets);
    itss__index_clear(&L->links);
    size_t m0 = itss__jpath_key(d, "targets");
    for (size_t k = 0; !rc && k < x->ntargets; k++) {
        size_t m = itss__jpath_index(d, k);
        rc = load_target(L, json_array_get(targets, k), &targets_out[k]);
        int seen = rc ? 0 : itss__index_add_str(&L->targets, x->targets[k].code, k, NULL);
        if (seen < 0)
            rc = nomem(L);
        else if (seen)
            rc = itss__jfail_key(d, "code", ITSS_EDUPLICATE, 0, "target code %s is listed twice",
                                 x->targets[k].code);
        itss__jpath_pop(d, m);
    }
    itss__jpath_pop(d, m0);
    m0 = itss__jpath_key(d, "links");
    for (size_t k = 0; !rc && k < x->nlinks; k++) {
        size_t m = itss__jpath_index(d, k);
        rc = load_link(L, x, json_array_get(links, k), &links_out[k]);
        int seen = rc ? 0 : itss__index_add(&L->links, &links_out[k].cls, LINK_KEY_SIZE, k, NULL);
        if (seen < 0)
            rc = nomem(L);
        else if (seen)
            rc = itss__jfail(d, ITSS_EDUPLICATE, 0, "the link %s -> %s is listed twice",
                             x->links[k].cls->code, x->links[k].target->code);
        itss__jpath_pop(d, m);
    }
    itss__jpath_pop(d, m0);
    return rc;
}

static int load_catalog_body(loader *L)
{
    static const char *const keys[] = {"format", "edition", "title", "source", "root",
                                       "classes", "crosswalks", NULL};
    itss_jdoc *d = L->doc;
    itss_catalog *cat = L->cat;
    json_t *root = d->root, *classes = NULL, *xws = NULL;
    const char *format = NULL, *edition = NULL, *source = NULL, *top = NULL;
    int rc = itss__jkeys(d, root, keys);
    if (!rc)
        rc = itss__jget_string(d, root, "format", 1, 0, &format);
    if (!rc && strcmp(format, ITSS_CATALOG_FORMAT) != 0) {
        char shown[160];
        itss__quote(shown, sizeof shown, format, strlen(format), 40);
        rc = itss__jfail_key(d, "format", ITSS_EVALUE, 0, "format \"%s\" is not supported (expected \"%s\")",
                         shown, ITSS_CATALOG_FORMAT);
    }
    if (!rc)
        rc = itss__jget_string(d, root, "edition", 1, 0, &edition);
    if (!rc)
        rc = itss__jget_text2(d, root, "title", 1, &cat->arena, cat->title);
    if (!rc)
        rc = itss__jget_string(d, root, "source", 0, 0, &source);
    /* "root": a subtree export names its root class (checked below) */
    if (!rc)
        rc = itss__jget_string(d, root, "root", 0, 0, &top);
    if (!rc)
        rc = itss__jget_array(d, root, "classes", 1, &classes);
    if (!rc && json_array_size(classes) == 0) {
        rc = itss__jfail_key(d, "classes", ITSS_EVALUE, 0, "\"classes\" must not be empty");
    }
    if (!rc)
        rc = itss__jget_array(d, root, "crosswalks", 0, &xws);
    if (rc)
        return rc;
    if (!(cat->edition = itss__arena_strdup(&cat->arena, edition)) ||
        (source && !(cat->source = itss__arena_strdup(&cat->arena, source))))
        return nomem(L);
    cat->n = json_array_size(classes);
    itss_class *classes_out = itss__arena_calloc(&cat->arena, cat->n, sizeof *classes_out);
    if (!classes_out)
        return nomem(L);
    cat->classes = classes_out;
    size_t m0 = itss__jpath_key(d, "classes");
    for (size_t i = 0; !rc && i < cat->n; i++) {
        size_t m = itss__jpath_index(d, i);
        rc = load_class(L, json_array_get(classes, i), i, &classes_out[i]);
        itss__jpath_pop(d, m);
    }
    if (!rc) {
        const itss_class *which = NULL;
        switch (itss__catalog_link(cat, &which)) {
        case ITSS_LINK_OK: break;
        case ITSS_LINK_NOMEM: rc = nomem(L); break;
        case ITSS_LINK_DUPLICATE: {
            size_t m = itss__jpath_index(d, which->src_index);
            rc = itss__jfail_key(d, "code", ITSS_EDUPLICATE, 0, "class code %s appears twice",
                             which->code);
            itss__jpath_pop(d, m);
            break;
        }
        case ITSS_LINK_MISSING_PARENT: {
            size_t m = itss__jpath_index(d, which->src_index);
            size_t m2 = itss__jpath_key(d, "parent");
            char pcode[8];
            size_t plen = strlen(which->code) - 2;
            memcpy(pcode, which->code, plen);
            pcode[plen] = 0;
            rc = itss__jfail(d, ITSS_EMODEL, 0,
                             "class %s has parent %s, which is not in the catalog",
                             which->code, pcode);
            itss__jpath_pop(d, m2);
            itss__jpath_pop(d, m);
            break;
        }
        }
    }
    itss__jpath_pop(d, m0);
    if (!rc && top && !itss__class_find(cat, top)) {
        char shown[160];
        rc = itss__jfail_key(d, "root", ITSS_EMODEL, 0,
                             "the root \"%s\" is not one of the catalog's classes",
                             itss__shown(shown, sizeof shown, top));
    }
    if (rc || !xws)
        return rc;
    cat->nxw = json_array_size(xws);
    if (!(cat->xw = itss__arena_calloc(&cat->arena, cat->nxw ? cat->nxw : 1, sizeof *cat->xw)))
        return nomem(L);
    m0 = itss__jpath_key(d, "crosswalks");
    for (size_t i = 0; !rc && i < cat->nxw; i++) {
        size_t m = itss__jpath_index(d, i);
        rc = load_crosswalk(L, json_array_get(xws, i), i);
        itss__jpath_pop(d, m);
    }
    itss__jpath_pop(d, m0);
    return rc;
}

static int load_catalog(itss_jdoc *d, itss_catalog *cat)
{
    loader L = {.doc = d, .cat = cat};
    itss__index_init(&L.xw_ids);
    itss__index_init(&L.targets);
    itss__index_init(&L.links);
    int rc = load_catalog_body(&L);
    itss__index_free(&L.xw_ids);
    itss__index_free(&L.targets);
    itss__index_free(&L.links);
    return rc;
}

static int build_catalog(itss_jdoc *doc, void *ctx)
{
    itss_catalog **out = ctx;
    itss_catalog *cat = calloc(1, sizeof *cat);
    if (!cat)
        return itss__err(doc->err, ITSS_ENOMEM, "out of memory");
    int rc = load_catalog(doc, cat);
    if (rc)
        itss_catalog_free(cat);
    else
        *out = cat;
    return rc;
}

int itss_catalog_load(const char *json, size_t len, itss_catalog **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, json);
    return itss__jdoc_load(json, len, err, build_catalog, out);
}

static int load_text(const char *text, size_t len, void *ctx, itss_error *err)
{
    return itss_catalog_load(text, len, ctx, err);
}

int itss_catalog_load_file(const char *path, itss_catalog **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, path);
    return itss__load_path(path, err, load_text, out);
}

/* ---- writing ------------------------------------------------------------ */

static void class_obj(itss_jw *w, const itss_class *c)
{
    itss__jw_obj(w);
    itss__jw_kstr(w, "code", c->code);
    itss__jw_kint(w, "level", c->level);
    itss__jw_kstr(w, "parent", c->parent ? c->parent->code : NULL);
    itss__jw_ktext2(w, "name", c->name);
    itss__jw_ktext2(w, "description", c->desc);
    itss__jw_kbool(w, "catch_all", c->catch_all);
    if (c->incl[0])
        itss__jw_ktext2(w, "includes", c->incl);
    if (c->excl[0])
        itss__jw_ktext2(w, "excludes", c->excl);
    itss__jw_kstr(w, "source", c->source);
    itss__jw_obj_end(w);
}

void itss__json_class(itss_buf *b, const itss_class *c, int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    class_obj(&w, c);
    itss__jw_end(&w);
}

void itss__json_class_list(itss_buf *b, const itss_class *const *list, size_t n, int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_arr(&w);
    for (size_t i = 0; i < n; i++)
        class_obj(&w, list[i]);
    itss__jw_arr_end(&w);
    itss__jw_end(&w);
}

static void crosswalk_obj(itss_jw *w, const itss_crosswalk *x)
{
    itss__jw_obj(w);
    itss__jw_kstr(w, "id", x->id);
    itss__jw_kstr(w, "scheme", x->scheme);
    itss__jw_ktext2(w, "name", x->name);
    if (x->note[0])
        itss__jw_ktext2(w, "note", x->note);
    itss__jw_key(w, "targets");
    itss__jw_arr(w);
    for (size_t i = 0; i < x->ntargets; i++) {
        itss__jw_obj(w);
        itss__jw_kstr(w, "code", x->targets[i].code);
        itss__jw_ktext2(w, "name", x->targets[i].name);
        itss__jw_kstr(w, "source", x->targets[i].source);
        itss__jw_obj_end(w);
    }
    itss__jw_arr_end(w);
    itss__jw_key(w, "links");
    itss__jw_arr(w);
    for (size_t i = 0; i < x->nlinks; i++) {
        const itss_xlink *l = &x->links[i];
        itss__jw_obj(w);
        itss__jw_kstr(w, "from", l->cls->code);
        itss__jw_kstr(w, "to", l->target->code);
        itss__jw_kstr(w, "relation", relation_names[l->relation]);
        if (l->note[0])
            itss__jw_ktext2(w, "note", l->note);
        itss__jw_obj_end(w);
    }
    itss__jw_arr_end(w);
    itss__jw_obj_end(w);
}

void itss__json_catalog(itss_buf *b, const itss_catalog *cat, const itss_class *root,
                        int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_kstr(&w, "format", ITSS_CATALOG_FORMAT);
    itss__jw_kstr(&w, "edition", cat->edition);
    itss__jw_ktext2(&w, "title", cat->title);
    if (cat->source)
        itss__jw_kstr(&w, "source", cat->source);
    if (root)
        itss__jw_kstr(&w, "root", root->code);
    itss__jw_key(&w, "classes");
    itss__jw_arr(&w);
    size_t first = root ? root->index : 0, end = root ? root->index + root->ndesc + 1 : cat->n;
    for (size_t i = first; i < end; i++)
        class_obj(&w, &cat->classes[i]);
    itss__jw_arr_end(&w);
    if (!root && cat->nxw) {
        itss__jw_key(&w, "crosswalks");
        itss__jw_arr(&w);
        for (size_t i = 0; i < cat->nxw; i++)
            crosswalk_obj(&w, &cat->xw[i]);
        itss__jw_arr_end(&w);
    }
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}

static void tree_node(itss_jw *w, const itss_class *c)
{
    itss__jw_obj(w);
    itss__jw_kstr(w, "code", c->code);
    itss__jw_kint(w, "level", c->level);
    itss__jw_ktext2(w, "name", c->name);
    itss__jw_kbool(w, "catch_all", c->catch_all);
    itss__jw_key(w, "children");
    itss__jw_arr(w);
    for (size_t i = 0; i < c->nchildren; i++)
        tree_node(w, c->children[i]);
    itss__jw_arr_end(w);
    itss__jw_obj_end(w);
}

void itss__json_tree(itss_buf *b, const itss_catalog *cat, const itss_class *root, int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_kstr(&w, "edition", cat->edition);
    itss__jw_key(&w, "tree");
    itss__jw_arr(&w);
    if (root)
        tree_node(&w, root);
    else
        for (size_t i = 0; i < cat->ntop; i++)
            tree_node(&w, cat->top[i]);
    itss__jw_arr_end(&w);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}

void itss__json_verdicts(itss_buf *b, const itss_code_verdict *v, size_t n, int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_arr(&w);
    for (size_t i = 0; i < n; i++) {
        itss__jw_obj(&w);
        itss__jw_kstr(&w, "input", v[i].input);
        itss__jw_kbool(&w, "valid", v[i].problem == ITSS_CODE_OK);
        itss__jw_kstr(&w, "problem", itss_code_problem_name(v[i].problem));
        if (v[i].cls) {
            itss__jw_key(&w, "class");
            class_obj(&w, v[i].cls);
        } else {
            itss__jw_kstr(&w, "message", v[i].message);
        }
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_end(&w);
}

void itss__json_xlinks(itss_buf *b, const itss_crosswalk *x, const char *code, int reverse,
                       const itss_xlink *const *links, size_t n, int pretty)
{
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__jw_kstr(&w, "crosswalk", x->id);
    itss__jw_kstr(&w, "scheme", x->scheme);
    itss__jw_kstr(&w, "direction", reverse ? "reverse" : "forward");
    itss__jw_kstr(&w, "code", code);
    itss__jw_key(&w, "mappings");
    itss__jw_arr(&w);
    for (size_t i = 0; i < n; i++) {
        const itss_xlink *l = links[i];
        itss__jw_obj(&w);
        itss__jw_key(&w, "class");
        itss__jw_obj(&w);
        itss__jw_kstr(&w, "code", l->cls->code);
        itss__jw_ktext2(&w, "name", l->cls->name);
        itss__jw_obj_end(&w);
        itss__jw_key(&w, "target");
        itss__jw_obj(&w);
        itss__jw_kstr(&w, "code", l->target->code);
        itss__jw_ktext2(&w, "name", l->target->name);
        itss__jw_obj_end(&w);
        itss__jw_kstr(&w, "relation", relation_names[l->relation]);
        if (l->note[0])
            itss__jw_ktext2(&w, "note", l->note);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}
