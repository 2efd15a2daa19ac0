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
    double w[ITSS_AHP_MAX], next[ITSS_AHP_MAX];
    /* power iteration: the matrix is positive, so the principal eigenvector
     * is positive and the iteration converges to it */
    for (size_t i = 0; i < n; i++)
        w[i] = 1.0 / (double)n;
    for (int it = 0; it < 10000; it++) {
        double sum = 0, delta = 0;
        for (size_t i = 0; i < n; i++) {
            double s = 0;
            for (size_t j = 0; j < n; j++)
                s += a[i * n + j] * w[j];
            next[i] = s;
            sum += s;
        }
        for (size_t i = 0; i < n; i++) {
            next[i] /= sum;
            delta = fmax(delta, fabs(next[i] - w[i]));
            w[i] = next[i];
        }
        if (delta < 1e-15)
            break;
    }
    double lmax = 0;
    for (size_t i = 0; i < n; i++) {
        double s = 0;
        for (size_t j = 0; j < n; j++)
            s += a[i * n + j] * w[j];
        lmax += s / w[i];
    }
    lmax /= (double)n;
    /* Every 2x2 reciprocal matrix is consistent: a deviation there comes
     * from a rounded reciprocal (0.333 for 1/3), not from the judgements. */
    double c = n > 2 ? (lmax - (double)n) / (double)(n - 1) : 0;
    if (fabs(c) < 1e-12)
        c = 0; /* a consistent matrix: rounding noise, not inconsistency */
    double r = n > 2 && n <= ITSS_AHP_MAX ? c / random_index[n] : 0; /* n <= 15: checked */
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
