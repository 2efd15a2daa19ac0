/* Assessment documents against the built-in model: the one-call rater in
 * both output forms and every target, and the assessment's own export
 * round trip. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    itss_error e;
    const itss_maturity_model *m = itss_maturity_model_builtin();
    int target = size ? data[0] % 7 : 0; /* 0..6: 6 is out of range */
    char *out = NULL;
    size_t len = 0;
    int rc = itss_maturity_rate_json(m, (const char *)data, size, target, ITSS_FORMAT_JSON,
                                     ITSS_LANG_ZH, &out, &len, &e);
    fuzz_check_output(rc, &e, out, len, size);
    itss_free(out);
    out = NULL;

    itss_assessment *a = (itss_assessment *)1;
    rc = itss_assessment_load(m, (const char *)data, size, &a, &e);
    fuzz_check_error(rc, &e, size);
    if (rc) {
        FUZZ_CHECK(a == NULL);
        return 0;
    }
    /* accepted: the export loads back to an assessment with the same export */
    char *x = NULL, *y = NULL;
    size_t xl = 0, yl = 0;
    FUZZ_CHECK(itss_assessment_export(a, ITSS_FORMAT_JSON, &x, &xl, &e) == 0);
    itss_assessment *b = NULL;
    FUZZ_CHECK(itss_assessment_load(m, x, xl, &b, &e) == 0);
    FUZZ_CHECK(itss_assessment_export(b, ITSS_FORMAT_JSON, &y, &yl, &e) == 0);
    FUZZ_CHECK(xl == yl && memcmp(x, y, xl) == 0);
    itss_maturity_result *r = NULL;
    FUZZ_CHECK(itss_maturity_rate(a, 0, &r, &e) == 0);
    int level = itss_maturity_result_level(r);
    FUZZ_CHECK(level >= 0 && level <= 5);
    /* the default target is the next level, and there are gaps unless level 5 */
    FUZZ_CHECK(itss_maturity_result_target(r) == (level < 5 ? level + 1 : 0));
    FUZZ_CHECK((itss_maturity_result_gap_count(r) > 0) == (level < 5));
    rc = itss_maturity_result_render(r, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &out, &len, &e);
    fuzz_check_output(rc, &e, out, len, 0);
    itss_free(out);
    itss_maturity_result_free(r);
    itss_assessment_free(b);
    itss_assessment_free(a);
    itss_free(x);
    itss_free(y);
    return 0;
}
