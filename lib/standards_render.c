/* libitss — the public render functions of the standards registry: check
 * arguments, hand the registry's objects to the JSON or text writer. */
#include "standards_internal.h"

int itss_standard_render(const itss_standard *s, itss_format format, itss_lang lang, char **out,
                         size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK_ARG(err, s);
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_standard(&b, s, lang);
    else
        itss__json_standard(&b, s, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

int itss_standard_list_render(const itss_standard *const *list, size_t n, itss_format format,
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
        itss__text_standard_list(&b, list, n, lang);
    else
        itss__json_standard_list(&b, list, n, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

int itss_registry_framework_render(const itss_registry *r, itss_format format, itss_lang lang,
                                   char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK_ARG(err, r);
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_framework(&b, r, lang);
    else
        itss__json_framework(&b, r, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}
