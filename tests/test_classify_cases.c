/*
 * Data-driven classification cases: every directory under
 * tests/cases/classify/ holds input.json (an operation and its arguments)
 * and expected.json (what the public API must give, worked by hand from
 * GB/T 29264-2012 table 3-1). The Python and Go bindings run the same cases.
 *
 * Comparison: expected is a subset of actual (every key of an expected
 * object must be present and equal; arrays must match element by element).
 * An expected error may hold "message_contains": a substring of the message.
 */
#include "cases_common.h"

static json_t *codes_json(const itss_class **list, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string(itss_class_code(list[i])));
    return json_pack("{s:o}", "codes", a);
}

/* The text reports of a case line up, in both languages. */
static void check_list_text(const char *dir, const itss_class **list, size_t n)
{
    for (size_t l = 0; l < 2; l++) {
        char *text = NULL;
        itss_error e;
        int rc = itss_class_list_render(list, n, ITSS_FORMAT_TEXT, text_langs[l], &text, NULL, &e);
        check_text(dir, "class list", text_langs[l], rc, text, &e);
    }
}

/* The tree (root NULL: whole) and the text export of a catalog. */
static void check_catalog_text(const char *dir, const itss_catalog *cat, const char *root)
{
    for (size_t l = 0; l < 2; l++) {
        char *text = NULL;
        itss_error e;
        int rc = itss_catalog_tree_render(cat, root, ITSS_FORMAT_TEXT, text_langs[l], &text, NULL, &e);
        check_text(dir, "tree", text_langs[l], rc, text, &e);
        rc = itss_catalog_render(cat, root, ITSS_FORMAT_TEXT, text_langs[l], &text, NULL, &e);
        check_text(dir, "export", text_langs[l], rc, text, &e);
    }
}

