/* Evaluation documents against the built-in indicators: scoring in both
 * output forms, the evaluation's export round trip, and comparison of the
 * result with itself. */
#include <math.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    itss_error e;
    char *out = NULL;
    size_t len = 0;
    int rc = itss_quality_score_json(itss_indicator_catalog_builtin(), (const char *)data, size, ITSS_FORMAT_JSON,
                                     ITSS_LANG_ZH, &out, &len, &e);
    fuzz_check_output(rc, &e, out, len, size);
    itss_free(out);
    out = NULL;

    itss_evaluation *ev = (itss_evaluation *)1;
    rc = itss_evaluation_load(itss_indicator_catalog_builtin(), (const char *)data, size, &ev, &e);
    fuzz_check_error(rc, &e, size);
    if (rc) {
        FUZZ_CHECK(ev == NULL);
        return 0;
    }
    char *x = NULL, *y = NULL;
    size_t xl = 0, yl = 0;
    FUZZ_CHECK(itss_evaluation_export(ev, ITSS_FORMAT_JSON, &x, &xl, &e) == 0);
    itss_evaluation *again = NULL;
    FUZZ_CHECK(itss_evaluation_load(itss_indicator_catalog_builtin(), x, xl, &again, &e) == 0);
    FUZZ_CHECK(itss_evaluation_export(again, ITSS_FORMAT_JSON, &y, &yl, &e) == 0);
    FUZZ_CHECK(xl == yl && memcmp(x, y, xl) == 0);
    itss_quality_result *r = NULL;
    FUZZ_CHECK(itss_quality_score(ev, &r, &e) == 0);
    double overall = itss_quality_result_overall(r), coverage = itss_quality_result_coverage(r);
    FUZZ_CHECK(isnan(overall) || (overall >= 0 && overall <= 1));
    FUZZ_CHECK(coverage >= 0 && coverage <= 1);
    const itss_quality_result *pair[2] = {r, r};
    rc = itss_quality_compare_render(pair, 2, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &out, &len, &e);
    fuzz_check_output(rc, &e, out, len, 0);
    itss_free(out);
    out = NULL;
    rc = itss_quality_result_render(r, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &out, &len, &e);
    fuzz_check_output(rc, &e, out, len, 0);
    itss_free(out);
    itss_quality_result_free(r);
    itss_evaluation_free(again);
    itss_evaluation_free(ev);
    itss_free(x);
    itss_free(y);
    return 0;
}
