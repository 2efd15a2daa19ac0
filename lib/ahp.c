/* libitss — AHP weights: principal eigenvector of a pairwise comparison
 * matrix, lambda_max, CI and CR (Saaty). No JSON here. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "quality_internal.h"

/* Saaty's random consistency index RI for n = 1..15 (T. L. Saaty, The
 * Analytic Hierarchy Process, 1980). */
static const double random_index[16] = {0,    0,    0,    0.58, 0.90, 1.12, 1.24, 1.32,
                                        1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};

/* Relative tolerance of the reciprocal check: users write 1/3 as 0.333. */
#define RECIPROCAL_TOLERANCE 0.01

/* One step of the power iteration, y = A x scaled so that its largest
 * component is 1, for x > 0 whose largest component is 1. Row i of A x is
 * kept as big[i] * rel[i]: its largest term (at most DBL_MAX, as x <= 1)
 * times the sum of its terms relative to that one (1 to n), so that no sum
 * overflows however large the comparisons are. ratio, when not NULL,
 * receives (A x)_i / x_i (inf when that overflows or x_i is 0). */
static void power_step(const double *a, size_t n, const double *x, double *y, double *ratio)
{
    double big[ITSS_AHP_MAX], rel[ITSS_AHP_MAX], top = 0, ymax = 0;
    for (size_t i = 0; i < n; i++) {
        big[i] = 0;
        for (size_t j = 0; j < n; j++)
            big[i] = fmax(big[i], a[i * n + j] * x[j]);
        rel[i] = 0; /* big[i] > 0: the term of the largest x_j is positive */
        for (size_t j = 0; j < n; j++)
            rel[i] += a[i * n + j] * x[j] / big[i];
        top = fmax(top, big[i]);
    }
    for (size_t i = 0; i < n; i++) {
        y[i] = big[i] / top * rel[i]; /* at most n */
        ymax = fmax(ymax, y[i]);
        if (ratio)
            ratio[i] = big[i] / x[i] * rel[i];
    }
    for (size_t i = 0; i < n; i++)
        y[i] /= ymax;
}

/* The principal eigenvector of a positive matrix, normalised to sum 1, in
 * w, and its eigenvalue in *lmax; 0 when doubles cannot hold them. The
 * power iteration converges to them (Perron-Frobenius), each component to
 * a relative 1e-14, unless another eigenvalue is nearly as large, which
 * takes comparisons far beyond any judgement scale. The result is checked
 * (Collatz-Wielandt): lambda_max lies between the smallest and the largest
 * (A w)_i / w_i, and these must agree to 1e-9. */
static int principal(const double *a, size_t n, double *w, double *lmax)
{
    double next[ITSS_AHP_MAX], ratio[ITSS_AHP_MAX];
    double sum = 0, lo = INFINITY, hi = 0, top = -INFINITY;
    /* start from the rows' geometric means, the eigenvector itself when the
     * matrix is consistent, taken in logarithms (the products may overflow)
     * and scaled so that the largest is 1 */
    for (size_t i = 0; i < n; i++) {
        w[i] = 0;
        for (size_t j = 0; j < n; j++)
            w[i] += log(a[i * n + j]) / (double)n;
        top = fmax(top, w[i]);
    }
    for (size_t i = 0; i < n; i++)
        w[i] = exp(w[i] - top);
    for (int it = 0, converged = 0; it < 10000 && !converged; it++) {
        power_step(a, n, w, next, NULL);
        converged = 1;
        for (size_t i = 0; i < n; i++) {
            converged &= fabs(next[i] - w[i]) <= 1e-14 * next[i];
            w[i] = next[i];
        }
    }
    power_step(a, n, w, next, ratio);
    *lmax = 0;
    for (size_t i = 0; i < n; i++) {
        lo = fmin(lo, ratio[i]);
        hi = fmax(hi, ratio[i]);
        *lmax += ratio[i] / (double)n; /* the mean, without overflowing */
        sum += w[i];                   /* 1 to n: the largest is 1 */
    }
    int ok = isfinite(hi) && hi - lo <= 1e-9 * hi;
    for (size_t i = 0; i < n; i++) {
        w[i] /= sum;
        ok &= w[i] > 0; /* the eigenvector is positive: 0 is an underflow */
    }
    return ok;
}

