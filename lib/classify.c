/* libitss — GB/T 29264 classification engine: lookup, validation, hierarchy,
 * search and crosswalks over an immutable catalog. No JSON here. */
#include <stdlib.h>
#include <string.h>

#include "classify_internal.h"

/* ---- building -------------------------------------------------------- */

static int cmp_class(const void *a, const void *b)
{
    const itss_class *x = a, *y = b;
    int c = strcmp(x->code, y->code);
    return c ? c : (x->src_index > y->src_index) - (x->src_index < y->src_index);
}

itss_link_problem itss__catalog_link(itss_catalog *cat, const itss_class **which)
{
    /* the catalog is being built: its arrays are arena memory of ours */
    itss_class *cl = (itss_class *)cat->classes;
    size_t n = cat->n;
    qsort(cl, n, sizeof *cl, cmp_class);
    /* a code given twice: report the first class in the document that
     * repeats an earlier one. Equal codes are sorted in document order, so
     * that is the second of its run, the earliest of all runs. */
    const itss_class *dup = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (strcmp(cl[i].code, cl[i + 1].code) == 0 &&
            (!dup || cl[i + 1].src_index < dup->src_index)) {
            dup = &cl[i + 1];
            while (i + 1 < n && strcmp(cl[i].code, cl[i + 1].code) == 0)
                i++; /* the rest of the run comes later */
        }
    if (dup) {
        *which = dup;
        return ITSS_LINK_DUPLICATE;
    }
    /* parents: with codes sorted, a class's parent is found by lookup;
     * count children first, then fill. */
    for (size_t i = 0; i < n; i++) {
        cl[i].index = i;
        if (cl[i].level > 1) {
            char pcode[8];
            size_t plen = strlen(cl[i].code) - 2;
            memcpy(pcode, cl[i].code, plen);
            pcode[plen] = 0;
            const itss_class *p = itss__class_find(cat, pcode);
            if (!p) {
                *which = &cl[i];
                return ITSS_LINK_MISSING_PARENT;
            }
            cl[i].parent = p;
            ((itss_class *)p)->nchildren++;
        } else {
            cat->ntop++;
        }
    }
    const itss_class **top =
        itss__arena_calloc(&cat->arena, cat->ntop ? cat->ntop : 1, sizeof *top);
    if (!top)
        return ITSS_LINK_NOMEM;
    cat->top = top;
    /* one array for every class's children, each class's share in code
     * order; filled is how many of a share are written so far */
    const itss_class **kids = itss__arena_calloc(&cat->arena, n ? n : 1, sizeof *kids);
    size_t *filled = calloc(n ? n : 1, sizeof *filled);
    if (!kids || !filled) {
        free(filled);
        return ITSS_LINK_NOMEM;
    }
    for (size_t i = 0, used = 0; i < n; i++) {
        cl[i].children = kids + used;
        used += cl[i].nchildren;
    }
    size_t t = 0;
    for (size_t i = 0; i < n; i++) {
        const itss_class *p = cl[i].parent;
        if (p)
            kids[(size_t)(p->children - kids) + filled[p->index]++] = &cl[i];
        else
            top[t++] = &cl[i];
    }
    free(filled);
    for (size_t i = 0; i < n; i++) {
        /* descendants are the following classes that share the code prefix */
        size_t len = strlen(cl[i].code), j = i + 1;
        while (j < n && strncmp(cl[j].code, cl[i].code, len) == 0)
            j++;
        cl[i].ndesc = j - i - 1;
        for (int l = 0; l < 2; l++) {
            size_t nl = strlen(cl[i].name[l]);
            char *low = itss__arena_strndup(&cat->arena, cl[i].name[l], nl);
            if (!low)
                return ITSS_LINK_NOMEM;
            for (char *q = low; *q; q++)
                if (*q >= 'A' && *q <= 'Z')
                    *q = (char)(*q + 32);
            cl[i].lname[l] = low;
        }
    }
    return ITSS_LINK_OK;
}

/* ---- life cycle -------------------------------------------------------- */

