/* libitss — the public render and export functions of the classification:
 * check arguments, gather what to show, hand it to the JSON or text writer. */
#include <stdlib.h>
#include <string.h>

#include "classify_internal.h"

int itss_class_render(const itss_class *c, itss_format format, itss_lang lang, char **out,
                      size_t *len, itss_error *err)
{
    itss__err_clear(err);
    int rc = itss__check_render("itss_class_render", format, lang, out, err);
    if (rc)
        return rc;
    if (!c)
        return itss__err(err, ITSS_EINVAL, "itss_class_render: c is NULL");
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_class(&b, c, lang);
    else
        itss__json_class(&b, c, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

int itss_class_list_render(const itss_class *const *list, size_t n, itss_format format,
                           itss_lang lang, char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    int rc = itss__check_render("itss_class_list_render", format, lang, out, err);
    if (rc)
        return rc;
    if (n && !list)
        return itss__err(err, ITSS_EINVAL, "itss_class_list_render: list is NULL");
    for (size_t i = 0; i < n; i++)
        if (!list[i])
            return itss__err(err, ITSS_EINVAL, "itss_class_list_render: list[%zu] is NULL",
                             i);
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_class_list(&b, list, n, lang);
    else
        itss__json_class_list(&b, list, n, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

/* Resolve an optional root code. */
static int find_root(const itss_catalog *cat, const char *root, const itss_class **out,
                     itss_error *err)
{
    *out = NULL;
    return root ? itss__code_check(cat, root, NULL, out, err) : ITSS_OK;
}

int itss_catalog_export(const itss_catalog *cat, const char *root, itss_format format,
                        itss_lang lang, char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    int rc = itss__check_render("itss_catalog_export", format, lang, out, err);
    if (rc)
        return rc;
    if (!cat)
        return itss__err(err, ITSS_EINVAL, "itss_catalog_export: cat is NULL");
    const itss_class *r;
    if ((rc = find_root(cat, root, &r, err)))
        return rc;
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT) {
        size_t first = r ? r->index : 0, n = r ? r->ndesc + 1 : cat->n;
        const itss_class **list = malloc(n * sizeof *list);
        if (!list)
            return itss__err(err, ITSS_ENOMEM, "out of memory");
        for (size_t i = 0; i < n; i++)
            list[i] = &cat->classes[first + i];
        itss__buf_printf(&b, "%s %s\n", cat->edition, cat->title[lang]);
        itss__text_class_list(&b, list, n, lang);
        free(list);
    } else {
        itss__json_catalog(&b, cat, r, format == ITSS_FORMAT_JSON_PRETTY);
    }
    return itss__buf_finish(&b, out, len, err);
}

int itss_catalog_tree(const itss_catalog *cat, const char *root, itss_format format,
                      itss_lang lang, char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    int rc = itss__check_render("itss_catalog_tree", format, lang, out, err);
    if (rc)
        return rc;
    if (!cat)
        return itss__err(err, ITSS_EINVAL, "itss_catalog_tree: cat is NULL");
    const itss_class *r;
    if ((rc = find_root(cat, root, &r, err)))
        return rc;
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_tree(&b, cat, r, lang);
    else
        itss__json_tree(&b, cat, r, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

int itss_code_validate_render(const itss_catalog *cat, const char *const *codes, size_t n,
                              itss_format format, itss_lang lang, char **out, size_t *len,
                              size_t *invalid, itss_error *err)
{
    itss__err_clear(err);
    int rc = itss__check_render("itss_code_validate_render", format, lang, out, err);
    if (rc)
        return rc;
    if (!cat || (n && !codes))
        return itss__err(err, ITSS_EINVAL, "itss_code_validate_render: %s is NULL",
                         !cat ? "cat" : "codes");
    for (size_t i = 0; i < n; i++)
        if (!codes[i])
            return itss__err(err, ITSS_EINVAL, "itss_code_validate_render: codes[%zu] is NULL",
                             i);
    itss_code_verdict *v = calloc(n ? n : 1, sizeof *v);
    if (!v)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        itss_error e;
        v[i].input = codes[i];
        if (itss__code_check(cat, codes[i], &v[i].problem, &v[i].cls, &e)) {
            memcpy(v[i].message, e.message, sizeof v[i].message);
            bad++;
        }
    }
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_verdicts(&b, v, n, lang);
    else
        itss__json_verdicts(&b, v, n, format == ITSS_FORMAT_JSON_PRETTY);
    free(v);
    if (invalid)
        *invalid = bad;
    return itss__buf_finish(&b, out, len, err);
}

int itss_crosswalk_render(const itss_crosswalk *x, const char *code, int reverse,
                          itss_format format, itss_lang lang, char **out, size_t *len,
                          itss_error *err)
{
    itss__err_clear(err);
    int rc = itss__check_render("itss_crosswalk_render", format, lang, out, err);
    if (rc)
        return rc;
    if (!x || !code)
        return itss__err(err, ITSS_EINVAL, "itss_crosswalk_render: %s is NULL",
                         !x ? "x" : "code");
    size_t n = 0;
    rc = reverse ? itss_crosswalk_map_reverse(x, code, NULL, 0, &n, err)
                 : itss_crosswalk_map(x, code, NULL, 0, &n, err);
    if (rc)
        return rc;
    const itss_xlink **links = calloc(n ? n : 1, sizeof *links);
    if (!links)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    if (reverse)
        itss_crosswalk_map_reverse(x, code, links, n, &n, err);
    else
        itss_crosswalk_map(x, code, links, n, &n, err);
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_xlinks(&b, x, code, reverse, links, n, lang);
    else
        itss__json_xlinks(&b, x, code, reverse, links, n, format == ITSS_FORMAT_JSON_PRETTY);
    free(links);
    return itss__buf_finish(&b, out, len, err);
}