/* Run one operation; returns the actual result as JSON. */
static json_t *run_op(const char *dir, json_t *in)
{
    const itss_catalog *cat;
    itss_error e;
    cat = itss_catalog_builtin();
    const char *op = json_string_value(json_object_get(in, "op"));
    const char *code = json_string_value(json_object_get(in, "code"));
    ck_assert_ptr_nonnull(op);
    int rc;

    if (strcmp(op, "names") == 0) {
        json_t *names = json_object();
        for (size_t i = 0; i < itss_catalog_class_count(cat); i++) {
            const itss_class *c = itss_catalog_class_at(cat, i);
            json_object_set_new(names, itss_class_code(c),
                                json_string(itss_class_name(c, ITSS_LANG_ZH)));
        }
        check_catalog_text(dir, cat, NULL);
        return json_pack("{s:o}", "names", names);
    }
    if (strcmp(op, "export") == 0) {
        char *text;
        rc = itss_catalog_export(cat, NULL, ITSS_FORMAT_JSON, &text, NULL, &e);
        ck_assert_int_eq(rc, 0);
        json_t *doc = parse_owned(text);
        json_t *classes = json_object_get(doc, "classes");
        int by[4] = {0};
        for (size_t i = 0; i < json_array_size(classes); i++) {
            json_int_t lv = json_integer_value(json_object_get(json_array_get(classes, i), "level"));
            ck_assert(lv >= 1 && lv <= 3);
            by[lv]++;
        }
        json_t *r = json_pack("{s:i, s:{s:i, s:i, s:i}, s:O}", "count",
                              (int)json_array_size(classes), "by_level", "1", by[1], "2", by[2],
                              "3", by[3], "edition", json_object_get(doc, "edition"));
        json_decref(doc);
        check_catalog_text(dir, cat, NULL);
        return r;
    }
    if (strcmp(op, "show") == 0) {
        const itss_class *c;
        rc = itss_class_lookup(cat, code, &c, &e);
        if (rc) {
            ck_assert_ptr_null(c);
            return error_json(rc, &e);
        }
        char *text;
        ck_assert_int_eq(itss_class_render(c, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &text, NULL, &e), 0);
        json_t *r = json_pack("{s:o}", "class", parse_owned(text));
        for (size_t l = 0; l < 2; l++) {
            rc = itss_class_render(c, ITSS_FORMAT_TEXT, text_langs[l], &text, NULL, &e);
            check_text(dir, "class", text_langs[l], rc, text, &e);
        }
        return r;
    }
    if (strcmp(op, "validate") == 0) {
        itss_code_problem p = (itss_code_problem)-1;
        rc = itss_code_validate(cat, code, &p, &e);
        json_t *r = json_pack("{s:b, s:s}", "valid", rc == 0, "problem", itss_code_problem_name(p));
        if (rc)
            json_object_set_new(r, "error", json_string(itss_strerror_name(rc)));
        for (size_t l = 0; code && l < 2; l++) {
            char *text = NULL;
            rc = itss_code_validate_render(cat, &code, 1, ITSS_FORMAT_TEXT, text_langs[l], NULL,
                                           &text, NULL, &e);
            check_text(dir, "validation", text_langs[l], rc, text, &e);
        }
        return r;
    }
    if (strcmp(op, "top") == 0) {
        const itss_class *list[128];
        size_t n = itss_catalog_top_count(cat);
        ck_assert_uint_le(n, 128);
        for (size_t i = 0; i < n; i++)
            list[i] = itss_catalog_top_at(cat, i);
        check_list_text(dir, list, n);
        return codes_json(list, n);
    }
    if (strcmp(op, "children") == 0 || strcmp(op, "ancestors") == 0 ||
        strcmp(op, "descendants") == 0) {
        const itss_class *c;
        rc = itss_class_lookup(cat, code, &c, &e);
        if (rc)
            return error_json(rc, &e);
        const itss_class *list[1024];
        size_t n;
        if (op[0] == 'c') {
            n = itss_class_child_count(c);
            for (size_t i = 0; i < n; i++)
                list[i] = itss_class_child_at(c, i);
        } else if (op[0] == 'a') {
            n = itss_class_ancestors(c, list, 1024);
        } else {
            n = itss_class_descendants(c, list, 1024);
        }
        ck_assert_uint_le(n, 1024);
        check_list_text(dir, list, n);
        check_catalog_text(dir, cat, code);
        return codes_json(list, n);
    }
    if (strcmp(op, "search") == 0) {
        const char *text = json_string_value(json_object_get(in, "text"));
        size_t n = 0;
        rc = itss_class_search(cat, text, NULL, 0, &n, &e);
        if (rc)
            return error_json(rc, &e);
        const itss_class **list = calloc(n + 1, sizeof *list);
        size_t n2 = 0;
        ck_assert_int_eq(itss_class_search(cat, text, list, n, &n2, &e), 0);
        ck_assert_uint_eq(n, n2);
        json_t *r = codes_json(list, n);
        check_list_text(dir, list, n);
        free(list);
        return r;
    }
    if (strcmp(op, "map") == 0) {
        const itss_crosswalk *x;
        const char *id = json_string_value(json_object_get(in, "crosswalk"));
        int reverse = json_is_true(json_object_get(in, "reverse"));
        rc = itss_crosswalk_lookup(cat, id, &x, &e);
        if (rc)
            return error_json(rc, &e);
        const itss_xlink *links[256];
        size_t n = 0;
        rc = reverse ? itss_crosswalk_map(x, ITSS_REVERSE, code, links, 256, &n, &e)
                     : itss_crosswalk_map(x, ITSS_FORWARD, code, links, 256, &n, &e);
        if (rc)
            return error_json(rc, &e);
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(
                a, json_pack("{s:s, s:s, s:s}", "class",
                             itss_class_code(itss_xlink_class(links[i])), "target",
                             itss_xtarget_code(itss_xlink_target(links[i])), "relation",
                             itss_relation_name((itss_relation)itss_xlink_relation(links[i]))));
        for (size_t l = 0; l < 2; l++) {
            char *text = NULL;
            rc = itss_crosswalk_render(x, reverse ? ITSS_REVERSE : ITSS_FORWARD, code, ITSS_FORMAT_TEXT, text_langs[l], &text,
                                       NULL, &e);
            check_text(dir, "crosswalk", text_langs[l], rc, text, &e);
        }
        return json_pack("{s:o}", "mappings", a);
    }
    if (strcmp(op, "load") == 0) {
        size_t len;
        char *buf = read_case_file(dir, json_string_value(json_object_get(in, "file")), &len);
        itss_catalog *own = (itss_catalog *)1;
        rc = itss_catalog_load(buf, len, &own, &e);
        free(buf);
        if (rc) {
            ck_assert_ptr_null(own); /* nothing half-built is handed out */
            return error_json(rc, &e);
        }
        json_t *r = json_pack("{s:i}", "classes", (int)itss_catalog_class_count(own));
        check_catalog_text(dir, own, NULL);
        itss_catalog_free(own);
        return r;
    }
    ck_abort_msg("unknown op %s", op);
    return NULL;
}

int main(int argc, char **argv) { return cases_main(argc, argv, "classify-cases"); }