static void catalog_destroy(itss_catalog *cat)
{
    itss__arena_free(&cat->arena);
    free(cat);
}

void itss_catalog_free(itss_catalog *cat)
{
    if (cat && !cat->builtin)
        catalog_destroy(cat);
}

/* ---- catalog getters -------------------------------------------------- */

const char *itss_catalog_edition(const itss_catalog *cat) { return cat ? cat->edition : NULL; }

const char *itss_catalog_title(const itss_catalog *cat, itss_lang lang)
{
    return cat && itss__lang_ok(lang) ? cat->title[lang] : NULL;
}

size_t itss_catalog_class_count(const itss_catalog *cat) { return cat ? cat->n : 0; }

const itss_class *itss_catalog_class_at(const itss_catalog *cat, size_t i)
{
    return cat && i < cat->n ? &cat->classes[i] : NULL;
}

size_t itss_catalog_top_count(const itss_catalog *cat) { return cat ? cat->ntop : 0; }

const itss_class *itss_catalog_top_at(const itss_catalog *cat, size_t i)
{
    return cat && i < cat->ntop ? cat->top[i] : NULL;
}

/* ---- codes ------------------------------------------------------------ */

itss_code_problem itss__code_shape(const char *code, size_t *bad_at)
{
    size_t n = 0;
    if (!code[0])
        return ITSS_CODE_EMPTY;
    for (n = 0; code[n]; n++)
        if (code[n] < '0' || code[n] > '9') {
            if (bad_at)
                *bad_at = n;
            return ITSS_CODE_NOT_DIGITS;
        }
    if (n != 2 && n != 4 && n != 6)
        return ITSS_CODE_BAD_LENGTH;
    return ITSS_CODE_OK;
}

