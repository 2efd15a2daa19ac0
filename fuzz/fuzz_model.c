/* Maturity model documents: itss_maturity_model_load, the export round
 * trip, clause listing, and rating an empty assessment of the model. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    itss_error e;
    itss_maturity_model *m = (itss_maturity_model *)1;
    int rc = itss_maturity_model_load((const char *)data, size, &m, &e);
    fuzz_check_error(rc, &e, size);
    if (rc) {
        FUZZ_CHECK(m == NULL);
        return 0;
    }
    char *a = NULL, *b = NULL, *t = NULL;
    size_t alen = 0, blen = 0, tlen = 0;
    FUZZ_CHECK(itss_maturity_model_export(m, ITSS_FORMAT_JSON, &a, &alen, &e) == 0);
    itss_maturity_model *again = NULL;
    FUZZ_CHECK(itss_maturity_model_load(a, alen, &again, &e) == 0);
    FUZZ_CHECK(itss_maturity_model_export(again, ITSS_FORMAT_JSON, &b, &blen, &e) == 0);
    FUZZ_CHECK(alen == blen && memcmp(a, b, alen) == 0);
    itss_maturity_model_free(again);

    rc = itss_maturity_model_render(m, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &t, &tlen, &e);
    fuzz_check_output(rc, &e, t, tlen, 0);
    itss_free(t);
    t = NULL;
    rc = itss_maturity_clauses_render(m, 1, NULL, 0, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &t, &tlen, &e);
    fuzz_check_output(rc, &e, t, tlen, 0);
    itss_free(t);
    t = NULL;

    /* nothing rated: level 0, and every level-1 clause is a gap */
    itss_assessment *as = NULL;
    itss_maturity_result *r = NULL;
    FUZZ_CHECK(itss_assessment_new(m, &as, &e) == 0);
    FUZZ_CHECK(itss_maturity_rate(as, 0, &r, &e) == 0);
    FUZZ_CHECK(itss_maturity_result_level(r) == 0);
    rc = itss_maturity_result_render(r, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &t, &tlen, &e);
    fuzz_check_output(rc, &e, t, tlen, 0);
    itss_free(t);
    itss_maturity_result_free(r);
    itss_assessment_free(as);
    itss_free(a);
    itss_free(b);
    itss_maturity_model_free(m);
    return 0;
}
