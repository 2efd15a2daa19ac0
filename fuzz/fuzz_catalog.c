/* GB/T 29264 catalog documents: itss_catalog_load and what an accepted
 * catalog offers (export round trip, tree, search, validation). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    itss_error e;
    itss_catalog *cat = (itss_catalog *)1;
    int rc = itss_catalog_load((const char *)data, size, &cat, &e);
    fuzz_check_error(rc, &e, size);
    if (rc) {
        FUZZ_CHECK(cat == NULL);
        return 0;
    }
    /* the export loads back and exports to the same bytes */
    char *a = NULL, *b = NULL, *t = NULL;
    size_t alen = 0, blen = 0, tlen = 0;
    rc = itss_catalog_export(cat, NULL, ITSS_FORMAT_JSON, &a, &alen, &e);
    fuzz_check_output(rc, &e, a, alen, 0);
    FUZZ_CHECK(rc == 0);
    itss_catalog *again = NULL;
    rc = itss_catalog_load(a, alen, &again, &e);
    FUZZ_CHECK(rc == 0);
    rc = itss_catalog_export(again, NULL, ITSS_FORMAT_JSON, &b, &blen, &e);
    FUZZ_CHECK(rc == 0 && alen == blen && memcmp(a, b, alen) == 0);
    itss_catalog_free(again);

    rc = itss_catalog_tree_render(cat, NULL, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &t, &tlen, &e);
    fuzz_check_output(rc, &e, t, tlen, 0);
    itss_free(t);
    t = NULL;
    /* every class looks itself up and validates */
    size_t n = itss_catalog_class_count(cat);
    for (size_t i = 0; i < n; i++) {
        const itss_class *c = itss_catalog_class_at(cat, i), *found = NULL;
        FUZZ_CHECK(itss_class_lookup(cat, itss_class_code(c), &found, &e) == 0 && found == c);
        itss_code_problem p;
        FUZZ_CHECK(itss_code_validate(cat, itss_class_code(c), &p, &e) == 0 && p == ITSS_CODE_OK);
    }
    size_t count = 0;
    rc = itss_class_search(cat, "a", NULL, 0, &count, &e);
    fuzz_check_error(rc, &e, 0);
    itss_free(a);
    itss_free(b);
    itss_catalog_free(cat);
    return 0;
}