const itss_class *itss__class_find(const itss_catalog *cat, const char *code)
{
    size_t lo = 0, hi = cat->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(cat->classes[mid].code, code);
        if (c == 0)
            return &cat->classes[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *itss_code_problem_name(itss_code_problem problem)
{
    switch (problem) {
    case ITSS_CODE_OK: return "ok";
    case ITSS_CODE_EMPTY: return "empty";
    case ITSS_CODE_NOT_DIGITS: return "not_digits";
    case ITSS_CODE_BAD_LENGTH: return "bad_length";
    case ITSS_CODE_UNKNOWN_PARENT: return "unknown_parent";
    case ITSS_CODE_UNKNOWN: return "unknown_code";
    }
    return NULL;
}

/* Describe the children of p (or the top level) for "unknown code"
 * messages: "0401, 0402, ..., 0499". */
static void list_codes(char *dst, size_t size, const itss_class *const *list, size_t n)
{
    size_t o = 0;
    dst[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const char *c = list[i]->code;
        size_t need = strlen(c) + (i ? 2 : 0);
        if (o + need + 5 >= size) {
            memcpy(dst + o, ", ...", 6);
            return;
        }
        if (i) {
            memcpy(dst + o, ", ", 2);
            o += 2;
        }
        memcpy(dst + o, c, strlen(c) + 1);
        o += strlen(c);
    }
}

int itss__code_shape_check(const char *code, itss_code_problem *problem, itss_error *err)
{
    char shown[160];
    size_t bad_at = 0;
    itss_code_problem p = itss__code_shape(code, &bad_at);
    if (problem)
        *problem = p;
    itss__quote(shown, sizeof shown, code, strlen(code), 40);
    switch (p) {
    case ITSS_CODE_EMPTY:
        return itss__err(err, ITSS_EVALUE,
                         "empty class code: a GB/T 29264 code has 2, 4 or 6 digits");
    case ITSS_CODE_NOT_DIGITS:
        return itss__err(err, ITSS_EVALUE,
                         "class code \"%s\" has a character other than 0-9 at byte %zu: "
                         "a GB/T 29264 code has 2, 4 or 6 ASCII digits",
                         shown, bad_at);
    case ITSS_CODE_BAD_LENGTH:
        return itss__err(err, ITSS_EVALUE,
                         "class code \"%s\" has %zu digits: a GB/T 29264 code has 2, 4 or 6",
                         shown, strlen(code));
    default: return ITSS_OK;
    }
}

int itss__code_check(const itss_catalog *cat, const char *code, itss_code_problem *problem,
                     const itss_class **found, itss_error *err)
{
    char shown[160];
    if (found)
        *found = NULL;
    int rc = itss__code_shape_check(code, problem, err);
    if (rc)
        return rc;
    itss__quote(shown, sizeof shown, code, strlen(code), 40);
    size_t len = strlen(code);
    const itss_class *parent = NULL;
    for (size_t plen = 2; plen < len; plen += 2) {
        char prefix[8];
        memcpy(prefix, code, plen);
        prefix[plen] = 0;
        const itss_class *c = itss__class_find(cat, prefix);
        if (!c) {
            if (problem)
                *problem = ITSS_CODE_UNKNOWN_PARENT;
            return itss__err(err, ITSS_ENOTFOUND,
                             "class code \"%s\": its higher-level class %s does not exist in %s",
                             shown, prefix, cat->edition);
        }
        parent = c;
    }
    const itss_class *c = itss__class_find(cat, code);
    if (!c) {
        char known[120];
        if (problem)
            *problem = ITSS_CODE_UNKNOWN;
        if (parent) {
            if (parent->nchildren == 0)
                return itss__err(err, ITSS_ENOTFOUND,
                                 "class code \"%s\" does not exist in %s (class %s has no "
                                 "subclasses)",
                                 shown, cat->edition, parent->code);
            list_codes(known, sizeof known, parent->children, parent->nchildren);
            return itss__err(err, ITSS_ENOTFOUND,
                             "class code \"%s\" does not exist in %s (the classes under "
                             "%s are %s)",
                             shown, cat->edition, parent->code, known);
        }
        list_codes(known, sizeof known, cat->top, cat->ntop);
        return itss__err(err, ITSS_ENOTFOUND,
                         "class code \"%s\" does not exist in %s (the top-level classes "
                         "are %s)",
                         shown, cat->edition, known);
    }
    if (problem)
        *problem = ITSS_CODE_OK;
    if (found)
        *found = c;
    itss__err_clear(err);
    return ITSS_OK;
}

int itss_code_validate(const itss_catalog *cat, const char *code, itss_code_problem *problem,
                       itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, cat);
    ITSS_CHECK_ARG(err, code);
    return itss__code_check(cat, code, problem, NULL, err);
}

int itss_class_lookup(const itss_catalog *cat, const char *code, const itss_class **out,
                      itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, cat);
    ITSS_CHECK_ARG(err, code);
    return itss__code_check(cat, code, NULL, out, err);
}

/* ---- class getters ----------------------------------------------------- */

const char *itss_class_code(const itss_class *c) { return c ? c->code : NULL; }
int itss_class_level(const itss_class *c) { return c ? c->level : 0; }
const itss_class *itss_class_parent(const itss_class *c) { return c ? c->parent : NULL; }

const char *itss_class_name(const itss_class *c, itss_lang lang)
{
    return c && itss__lang_ok(lang) ? c->name[lang] : NULL;
}

const char *itss_class_description(const itss_class *c, itss_lang lang)
{
    return c && itss__lang_ok(lang) ? c->desc[lang] : NULL;
}

const char *itss_class_includes(const itss_class *c, itss_lang lang)
{
    return c && itss__lang_ok(lang) ? c->incl[lang] : NULL;
}

const char *itss_class_excludes(const itss_class *c, itss_lang lang)
{
    return c && itss__lang_ok(lang) ? c->excl[lang] : NULL;
}

int itss_class_is_catch_all(const itss_class *c) { return c ? c->catch_all : 0; }
const char *itss_class_source(const itss_class *c) { return c ? c->source : NULL; }
size_t itss_class_child_count(const itss_class *c) { return c ? c->nchildren : 0; }

