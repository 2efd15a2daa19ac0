/* libitss — the public render, export and compare functions of the quality
 * area: check arguments, hand the objects to the JSON or text writer. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quality_internal.h"

int itss_quality_model_render(const itss_quality_model *m, itss_format format, itss_lang lang,
                              char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK_ARG(err, m);
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_qmodel(&b, m, lang);
    else
        itss__json_qmodel(&b, m, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

int itss_indicator_catalog_export(const itss_indicator_catalog *c, const char *service,
                                  itss_format format, char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_EXPORT(err, format, out);
    ITSS_CHECK_ARG(err, c);
    int rc;
    if (service && (rc = itss__check_service(service, err)))
        return rc;
    itss_buf b;
    itss__buf_init(&b);
    itss__json_indicator_catalog(&b, c, service, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

int itss_indicator_catalog_render(const itss_indicator_catalog *c, const char *service,
                                  itss_format format, itss_lang lang, char **out, size_t *len,
                                  itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK_ARG(err, c);
    if (format != ITSS_FORMAT_TEXT) /* the JSON view is the document */
        return itss_indicator_catalog_export(c, service, format, out, len, err);
    int rc;
    if (service && (rc = itss__check_service(service, err)))
        return rc;
    itss_buf b;
    itss__buf_init(&b);
    itss__text_indicator_catalog(&b, c, service, lang);
    return itss__buf_finish(&b, out, len, err);
}

int itss_quality_scheme_render(const itss_indicator_catalog *c, const char *service,
                               itss_format format, itss_lang lang, char **out, size_t *len,
                               itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER(err, format, lang, out);
    ITSS_CHECK_ARG(err, c);
    ITSS_CHECK_ARG(err, service);
    int rc;
    if ((rc = itss__check_service(service, err)))
        return rc;
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT) {
        itss__buf_printf(&b, lang == ITSS_LANG_ZH ? "服务类别 %s 的默认评价方案\n"
                                                  : "Default scheme of service %s\n",
                         service);
        itss__text_indicator_catalog(&b, c, service, lang);
    } else {
        itss__json_qscheme(&b, c, service, format == ITSS_FORMAT_JSON_PRETTY);
    }
    return itss__buf_finish(&b, out, len, err);
}

