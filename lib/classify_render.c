/* libitss — the public render and export functions of the classification:
 * check arguments, gather what to show, hand it to the JSON or text writer. */
#include <stdlib.h>
#include <string.h>

#include "classify_internal.h"

int itss_class_render(const itss_class *c, itss_format format, itss_lang lang, char **out,
                      size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK_ARG(err, c);
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
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK(err, list || n == 0, "list is NULL but n is %zu", n);
    for (size_t i = 0; i < n; i++)
        ITSS_CHECK(err, list[i] != NULL, "list[%zu] is NULL", i);
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
                        char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_EXPORT(err, format, out);
    ITSS_CHECK_ARG(err, cat);
    const itss_class *r;
    int rc = find_root(cat, root, &r, err);
    if (rc)
        return rc;
    itss_buf b;
    itss__buf_init(&b);
    itss__json_catalog(&b, cat, r, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

int itss_catalog_render(const itss_catalog *cat, const char *root, itss_format format,
                        itss_lang lang, char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK_ARG(err, cat);
    if (format != ITSS_FORMAT_TEXT) /* the JSON view is the document */
        return itss_catalog_export(cat, root, format, out, len, err);
    const itss_class *r;
    int rc = find_root(cat, root, &r, err);
    if (rc)
        return rc;
    size_t first = r ? r->index : 0, n = r ? r->ndesc + 1 : cat->n;
    const itss_class **list = malloc(n * sizeof *list);
    if (!list)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        list[i] = &cat->classes[first + i];
    itss_buf b;
    itss__buf_init(&b);
    itss__buf_put_heading(&b, cat->edition, cat->title[lang]);
    itss__text_class_list(&b, list, n, lang);
    free(list);
    return itss__buf_finish(&b, out, len, err);
}

int itss_catalog_tree_render(const itss_catalog *cat, const char *root, itss_format format,
                             itss_lang lang, char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK_ARG(err, cat);
    const itss_class *r;
    int rc = find_root(cat, root, &r, err);
    if (rc)
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
                              itss_format format, itss_lang lang, size_t *invalid, char **out,
                              size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK_ARG(err, cat);
    ITSS_CHECK(err, codes || n == 0, "codes is NULL but n is %zu", n);
    for (size_t i = 0; i < n; i++)
        ITSS_CHECK(err, codes[i] != NULL, "codes[%zu] is NULL", i);
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

int itss_crosswalk_render(const itss_crosswalk *x, itss_direction direction, const char *code,
                          itss_format format, itss_lang lang, char **out, size_t *len,
                          itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK_ARG(err, x);
    ITSS_CHECK(err, direction == ITSS_FORWARD || direction == ITSS_REVERSE,
               "direction %d is not an itss_direction", (int)direction);
    ITSS_CHECK_ARG(err, code);
    size_t n = 0;
    int rc = itss_crosswalk_map(x, direction, code, NULL, 0, &n, err);
    if (rc)
        return rc;
    const itss_xlink **links = calloc(n ? n : 1, sizeof *links);
    if (!links)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    itss_crosswalk_map(x, direction, code, links, n, &n, err);
    const int reverse = direction == ITSS_REVERSE;
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_xlinks(&b, x, code, reverse, links, n, lang);
    else
        itss__json_xlinks(&b, x, code, reverse, links, n, format == ITSS_FORMAT_JSON_PRETTY);
    free(links);
    return itss__buf_finish(&b, out, len, err);
}
