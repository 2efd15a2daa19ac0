/* libitss — the ITSS standards registry: lenient number lookup, filtered
 * lists, search, the framework tree and the getters. No JSON here. */
#include <stdlib.h>
#include <string.h>

#include "standards_internal.h"

/* ---- names ------------------------------------------------------------- */

static const char *const type_names[] = {"national", "industry", "group", "international"};
static const char *const type_labels[2][4] = {
    {"国家标准", "行业标准", "团体标准", "国际标准"},
    {"national standard", "industry standard", "group standard", "international standard"},
};
static const char *const status_names[] = {"published", "approval", "comment", "review",
                                           "draft",     "proposed", "developing", "cancelled"};
static const char *const status_labels[2][8] = {
    {"已发布", "报批稿", "征求意见稿", "送审稿", "草案", "立项申请中", "研制中", "已取消"},
    {"published", "draft for approval", "draft for comments", "draft for review",
     "working draft", "being proposed", "under development", "cancelled"},
};
#define NTYPES 4
#define NSTATUS 8

const char *itss_std_type_name(itss_std_type type)
{
    return (unsigned)type < NTYPES ? type_names[type] : NULL;
}

const char *itss_std_status_name(itss_std_status status)
{
    return (unsigned)status < NSTATUS ? status_names[status] : NULL;
}

const char *itss_std_type_label(itss_std_type type, itss_lang lang)
{
    return (unsigned)type < NTYPES && itss__lang_ok(lang) ? type_labels[lang][type] : NULL;
}

const char *itss_std_status_label(itss_std_status status, itss_lang lang)
{
    return (unsigned)status < NSTATUS && itss__lang_ok(lang) ? status_labels[lang][status]
                                                             : NULL;
}

/* ---- keys ---------------------------------------------------------------- */

size_t itss__std_key(const char *s, char *key, size_t cap)
{
    size_t n = strlen(s), k = 0;
    int prev = 0; /* kind of the last run written: 0 none, 1 letters, 2 digits */
    int sep = 0;  /* a separator since the last character written */
    if (!itss__utf8_valid(s, n) || cap == 0)
        return 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t used = itss__utf8_decode((const unsigned char *)s + i, n - i, &cp);
        i += used ? used : 1;
        if (cp >= 0xFF01 && cp <= 0xFF5E) /* full-width ASCII */
            cp -= 0xFEE0;
        int kind = 0;
        if (cp >= 'A' && cp <= 'Z')
            cp += 32;
        if (cp >= 'a' && cp <= 'z')
            kind = 1;
        else if (cp >= '0' && cp <= '9')
            kind = 2;
        if (!kind) {
            sep = 1;
            continue;
        }
        /* letters join letters across separators; any other change of run,
         * or digits after a separator, starts a new part */
        int bar = prev && !(kind == 1 && prev == 1) && (sep || kind != prev);
        if (k + (size_t)bar + 2 > cap)
            return (size_t)-1;
        if (bar)
            key[k++] = '|';
        key[k++] = (char)cp;
        prev = kind;
        sep = 0;
    }
    key[k] = 0;
    return k;
}

/* ---- the registry --------------------------------------------------------- */

const char *itss_registry_title(const itss_registry *r, itss_lang lang)
{
    return r && itss__lang_ok(lang) ? r->title[lang] : NULL;
}

const char *itss_registry_source(const itss_registry *r) { return r ? r->source : NULL; }
size_t itss_registry_standard_count(const itss_registry *r) { return r ? r->nstandards : 0; }

const itss_standard *itss_registry_standard_at(const itss_registry *r, size_t i)
{
    return r && i < r->nstandards ? &r->standards[i] : NULL;
}

size_t itss_registry_category_count(const itss_registry *r) { return r ? r->ncategories : 0; }

const itss_category *itss_registry_category_at(const itss_registry *r, size_t i)
{
    return r && i < r->ncategories ? &r->categories[i] : NULL;
}

int itss_standard_lookup(const itss_registry *r, const char *number, const itss_standard **out,
                         itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, r);
    ITSS_CHECK_ARG(err, number);
    char key[ITSS_STD_KEY_MAX], shown[160];
    size_t len = strlen(number);
    itss__quote(shown, sizeof shown, number, len, 60);
    if (!itss__utf8_valid(number, len))
        return itss__err(err, ITSS_EVALUE, "standard number \"%s\" is not valid UTF-8", shown);
    size_t klen = itss__std_key(number, key, sizeof key);
    if (klen == 0)
        return itss__err(err, ITSS_EVALUE,
                         "standard number \"%s\" has no letter or digit", shown);
    if (klen == (size_t)-1) /* longer than any number */
        return itss__err(err, ITSS_ENOTFOUND, "no standard has the number \"%s\"", shown);
    for (size_t i = 0; i < r->nstandards; i++) {
        const itss_standard *s = &r->standards[i];
        if ((s->key && strcmp(s->key, key) == 0) || (s->rkey && strcmp(s->rkey, key) == 0)) {
            *out = s;
            return ITSS_OK;
        }
    }
    return itss__err(err, ITSS_ENOTFOUND, "no standard has the number \"%s\"", shown);
}

