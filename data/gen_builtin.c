/*
 * gen_builtin — writes libitss's built-in models as constant C data.
 *
 *   gen_builtin OUTPUT.c CATALOG.json MATURITY-MODEL.json QUALITY-MODEL.json INDICATORS.json
 *               STANDARDS.json
 *
 * The data files of data/ are the one source of truth. Each is read here
 * through the library's own loader — the one that reads users' documents —
 * so a built-in model obeys exactly the rules of a loaded one, and a data
 * file the loader refuses stops the build with the loader's message and
 * location. The objects the loaders built are then written out as C
 * initializers of the same internal structures (the lib/..._internal.h
 * headers), every pointer becoming the address of an element of a
 * generated array. The
 * library links the result and returns its objects from the
 * itss_*_builtin() functions: nothing is parsed or allocated at run time.
 * tests/test_builtin.c proves, field by field, that the compiled models
 * equal the loaded ones.
 *
 * Linked with the library's objects but not with lib/builtin.c: the
 * built-in getters below stand in for it while the models are loaded (the
 * indicator loader checks codes against the GB/T 29264 catalog and binds
 * indicators to the quality model).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify_internal.h"
#include "maturity_internal.h"
#include "quality_internal.h"
#include "standards_internal.h"

/* ---- the models while they are loaded ------------------------------------ */

static itss_catalog *catalog;
static itss_maturity_model *mmodel, *mmodel2;
static itss_quality_model *qmodel;
static itss_indicator_catalog *icatalog;
static itss_registry *registry;

const itss_catalog *itss_catalog_builtin(void) { return catalog; }
const itss_maturity_model *itss_maturity_model_builtin(void) { return mmodel; }
const itss_quality_model *itss_quality_model_builtin(void) { return qmodel; }
const itss_indicator_catalog *itss_indicator_catalog_builtin(void) { return icatalog; }

static void release(void)
{
    itss__registry_free(registry);
    itss_indicator_catalog_free(icatalog);
    itss__quality_model_free(qmodel);
    itss_maturity_model_free(mmodel2);
    itss_maturity_model_free(mmodel);
    itss_catalog_free(catalog);
}

static int refuse(const char *path, const itss_error *e)
{
    if (e->line)
        fprintf(stderr, "gen_builtin: %s:%zu:%zu: %s", path, e->line, e->column, e->message);
    else
        fprintf(stderr, "gen_builtin: %s: %s", path, e->message);
    if (e->path[0])
        fprintf(stderr, " (at %s)", e->path);
    fputc('\n', stderr);
    return 1;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "gen_builtin: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n == cap) {
            cap = cap ? cap * 2 : 1 << 16;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                fputs("gen_builtin: out of memory\n", stderr);
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        fprintf(stderr, "gen_builtin: cannot read %s\n", path);
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* ---- writing C ------------------------------------------------------------- */

static FILE *out;

static void put(const char *fmt, ...) ITSS_PRINTF(1, 2);

static void put(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): initialised just above */
    vfprintf(out, fmt, ap);
    va_end(ap);
}

/* A string literal (bytes outside printable ASCII as octal escapes, '?'
 * escaped against trigraphs), or NULL. */
