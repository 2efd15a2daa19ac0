/*
 * The built-in models are constant C data generated at build time
 * (data/gen_builtin.c). This test reads each data file of data/ through
 * the loader a user's document goes through and compares what it built
 * with the compiled model, field by field: every string, number and flag,
 * and every pointer by what it points to (the index of the element). A
 * second check compares the JSON each gives. The comparison itself is
 * shown to notice a changed field of each kind.
 *
 * Internal: linked with the library's objects, it reads the structures of
 * the library's internal headers directly.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "check_main.h"

static const char *data_dir;

/* ---- recording the first difference ------------------------------------ */

static char diff[512];

static int differ(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int differ(const char *fmt, ...)
{
    if (!diff[0]) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(diff, sizeof diff, fmt, ap);
        va_end(ap);
    }
    return 1;
}

static int str_differs(const char *what, size_t i, const char *a, const char *b)
{
    if (!a && !b)
        return 0;
    if (!a || !b || strcmp(a, b) != 0)
        return differ("%s [%zu]: \"%s\" / \"%s\"", what, i, a ? a : "(null)", b ? b : "(null)");
    return 0;
}

static int text2_differs(const char *what, size_t i, char *const a[2], char *const b[2])
{
    return str_differs(what, i, a[0], b[0]) || str_differs(what, i, a[1], b[1]);
}

static int num_differs(const char *what, size_t i, long long a, long long b)
{
    return a != b ? differ("%s [%zu]: %lld / %lld", what, i, a, b) : 0;
}

/* Two pointers into two arrays of the same elements: the same index, or
 * both NULL. */
#define IX(p, base) ((p) ? (long long)((p) - (base)) : -1LL)

static char *read_file(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", data_dir, name);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    buf[n] = 0;
    *len = (size_t)n;
    return buf;
}

static char *data_path(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", data_dir, name);
    return path;
}

/* ---- GB/T 29264 --------------------------------------------------------------- */

static int catalog_differs(const itss_catalog *a, const itss_catalog *b)
{
    if (str_differs("edition", 0, a->edition, b->edition) ||
        text2_differs("title", 0, a->title, b->title) ||
        str_differs("source", 0, a->source, b->source) || num_differs("classes", 0, a->n, b->n) ||
        num_differs("top", 0, a->ntop, b->ntop) || num_differs("crosswalks", 0, a->nxw, b->nxw))
        return 1;
    for (size_t i = 0; i < a->n; i++) {
        const itss_class *x = &a->classes[i], *y = &b->classes[i];
        if (str_differs("class code", i, x->code, y->code) ||
            num_differs("class level", i, x->level, y->level) ||
            num_differs("class parent", i, IX(x->parent, a->classes), IX(y->parent, b->classes)) ||
            text2_differs("class name", i, x->name, y->name) ||
            text2_differs("class description", i, x->desc, y->desc) ||
            text2_differs("class includes", i, x->incl, y->incl) ||
            text2_differs("class excludes", i, x->excl, y->excl) ||
            text2_differs("class search name", i, x->lname, y->lname) ||
            str_differs("class source", i, x->source, y->source) ||
            num_differs("class catch-all", i, x->catch_all, y->catch_all) ||
            num_differs("class index", i, (long long)x->index, (long long)y->index) ||
            num_differs("class src_index", i, (long long)x->src_index, (long long)y->src_index) ||
            num_differs("class descendants", i, (long long)x->ndesc, (long long)y->ndesc) ||
            num_differs("class children", i, (long long)x->nchildren, (long long)y->nchildren))
            return 1;
        for (size_t k = 0; k < x->nchildren; k++)
            if (num_differs("class child", i, IX(x->children[k], a->classes),
                            IX(y->children[k], b->classes)))
                return 1;
    }
    for (size_t i = 0; i < a->ntop; i++)
        if (num_differs("top class", i, IX(a->top[i], a->classes), IX(b->top[i], b->classes)))
            return 1;
    for (size_t i = 0; i < a->nxw; i++) {
        const itss_crosswalk *x = &a->xw[i], *y = &b->xw[i];
        if (x->cat != a || y->cat != b)
            return differ("crosswalk %zu does not point to its catalog", i);
        if (str_differs("crosswalk id", i, x->id, y->id) ||
            str_differs("crosswalk scheme", i, x->scheme, y->scheme) ||
            text2_differs("crosswalk name", i, x->name, y->name) ||
            text2_differs("crosswalk note", i, x->note, y->note) ||
            num_differs("crosswalk targets", i, (long long)x->ntargets, (long long)y->ntargets) ||
            num_differs("crosswalk links", i, (long long)x->nlinks, (long long)y->nlinks))
            return 1;
        for (size_t k = 0; k < x->ntargets; k++)
            if (str_differs("target code", k, x->targets[k].code, y->targets[k].code) ||
                text2_differs("target name", k, x->targets[k].name, y->targets[k].name) ||
                str_differs("target source", k, x->targets[k].source, y->targets[k].source))
                return 1;
        for (size_t k = 0; k < x->nlinks; k++) {
            const itss_xlink *l = &x->links[k], *m = &y->links[k];
            if (num_differs("link class", k, IX(l->cls, a->classes), IX(m->cls, b->classes)) ||
                num_differs("link target", k, IX(l->target, x->targets),
                            IX(m->target, y->targets)) ||
                num_differs("link relation", k, l->relation, m->relation) ||
                text2_differs("link note", k, l->note, m->note))
                return 1;
        }
    }
    return 0;
}