const itss_class *itss_class_child_at(const itss_class *c, size_t i)
{
    return c && i < c->nchildren ? c->children[i] : NULL;
}

size_t itss_class_ancestors(const itss_class *c, const itss_class **buf, size_t cap)
{
    if (!c)
        return 0;
    size_t n = (size_t)c->level - 1;
    const itss_class *p = c->parent;
    for (size_t k = n; k > 0 && p; k--, p = p->parent)
        if (buf && k - 1 < cap)
            buf[k - 1] = p;
    return n;
}

size_t itss_class_descendants(const itss_class *c, const itss_class **buf, size_t cap)
{
    if (!c)
        return 0;
    /* descendants follow c contiguously in code order */
    for (size_t k = 0; buf && k < c->ndesc && k < cap; k++)
        buf[k] = c + 1 + k;
    return c->ndesc;
}

/* ---- search ------------------------------------------------------------ */

/* 0 exact, 1 prefix, 2 substring, 3 no match. */
static int match_rank(const char *name, const char *q, size_t qlen)
{
    const char *hit = strstr(name, q);
    if (!hit)
        return 3;
    if (hit == name)
        return name[qlen] == 0 ? 0 : 1;
    return 2;
}

int itss_class_search(const itss_catalog *cat, const char *text, const itss_class **buf,
                      size_t cap, size_t *count, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, count);
    *count = 0;
    ITSS_CHECK_ARG(err, cat);
    ITSS_CHECK_ARG(err, text);
    ITSS_CHECK(err, buf || cap == 0, "buf is NULL but cap is %zu", cap);
    size_t len = 0;
    char *q = NULL;
    int rc = itss__search_text(text, &q, &len, err);
    if (rc)
        return rc;
    size_t total = 0;
    for (int rank = 0; rank < 3; rank++) {
        for (size_t i = 0; i < cat->n; i++) {
            const itss_class *c = &cat->classes[i];
            int r0 = match_rank(c->lname[0], q, len), r1 = match_rank(c->lname[1], q, len);
            if ((r0 < r1 ? r0 : r1) != rank)
                continue;
            if (total < cap)
                buf[total] = c;
            total++;
        }
    }
    free(q);
    *count = total;
    return ITSS_OK;
}

/* ---- crosswalks ------------------------------------------------------- */

size_t itss_catalog_crosswalk_count(const itss_catalog *cat) { return cat ? cat->nxw : 0; }

const itss_crosswalk *itss_catalog_crosswalk_at(const itss_catalog *cat, size_t i)
{
    return cat && i < cat->nxw ? &cat->xw[i] : NULL;
}

int itss_crosswalk_lookup(const itss_catalog *cat, const char *id, const itss_crosswalk **out,
                          itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, cat);
    ITSS_CHECK_ARG(err, id);
    for (size_t i = 0; i < cat->nxw; i++)
        if (strcmp(cat->xw[i].id, id) == 0) {
            *out = &cat->xw[i];
            return ITSS_OK;
        }
    char shown[160], known[120] = "";
    itss__quote(shown, sizeof shown, id, strlen(id), 40);
    for (size_t i = 0; i < cat->nxw; i++) {
        if (strlen(known) + strlen(cat->xw[i].id) + 3 >= sizeof known)
            break;
        itss__str_append(known, sizeof known, i ? ", " : "");
        itss__str_append(known, sizeof known, cat->xw[i].id);
    }
    return itss__err(err, ITSS_ENOTFOUND, "no crosswalk \"%s\" (known: %s)", shown,
                     cat->nxw ? known : "none");
}

const char *itss_crosswalk_id(const itss_crosswalk *x) { return x ? x->id : NULL; }
const char *itss_crosswalk_scheme(const itss_crosswalk *x) { return x ? x->scheme : NULL; }

const char *itss_crosswalk_name(const itss_crosswalk *x, itss_lang lang)
{
    return x && itss__lang_ok(lang) ? x->name[lang] : NULL;
}