int itss_category_lookup(const itss_registry *r, const char *id, const itss_category **out,
                         itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, r);
    ITSS_CHECK_ARG(err, id);
    char known[1024] = "", shown[160];
    for (size_t i = 0; i < r->ncategories; i++) {
        if (strcmp(r->categories[i].id, id) == 0) {
            *out = &r->categories[i];
            return ITSS_OK;
        }
        itss__str_append(known, sizeof known, i ? ", " : "");
        itss__str_append(known, sizeof known, r->categories[i].id);
    }
    return itss__err(err, ITSS_ENOTFOUND, "no framework category \"%s\" (known: %s)",
                     itss__shown(shown, sizeof shown, id), known);
}

int itss_area_lookup(const itss_registry *r, const char *id, const itss_area **out,
                     itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, r);
    ITSS_CHECK_ARG(err, id);
    char known[1024] = "", shown[160];
    for (size_t i = 0; i < r->ncategories; i++)
        for (size_t k = 0; k < r->categories[i].nareas; k++) {
            const itss_area *a = &r->categories[i].areas[k];
            if (strcmp(a->id, id) == 0) {
                *out = a;
                return ITSS_OK;
            }
            itss__str_append(known, sizeof known, known[0] ? ", " : "");
            itss__str_append(known, sizeof known, a->id);
        }
    return itss__err(err, ITSS_ENOTFOUND, "no framework area \"%s\" (known: %s)",
                     itss__shown(shown, sizeof shown, id), known);
}

/* The index of name among names[0..n) or their labels in either language;
 * -1 when it is none of them. */
static int name_index(const char *name, const char *const *names, const char *const *zh,
                      const char *const *en, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(name, names[i]) == 0 || strcmp(name, zh[i]) == 0 || strcmp(name, en[i]) == 0)
            return i;
    return -1;
}

static int unknown_filter(itss_error *err, const char *what, const char *value,
                          const char *const *names, int n)
{
    char known[512] = "", shown[160];
    for (int i = 0; i < n; i++) {
        itss__str_append(known, sizeof known, i ? ", " : "");
        itss__str_append(known, sizeof known, names[i]);
    }
    return itss__err(err, ITSS_EVALUE, "unknown %s \"%s\" (known: %s)", what,
                     itss__shown(shown, sizeof shown, value), known);
}

int itss_standard_list(const itss_registry *r, const char *type, const char *status,
                       const char *area, const itss_standard **buf, size_t cap, size_t *count,
                       itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, count);
    *count = 0;
    ITSS_CHECK_ARG(err, r);
    ITSS_CHECK(err, buf || cap == 0, "buf is NULL but cap is %zu", cap);
    int t = -1, st = -1;
    if (type && (t = name_index(type, type_names, type_labels[0], type_labels[1], NTYPES)) < 0)
        return unknown_filter(err, "standard type", type, type_names, NTYPES);
    if (status &&
        (st = name_index(status, status_names, status_labels[0], status_labels[1], NSTATUS)) < 0)
        return unknown_filter(err, "standard status", status, status_names, NSTATUS);
    const itss_area *a = NULL;
    const itss_category *c = NULL;
    if (area && itss_area_lookup(r, area, &a, NULL) && itss_category_lookup(r, area, &c, NULL)) {
        char shown[160];
        return itss__err(err, ITSS_EVALUE,
                         "unknown framework area or category \"%s\" (see itss standard "
                         "framework for the ids)",
                         itss__shown(shown, sizeof shown, area));
    }
    size_t total = 0;
    for (size_t i = 0; i < r->nstandards; i++) {
        const itss_standard *s = &r->standards[i];
        if ((t >= 0 && s->type != t) || (st >= 0 && s->status != st) ||
            (a && s->area != a) || (c && (!s->area || s->area->category != c)))
            continue;
        if (total < cap)
            buf[total] = s;
        total++;
    }
    *count = total;
    return ITSS_OK;
}

