/* libitss — the public worksheet functions: argument checks and dispatch
 * between the JSON loaders and the worksheet readers and writers. */
#include <stdlib.h>
#include <string.h>

#include "sheet.h"
#include "../json/json_internal.h"

static int is_utf8_name(const char *encoding)
{
    if (!encoding)
        return 1;
    char *lower = itss__ascii_lower(encoding);
    int yes = lower && (strcmp(lower, "utf-8") == 0 || strcmp(lower, "utf8") == 0);
    free(lower);
    return yes;
}

/* The checks every reader shares: format one of the three, an encoding
 * only for CSV. */
static int check_input(const char *fn, const char *data, itss_format format,
                       const char *encoding, itss_error *err)
{
    if (!data)
        return itss__einval(err, fn, "data is NULL");
    if (format != ITSS_FORMAT_JSON && format != ITSS_FORMAT_CSV && format != ITSS_FORMAT_XLSX)
        return itss__einval(err, fn, "format %d: reads ITSS_FORMAT_JSON, ITSS_FORMAT_CSV or "
                            "ITSS_FORMAT_XLSX", (int)format);
    if (format != ITSS_FORMAT_CSV && !is_utf8_name(encoding))
        return itss__einval(err, fn, "an encoding is only for CSV (JSON and XLSX are UTF-8)");
    return ITSS_OK;
}

int itss__book_read(const char *data, size_t len, itss_format format, const char *encoding,
                    itss__book **out, itss_error *err)
{
    *out = NULL;
    /* the one limit of every input document, as the JSON reader words it */
    if (len > ITSS_MAX_DOCUMENT_BYTES)
        return itss__err(err, ITSS_ELIMIT, "document is %zu bytes; the limit is %zu bytes (64 MiB)",
                         len, (size_t)ITSS_MAX_DOCUMENT_BYTES);
#ifdef ITSS_HAVE_SHEETS
    if (format == ITSS_FORMAT_XLSX)
        return itss__book_read_xlsx(data, len, out, err);
    return itss__book_read_csv(data, len, is_utf8_name(encoding) ? NULL : encoding, out, err);
#else
    (void)data, (void)len, (void)format, (void)encoding;
    return itss__err(err, ITSS_EINVAL,
                     "this libitss was built without worksheet support (CSV and XLSX)");
#endif
}

/* ---- reading, the same for both kinds of document ------------------------- */

/* What differs between an assessment (of a model) and an evaluation (of an
 * indicator catalog): the JSON loader, the mapping of a book, the JSON
 * check and the release. ctx is the model or the catalog. */
typedef struct doc_kind {
    int (*load)(const void *ctx, const char *json, size_t len, void **out, itss_error *err);
    int (*from_book)(const void *ctx, const itss__book *b, itss_problem_list *problems,
                     void **out, itss_error *err);
    int (*check_json)(const void *ctx, const char *json, size_t len,
                      itss_problem_list *problems, itss_error *err);
    void (*release)(void *obj);
} doc_kind;

static int read_doc(const doc_kind *k, const void *ctx, const char *data, size_t len,
                    itss_format format, const char *encoding, void **out, itss_error *err)
{
    if (format == ITSS_FORMAT_JSON)
        return k->load(ctx, data, len, out, err);
    itss__book *b;
    int rc = itss__book_read(data, len, format, encoding, &b, err);
    if (rc)
        return rc;
    rc = k->from_book(ctx, b, NULL, out, err);
    itss__book_free(b);
    return rc;
}

static int read_doc_file(const char *fn, const doc_kind *k, const void *ctx, const char *path,
                         const char *encoding, void **out, itss_error *err)
{
    char *text;
    size_t len;
    int rc = itss__read_file(path, &text, &len, err);
    if (rc)
        return rc;
    itss_format format = itss_format_detect(text, len);
    rc = check_input(fn, text, format, encoding, err);
    if (!rc)
        rc = read_doc(k, ctx, text, len, format, encoding, out, err);
    free(text);
    return rc;
}

static int check_doc(const doc_kind *k, const void *ctx, const char *data, size_t len,
                     itss_format format, const char *encoding, itss_problem_list **out,
                     itss_error *err)
{
    itss_problem_list *p;
    int rc = itss__problems_new(format != ITSS_FORMAT_JSON, &p, err);
    if (rc)
        return rc;
    if (format == ITSS_FORMAT_JSON) {
        rc = k->check_json(ctx, data, len, p, err);
    } else {
        itss__book *b;
        itss_error e;
        rc = itss__book_read(data, len, format, encoding, &b, &e);
        if (rc == ITSS_ENOMEM || rc == ITSS_EINVAL) {
            /* out of memory, an encoding iconv does not know, no worksheet
             * support: failures of the call, not problems of the document */
            if (err)
                *err = e;
        } else if (rc) {
            rc = itss__problems_add(p, &e) ? itss__err(err, ITSS_ENOMEM, "out of memory") : 0;
        } else {
            void *obj = NULL;
            rc = k->from_book(ctx, b, p, &obj, err);
            k->release(obj);
            itss__book_free(b);
        }
    }
    if (rc) {
        itss_problem_list_free(p);
        return rc;
    }
    *out = p;
    return ITSS_OK;
}

/* ---- assessments ------------------------------------------------------------ */

