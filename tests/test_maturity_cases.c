/*
 * Data-driven maturity cases: every directory under tests/cases/maturity/
 * holds input.json and expected.json (tests/cases/README.md). Expected
 * results are worked by hand from the rules of docs/maturity.md; the "why"
 * of each case says how. The Python and Go bindings run the same cases.
 */
#include "cases_common.h"

/* The model of a case: "model": "file.json" in the case directory,
 * "builtin": "itss1-2015" a built-in model by id, or the default built-in
 * one. *own receives a loaded model to free. */
static const itss_maturity_model *case_model(const char *dir, json_t *in,
                                             itss_maturity_model **own, json_t **error)
{
    const itss_maturity_model *m = NULL;
    itss_error e;
    *own = NULL;
    *error = NULL;
    const char *file = json_string_value(json_object_get(in, "model"));
    const char *id = json_string_value(json_object_get(in, "builtin"));
    if (id) { /* another built-in model, by id */
        ck_assert_msg(itss_maturity_model_builtin_lookup(id, &m, &e) == 0, "%s", e.message);
        return m;
    }
    if (!file) {
        m = itss_maturity_model_builtin();
        return m;
    }
    size_t len;
    char *text = read_case_file(dir, file, &len);
    int rc = itss_maturity_model_load(text, len, own, &e);
    free(text);
    if (rc)
        *error = error_json(rc, &e);
    return *own;
}

/* The assessment document of a "rate" case: every clause (of the levels in
 * "fill_levels", default all) rated "fill", then "ratings" on top (null
 * removes a rating); "scale" and "meta" copied. */
static char *compose(const itss_maturity_model *m, json_t *in)
{
    json_t *doc = json_object(), *ratings = json_object();
    json_t *fill = json_object_get(in, "fill"), *levels = json_object_get(in, "fill_levels");
    for (size_t i = 0; fill && i < itss_maturity_model_clause_count(m); i++) {
        const itss_maturity_clause *c = itss_maturity_model_clause_at(m, i);
        int take = !levels;
        for (size_t k = 0; levels && k < json_array_size(levels); k++)
            take |= json_integer_value(json_array_get(levels, k)) ==
                    itss_maturity_clause_level(c);
        if (take)
            json_object_set(ratings, itss_maturity_clause_id(c), fill);
    }
    const char *k;
    json_t *v;
    json_object_foreach(json_object_get(in, "ratings"), k, v)
    {
        if (json_is_null(v))
            json_object_del(ratings, k); /* null: leave the clause unrated */
        else
            json_object_set(ratings, k, v);
    }
    json_object_foreach(json_object_get(in, "meta"), k, v) json_object_set(doc, k, v);
    if (json_object_get(in, "scale"))
        json_object_set(doc, "scale", json_object_get(in, "scale"));
    json_object_set_new(doc, "ratings", ratings);
    char *s = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    return s;
}

static json_t *rate_text(const char *dir, const itss_maturity_model *m, const char *text,
                         size_t len, int target)
{
    itss_error e;
    char *out = NULL;
    int rc = itss_maturity_rate_json(m, text, len, target, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out,
                                     NULL, &e);
    if (rc) {
        ck_assert_ptr_null(out);
        return error_json(rc, &e);
    }
    /* the text report of the same result lines up */
    for (size_t l = 0; l < 2; l++) {
        char *report = NULL;
        rc = itss_maturity_rate_json(m, text, len, target, ITSS_FORMAT_TEXT, text_langs[l],
                                     &report, NULL, &e);
        check_text(dir, "result", text_langs[l], rc, report, &e);
    }
    return parse_owned(out);
}

/* The overview and the clause list of a model line up. */
static void check_model_text(const char *dir, const itss_maturity_model *m)
{
    for (size_t l = 0; l < 2; l++) {
        char *text = NULL;
        itss_error e;
        int rc = itss_maturity_model_render(m, ITSS_FORMAT_TEXT, text_langs[l], &text, NULL, &e);
        check_text(dir, "model", text_langs[l], rc, text, &e);
        rc = itss_maturity_clauses_render(m, 0, NULL, 0, ITSS_FORMAT_TEXT, text_langs[l], &text,
                                          NULL, &e);
        check_text(dir, "clauses", text_langs[l], rc, text, &e);
    }
}

static json_t *run_op(const char *dir, json_t *in)
{
    const char *op = json_string_value(json_object_get(in, "op"));
    int target = (int)json_integer_value(json_object_get(in, "target"));
    ck_assert_ptr_nonnull(op);
    itss_maturity_model *own;
    json_t *error, *result;
    const itss_maturity_model *m = case_model(dir, in, &own, &error);
    if (error)
        return error;

    if (strcmp(op, "rate") == 0) {
        char *text = compose(m, in);
        result = rate_text(dir, m, text, strlen(text), target);
        free(text);
    } else if (strcmp(op, "rate_file") == 0) {
        size_t len;
        char *text = read_case_file(dir, json_string_value(json_object_get(in, "file")), &len);
        result = rate_text(dir, m, text, len, target);
        free(text);
    } else if (strcmp(op, "load_model") == 0) {
        /* the model loaded (case_model reported any error): its counts */
        json_t *per = json_array();
        for (int l = 1; l <= (int)itss_maturity_model_level_count(m); l++) {
            int n = 0;
            for (size_t i = 0; i < itss_maturity_model_clause_count(m); i++)
                n += itss_maturity_clause_level(itss_maturity_model_clause_at(m, i)) == l;
            json_array_append_new(per, json_integer(n));
        }
        json_t *warnings = json_array();
        for (size_t i = 0; i < itss_maturity_model_warning_count(m); i++)
            json_array_append_new(warnings,
                                  json_pack("{s:s, s:s}", "message",
                                            itss_maturity_model_warning_message(m, i), "path",
                                            itss_maturity_model_warning_path(m, i)));
        result = json_pack("{s:i, s:i, s:i, s:i, s:o, s:o}", "levels",
                           (int)itss_maturity_model_level_count(m), "domains",
                           (int)itss_maturity_model_domain_count(m), "items",
                           (int)itss_maturity_model_item_count(m), "clauses",
                           (int)itss_maturity_model_clause_count(m), "clauses_per_level", per,
                           "warnings", warnings);
        check_model_text(dir, m);
    } else {
        ck_abort_msg("unknown op %s", op);
        result = NULL;
    }
    itss_maturity_model_free(own);
    return result;
}

int main(int argc, char **argv) { return cases_main(argc, argv, "maturity-cases"); }
