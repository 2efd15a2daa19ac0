/* libitss — the public render and export functions of the maturity area:
 * check arguments, select what to show, hand it to the JSON or text writer. */
#include <stdlib.h>
#include <string.h>

#include "maturity_internal.h"

int itss_maturity_model_export(const itss_maturity_model *m, itss_format format, char **out,
                               size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_EXPORT(err, format, out);
    ITSS_CHECK_ARG(err, m);
    itss_buf b;
    itss__buf_init(&b);
    itss__json_mmodel(&b, m, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

int itss_maturity_model_render(const itss_maturity_model *m, itss_format format,
                               itss_lang lang, char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK_ARG(err, m);
    if (format != ITSS_FORMAT_TEXT) /* the JSON view is the document */
        return itss_maturity_model_export(m, format, out, len, err);
    itss_buf b;
    itss__buf_init(&b);
    itss__text_mmodel(&b, m, lang);
    return itss__buf_finish(&b, out, len, err);
}

int itss_maturity_clauses_render(const itss_maturity_model *m, int level, const char *domain_id,
                                 int item, itss_format format, itss_lang lang, char **out,
                                 size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK_ARG(err, m);
    ITSS_CHECK(err, level >= 0 && level <= m->nlevels,
               "level %d is outside 1..%d (0 = all levels)", level, m->nlevels);
    const itss_maturity_domain *d = NULL;
    const itss_maturity_item *it = NULL;
    int rc;
    if (domain_id && (rc = itss_maturity_domain_lookup(m, domain_id, &d, err)))
        return rc;
    if (item && (rc = itss_maturity_item_lookup(m, item, &it, err)))
        return rc;
    const itss_maturity_clause **list = malloc((m->nclauses ? m->nclauses : 1) * sizeof *list);
    if (!list)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < m->nclauses; i++) {
        const itss_maturity_clause *c = &m->clauses[i];
        int named = !it;
        for (size_t k = 0; !named && k < c->nitems; k++)
            named = c->items[k] == it;
        if ((!level || c->level == level) && (!d || c->domain == d) && named)
            list[n++] = c;
    }
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_mclauses(&b, list, n, lang);
    else
        itss__json_mclauses(&b, list, n, format == ITSS_FORMAT_JSON_PRETTY);
    free(list);
    return itss__buf_finish(&b, out, len, err);
}

int itss_assessment_export(const itss_assessment *a, itss_format format, char **out,
                           size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_EXPORT(err, format, out);
    ITSS_CHECK_ARG(err, a);
    itss_buf b;
    itss__buf_init(&b);
    itss__json_assessment(&b, a, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

/* The formats a maturity result is written in. */
#define MRESULT_FORMATS                                                           \
    (ITSS_FORMATS_BASIC | ITSS_FORMAT_BIT(ITSS_FORMAT_HTML) | ITSS_FORMAT_BIT(ITSS_FORMAT_SVG) | \
     ITSS_FORMAT_BIT(ITSS_FORMAT_CSV))
#define MRESULT_FORMAT_NAMES "JSON, JSON_PRETTY, TEXT, HTML, SVG or CSV"

/* Writes JSON, JSON_PRETTY, TEXT, HTML (the report page), SVG (the chart
 * of the domains) and CSV (one row per clause). */
int itss_maturity_result_render(const itss_maturity_result *r, itss_format format,
                                itss_lang lang, char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER_IN(err, format, lang, out, MRESULT_FORMATS, MRESULT_FORMAT_NAMES);
    ITSS_CHECK_ARG(err, r);
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_mresult(&b, r, lang);
    else if (format == ITSS_FORMAT_HTML || format == ITSS_FORMAT_SVG)
        itss__html_mresult(&b, r, lang, format == ITSS_FORMAT_SVG);
    else if (format == ITSS_FORMAT_CSV)
        itss__csv_mresult(&b, r);
    else
        itss__json_mresult(&b, r, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

/* Writes JSON, JSON_PRETTY ({"domains": [...]}, the objects of the
 * result's "domains"), TEXT (the domain profile of the text report) and
 * CSV (one row per domain). */
int itss_maturity_result_domains_render(const itss_maturity_result *r, itss_format format,
                                        itss_lang lang, char **out, size_t *len,
                                        itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER_IN(err, format, lang, out,
                         ITSS_FORMATS_BASIC | ITSS_FORMAT_BIT(ITSS_FORMAT_CSV),
                         "JSON, JSON_PRETTY, TEXT or CSV");
    ITSS_CHECK_ARG(err, r);
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_mprofile(&b, r, lang);
    else if (format == ITSS_FORMAT_CSV)
        itss__csv_mdomains(&b, r, lang);
    else
        itss__json_mdomains(&b, r, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

/* Writes the formats of itss_maturity_result_render. */
int itss_maturity_rate_json(const itss_maturity_model *m, const char *json, size_t len,
                            int target, itss_format format, itss_lang lang, char **out,
                            size_t *outlen, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER_IN(err, format, lang, out, MRESULT_FORMATS, MRESULT_FORMAT_NAMES);
    ITSS_CHECK_ARG(err, m);
    ITSS_CHECK_ARG(err, json);
    ITSS_CHECK(err, target >= 0 && target <= m->nlevels,
               "target level %d is outside 1..%d (0 = the next level)", target, m->nlevels);
    itss_assessment *a = NULL;
    int rc;
    itss_maturity_result *r = NULL;
    if (!(rc = itss_assessment_load(m, json, len, &a, err)) &&
        !(rc = itss_maturity_rate(a, target, &r, err)))
        rc = itss_maturity_result_render(r, format, lang, out, outlen, err);
    itss_maturity_result_free(r);
    itss_assessment_free(a);
    return rc;
}