/* ---- T/CESA 1299 --------------------------------------------------------------- */

static int key_indicators_differ(const char *what, size_t i, char *const (*x)[2], size_t nx,
                                 char *const (*y)[2], size_t ny)
{
    if (num_differs(what, i, (long long)nx, (long long)ny))
        return 1;
    for (size_t k = 0; k < nx; k++)
        if (text2_differs(what, i, x[k], y[k]))
            return 1;
    return 0;
}

static int maturity_differs(const itss_maturity_model *a, const itss_maturity_model *b)
{
    if (str_differs("id", 0, a->id, b->id) || str_differs("edition", 0, a->edition, b->edition) ||
        text2_differs("title", 0, a->title, b->title) ||
        str_differs("source", 0, a->source, b->source) ||
        num_differs("levels", 0, a->nlevels, b->nlevels) ||
        num_differs("parts", 0, (long long)a->nparts, (long long)b->nparts) ||
        num_differs("domains", 0, (long long)a->ndomains, (long long)b->ndomains) ||
        num_differs("items", 0, (long long)a->nitems, (long long)b->nitems) ||
        num_differs("clauses", 0, (long long)a->nclauses, (long long)b->nclauses) ||
        num_differs("item levels", 0, a->has_item_levels, b->has_item_levels) ||
        str_differs("item levels source", 0, a->item_levels_source, b->item_levels_source) ||
        num_differs("item level rows", 0, (long long)a->nil_rows, (long long)b->nil_rows) ||
        num_differs("item level differences", 0, (long long)a->nil_diffs,
                    (long long)b->nil_diffs) ||
        num_differs("rule at level", 0, a->rule_at, b->rule_at) ||
        num_differs("rule below", 0, a->rule_below, b->rule_below) ||
        num_differs("rule given", 0, a->has_rule, b->has_rule) ||
        num_differs("thresholds given", 0, a->has_thresholds, b->has_thresholds))
        return 1;
    for (int k = 0; k < 3; k++)
        if (a->thresholds[k] != b->thresholds[k])
            return num_differs("threshold", k, 0, 1);
    for (int i = 0; i < a->nlevels; i++) {
        const itss_maturity_level *x = &a->levels[i], *y = &b->levels[i];
        size_t k = (size_t)i;
        if (num_differs("level ordinal", k, x->ordinal, y->ordinal) ||
            text2_differs("level name", k, x->name, y->name) ||
            text2_differs("level label", k, x->label, y->label) ||
            text2_differs("level description", k, x->desc, y->desc) ||
            str_differs("level source", k, x->source, y->source) ||
            key_indicators_differ("level indicator", k, x->indicators, x->nindicators,
                                  y->indicators, y->nindicators))
            return 1;
    }
    for (size_t i = 0; i < a->nparts; i++)
        if (str_differs("part id", i, a->parts[i].id, b->parts[i].id) ||
            text2_differs("part name", i, a->parts[i].name, b->parts[i].name))
            return 1;
    for (size_t i = 0; i < a->ndomains; i++) {
        const itss_maturity_domain *x = &a->domains[i], *y = &b->domains[i];
        if (str_differs("domain id", i, x->id, y->id) ||
            num_differs("domain number", i, x->number, y->number) ||
            num_differs("domain index", i, (long long)x->index, (long long)y->index) ||
            num_differs("domain part", i, IX(x->part, a->parts), IX(y->part, b->parts)) ||
            text2_differs("domain name", i, x->name, y->name) ||
            num_differs("domain descriptions", i, x->ndesc, y->ndesc) ||
            num_differs("domain has descriptions", i, x->desc != NULL, y->desc != NULL) ||
            str_differs("domain source", i, x->source, y->source))
            return 1;
        for (int l = 0; x->desc && l < x->ndesc; l++)
            if (text2_differs("domain description", i, x->desc[l], y->desc[l]))
                return 1;
        if (num_differs("domain by id", i, IX(a->domain_by_id[i], a->domains),
                        IX(b->domain_by_id[i], b->domains)))
            return 1;
    }
    for (size_t i = 0; i < a->nitems; i++) {
        const itss_maturity_item *x = &a->items[i], *y = &b->items[i];
        if (num_differs("item number", i, x->number, y->number) ||
            num_differs("item index", i, (long long)x->index, (long long)y->index) ||
            num_differs("item src", i, (long long)x->src, (long long)y->src) ||
            num_differs("item domain", i, IX(x->domain, a->domains), IX(y->domain, b->domains)) ||
            text2_differs("item name", i, x->name, y->name) ||
            num_differs("item aliases", i, (long long)x->naliases, (long long)y->naliases) ||
            str_differs("item cites", i, x->cites, y->cites) ||
            str_differs("item source", i, x->source, y->source))
            return 1;
        for (size_t k = 0; k < x->naliases; k++)
            if (str_differs("item alias", i, x->aliases[k], y->aliases[k]))
                return 1;
    }
    for (size_t i = 0; i < a->nclauses; i++) {
        const itss_maturity_clause *x = &a->clauses[i], *y = &b->clauses[i];
        if (str_differs("clause id", i, x->id, y->id) ||
            num_differs("clause level", i, x->level, y->level) ||
            num_differs("clause index", i, (long long)x->index, (long long)y->index) ||
            num_differs("clause src", i, (long long)x->src, (long long)y->src) ||
            num_differs("clause domain", i, IX(x->domain, a->domains), IX(y->domain, b->domains)) ||
            num_differs("clause item", i, IX(x->item, a->items), IX(y->item, b->items)) ||
            text2_differs("clause summary", i, x->summary, y->summary) ||
            str_differs("clause source", i, x->source, y->source) ||
            num_differs("clause obligation", i, x->should, y->should) ||
            key_indicators_differ("clause indicator", i, x->indicators, x->nindicators,
                                  y->indicators, y->nindicators) ||
            num_differs("clause items", i, (long long)x->nitems, (long long)y->nitems) ||
            num_differs("clause by id", i, IX(a->by_id[i], a->clauses),
                        IX(b->by_id[i], b->clauses)))
            return 1;
        for (size_t k = 0; k < x->nitems; k++)
            if (num_differs("clause items", i, IX(x->items[k], a->items),
                            IX(y->items[k], b->items)))
                return 1;
    }
    for (size_t i = 0; i < a->nil_rows; i++)
        if (num_differs("item level row item", i, IX(a->il_rows[i].item, a->items),
                        IX(b->il_rows[i].item, b->items)) ||
            num_differs("item level row levels", i, a->il_rows[i].levels, b->il_rows[i].levels))
            return 1;
    for (size_t i = 0; i < a->nil_diffs; i++)
        if (num_differs("item level difference item", i, IX(a->il_diffs[i].item, a->items),
                        IX(b->il_diffs[i].item, b->items)) ||
            num_differs("item level difference level", i, a->il_diffs[i].level,
                        b->il_diffs[i].level) ||
            text2_differs("item level difference reason", i, a->il_diffs[i].reason,
                          b->il_diffs[i].reason))
            return 1;
    return 0;
}