int itss__ahp(const double *a, size_t n, itss_ahp_mode mode, double *weights,
              double *lambda_max, double *ci, double *cr, size_t cell[2], itss_error *err)
{
    cell[0] = cell[1] = (size_t)-1;
    if (n == 0)
        return itss__err(err, ITSS_EVALUE, "the comparison matrix is empty");
    if (n > ITSS_AHP_MAX)
        return itss__err(err, ITSS_ELIMIT, "the comparison matrix is %zux%zu; the limit is %dx%d",
                         n, n, ITSS_AHP_MAX, ITSS_AHP_MAX);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            double v = a[i * n + j];
            if (!isfinite(v) || v <= 0) {
                cell[0] = i, cell[1] = j;
                return itss__err(err, ITSS_EVALUE,
                                 "matrix[%zu][%zu] must be a positive number", i, j);
            }
            if (i == j && fabs(v - 1) > 1e-9) {
                cell[0] = i, cell[1] = j;
                return itss__err(err, ITSS_EVALUE,
                                 "matrix[%zu][%zu] is on the diagonal and must be 1", i, j);
            }
            if (j > i && fabs(v * a[j * n + i] - 1) > RECIPROCAL_TOLERANCE) {
                cell[0] = j, cell[1] = i; /* the later cell of the pair */
                return itss__err(err, ITSS_EVALUE,
                                 "matrix[%zu][%zu] must be the reciprocal of matrix[%zu][%zu] "
                                 "(their product is %.6g, not 1)",
                                 j, i, i, j, v * a[j * n + i]);
            }
        }
    double w[ITSS_AHP_MAX], lmax;
    int representable = principal(a, n, w, &lmax);
    /* Every 2x2 reciprocal matrix is consistent: a deviation there comes
     * from a rounded reciprocal (0.333 for 1/3), not from the judgements. */
    double c = n > 2 ? (lmax - (double)n) / (double)(n - 1) : 0;
    if (fabs(c) < 1e-12)
        c = 0; /* a consistent matrix: rounding noise, not inconsistency */
    double r = n > 2 && n <= ITSS_AHP_MAX ? c / random_index[n] : 0; /* n <= 15: checked */
    /* Comparisons that span more than doubles can hold: no weights, and
     * nothing is written to the outputs. */
    if (!representable || !isfinite(c) || !isfinite(r)) {
        double lo = a[0], hi = a[0];
        for (size_t i = 0; i < n * n; i++) {
            lo = fmin(lo, a[i]);
            hi = fmax(hi, a[i]);
        }
        char tlo[40], thi[40];
        itss__format_double(tlo, sizeof tlo, lo);
        itss__format_double(thi, sizeof thi, hi);
        return itss__err(err, ITSS_EVALUE,
                         "the weights of the comparison matrix cannot be computed in double "
                         "precision: its comparisons, from %s to %s, are too far apart",
                         tlo, thi);
    }
    if (weights)
        memcpy(weights, w, n * sizeof *w);
    if (lambda_max)
        *lambda_max = lmax;
    if (ci)
        *ci = c;
    if (cr)
        *cr = r;
    if (r >= 0.10 && mode != ITSS_AHP_ALLOW_INCONSISTENT) {
        char tmp[40];
        itss__format_double(tmp, sizeof tmp, r);
        return itss__err(err, ITSS_ECONSISTENCY,
                         "the comparison matrix is too inconsistent: CR = %s, which is not below "
                         "0.10; revise the judgements or allow inconsistent matrices",
                         tmp);
    }
    return ITSS_OK;
}

int itss_ahp_weights(const double *matrix, size_t n, itss_ahp_mode mode, double *weights,
                     double *lambda_max, double *ci, double *cr, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, matrix);
    ITSS_CHECK(err, mode == ITSS_AHP_STRICT || mode == ITSS_AHP_ALLOW_INCONSISTENT,
               "mode %d is not an itss_ahp_mode", (int)mode);
    size_t cell[2];
    return itss__ahp(matrix, n, mode, weights, lambda_max, ci, cr, cell, err);
}