int itss_evaluation_export(const itss_evaluation *e, itss_format format, char **out,
                           size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_EXPORT(err, format, out);
    ITSS_CHECK_ARG(err, e);
    itss_buf b;
    itss__buf_init(&b);
    itss__json_evaluation(&b, e, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

#define QRESULT_FORMATS                                                           \
    (ITSS_FORMATS_BASIC | ITSS_FORMAT_BIT(ITSS_FORMAT_HTML) | ITSS_FORMAT_BIT(ITSS_FORMAT_SVG) | \
     ITSS_FORMAT_BIT(ITSS_FORMAT_CSV))
#define QRESULT_FORMAT_NAMES "JSON, JSON_PRETTY, TEXT, HTML, SVG or CSV"

/* Writes JSON, JSON_PRETTY, TEXT, HTML (the report page), SVG (the radar
 * of the characteristics) and CSV (one row per node). */
int itss_quality_result_render(const itss_quality_result *r, itss_format format, itss_lang lang,
                               char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER_IN(err, format, lang, out, QRESULT_FORMATS, QRESULT_FORMAT_NAMES);
    ITSS_CHECK_ARG(err, r);
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_qresult(&b, r, lang);
    else if (format == ITSS_FORMAT_HTML || format == ITSS_FORMAT_SVG)
        itss__html_qresult(&b, r, lang, format == ITSS_FORMAT_SVG);
    else if (format == ITSS_FORMAT_CSV)
        itss__csv_qresult(&b, r, lang);
    else
        itss__json_qresult(&b, r, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

/* Writes the formats of itss_quality_result_render. */
int itss_quality_score_json(const itss_indicator_catalog *c, const char *json, size_t len,
                            itss_format format, itss_lang lang, char **out, size_t *outlen,
                            itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER_IN(err, format, lang, out, QRESULT_FORMATS, QRESULT_FORMAT_NAMES);
    ITSS_CHECK_ARG(err, c);
    ITSS_CHECK_ARG(err, json);
    int rc;
    itss_evaluation *e = NULL;
    itss_quality_result *r = NULL;
    if (!(rc = itss_evaluation_load(c, json, len, &e, err)) &&
        !(rc = itss_quality_score(e, &r, err)))
        rc = itss_quality_result_render(r, format, lang, out, outlen, err);
    itss_quality_result_free(r);
    itss_evaluation_free(e);
    return rc;
}

/* Why two results cannot be compared, or NULL when they can. */
static const char *scheme_difference(const itss_quality_result *a, const itss_quality_result *b,
                                     char *buf, size_t size)
{
    if (a->model != b->model)
        return "they use different quality models";
    if (strcmp(a->service, b->service) != 0) {
        snprintf(buf, size, "they evaluate different services (%s and %s)", a->service,
                 b->service);
        return buf;
    }
    if (a->nsel != b->nsel) {
        snprintf(buf, size, "their schemes select %zu and %zu indicators", a->nsel, b->nsel);
        return buf;
    }
    for (size_t i = 0; i < a->nsel; i++) {
        if (strcmp(a->sel[i]->id, b->sel[i]->id) != 0) {
            snprintf(buf, size, "their schemes differ at indicator %zu (%s and %s)", i + 1,
                     a->sel[i]->id, b->sel[i]->id);
            return buf;
        }
        if (a->wind[i] != b->wind[i]) {
            snprintf(buf, size, "indicator %s has different weights", a->sel[i]->id);
            return buf;
        }
    }
    for (size_t i = 0; i < a->model->nsubs; i++)
        if (a->subs[i].weight != b->subs[i].weight) {
            snprintf(buf, size, "%s has different weights", a->model->subs[i].id);
            return buf;
        }
    for (size_t i = 0; i < a->model->nchars; i++)
        if (a->chars[i].weight != b->chars[i].weight) {
            snprintf(buf, size, "%s has different weights", a->model->chars[i].id);
            return buf;
        }
    int same_bands = a->nbands == b->nbands;
    for (size_t i = 0; same_bands && i < a->nbands; i++)
        same_bands = strcmp(a->bands[i].grade, b->bands[i].grade) == 0 &&
                     a->bands[i].min == b->bands[i].min;
    return same_bands ? NULL : "their schemes have different grade bands";
}

/* "results I and J", or the two labels, quoted, when both are given. */
static void pair_name(char *dst, size_t size, const char *const *labels, size_t i, size_t j)
{
    if (labels && labels[i] && labels[j]) {
        char a[4 * 200 + 8], b[4 * 200 + 8];
        itss__quote(a, sizeof a, labels[i], strlen(labels[i]), 200);
        itss__quote(b, sizeof b, labels[j], strlen(labels[j]), 200);
        snprintf(dst, size, "\"%s\" and \"%s\"", a, b);
    } else {
        snprintf(dst, size, "results %zu and %zu", i + 1, j + 1);
    }
}

#define QCOMPARE_FORMATS (ITSS_FORMATS_BASIC | ITSS_FORMAT_BIT(ITSS_FORMAT_HTML))

/* The checks of the arguments of both compare functions (messages naming
 * the function called). */
#define CHECK_COMPARE(err, format, lang, out, results, n)                         \
    do {                                                                          \
        itss__err_clear(err);                                                     \
        ITSS_CHECK_RENDER_IN(err, format, lang, out, QCOMPARE_FORMATS,            \
                             "JSON, JSON_PRETTY, TEXT or HTML");                  \
        ITSS_CHECK_ARG(err, results);                                             \
        ITSS_CHECK(err, (n) >= 2, "n is %zu: give at least two results", (n));    \
        for (size_t i_ = 0; i_ < (n); i_++)                                       \
            ITSS_CHECK(err, (results)[i_] != NULL, "results[%zu] is NULL", i_);   \
    } while (0)

/* Writes JSON, JSON_PRETTY, TEXT and HTML (a trend chart and the table of
 * scores). */
static int compare_render(const itss_quality_result *const *results, const char *const *labels,
                          size_t n, itss_format format, itss_lang lang, char **out,
                          size_t *len, itss_error *err)
{
    for (size_t i = 1; i < n; i++) {
        char why[200], names[2 * (4 * 200 + 8) + 8];
        const char *diff = scheme_difference(results[0], results[i], why, sizeof why);
        if (diff) {
            pair_name(names, sizeof names, labels, 0, i);
            return itss__err(err, ITSS_EVALUE,
                             "%s cannot be compared: %s; compare results of the same scheme",
                             names, diff);
        }
    }
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_qcompare(&b, results, labels, n, lang);
    else if (format == ITSS_FORMAT_HTML)
        itss__html_qcompare(&b, results, labels, n, lang);
    else
        itss__json_qcompare(&b, results, labels, n, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}

int itss_quality_compare_render(const itss_quality_result *const *results, size_t n,
                                itss_format format, itss_lang lang, char **out, size_t *len,
                                itss_error *err)
{
    CHECK_COMPARE(err, format, lang, out, results, n);
    return compare_render(results, NULL, n, format, lang, out, len, err);
}

int itss_quality_compare_labeled_render(const itss_quality_result *const *results,
                                        const char *const *labels, size_t n,
                                        itss_format format, itss_lang lang, char **out,
                                        size_t *len, itss_error *err)
{
    CHECK_COMPARE(err, format, lang, out, results, n);
    return compare_render(results, labels, n, format, lang, out, len, err);
}