/* ---- GB/T 33850 ---------------------------------------------------------------- */

static int node_differs(const char *what, size_t i, const itss_quality_node *x,
                        const itss_quality_node *y, const itss_quality_model *a,
                        const itss_quality_model *b)
{
    if (str_differs(what, i, x->id, y->id) || text2_differs(what, i, x->name, y->name) ||
        text2_differs(what, i, x->def, y->def) ||
        num_differs(what, i, IX(x->parent, a->chars), IX(y->parent, b->chars)) ||
        num_differs(what, i, (long long)x->index, (long long)y->index) ||
        num_differs(what, i, (long long)x->nchildren, (long long)y->nchildren))
        return 1;
    for (size_t k = 0; k < x->nchildren; k++)
        if (num_differs(what, i, IX(x->children[k], a->subs), IX(y->children[k], b->subs)))
            return 1;
    return 0;
}

static int quality_differs(const itss_quality_model *a, const itss_quality_model *b)
{
    if (str_differs("edition", 0, a->edition, b->edition) ||
        text2_differs("title", 0, a->title, b->title) ||
        str_differs("source", 0, a->source, b->source) ||
        num_differs("characteristics", 0, (long long)a->nchars, (long long)b->nchars) ||
        num_differs("sub-characteristics", 0, (long long)a->nsubs, (long long)b->nsubs))
        return 1;
    for (size_t i = 0; i < a->nchars; i++)
        if (node_differs("characteristic", i, &a->chars[i], &b->chars[i], a, b))
            return 1;
    for (size_t i = 0; i < a->nsubs; i++)
        if (node_differs("sub-characteristic", i, &a->subs[i], &b->subs[i], a, b))
            return 1;
    return 0;
}