static int assessment_load(const void *m, const char *json, size_t len, void **out,
                           itss_error *err)
{
    return itss_assessment_load(m, json, len, (itss_assessment **)out, err);
}

static int assessment_from_book(const void *m, const itss__book *b, itss_problem_list *p,
                                void **out, itss_error *err)
{
    return itss__assessment_from_book(m, b, p, (itss_assessment **)out, err);
}

static int assessment_check_json(const void *m, const char *json, size_t len,
                                 itss_problem_list *p, itss_error *err)
{
    return itss__assessment_check_json(m, json, len, p, err);
}

static void assessment_release(void *a)
{
    itss_assessment_free(a);
}

static const doc_kind assessments = {assessment_load, assessment_from_book,
                                     assessment_check_json, assessment_release};

int itss_assessment_read(const itss_maturity_model *m, const char *data, size_t len,
                         itss_format format, const char *encoding, itss_assessment **out,
                         itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, m);
    int rc = check_input(__func__, data, format, encoding, err);
    return rc ? rc : read_doc(&assessments, m, data, len, format, encoding, (void **)out, err);
}

int itss_assessment_read_file(const itss_maturity_model *m, const char *path,
                              const char *encoding, itss_assessment **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, m);
    ITSS_CHECK_ARG(err, path);
    return read_doc_file(__func__, &assessments, m, path, encoding, (void **)out, err);
}

int itss_assessment_check(const itss_maturity_model *m, const char *data, size_t len,
                          itss_format format, const char *encoding, itss_problem_list **out,
                          itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, m);
    int rc = check_input(__func__, data, format, encoding, err);
    return rc ? rc : check_doc(&assessments, m, data, len, format, encoding, out, err);
}

int itss_assessment_render(const itss_assessment *a, int level, const char *domain_id,
                           itss_format format, itss_lang lang, char **out, size_t *len,
                           itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, a);
    ITSS_CHECK(err, format == ITSS_FORMAT_CSV || format == ITSS_FORMAT_XLSX,
               "format %d: this function writes ITSS_FORMAT_CSV or ITSS_FORMAT_XLSX",
               (int)format);
    ITSS_CHECK(err, itss__lang_ok(lang), "lang %d is not an itss_lang", (int)lang);
    const itss_maturity_model *m = itss_assessment_model(a);
    int nlevels = (int)itss_maturity_model_level_count(m);
    ITSS_CHECK(err, level >= 0 && level <= nlevels, "level %d is outside 0..%d", level,
               nlevels);
    const itss_maturity_domain *d = NULL;
    if (domain_id) {
        int rc = itss_maturity_domain_lookup(m, domain_id, &d, err);
        if (rc)
            return rc;
    }
#ifdef ITSS_HAVE_SHEETS
    return itss__assessment_write_sheet(a, level, d, format, lang, out, len, err);
#else
    (void)len;
    return itss__einval(err, __func__, "this libitss was built without worksheet support");
#endif
}

/* ---- evaluations ----------------------------------------------------------- */

static int evaluation_load(const void *c, const char *json, size_t len, void **out,
                           itss_error *err)
{
    return itss_evaluation_load(c, json, len, (itss_evaluation **)out, err);
}

static int evaluation_from_book(const void *c, const itss__book *b, itss_problem_list *p,
                                void **out, itss_error *err)
{
    return itss__evaluation_from_book(c, b, p, (itss_evaluation **)out, err);
}

static int evaluation_check_json(const void *c, const char *json, size_t len,
                                 itss_problem_list *p, itss_error *err)
{
    return itss__evaluation_check_json(c, json, len, p, err);
}

static void evaluation_release(void *e)
{
    itss_evaluation_free(e);
}

static const doc_kind evaluations = {evaluation_load, evaluation_from_book,
                                     evaluation_check_json, evaluation_release};

int itss_evaluation_read(const itss_indicator_catalog *c, const char *data, size_t len,
                         itss_format format, const char *encoding, itss_evaluation **out,
                         itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, c);
    int rc = check_input(__func__, data, format, encoding, err);
    return rc ? rc : read_doc(&evaluations, c, data, len, format, encoding, (void **)out, err);
}

int itss_evaluation_read_file(const itss_indicator_catalog *c, const char *path,
                              const char *encoding, itss_evaluation **out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, c);
    ITSS_CHECK_ARG(err, path);
    return read_doc_file(__func__, &evaluations, c, path, encoding, (void **)out, err);
}

int itss_evaluation_check(const itss_indicator_catalog *c, const char *data, size_t len,
                          itss_format format, const char *encoding, itss_problem_list **out,
                          itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, c);
    int rc = check_input(__func__, data, format, encoding, err);
    return rc ? rc : check_doc(&evaluations, c, data, len, format, encoding, out, err);
}

int itss_evaluation_render(const itss_evaluation *e, itss_format format, itss_lang lang,
                           char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK(err, format == ITSS_FORMAT_CSV || format == ITSS_FORMAT_XLSX,
               "format %d: this function writes ITSS_FORMAT_CSV or ITSS_FORMAT_XLSX",
               (int)format);
    ITSS_CHECK(err, itss__lang_ok(lang), "lang %d is not an itss_lang", (int)lang);
#ifdef ITSS_HAVE_SHEETS
    return itss__evaluation_write_sheet(e, format, lang, out, len, err);
#else
    (void)len;
    return itss__einval(err, __func__, "this libitss was built without worksheet support");
#endif
}