static void lit(const char *s)
{
    if (!s) {
        fputs("NULL", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\' || *p == '?')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7F)
            fprintf(out, "\\%03o", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

/* {"zh", "en"} */
static void text2(char *const t[2])
{
    fputc('{', out);
    lit(t[0]);
    fputs(", ", out);
    lit(t[1]);
    fputc('}', out);
}

static void field_text2(const char *name, char *const t[2])
{
    put(", .%s = ", name);
    text2(t);
}

static void field_str(const char *name, const char *s)
{
    put(", .%s = ", name);
    lit(s);
}

/* The address of element i of array name, or NULL when p is NULL. */
static void ref(const char *name, const void *p, size_t i)
{
    if (p)
        put("&%s[%zu]", name, i);
    else
        fputs("NULL", out);
}

/* ---- GB/T 29264 catalog ------------------------------------------------------ */

static size_t class_ix(const itss_catalog *cat, const itss_class *c)
{
    return (size_t)(c - cat->classes);
}

static void write_catalog(const itss_catalog *cat)
{
    put("\n/* ---- %s ---- */\n\n", cat->edition);
    put("static const itss_class cat_classes[%zu];\n", cat->n);
    for (size_t i = 0; i < cat->n; i++) {
        const itss_class *c = &cat->classes[i];
        if (!c->nchildren)
            continue;
        put("static const itss_class *const cat_children_%zu[%zu] = {", i, c->nchildren);
        for (size_t k = 0; k < c->nchildren; k++)
            put("%s&cat_classes[%zu]", k ? ", " : "", class_ix(cat, c->children[k]));
        put("};\n");
    }
    put("static const itss_class *const cat_top[%zu] = {", cat->ntop);
    for (size_t i = 0; i < cat->ntop; i++)
        put("%s&cat_classes[%zu]", i ? ", " : "", class_ix(cat, cat->top[i]));
    put("};\n");
    for (size_t x = 0; x < cat->nxw; x++) {
        const itss_crosswalk *w = &cat->xw[x];
        if (w->ntargets) {
            put("static const itss_xtarget cat_xw%zu_targets[%zu] = {\n", x, w->ntargets);
            for (size_t k = 0; k < w->ntargets; k++) {
                const itss_xtarget *t = &w->targets[k];
                put("    {.code = ");
                lit(t->code);
                field_text2("name", t->name);
                field_str("source", t->source);
                put("},\n");
            }
            put("};\n");
        }
        if (w->nlinks) {
            put("static const itss_xlink cat_xw%zu_links[%zu] = {\n", x, w->nlinks);
            for (size_t k = 0; k < w->nlinks; k++) {
                const itss_xlink *l = &w->links[k];
                put("    {.cls = &cat_classes[%zu], .target = &cat_xw%zu_targets[%zu], "
                    ".relation = %d",
                    class_ix(cat, l->cls), x, (size_t)(l->target - w->targets), l->relation);
                field_text2("note", l->note);
                put("},\n");
            }
            put("};\n");
        }
    }
    if (cat->nxw) {
        put("static const itss_crosswalk cat_crosswalks[%zu] = {\n", cat->nxw);
        for (size_t x = 0; x < cat->nxw; x++) {
            const itss_crosswalk *w = &cat->xw[x];
            put("    {.cat = &itss__builtin_catalog");
            field_str("id", w->id);
            field_str("scheme", w->scheme);
            field_text2("name", w->name);
            field_text2("note", w->note);
            if (w->ntargets)
                put(", .targets = cat_xw%zu_targets", x);
            if (w->nlinks)
                put(", .links = cat_xw%zu_links", x);
            put(", .ntargets = %zu, .nlinks = %zu},\n", w->ntargets, w->nlinks);
        }
        put("};\n");
    }
    put("static const itss_class cat_classes[%zu] = {\n", cat->n);
    for (size_t i = 0; i < cat->n; i++) {
        const itss_class *c = &cat->classes[i];
        put("    {.code = ");
        lit(c->code);
        put(", .level = %d, .parent = ", c->level);
        ref("cat_classes", c->parent, c->parent ? class_ix(cat, c->parent) : 0);
        field_text2("name", c->name);
        field_text2("desc", c->desc);
        field_text2("incl", c->incl);
        field_text2("excl", c->excl);
        field_text2("lname", c->lname);
        field_str("source", c->source);
        put(", .catch_all = %d, .index = %zu, .src_index = %zu, .ndesc = %zu, "
            ".nchildren = %zu",
            c->catch_all, c->index, c->src_index, c->ndesc, c->nchildren);
        if (c->nchildren)
            put(", .children = cat_children_%zu", i);
        put("},\n");
    }
    put("};\n");
    put("const itss_catalog itss__builtin_catalog = {.builtin = 1");
    field_str("edition", cat->edition);
    field_text2("title", cat->title);
    field_str("source", cat->source);
    put(", .classes = cat_classes, .n = %zu, .top = cat_top, .ntop = %zu", cat->n, cat->ntop);
    if (cat->nxw)
        put(", .xw = cat_crosswalks");
    put(", .nxw = %zu};\n", cat->nxw);
}

/* ---- maturity models ------------------------------------------------------------ */

/* Key indicators as a static [n][2] array named P<what>_<i>_ind. */
static void indicator_array(const char *P, const char *what, size_t i, char *const (*list)[2],
                            size_t n)
{
    put("static char *const %s%s_%zu_ind[%zu][2] = {\n", P, what, i, n);
    for (size_t k = 0; k < n; k++) {
        put("    ");
        text2(list[k]);
        put(",\n");
    }
    put("};\n");
}

/* Model m as constant data: arrays named P..., the model itself as symbol. */
static void write_maturity(const itss_maturity_model *m, const char *P, const char *symbol)
{
    put("\n/* ---- %s ---- */\n\n", m->edition);
    put("static const itss_maturity_domain %sdomains[%zu];\n", P, m->ndomains);
    put("static const itss_maturity_item %sitems[%zu];\n", P, m->nitems);
    put("static const itss_maturity_clause %sclauses[%zu];\n", P, m->nclauses);
    for (int i = 0; i < m->nlevels; i++)
        if (m->levels[i].nindicators)
            indicator_array(P, "level", (size_t)i, m->levels[i].indicators,
                            m->levels[i].nindicators);
    put("static const itss_maturity_level %slevels[%d] = {\n", P, m->nlevels);
    for (int i = 0; i < m->nlevels; i++) {
        const itss_maturity_level *l = &m->levels[i];
        put("    {.ordinal = %d", l->ordinal);
        field_text2("name", l->name);
        field_text2("label", l->label);
        field_text2("desc", l->desc);
        field_str("source", l->source);
        if (l->nindicators)
            put(", .indicators = %slevel_%d_ind, .nindicators = %zu", P, i, l->nindicators);
        put("},\n");
    }
    put("};\n");
    if (m->nparts) {
        put("static const itss_maturity_part %sparts[%zu] = {\n", P, m->nparts);
        for (size_t i = 0; i < m->nparts; i++) {
            put("    {.id = ");
            lit(m->parts[i].id);
            field_text2("name", m->parts[i].name);
            put("},\n");
        }
        put("};\n");
    }
    for (size_t i = 0; i < m->ndomains; i++) {
        const itss_maturity_domain *d = &m->domains[i];
        if (!d->desc)
            continue;
        put("static char *const %sdomain_%zu_desc[%d][2] = {\n", P, i, d->ndesc);
        for (int l = 0; l < d->ndesc; l++) {
            put("    ");
            text2(d->desc[l]);
            put(",\n");
        }
        put("};\n");
    }
    put("static const itss_maturity_domain %sdomains[%zu] = {\n", P, m->ndomains);
    for (size_t i = 0; i < m->ndomains; i++) {
        const itss_maturity_domain *d = &m->domains[i];
        put("    {.id = ");
        lit(d->id);
        put(", .number = %d, .index = %zu, .part = ", d->number, d->index);
        if (d->part)
            put("&%sparts[%zu]", P, (size_t)(d->part - m->parts));
        else
            put("NULL");
        field_text2("name", d->name);
        if (d->desc)
            put(", .desc = %sdomain_%zu_desc", P, i);
        put(", .ndesc = %d", d->ndesc);
        field_str("source", d->source);
        put("},\n");
    }
    put("};\n");
    for (size_t i = 0; i < m->nitems; i++) {
        const itss_maturity_item *it = &m->items[i];
        if (!it->naliases)
            continue;
        put("static char *const %sitem_%zu_aliases[%zu] = {", P, i, it->naliases);
        for (size_t k = 0; k < it->naliases; k++) {
            if (k)
                put(", ");
            lit(it->aliases[k]);
        }
        put("};\n");
    }
    put("static const itss_maturity_item %sitems[%zu] = {\n", P, m->nitems);
    for (size_t i = 0; i < m->nitems; i++) {
        const itss_maturity_item *it = &m->items[i];
        put("    {.number = %d, .index = %zu, .src = %zu, .domain = &%sdomains[%zu]", it->number,
            it->index, it->src, P, it->domain->index);
        field_text2("name", it->name);
        if (it->naliases)
            put(", .aliases = %sitem_%zu_aliases", P, i);
        put(", .naliases = %zu", it->naliases);
        field_str("cites", it->cites);
        field_str("source", it->source);
        put("},\n");
    }
    put("};\n");
    for (size_t i = 0; i < m->nclauses; i++) {
        const itss_maturity_clause *c = &m->clauses[i];
        if (c->nindicators)
            indicator_array(P, "clause", i, c->indicators, c->nindicators);
        if (!c->nitems)
            continue;
        put("static const itss_maturity_item *const %sclause_%zu_items[%zu] = {", P, i,
            c->nitems);
        for (size_t k = 0; k < c->nitems; k++)
            put("%s&%sitems[%zu]", k ? ", " : "", P, c->items[k]->index);
        put("};\n");
    }
    put("static const itss_maturity_clause %sclauses[%zu] = {\n", P, m->nclauses);
    for (size_t i = 0; i < m->nclauses; i++) {
        const itss_maturity_clause *c = &m->clauses[i];
        put("    {.id = ");
        lit(c->id);
        put(", .level = %d, .index = %zu, .src = %zu, .domain = ", c->level, c->index, c->src);
        if (c->domain)
            put("&%sdomains[%zu]", P, c->domain->index);
        else
            put("NULL");
        if (c->nitems)
            put(", .item = &%sitems[%zu], .items = %sclause_%zu_items, .nitems = %zu", P,
                c->item->index, P, i, c->nitems);
        field_text2("summary", c->summary);
        field_str("source", c->source);
        if (c->should)
            put(", .should = 1");
        if (c->nindicators)
            put(", .indicators = %sclause_%zu_ind, .nindicators = %zu", P, i, c->nindicators);
        put("},\n");
    }
    put("};\n");
    put("static const itss_maturity_domain *const %sdomain_by_id[%zu] = {", P, m->ndomains);
    for (size_t i = 0; i < m->ndomains; i++)
        put("%s&%sdomains[%zu]", i ? ", " : "", P, m->domain_by_id[i]->index);
    put("};\n");
    put("static const itss_maturity_clause *const %sclause_by_id[%zu] = {\n", P, m->nclauses);
    for (size_t i = 0; i < m->nclauses; i++)
        put("%s&%sclauses[%zu]%s", i % 8 ? " " : "    ", P, m->by_id[i]->index,
            i % 8 == 7 || i + 1 == m->nclauses ? ",\n" : ",");
    put("};\n");
    if (m->nil_rows) {
        put("static const itss_item_levels_row %sitem_levels[%zu] = {\n", P, m->nil_rows);
        for (size_t i = 0; i < m->nil_rows; i++)
            put("    {.item = &%sitems[%zu], .levels = %uu},\n", P, m->il_rows[i].item->index,
                m->il_rows[i].levels);
        put("};\n");
    }
    if (m->nil_diffs) {
        put("static const itss_item_levels_diff %sitem_level_diffs[%zu] = {\n", P, m->nil_diffs);
        for (size_t i = 0; i < m->nil_diffs; i++) {
            const itss_item_levels_diff *df = &m->il_diffs[i];
            put("    {.item = &%sitems[%zu], .level = %d", P, df->item->index, df->level);
            field_text2("reason", df->reason);
            put("},\n");
        }
        put("};\n");
    }
    if (m->nwarnings) { /* the built-in data is kept free of them */
        fprintf(stderr, "gen_builtin: %s: %s (at %s)\n", m->edition, m->warnings[0].message,
                m->warnings[0].path);
        exit(1);
    }
    put("const itss_maturity_model %s = {.builtin = 1", symbol);
    field_str("id", m->id);
    field_str("edition", m->edition);
    field_text2("title", m->title);
    field_str("source", m->source);
    put(",\n    .nlevels = %d, .levels = %slevels", m->nlevels, P);
    if (m->nparts)
        put(", .parts = %sparts", P);
    put(", .nparts = %zu, .domains = %sdomains, .ndomains = %zu, .domain_by_id = %sdomain_by_id",
        m->nparts, P, m->ndomains, P);
    put(",\n    .items = %sitems, .nitems = %zu, .clauses = %sclauses, .nclauses = %zu, "
        ".by_id = %sclause_by_id",
        P, m->nitems, P, m->nclauses, P);
    put(",\n    .rule_at = %d, .rule_below = %d, .has_rule = %d", (int)m->rule_at,
        (int)m->rule_below, m->has_rule);
    put(", .thresholds = {%.17g, %.17g, %.17g}, .has_thresholds = %d", m->thresholds[0],
        m->thresholds[1], m->thresholds[2], m->has_thresholds);
    put(",\n    .has_item_levels = %d", m->has_item_levels);
    field_str("item_levels_source", m->item_levels_source);
    if (m->nil_rows)
        put(", .il_rows = %sitem_levels", P);
    if (m->nil_diffs)
        put(", .il_diffs = %sitem_level_diffs", P);
    put(", .nil_rows = %zu, .nil_diffs = %zu};\n", m->nil_rows, m->nil_diffs);
}

/* ---- GB/T 33850 quality model and indicators --------------------------------- */

static void write_node(const itss_quality_node *n, const char *parent_array, size_t parent,
                       const char *children)
{
    put("    {.id = ");
    lit(n->id);
    field_text2("name", n->name);
    field_text2("def", n->def);
    put(", .parent = ");
    ref(parent_array, n->parent, parent);
    put(", .index = %zu", n->index);
    if (children)
        put(", .children = %s", children);
    put(", .nchildren = %zu},\n", n->nchildren);
}

static void write_quality(const itss_quality_model *m)
{
    put("\n/* ---- %s ---- */\n\n", m->edition);
    put("static const itss_quality_node qm_chars[%zu];\n", m->nchars);
    put("static const itss_quality_node qm_subs[%zu];\n", m->nsubs);
    for (size_t c = 0; c < m->nchars; c++) {
        const itss_quality_node *ch = &m->chars[c];
        put("static const itss_quality_node *const qm_char_%zu_children[%zu] = {", c,
            ch->nchildren);
        for (size_t k = 0; k < ch->nchildren; k++)
            put("%s&qm_subs[%zu]", k ? ", " : "", ch->children[k]->index);
        put("};\n");
    }
    put("static const itss_quality_node qm_chars[%zu] = {\n", m->nchars);
    for (size_t c = 0; c < m->nchars; c++) {
        char children[64];
        snprintf(children, sizeof children, "qm_char_%zu_children", c);
        write_node(&m->chars[c], "qm_chars", 0, m->chars[c].nchildren ? children : NULL);
    }
    put("};\n");
    put("static const itss_quality_node qm_subs[%zu] = {\n", m->nsubs);
    for (size_t s = 0; s < m->nsubs; s++)
        write_node(&m->subs[s], "qm_chars", m->subs[s].parent->index, NULL);
    put("};\n");
    put("const itss_quality_model itss__builtin_quality_model = {.edition = ");
    lit(m->edition);
    field_text2("title", m->title);
    field_str("source", m->source);
    put(", .chars = qm_chars, .nchars = %zu, .subs = qm_subs, .nsubs = %zu};\n", m->nchars,
        m->nsubs);
}

static void write_indicators(const itss_indicator_catalog *c, const itss_quality_model *m)
{
    put("\n/* ---- indicators of %s ---- */\n\n", m->edition);
    for (size_t i = 0; i < c->n; i++) {
        const itss_indicator *ind = &c->items[i];
        if (!ind->nservices)
            continue;
        put("static char *const ind_%zu_services[%zu] = {", i, ind->nservices);
        for (size_t k = 0; k < ind->nservices; k++) {
            if (k)
                put(", ");
            lit(ind->services[k]);
        }
        put("};\n");
    }
    put("static const itss_indicator ind_items[%zu] = {\n", c->n);
    for (size_t i = 0; i < c->n; i++) {
        const itss_indicator *ind = &c->items[i];
        put("    {.id = ");
        lit(ind->id);
        field_text2("name", ind->name);
        put(", .sub = &qm_subs[%zu], .method = %d, .polarity = %d", ind->sub->index,
            ind->method, ind->polarity);
        if (ind->nservices)
            put(", .services = ind_%zu_services", i);
        put(", .nservices = %zu", ind->nservices);
        field_text2("a", ind->a);
        field_text2("b", ind->b);
        put(",\n     .anchor = {");
        for (int k = 0; k < 5; k++) {
            if (k)
                put(", ");
            text2(ind->anchor[k]);
        }
        put("}");
        field_str("source", ind->source);
        put("},\n");
    }
    put("};\n");
    put("static const itss_indicator *const ind_by_id[%zu] = {", c->n);
    for (size_t i = 0; i < c->n; i++)
        put("%s&ind_items[%zu]", i ? ", " : "", (size_t)(c->by_id[i] - c->items));
    put("};\n");
    put("const itss_indicator_catalog itss__builtin_indicator_catalog = {.builtin = 1, "
        ".model = &itss__builtin_quality_model");
    field_str("source", c->source);
    put(", .items = ind_items, .n = %zu, .by_id = ind_by_id};\n", c->n);
}

/* ---- ITSS standards registry ------------------------------------------------- */

static size_t area_ix(const itss_registry *r, const itss_area *a)
{
    size_t n = 0;
    for (size_t c = 0; c < r->ncategories; c++)
        for (size_t k = 0; k < r->categories[c].nareas; k++, n++)
            if (&r->categories[c].areas[k] == a)
                return n;
    return n;
}

static void std_ref(const itss_standard *s)
{
    if (s)
        put("&reg_standards[%zu]", s->index);
    else
        fputs("NULL", out);
}

static void write_registry(const itss_registry *r)
{
    put("\n/* ---- ITSS standards registry ---- */\n\n");
    size_t nareas = 0;
    for (size_t c = 0; c < r->ncategories; c++)
        nareas += r->categories[c].nareas;
    put("static const itss_standard reg_standards[%zu];\n", r->nstandards);
    put("static const itss_category reg_categories[%zu];\n", r->ncategories);
    size_t n = 0;
    for (size_t c = 0; c < r->ncategories; c++)
        for (size_t k = 0; k < r->categories[c].nareas; k++, n++) {
            const itss_area *a = &r->categories[c].areas[k];
            if (!a->nstandards)
                continue;
            put("static const itss_standard *const reg_area_%zu_standards[%zu] = {", n,
                a->nstandards);
            for (size_t i = 0; i < a->nstandards; i++)
                put("%s&reg_standards[%zu]", i ? ", " : "", a->standards[i]->index);
            put("};\n");
        }
    put("static const itss_area reg_areas[%zu] = {\n", nareas);
    n = 0;
    for (size_t c = 0; c < r->ncategories; c++)
        for (size_t k = 0; k < r->categories[c].nareas; k++, n++) {
            const itss_area *a = &r->categories[c].areas[k];
            put("    {.id = ");
            lit(a->id);
            field_text2("name", a->name);
            field_str("source", a->source);
            put(", .category = &reg_categories[%zu]", c);
            if (a->nstandards)
                put(", .standards = reg_area_%zu_standards", n);
            put(", .nstandards = %zu},\n", a->nstandards);
        }
    put("};\n");
    put("static const itss_category reg_categories[%zu] = {\n", r->ncategories);
    n = 0;
    for (size_t c = 0; c < r->ncategories; c++) {
        const itss_category *cat = &r->categories[c];
        put("    {.id = ");
        lit(cat->id);
        field_text2("name", cat->name);
        field_str("source", cat->source);
        put(", .areas = &reg_areas[%zu], .nareas = %zu},\n", n, cat->nareas);
        n += cat->nareas;
    }
    put("};\n");
    put("static const itss_standard reg_standards[%zu] = {\n", r->nstandards);
    for (size_t i = 0; i < r->nstandards; i++) {
        const itss_standard *s = &r->standards[i];
        put("    {.number = ");
        lit(s->number);
        field_str("key", s->key);
        field_str("rkey", s->rkey);
        field_text2("title", s->title);
        field_text2("summary", s->summary);
        field_text2("note", s->note);
        field_str("ltext", s->ltext);
        put(", .ltitle = %zu, .type = %d, .status = %d", s->ltitle, s->type, s->status);
        field_str("stage", s->stage);
        field_str("role", s->role);
        field_str("table", s->table);
        put(", .row = %zu, .area = ", s->row);
        if (s->area)
            put("&reg_areas[%zu]", area_ix(r, s->area));
        else
            fputs("NULL", out);
        put(", .frow = %zu", s->frow);
        field_str("implemented_by", s->implemented_by);
        put(", .replaces = ");
        std_ref(s->replaces);
        put(", .replaced_by = ");
        std_ref(s->replaced_by);
        field_str("source", s->source);
        put(", .index = %zu},\n", s->index);
    }
    put("};\n");
    put("const itss_registry itss__builtin_registry = {.builtin = 1");
    field_text2("title", r->title);
    field_str("source", r->source);
    put(", .categories = reg_categories, .ncategories = %zu, .standards = reg_standards, "
        ".nstandards = %zu};\n",
        r->ncategories, r->nstandards);
}

/* ---- main ------------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    if (argc != 8) {
        fputs("usage: gen_builtin OUTPUT.c CATALOG.json MATURITY-MODEL.json "
              "MATURITY-MODEL-2.json QUALITY-MODEL.json INDICATORS.json STANDARDS.json\n",
              stderr);
        return 2;
    }
    itss_error e;
    /* in this order: the indicator loader needs the catalog and the model */
    if (itss_catalog_load_file(argv[2], &catalog, &e))
        return refuse(argv[2], &e);
    if (itss_maturity_model_load_file(argv[3], &mmodel, &e)) {
        release();
        return refuse(argv[3], &e);
    }
    if (itss_maturity_model_load_file(argv[4], &mmodel2, &e)) {
        release();
        return refuse(argv[4], &e);
    }
    size_t len = 0;
    char *text = slurp(argv[5], &len);
    if (!text) {
        release();
        return 1;
    }
    int rc = itss__quality_model_load(text, len, &qmodel, &e);
    free(text);
    if (rc) {
        release();
        return refuse(argv[5], &e);
    }
    if (itss_indicator_catalog_load_file(argv[6], &icatalog, &e)) {
        release();
        return refuse(argv[6], &e);
    }
    if (!(text = slurp(argv[7], &len))) {
        release();
        return 1;
    }
    rc = itss__registry_load(text, len, &registry, &e);
    free(text);
    if (rc) {
        release();
        return refuse(argv[7], &e);
    }

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
    if (!(out = fopen(tmp, "w"))) {
        fprintf(stderr, "gen_builtin: cannot write %s: %s\n", tmp, strerror(errno));
        release();
        return 1;
    }
    put("/* Generated by data/gen_builtin.c from the data files of data/: do not edit. */\n");
    put("#include \"builtin.h\"\n");
    write_catalog(catalog);
    write_maturity(mmodel, "mat_", "itss__builtin_maturity_model");
    write_maturity(mmodel2, "m15_", "itss__builtin_itss1_model");
    write_quality(qmodel);
    write_indicators(icatalog, qmodel);
    write_registry(registry);
    int bad = ferror(out);
    bad |= fclose(out) != 0;
    release();
    if (bad || rename(tmp, argv[1]) != 0) {
        fprintf(stderr, "gen_builtin: cannot write %s\n", argv[1]);
        remove(tmp);
        return 1;
    }
    return 0;
}