static int indicators_differ(const itss_indicator_catalog *a, const itss_indicator_catalog *b)
{
    if (str_differs("source", 0, a->source, b->source) ||
        num_differs("indicators", 0, (long long)a->n, (long long)b->n))
        return 1;
    for (size_t i = 0; i < a->n; i++) {
        const itss_indicator *x = &a->items[i], *y = &b->items[i];
        if (str_differs("indicator id", i, x->id, y->id) ||
            text2_differs("indicator name", i, x->name, y->name) ||
            num_differs("indicator sub-characteristic", i, IX(x->sub, a->model->subs),
                        IX(y->sub, b->model->subs)) ||
            num_differs("indicator method", i, x->method, y->method) ||
            num_differs("indicator polarity", i, x->polarity, y->polarity) ||
            num_differs("indicator services", i, (long long)x->nservices,
                        (long long)y->nservices) ||
            text2_differs("indicator A", i, x->a, y->a) ||
            text2_differs("indicator B", i, x->b, y->b) ||
            str_differs("indicator source", i, x->source, y->source) ||
            num_differs("indicator by id", i, IX(a->by_id[i], a->items),
                        IX(b->by_id[i], b->items)))
            return 1;
        for (size_t k = 0; k < x->nservices; k++)
            if (str_differs("indicator service", i, x->services[k], y->services[k]))
                return 1;
        for (int k = 0; k < 5; k++)
            if (text2_differs("indicator anchor", i, x->anchor[k], y->anchor[k]))
                return 1;
    }
    return 0;
}

/* ---- the tests ------------------------------------------------------------------- */

