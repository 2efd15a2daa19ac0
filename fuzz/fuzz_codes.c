/* Identifiers from outside: class codes, search text, crosswalk codes,
 * service codes, clause and domain ids, standard numbers and filters (the
 * input up to its first NUL). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = 0;
    itss_error e;
    const itss_catalog *cat = itss_catalog_builtin();

    const itss_class *c = (const itss_class *)1;
    int rc = itss_class_lookup(cat, s, &c, &e);
    fuzz_check_error(rc, &e, 0);
    FUZZ_CHECK(rc ? c == NULL : strcmp(itss_class_code(c), s) == 0);
    itss_code_problem p;
    int vrc = itss_code_validate(cat, s, &p, &e);
    FUZZ_CHECK((vrc == 0) == (rc == 0) && (p == ITSS_CODE_OK) == (rc == 0));

    size_t n = 0;
    rc = itss_class_search(cat, s, NULL, 0, &n, &e);
    fuzz_check_error(rc, &e, 0);
    const char *codes[1] = {s};
    char *out = NULL;
    size_t len = 0, invalid = 0;
    rc = itss_code_validate_render(cat, codes, 1, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &invalid, &out,
                                   &len, &e);
    fuzz_check_output(rc, &e, out, len, 0);
    itss_free(out);
    out = NULL;

    for (size_t i = 0; i < itss_catalog_crosswalk_count(cat); i++) {
        const itss_crosswalk *x = itss_catalog_crosswalk_at(cat, i);
        for (int reverse = 0; reverse < 2; reverse++) {
            rc = itss_crosswalk_render(x, reverse ? ITSS_REVERSE : ITSS_FORWARD, s, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out, &len, &e);
            fuzz_check_output(rc, &e, out, len, 0);
            itss_free(out);
            out = NULL;
        }
    }

    const itss_indicator_catalog *ic = itss_indicator_catalog_builtin();
    rc = itss_quality_scheme_render(ic, s, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &out, &len, &e);
    fuzz_check_output(rc, &e, out, len, 0);
    itss_free(out);
    out = NULL;

    const itss_maturity_model *m = itss_maturity_model_builtin();
    const itss_maturity_clause *cl;
    rc = itss_maturity_clause_lookup(m, s, &cl, &e);
    fuzz_check_error(rc, &e, 0);
    rc = itss_maturity_clauses_render(m, 0, s, 0, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out, &len, &e);
    fuzz_check_output(rc, &e, out, len, 0);
    itss_free(out);
    out = NULL;

    /* the standards registry: a number found is found again by its own
     * number; search and filters fail only with the documented codes */
    const itss_registry *r = itss_registry_builtin();
    const itss_standard *st = (const itss_standard *)1;
    rc = itss_standard_lookup(r, s, &st, &e);
    fuzz_check_error(rc, &e, 0);
    FUZZ_CHECK(rc ? st == NULL : st != NULL);
    if (!rc && itss_standard_number(st)) {
        const itss_standard *again = NULL;
        FUZZ_CHECK(itss_standard_lookup(r, itss_standard_number(st), &again, NULL) == 0 &&
                   again == st);
    }
    rc = itss_standard_search(r, s, NULL, 0, &n, &e);
    fuzz_check_error(rc, &e, 0);
    rc = itss_standard_list(r, s, NULL, s, NULL, 0, &n, &e);
    fuzz_check_error(rc, &e, 0);
    free(s);
    return 0;
}
