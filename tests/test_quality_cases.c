/*
 * Data-driven quality cases: every directory under tests/cases/quality/
 * holds input.json and expected.json (tests/cases/README.md). Expected
 * results are worked by hand from the rules of docs/quality.md and the
 * examples of GB/T 33850 in the ITSS handbook; the "why" of each case says
 * how. The Python and Go bindings run the same cases.
 */
#include "cases_common.h"

/* The text of a document given inline ("evaluation", "document") or as a
 * file of the case ("file"). */
static char *doc_text(const char *dir, json_t *in, const char *inline_key, size_t *len)
{
    json_t *doc = json_object_get(in, inline_key);
    if (doc) {
        char *s = json_dumps(doc, JSON_COMPACT);
        *len = strlen(s);
        return s;
    }
    return read_case_file(dir, json_string_value(json_object_get(in, "file")), len);
}

/* The catalog of a case: "catalog": "file.json" (alone, or on top of the
 * built-in one with "catalog_base": "builtin"), or the built-in one. */
static const itss_indicator_catalog *case_catalog(const char *dir, json_t *in,
                                                  itss_indicator_catalog **own, json_t **error)
{
    const itss_indicator_catalog *c = NULL;
    itss_error e;
    *own = NULL;
    *error = NULL;
    c = itss_indicator_catalog_builtin();
    const char *file = json_string_value(json_object_get(in, "catalog"));
    if (!file)
        return c;
    const itss_indicator_catalog *base =
        json_object_get(in, "catalog_base") ? c : NULL;
    size_t len;
    char *text = read_case_file(dir, file, &len);
    int rc = base ? itss_indicator_catalog_extend(base, text, len, own, &e)
                  : itss_indicator_catalog_load(text, len, own, &e);
    free(text);
    if (rc) {
        ck_assert_ptr_null(*own);
        *error = error_json(rc, &e);
    }
    return *own;
}

static json_t *result_or_error(int rc, char *out, const itss_error *e)
{
    if (rc) {
        ck_assert_ptr_null(out);
        return error_json(rc, e);
    }
    return parse_owned(out);
}

/* The quality model and the indicator catalog of a case line up as text. */
static void check_catalog_text(const char *dir, const itss_indicator_catalog *c)
{
    const itss_quality_model *m = itss_quality_model_builtin();
    itss_error e;
    for (size_t l = 0; l < 2; l++) {
        char *text = NULL;
        int rc = itss_quality_model_render(m, ITSS_FORMAT_TEXT, text_langs[l], &text, NULL, &e);
        check_text(dir, "quality model", text_langs[l], rc, text, &e);
        rc = itss_indicator_catalog_render(c, NULL, ITSS_FORMAT_TEXT, text_langs[l], &text, NULL,
                                           &e);
        check_text(dir, "indicators", text_langs[l], rc, text, &e);
    }
}

static json_t *run_op(const char *dir, json_t *in)
{
    const char *op = json_string_value(json_object_get(in, "op"));
    ck_assert_ptr_nonnull(op);
    itss_indicator_catalog *own;
    json_t *error, *result = NULL;
    const itss_indicator_catalog *c = case_catalog(dir, in, &own, &error);
    if (error)
        return error;
    itss_error e;
    char *out = NULL;
    size_t len;

    if (strcmp(op, "score") == 0) {
        char *text = doc_text(dir, in, "evaluation", &len);
        int rc = itss_quality_score_json(c, text, len, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out,
                                         NULL, &e);
        for (size_t l = 0; !rc && l < 2; l++) {
            char *report = NULL;
            int rc2 = itss_quality_score_json(c, text, len, ITSS_FORMAT_TEXT, text_langs[l],
                                              &report, NULL, &e);
            check_text(dir, "result", text_langs[l], rc2, report, &e);
        }
        free(text);
        result = result_or_error(rc, out, &e);
    } else if (strcmp(op, "ahp") == 0) {
        char *text = doc_text(dir, in, "document", &len);
        itss_ahp_mode mode = json_is_true(json_object_get(in, "allow_inconsistent"))
                                 ? ITSS_AHP_ALLOW_INCONSISTENT
                                 : ITSS_AHP_STRICT;
        int rc = itss_ahp_json(text, len, mode, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out, NULL, &e);
        for (size_t l = 0; !rc && l < 2; l++) {
            char *report = NULL;
            int rc2 = itss_ahp_json(text, len, mode, ITSS_FORMAT_TEXT, text_langs[l], &report,
                                    NULL, &e);
            check_text(dir, "AHP", text_langs[l], rc2, report, &e);
        }
        free(text);
        result = result_or_error(rc, out, &e);
    } else if (strcmp(op, "load_catalog") == 0) {
        /* the catalog loaded (case_catalog reported any error): its ids */
        json_t *ids = json_array();
        for (size_t i = 0; i < itss_indicator_catalog_indicator_count(c); i++)
            json_array_append_new(ids, json_string(itss_indicator_id(
                                           itss_indicator_catalog_indicator_at(c, i))));
        result = json_pack("{s:i, s:o}", "count", (int)itss_indicator_catalog_indicator_count(c), "ids",
                           ids);
        check_catalog_text(dir, c);
    } else if (strcmp(op, "scheme") == 0) {
        const char *service = json_string_value(json_object_get(in, "service"));
        int rc = itss_quality_scheme_render(c, service, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out,
                                            NULL, &e);
        for (size_t l = 0; !rc && l < 2; l++) {
            char *report = NULL;
            int rc2 = itss_quality_scheme_render(c, service, ITSS_FORMAT_TEXT, text_langs[l],
                                                 &report, NULL, &e);
            check_text(dir, "scheme", text_langs[l], rc2, report, &e);
        }
        result = result_or_error(rc, out, &e);
    } else if (strcmp(op, "compare") == 0) {
        json_t *docs = json_object_get(in, "evaluations");
        size_t n = json_array_size(docs);
        itss_quality_result **rs = calloc(n, sizeof *rs);
        int rc = 0;
        for (size_t i = 0; !rc && i < n; i++) {
            char *text = json_dumps(json_array_get(docs, i), JSON_COMPACT);
            itss_evaluation *ev = NULL;
            rc = itss_evaluation_load(c, text, strlen(text), &ev, &e);
            if (!rc)
                rc = itss_quality_score(ev, &rs[i], &e);
            itss_evaluation_free(ev);
            free(text);
        }
        if (!rc)
            rc = itss_quality_compare_render((const itss_quality_result *const *)rs, n,
                                             ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out, NULL, &e);
        for (size_t l = 0; !rc && l < 2; l++) {
            char *report = NULL;
            int rc2 = itss_quality_compare_render((const itss_quality_result *const *)rs, n,
                                                  ITSS_FORMAT_TEXT, text_langs[l], &report, NULL,
                                                  &e);
            check_text(dir, "comparison", text_langs[l], rc2, report, &e);
        }
        for (size_t i = 0; i < n; i++)
            itss_quality_result_free(rs[i]);
        free(rs);
        result = result_or_error(rc, out, &e);
    } else {
        ck_abort_msg("unknown op %s", op);
    }
    itss_indicator_catalog_free(own);
    return result;
}

int main(int argc, char **argv) { return cases_main(argc, argv, "quality-cases"); }