START_TEST(catalog_equals_its_data_file)
{
    itss_catalog *loaded = NULL;
    itss_error e;
    ck_assert_int_eq(itss_catalog_load_file(data_path("gbt29264-2012.json"), &loaded, &e), 0);
    const itss_catalog *b = itss_catalog_builtin();
    ck_assert_int_eq(b->builtin, 1);
    ck_assert_int_eq(loaded->builtin, 0);
    ck_assert_uint_eq(b->n, 55); /* table 3-1: 9 + 29 + 17 codes */
    diff[0] = 0;
    ck_assert_msg(!catalog_differs(b, loaded), "compiled and loaded catalogs differ: %s", diff);
    /* the JSON each gives is the same, byte for byte */
    char *x = NULL, *y = NULL;
    ck_assert_int_eq(itss_catalog_export(b, NULL, ITSS_FORMAT_JSON_PRETTY, &x, NULL, &e), 0);
    ck_assert_int_eq(itss_catalog_export(loaded, NULL, ITSS_FORMAT_JSON_PRETTY, &y, NULL, &e), 0);
    ck_assert_str_eq(x, y);
    itss_free(x);
    itss_free(y);

    /* the comparison notices a change of each kind: text, number, pointer */
    itss_class *cl = (itss_class *)loaded->classes;
    char *keep = cl[3].name[1];
    cl[3].name[1] = "changed";
    diff[0] = 0;
    ck_assert(catalog_differs(b, loaded));
    ck_assert_ptr_nonnull(strstr(diff, "class name [3]"));
    cl[3].name[1] = keep;
    cl[7].ndesc++;
    diff[0] = 0;
    ck_assert(catalog_differs(b, loaded));
    ck_assert_ptr_nonnull(strstr(diff, "class descendants [7]"));
    cl[7].ndesc--;
    const itss_class *parent = cl[9].parent;
    cl[9].parent = &cl[0];
    diff[0] = 0;
    ck_assert(catalog_differs(b, loaded));
    ck_assert_ptr_nonnull(strstr(diff, "class parent [9]"));
    cl[9].parent = parent;
    itss_xlink *link = (itss_xlink *)&loaded->xw[1].links[2];
    link->relation = (link->relation + 1) % 4;
    diff[0] = 0;
    ck_assert(catalog_differs(b, loaded));
    ck_assert_ptr_nonnull(strstr(diff, "link relation [2]"));
    link->relation = (link->relation + 3) % 4;
    diff[0] = 0;
    ck_assert(!catalog_differs(b, loaded));
    itss_catalog_free(loaded);
}
END_TEST

START_TEST(maturity_model_equals_its_data_file)
{
    itss_maturity_model *loaded = NULL;
    itss_error e;
    ck_assert_int_eq(
        itss_maturity_model_load_file(data_path("tcesa1299-2023.json"), &loaded, &e), 0);
    const itss_maturity_model *b = itss_maturity_model_builtin();
    ck_assert_int_eq(b->builtin, 1);
    ck_assert_uint_eq(b->nclauses, 519);
    diff[0] = 0;
    ck_assert_msg(!maturity_differs(b, loaded), "compiled and loaded models differ: %s", diff);
    char *x = NULL, *y = NULL;
    ck_assert_int_eq(itss_maturity_model_export(b, ITSS_FORMAT_JSON, &x, NULL, &e), 0);
    ck_assert_int_eq(itss_maturity_model_export(loaded, ITSS_FORMAT_JSON, &y, NULL, &e), 0);
    ck_assert_str_eq(x, y);
    itss_free(x);
    itss_free(y);

    itss_maturity_clause *c = (itss_maturity_clause *)loaded->clauses;
    const itss_maturity_item *item = c[100].item;
    c[100].item = c[101].item == item ? NULL : c[101].item;
    diff[0] = 0;
    ck_assert(maturity_differs(b, loaded));
    ck_assert_ptr_nonnull(strstr(diff, "clause item [100]"));
    c[100].item = item;
    itss_maturity_domain *d = (itss_maturity_domain *)loaded->domains;
    char *keep = d[2].desc[4][0];
    ((char **)d[2].desc[4])[0] = "changed";
    diff[0] = 0;
    ck_assert(maturity_differs(b, loaded));
    ck_assert_ptr_nonnull(strstr(diff, "domain description [2]"));
    ((char **)d[2].desc[4])[0] = keep;
    loaded->thresholds[1] = 50.5;
    diff[0] = 0;
    ck_assert(maturity_differs(b, loaded));
    ck_assert_ptr_nonnull(strstr(diff, "threshold [1]"));
    loaded->thresholds[1] = ITSS_DEFAULT_THRESHOLD_L;
    loaded->rule_at = ITSS_SAT_FULLY;
    diff[0] = 0;
    ck_assert(maturity_differs(b, loaded));
    ck_assert_ptr_nonnull(strstr(diff, "rule at level"));
    loaded->rule_at = ITSS_SAT_LARGELY;
    diff[0] = 0;
    ck_assert(!maturity_differs(b, loaded));
    itss_maturity_model_free(loaded);
}
END_TEST

/* ITSS.1-2015, the second built-in maturity model: found by id, equal to
 * its data file; its multi-item and level-wide clauses and its key
 * indicators survive compilation. */
