/* Indicator catalog documents, alone and on top of the built-in catalog;
 * an accepted catalog renders to a document that loads again. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    itss_error e;
    const itss_indicator_catalog *builtin = itss_indicator_catalog_builtin();
    for (int on_top = 0; on_top < 2; on_top++) {
        itss_indicator_catalog *c = (itss_indicator_catalog *)1;
        int rc = on_top ? itss_indicator_catalog_extend(builtin, (const char *)data, size, &c, &e)
                        : itss_indicator_catalog_load((const char *)data, size, &c, &e);
        fuzz_check_error(rc, &e, size);
        if (rc) {
            FUZZ_CHECK(c == NULL);
            continue;
        }
        char *a = NULL, *t = NULL;
        size_t alen = 0, tlen = 0;
        FUZZ_CHECK(itss_indicator_catalog_export(c, NULL, ITSS_FORMAT_JSON, &a,
                                                 &alen, &e) == 0);
        itss_indicator_catalog *again = NULL;
        FUZZ_CHECK(itss_indicator_catalog_load(a, alen, &again, &e) == 0);
        FUZZ_CHECK(itss_indicator_catalog_indicator_count(again) == itss_indicator_catalog_indicator_count(c));
        itss_indicator_catalog_free(again);
        rc = itss_indicator_catalog_render(c, NULL, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &t, &tlen, &e);
        fuzz_check_output(rc, &e, t, tlen, 0);
        itss_free(t);
        t = NULL;
        rc = itss_quality_scheme_render(c, "04", ITSS_FORMAT_JSON, ITSS_LANG_ZH, &t, &tlen, &e);
        fuzz_check_output(rc, &e, t, tlen, 0);
        itss_free(t);
        itss_free(a);
        itss_indicator_catalog_free(c);
    }
    return 0;
}