size_t itss_crosswalk_target_count(const itss_crosswalk *x) { return x ? x->ntargets : 0; }

const itss_xtarget *itss_crosswalk_target_at(const itss_crosswalk *x, size_t i)
{
    return x && i < x->ntargets ? &x->targets[i] : NULL;
}

/* The target with this code, or NULL. */
static const itss_xtarget *target_find(const itss_crosswalk *x, const char *code)
{
    for (size_t i = 0; i < x->ntargets; i++)
        if (strcmp(x->targets[i].code, code) == 0)
            return &x->targets[i];
    return NULL;
}

/* itss_xtarget_lookup after the argument checks. */
static int target_lookup(const itss_crosswalk *x, const char *code, const itss_xtarget **out,
                         itss_error *err)
{
    if ((*out = target_find(x, code)))
        return ITSS_OK;
    char shown[160];
    itss__quote(shown, sizeof shown, code, strlen(code), 40);
    if (!code[0])
        return itss__err(err, ITSS_EVALUE, "empty %s class code", x->scheme);
    return itss__err(err, ITSS_ENOTFOUND, "\"%s\" is not a class of %s known to crosswalk %s",
                     shown, x->scheme, x->id);
}

int itss_xtarget_lookup(const itss_crosswalk *x, const char *code, const itss_xtarget **out,
                        itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, x);
    ITSS_CHECK_ARG(err, code);
    return target_lookup(x, code, out, err);
}

const char *itss_xtarget_code(const itss_xtarget *t) { return t ? t->code : NULL; }

const char *itss_xtarget_name(const itss_xtarget *t, itss_lang lang)
{
    return t && itss__lang_ok(lang) ? t->name[lang] : NULL;
}

const char *itss_xtarget_source(const itss_xtarget *t) { return t ? t->source : NULL; }

int itss_crosswalk_map(const itss_crosswalk *x, itss_direction direction, const char *code,
                       const itss_xlink **buf, size_t cap, size_t *count, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, count);
    *count = 0;
    ITSS_CHECK_ARG(err, x);
    ITSS_CHECK(err, direction == ITSS_FORWARD || direction == ITSS_REVERSE,
               "direction %d is not an itss_direction", (int)direction);
    ITSS_CHECK_ARG(err, code);
    ITSS_CHECK(err, buf || cap == 0, "buf is NULL but cap is %zu", cap);
    const int reverse = direction == ITSS_REVERSE;
    const itss_class *cls = NULL;
    const itss_xtarget *target = NULL;
    int rc = reverse ? target_lookup(x, code, &target, err)
                     : itss__code_check(x->cat, code, NULL, &cls, err);
    if (rc)
        return rc;
    size_t total = 0;
    for (size_t i = 0; i < x->nlinks; i++) {
        const itss_xlink *l = &x->links[i];
        if (reverse ? l->target != target : l->cls != cls)
            continue;
        if (total < cap)
            buf[total] = l;
        total++;
    }
    *count = total;
    return ITSS_OK;
}

const itss_class *itss_xlink_class(const itss_xlink *l) { return l ? l->cls : NULL; }
const itss_xtarget *itss_xlink_target(const itss_xlink *l) { return l ? l->target : NULL; }
itss_relation itss_xlink_relation(const itss_xlink *l)
{
    return l ? (itss_relation)l->relation : ITSS_REL_EXACT;
}

const char *itss_xlink_note(const itss_xlink *l, itss_lang lang)
{
    return l && itss__lang_ok(lang) ? l->note[lang] : NULL;
}

const char *itss_relation_name(itss_relation relation)
{
    switch (relation) {
    case ITSS_REL_EXACT: return "exact";
    case ITSS_REL_NARROWER: return "narrower";
    case ITSS_REL_BROADER: return "broader";
    case ITSS_REL_RELATED: return "related";
    }
    return NULL;
}

const char *itss_direction_name(itss_direction direction)
{
    switch (direction) {
    case ITSS_FORWARD: return "forward";
    case ITSS_REVERSE: return "reverse";
    }
    return NULL;
}