START_TEST(itss1_model_equals_its_data_file)
{
    itss_maturity_model *loaded = NULL;
    const itss_maturity_model *b = NULL, *t = NULL;
    itss_error e;
    ck_assert_int_eq(itss_maturity_model_builtin_lookup("itss1-2015", &b, &e), 0);
    ck_assert_int_eq(itss_maturity_model_builtin_lookup("tcesa1299-2023", &t, &e), 0);
    ck_assert_ptr_eq(t, itss_maturity_model_builtin());
    ck_assert_ptr_ne(b, t);
    ck_assert_int_eq(b->builtin, 1);
    ck_assert_int_eq(itss_maturity_model_builtin_lookup("itss1", &b, &e), ITSS_ENOTFOUND);
    ck_assert_ptr_null(b);
    ck_assert_ptr_nonnull(strstr(e.message, "\"itss1\""));
    ck_assert_ptr_nonnull(strstr(e.message, "itss1-2015"));
    ck_assert_int_eq(itss_maturity_model_builtin_lookup(NULL, &b, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_maturity_model_builtin_lookup("itss1-2015", NULL, &e), ITSS_EINVAL);
    ck_assert_int_eq(itss_maturity_model_builtin_lookup("itss1-2015", &b, &e), 0);
    ck_assert_int_eq(
        itss_maturity_model_load_file(data_path("itss1-2015.json"), &loaded, &e), 0);
    diff[0] = 0;
    ck_assert_msg(!maturity_differs(b, loaded), "compiled and loaded models differ: %s", diff);
    char *x = NULL, *y = NULL;
    ck_assert_int_eq(itss_maturity_model_export(b, ITSS_FORMAT_JSON, &x, NULL, &e), 0);
    ck_assert_int_eq(itss_maturity_model_export(loaded, ITSS_FORMAT_JSON, &y, NULL, &e), 0);
    ck_assert_str_eq(x, y);
    itss_free(x);
    itss_free(y);
    size_t several = 0, wide = 0, keyed = 0;
    for (size_t i = 0; i < b->nclauses; i++) {
        several += b->clauses[i].nitems > 1;
        wide += !b->clauses[i].domain;
        keyed += b->clauses[i].nindicators > 0;
    }
    ck_assert_uint_gt(several, 0);
    ck_assert_uint_gt(wide, 0);
    ck_assert_uint_gt(keyed, 0);
    /* a changed item list is seen */
    itss_maturity_clause *c = (itss_maturity_clause *)loaded->clauses;
    size_t k = 0;
    while (c[k].nitems < 2)
        k++;
    const itss_maturity_item **list = (const itss_maturity_item **)c[k].items;
    const itss_maturity_item *keep = list[1];
    list[1] = list[0];
    diff[0] = 0;
    ck_assert(maturity_differs(b, loaded));
    ck_assert_ptr_nonnull(strstr(diff, "clause items"));
    list[1] = keep;
    diff[0] = 0;
    ck_assert(!maturity_differs(b, loaded));
    itss_maturity_model_free(loaded);
}
END_TEST

START_TEST(quality_model_and_indicators_equal_their_data_files)
{
    size_t len = 0;
    char *text = read_file("gbt33850-2017.json", &len);
    itss_quality_model *model = NULL;
    itss_error e;
    ck_assert_int_eq(itss__quality_model_load(text, len, &model, &e), 0);
    free(text);
    const itss_quality_model *b = itss_quality_model_builtin();
    ck_assert_uint_eq(b->nchars, 5);
    ck_assert_uint_eq(b->nsubs, 16);
    diff[0] = 0;
    ck_assert_msg(!quality_differs(b, model), "compiled and loaded models differ: %s", diff);
    char *x = NULL, *y = NULL;
    ck_assert_int_eq(itss_quality_model_render(b, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &x, NULL, &e),
                     0);
    ck_assert_int_eq(
        itss_quality_model_render(model, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &y, NULL, &e), 0);
    ck_assert_str_eq(x, y);
    itss_free(x);
    itss_free(y);

    /* the indicator catalog: loaded against the built-in model, compared
     * with the compiled one; its sub-characteristics are the model's */
    itss_indicator_catalog *loaded = NULL;
    ck_assert_int_eq(
        itss_indicator_catalog_load_file(data_path("quality-indicators.json"), &loaded, &e), 0);
    const itss_indicator_catalog *c = itss_indicator_catalog_builtin();
    ck_assert_ptr_eq(c->model, b);
    ck_assert_int_eq(c->builtin, 1);
    diff[0] = 0;
    ck_assert_msg(!indicators_differ(c, loaded), "compiled and loaded catalogs differ: %s", diff);
    for (size_t i = 0; i < c->n; i++)
        ck_assert_ptr_eq(c->items[i].sub, loaded->items[i].sub); /* the same model's node */
    ck_assert_int_eq(itss_indicator_catalog_export(c, NULL, ITSS_FORMAT_JSON, &x, NULL, &e), 0);
    ck_assert_int_eq(itss_indicator_catalog_export(loaded, NULL, ITSS_FORMAT_JSON, &y, NULL, &e),
                     0);
    ck_assert_str_eq(x, y);
    itss_free(x);
    itss_free(y);

    itss_indicator *ind = (itss_indicator *)loaded->items;
    ind[4].polarity = !ind[4].polarity;
    diff[0] = 0;
    ck_assert(indicators_differ(c, loaded));
    ck_assert_ptr_nonnull(strstr(diff, "indicator polarity [4]"));
    ind[4].polarity = !ind[4].polarity;
    itss_quality_node *sub = (itss_quality_node *)&model->subs[6];
    sub->def[0] = "changed";
    diff[0] = 0;
    ck_assert(quality_differs(b, model));
    ck_assert_ptr_nonnull(strstr(diff, "sub-characteristic [6]"));
    itss_indicator_catalog_free(loaded);
    itss__quality_model_free(model);
}
END_TEST

/* A citation names a document a user can find (title, table, clause),
 * never a file of the project's own collection of sources. */
static void check_citation(const char *what, size_t i, const char *s)
{
    if (!s)
        return;
    ck_assert_msg(!strstr(s, ".txt"), "%s %zu cites a file: %s", what, i, s);
}

/* Every field of two registries' standards that no view shows. */
static int registry_differs(const itss_registry *a, const itss_registry *b)
{
    if (a->nstandards != b->nstandards || a->ncategories != b->ncategories)
        return differ("registry sizes");
    for (size_t i = 0; i < a->nstandards; i++) {
        const itss_standard *x = &a->standards[i], *y = &b->standards[i];
        if (str_differs("standard key", i, x->key, y->key) ||
            str_differs("standard rkey", i, x->rkey, y->rkey) ||
            str_differs("standard ltext", i, x->ltext, y->ltext))
            return 1;
        if (x->ltitle != y->ltitle || x->frow != y->frow || x->index != y->index)
            return differ("standard %zu: ltitle, frow or index", i);
    }
    return 0;
}

START_TEST(registry_equals_its_data_file)
{
    size_t len = 0;
    char *text = read_file("itss-standards.json", &len);
    itss_registry *loaded = NULL;
    itss_error e;
    ck_assert_msg(itss__registry_load(text, len, &loaded, &e) == 0, "%s", e.message);
    free(text);
    const itss_registry *b = itss_registry_builtin();
    ck_assert_int_eq(b->builtin, 1);
    diff[0] = 0;
    ck_assert_msg(!registry_differs(b, loaded), "compiled and loaded registries differ: %s", diff);
    /* the views show every other field, and the tree every link */
    const itss_standard **xs = malloc(b->nstandards * sizeof *xs),
                        **ys = malloc(b->nstandards * sizeof *ys);
    ck_assert(xs && ys);
    for (size_t i = 0; i < b->nstandards; i++) {
        xs[i] = &b->standards[i];
        ys[i] = &loaded->standards[i];
    }
    char *x = NULL, *y = NULL;
    ck_assert_int_eq(itss_standard_list_render(xs, b->nstandards, ITSS_FORMAT_JSON, ITSS_LANG_ZH,
                                               &x, NULL, &e), 0);
    ck_assert_int_eq(itss_standard_list_render(ys, b->nstandards, ITSS_FORMAT_JSON, ITSS_LANG_ZH,
                                               &y, NULL, &e), 0);
    ck_assert_str_eq(x, y);
    itss_free(x);
    itss_free(y);
    ck_assert_int_eq(itss_registry_framework_render(b, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &x, NULL,
                                                    &e), 0);
    ck_assert_int_eq(itss_registry_framework_render(loaded, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &y,
                                                    NULL, &e), 0);
    ck_assert_str_eq(x, y);
    itss_free(x);
    itss_free(y);
    free(xs);
    free(ys);
    /* the comparison notices a changed key */
    itss_standard *s0 = (itss_standard *)&loaded->standards[0];
    s0->frow++;
    diff[0] = 0;
    ck_assert(registry_differs(b, loaded));
    itss__registry_free(loaded);
}
END_TEST

START_TEST(sources_cite_documents_not_files)
{
    const itss_catalog *c = itss_catalog_builtin();
    check_citation("catalog", 0, c->source);
    for (size_t i = 0; i < c->n; i++)
        check_citation("class", i, c->classes[i].source);
    for (size_t x = 0; x < c->nxw; x++)
        for (size_t k = 0; k < c->xw[x].ntargets; k++)
            check_citation("crosswalk target", k, c->xw[x].targets[k].source);
    const itss_maturity_model *models[2] = {itss_maturity_model_builtin(), NULL};
    ck_assert_int_eq(itss_maturity_model_builtin_lookup("itss1-2015", &models[1], NULL), 0);
    check_citation("item levels", 0, models[0]->item_levels_source);
    for (size_t k = 0; k < 2; k++) {
        const itss_maturity_model *m = models[k];
        check_citation("maturity model", k, m->source);
        for (int i = 0; i < m->nlevels; i++)
            check_citation("level", (size_t)i, m->levels[i].source);
        for (size_t i = 0; i < m->ndomains; i++)
            check_citation("domain", i, m->domains[i].source);
        for (size_t i = 0; i < m->nitems; i++)
            check_citation("item", i, m->items[i].source);
        for (size_t i = 0; i < m->nclauses; i++)
            check_citation("clause", i, m->clauses[i].source);
    }
    check_citation("quality model", 0, itss_quality_model_builtin()->source);
    const itss_indicator_catalog *ic = itss_indicator_catalog_builtin();
    check_citation("indicator catalog", 0, ic->source);
    for (size_t i = 0; i < ic->n; i++)
        check_citation("indicator", i, ic->items[i].source);
    const itss_registry *r = itss_registry_builtin();
    check_citation("registry", 0, r->source);
    for (size_t i = 0; i < r->nstandards; i++)
        check_citation("standard", i, r->standards[i].source);
    for (size_t c = 0; c < r->ncategories; c++) {
        check_citation("category", c, r->categories[c].source);
        for (size_t k = 0; k < r->categories[c].nareas; k++)
            check_citation("area", k, r->categories[c].areas[k].source);
    }
}
END_TEST

START_TEST(builtins_are_constant_and_never_freed)
{
    /* the same objects on every call; freeing them is ignored */
    const itss_catalog *c = itss_catalog_builtin();
    itss_catalog_free((itss_catalog *)c);
    ck_assert_ptr_eq(itss_catalog_builtin(), c);
    const itss_maturity_model *m = itss_maturity_model_builtin();
    itss_maturity_model_free((itss_maturity_model *)m);
    ck_assert_ptr_eq(itss_maturity_model_builtin(), m);
    const itss_indicator_catalog *i = itss_indicator_catalog_builtin();
    itss_indicator_catalog_free((itss_indicator_catalog *)i);
    ck_assert_ptr_eq(itss_indicator_catalog_builtin(), i);
    ck_assert_ptr_eq(itss_quality_model_builtin(), i->model);
    /* the objects are the generated constants, not anything built */
    ck_assert_ptr_eq(c, &itss__builtin_catalog);
    ck_assert_ptr_eq(m, &itss__builtin_maturity_model);
    ck_assert_ptr_eq(i, &itss__builtin_indicator_catalog);
    ck_assert_ptr_null(c->arena.head);
    ck_assert_ptr_null(m->arena.head);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("builtin");
    TCase *t = tcase_create("compiled");
    tcase_add_test(t, catalog_equals_its_data_file);
    tcase_add_test(t, maturity_model_equals_its_data_file);
    tcase_add_test(t, itss1_model_equals_its_data_file);
    tcase_add_test(t, quality_model_and_indicators_equal_their_data_files);
    tcase_add_test(t, registry_equals_its_data_file);
    tcase_add_test(t, builtins_are_constant_and_never_freed);
    tcase_add_test(t, sources_cite_documents_not_files);
    suite_add_tcase(s, t);
    return s;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DATA-DIR\n", argv[0]);
        return 2;
    }
    data_dir = argv[1];
    return itss_test_run(suite());
}
