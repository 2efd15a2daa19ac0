/* AHP: matrix documents through itss_ahp_json, and raw matrices of
 * doubles (the input's bytes) through itss_ahp_weights. */
#include <math.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    itss_error e;
    char *out = NULL;
    size_t len = 0;
    itss_ahp_mode mode =
        size && (data[size - 1] & 1) ? ITSS_AHP_ALLOW_INCONSISTENT : ITSS_AHP_STRICT;
    int rc = itss_ahp_json((const char *)data, size, mode, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out,
                           &len, &e);
    fuzz_check_output(rc, &e, out, len, size);
    itss_free(out);

    /* n from the first byte (0..16; 16 is over the limit), then n*n doubles */
    if (size < 1)
        return 0;
    size_t n = data[0] % 17;
    double m[16 * 16], w[16], lmax = 0, ci = 0, cr = 0;
    if (size - 1 < n * n * sizeof(double))
        return 0;
    memcpy(m, data + 1, n * n * sizeof(double));
    rc = itss_ahp_weights(m, n, mode, w, &lmax, &ci, &cr, &e);
    fuzz_check_error(rc, &e, 0);
    if (rc == 0 || rc == ITSS_ECONSISTENCY) {
        double sum = 0;
        /* a success carries finite numbers and positive weights */
        for (size_t i = 0; i < n; i++) {
            FUZZ_CHECK(w[i] > 0 && w[i] <= 1 + 1e-9);
            sum += w[i];
        }
        FUZZ_CHECK(n == 0 || fabs(sum - 1) < 1e-6);
        FUZZ_CHECK(isfinite(lmax) && isfinite(ci) && isfinite(cr));
    }
    return 0;
}