int itss_standard_search(const itss_registry *r, const char *text, const itss_standard **buf,
                         size_t cap, size_t *count, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, count);
    *count = 0;
    ITSS_CHECK_ARG(err, r);
    ITSS_CHECK_ARG(err, text);
    ITSS_CHECK(err, buf || cap == 0, "buf is NULL but cap is %zu", cap);
    size_t len = 0;
    char *q = NULL;
    int rc = itss__search_text(text, &q, &len, err);
    if (rc)
        return rc;
    /* a text with a digit may be a number written another way */
    char key[ITSS_STD_KEY_MAX];
    size_t klen = strpbrk(q, "0123456789") ? itss__std_key(q, key, sizeof key) : 0;
    int haskey = klen > 0 && klen != (size_t)-1;
    size_t total = 0;
    for (int rank = 0; rank < 3; rank++)
        for (size_t i = 0; i < r->nstandards; i++) {
            const itss_standard *s = &r->standards[i];
            const char *hit = strstr(s->ltext, q);
            int got = 3;
            if (haskey && s->key && strcmp(s->key, key) == 0)
                got = 0;
            else if ((hit && (size_t)(hit - s->ltext) < s->ltitle) ||
                     (haskey && s->key && strstr(s->key, key)))
                got = 1;
            else if (hit)
                got = 2;
            if (got != rank)
                continue;
            if (total < cap)
                buf[total] = s;
            total++;
        }
    free(q);
    *count = total;
    return ITSS_OK;
}

/* ---- getters ------------------------------------------------------------ */

const char *itss_standard_number(const itss_standard *s) { return s ? s->number : NULL; }

const char *itss_standard_title(const itss_standard *s, itss_lang lang)
{
    return s && itss__lang_ok(lang) ? s->title[lang] : NULL;
}

itss_std_type itss_standard_type(const itss_standard *s)
{
    return s ? (itss_std_type)s->type : ITSS_STANDARD_NATIONAL;
}

itss_std_status itss_standard_status(const itss_standard *s)
{
    return s ? (itss_std_status)s->status : ITSS_STATUS_PUBLISHED;
}

const char *itss_standard_stage(const itss_standard *s) { return s ? s->stage : NULL; }
const char *itss_standard_role(const itss_standard *s) { return s ? s->role : NULL; }
const char *itss_standard_table(const itss_standard *s) { return s ? s->table : NULL; }
size_t itss_standard_row(const itss_standard *s) { return s ? s->row : 0; }
const itss_area *itss_standard_area(const itss_standard *s) { return s ? s->area : NULL; }

const char *itss_standard_summary(const itss_standard *s, itss_lang lang)
{
    return s && itss__lang_ok(lang) ? s->summary[lang] : NULL;
}

const char *itss_standard_note(const itss_standard *s, itss_lang lang)
{
    return s && itss__lang_ok(lang) ? s->note[lang] : NULL;
}

const char *itss_standard_source(const itss_standard *s) { return s ? s->source : NULL; }

const char *itss_standard_implemented_by(const itss_standard *s)
{
    return s ? s->implemented_by : NULL;
}

const itss_standard *itss_standard_replaces(const itss_standard *s)
{
    return s ? s->replaces : NULL;
}

const itss_standard *itss_standard_replaced_by(const itss_standard *s)
{
    return s ? s->replaced_by : NULL;
}

const char *itss_category_id(const itss_category *c) { return c ? c->id : NULL; }

const char *itss_category_name(const itss_category *c, itss_lang lang)
{
    return c && itss__lang_ok(lang) ? c->name[lang] : NULL;
}

const char *itss_category_source(const itss_category *c) { return c ? c->source : NULL; }
size_t itss_category_area_count(const itss_category *c) { return c ? c->nareas : 0; }

const itss_area *itss_category_area_at(const itss_category *c, size_t i)
{
    return c && i < c->nareas ? &c->areas[i] : NULL;
}

const char *itss_area_id(const itss_area *a) { return a ? a->id : NULL; }

const char *itss_area_name(const itss_area *a, itss_lang lang)
{
    return a && itss__lang_ok(lang) ? a->name[lang] : NULL;
}

const char *itss_area_source(const itss_area *a) { return a ? a->source : NULL; }
const itss_category *itss_area_category(const itss_area *a) { return a ? a->category : NULL; }
size_t itss_area_standard_count(const itss_area *a) { return a ? a->nstandards : 0; }

const itss_standard *itss_area_standard_at(const itss_area *a, size_t i)
{
    return a && i < a->nstandards ? a->standards[i] : NULL;
}
