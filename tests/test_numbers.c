/*
 * Numbers in libitss's JSON: every double is written with the fewest
 * significant digits that read back as exactly the same double (JSON
 * export round-trips exactly; docs/api-conventions.md). This test links
 * the library's internal formatter and checks it against independent
 * references: the smallest precision p for which printf's "%.<p-1>e" reads
 * back exactly, and a byte-for-byte reference built from printf's digits
 * and the documented layout; on fixed values worked out by hand and on
 * random doubles of every magnitude.
 */
#include <check.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"

size_t itss__format_double(char *dst, size_t dstsize, double d);

/* The number of significant digits of the shortest exact representation. */
static int shortest(double d)
{
    char buf[64];
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, d);
        if (strtod(buf, NULL) == d)
            return p;
    }
    return 17;
}

/* Significant digits of a decimal text ("0.00123" -> 3, "1.5e-07" -> 2). */
static int digits(const char *s)
{
    int n = 0, started = 0, zeros = 0;
    for (; *s && *s != 'e' && *s != 'E'; s++) {
        if (*s < '0' || *s > '9')
            continue;
        if (*s == '0') {
            if (started)
                zeros++;
            continue;
        }
        started = 1;
        n += zeros + 1;
        zeros = 0;
    }
    return n ? n : 1;
}

static void check_value(double d)
{
    char out[64];
    itss__format_double(out, sizeof out, d);
    ck_assert_msg(strtod(out, NULL) == d, "%.17g written as %s does not read back", d, out);
    ck_assert_msg(digits(out) <= shortest(d), "%.17g written as %s: %d digits, %d suffice", d,
                  out, digits(out), shortest(d));
    /* JSON numbers: no locale separator, no "inf"/"nan", no leading '+' */
    ck_assert_msg(strspn(out, "0123456789.-+e") == strlen(out) && out[0] != '+', "%s", out);
}

START_TEST(fixed_values)
{
    static const struct {
        double d;
        const char *text;
    } t[] = {
        {0.9, "0.9"},
        {72.5, "72.5"},
        {0.1 + 0.2, "0.30000000000000004"},
        {43.0 / 44.0, "0.9772727272727273"},
        {4.0 / 7.0, "0.5714285714285714"},
        {0.96 - 0.65, "0.30999999999999994"},
        {1e-5, "1e-05"},
        {1.5e-7, "1.5e-07"},
        {0.0001, "0.0001"},
        {123456789012345678.0, "1.2345678901234568e+17"},
        {5e-324, "5e-324"},
        {1.7976931348623157e308, "1.7976931348623157e+308"},
        {-0.25, "-0.25"},
        {0, "0"},
        {-0.0, "0"},
        {85, "85"},
        {-3, "-3"},
        {85.000001, "85.000001"},
        {15.000001, "15.000001"},
        /* whole numbers: integers below 1e15, %.15g's exponent form from it */
        {999999999999999.0, "999999999999999"},
        {-999999999999999.0, "-999999999999999"},
        {1e15, "1e+15"},
        {1e16, "1e+16"},
        {1e15 + 2, "1000000000000002"},
        /* up to 15 digits: any decimal of at most 15 significant digits
           reads back and is the only one that short (DBL_DIG is 15), so it
           is written as given */
        {0.1, "0.1"},
        {0.123456789012345, "0.123456789012345"},
        {123456789.012345, "123456789.012345"},
        {99999999999999.9, "99999999999999.9"},
        {0.000123, "0.000123"},
        {0.0000123, "1.23e-05"},
        {0.000999999999999999, "0.000999999999999999"},
        {9.99999999999999e-05, "9.99999999999999e-05"},
        {0.0999999999999995, "0.0999999999999995"},
        {0.00999999999999997, "0.00999999999999997"},
        {9.99999999999995e-09, "9.99999999999995e-09"},
        {9.99999999999999e21, "9.99999999999999e+21"},
        {1.2345678901234e36, "1.2345678901234e+36"},
        {1e-8, "1e-08"},
        {1e22, "1e+22"},
        /* the double nearest 1e23 is 99999999999999991611392: "1e+23" is
           still the decimal that reads back as it */
        {1e23, "1e+23"},
        {1e37, "1e+37"},
        {1e-300, "1e-300"},
        {1.5e300, "1.5e+300"},
        /* 16 digits */
        {0.1 + 0.7, "0.7999999999999999"},
        {999999999999999.9, "999999999999999.9"},
        /* the doubles next to 1e15 (1e15 -/+ 0.125) */
        {0x1.c6bf52633ffffp+49, "999999999999999.9"},
        {0x1.c6bf526340001p+49, "1000000000000000.1"},
        /* the doubles just below 1e-5 and 1e-4, just above 1e-4 */
        {0x1.4f8b588e368f0p-17, "9.999999999999999e-06"},
        {0x1.a36e2eb1c432cp-14, "9.999999999999999e-05"},
        {0x1.a36e2eb1c432ep-14, "0.00010000000000000002"},
        /* 2^49 + 1/4 and + 3/4 (doubles 1/8 apart): the 16-digit decimals
           .2/.3 and .7/.8 are equally near and both read back; the even
           last digit wins */
        {562949953421312.25, "562949953421312.2"},
        {562949953421312.75, "562949953421312.8"},
        /* 2^53 - 1, 2^53: 16 digits, and no 15-digit decimal within 1/2 */
        {9007199254740991.0, "9007199254740991"},
        {9007199254740992.0, "9007199254740992"},
        /* 17 digits */
        /* 2^54: doubles 2 below and 4 above, the 16-digit neighbours
           ...980 and ...990 are too far */
        {18014398509481984.0, "18014398509481984"},
        /* 1e14 + 1/8 and + 3/8 (doubles 1/64 apart): 17 digits, an exact
           tie between two of them, the even one */
        {100000000000000.125, "100000000000000.12"},
        {100000000000000.375, "100000000000000.38"},
        {1.0 / 3.0 * 1e-10, "3.3333333333333335e-11"},
        {1.0 / 3.0 * 1e-12, "3.333333333333333e-13"},
        /* 4 x (2^52 + 6) and 4 x (2^52 + 11), doubles 4 apart: the 16-digit
           decimal 2 above lies halfway to the next double, and strtod gives
           such a tie to the double with the even mantissa, the first */
        {18014398509482008.0, "1.801439850948201e+16"},
        {18014398509482028.0, "18014398509482028"},
        /* powers of two, whose lower neighbour is half as far as the upper:
           the nearest 16-digit decimal is below and does not read back, the
           next one above does (2^-24 = 5.9604644775390625e-08 exactly) */
        {0x1p-24, "5.960464477539063e-08"},
        {0x1p-44, "5.684341886080802e-14"},
        {0x1p89, "6.189700196426902e+26"},
        /* subnormals and the smallest normal */
        {1.5e-323, "1.5e-323"},
        {0x0.fffffffffffffp-1022, "2.225073858507201e-308"},
        {0x1p-1022, "2.2250738585072014e-308"},
        /* negative numbers */
        {-0.1, "-0.1"},
        {-1e-7, "-1e-07"},
        {-1e22, "-1e+22"},
        {-(0.1 + 0.2), "-0.30000000000000004"},
        {-0x1p-24, "-5.960464477539063e-08"},
        {-5e-324, "-5e-324"},
        {-1.7976931348623157e308, "-1.7976931348623157e+308"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        char out[64];
        itss__format_double(out, sizeof out, t[i].d);
        ck_assert_str_eq(out, t[i].text);
        if (t[i].d != 0)
            check_value(t[i].d);
    }
}
END_TEST

START_TEST(random_values)
{
    uint64_t x = 0x9E3779B97F4A7C15ull;
    int checked = 0;
    while (checked < 30000) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double d;
        if (checked % 3) {
            memcpy(&d, &x, sizeof d); /* any bit pattern: every exponent */
        } else {
            d = (double)(x % 1000003) / (double)(1 + (x >> 40) % 999983); /* ratios */
        }
        if (!isfinite(d) || d == 0)
            continue;
        check_value(d);
        checked++;
    }
}
END_TEST

/*
 * The documented output, worked out another way. For each length p from 1
 * to 17 the only p-digit decimals that can read back as d are the two
 * around it (any other is farther away on the same side): the nearest,
 * printf's "%.<p-1>e", and the one a unit in its last digit away on the
 * other side of d. The first length where one of them reads back wins, the
 * nearest first. The text is then laid out like printf's %.<max(15, p)>g:
 * exponent form when the decimal exponent is below -4 or at least that
 * precision, trailing zeros dropped; whole numbers below 1e15 are printed
 * as integers, and zero as "0". (Run in the C locale.)
 */
static void reference(double d, char *out, size_t size)
{
    if (d == 0) {
        snprintf(out, size, "0");
        return;
    }
    if (fabs(d) < 1e15 && d == floor(d)) {
        snprintf(out, size, "%.0f", d);
        return;
    }
    const char *sign = d < 0 ? "-" : "";
    double x = fabs(d);
    char dig[24] = "", text[48];
    int e = 0;
    for (int p = 1; p <= 17; p++) {
        char buf[48];
        snprintf(buf, sizeof buf, "%.*e", p - 1, x);
        /* buf is d[.ddd]e+XX: the digits, then the exponent */
        int n = 0;
        const char *c = buf;
        for (; *c != 'e'; c++)
            if (*c != '.')
                dig[n++] = *c;
        dig[n] = 0;
        e = atoi(c + 1);
        double near = strtod(buf, NULL);
        if (near == x)
            break;
        /* the other neighbour: one unit up or down in the last digit */
        int i = n - 1;
        if (near < x) {
            while (i >= 0 && dig[i] == '9')
                dig[i--] = '0';
            if (i < 0) {
                dig[0] = '1'; /* 99..9 -> 100..0, one decade up */
                e++;
            } else {
                dig[i]++;
            }
        } else {
            while (i >= 0 && dig[i] == '0')
                dig[i--] = '9';
            dig[i]--;
            if (dig[0] == '0') { /* 100..0 -> 99..9, one decade down */
                memset(dig, '9', (size_t)n);
                e--;
            }
        }
        snprintf(text, sizeof text, "%se%d", dig, e - (n - 1));
        if (strtod(text, NULL) == x)
            break;
    }
    int n = (int)strlen(dig);
    while (n > 1 && dig[n - 1] == '0')
        n--;
    dig[n] = 0;
    int prec = n > 15 ? n : 15;
    if (e < -4 || e >= prec) {
        snprintf(out, size, "%s%c%s%se%c%02d", sign, dig[0], n > 1 ? "." : "", dig + 1,
                 e < 0 ? '-' : '+', abs(e));
    } else if (e < 0) {
        snprintf(out, size, "%s0.%.*s%s", sign, -e - 1, "0000", dig);
    } else if (n <= e + 1) {
        snprintf(out, size, "%s%s%.*s", sign, dig, e + 1 - n, "0000000000000000");
    } else {
        snprintf(out, size, "%s%.*s.%s", sign, e + 1, dig, dig + e + 1);
    }
}

static void check_reference(double d)
{
    char out[64], ref[64];
    itss__format_double(out, sizeof out, d);
    reference(d, ref, sizeof ref);
    ck_assert_msg(strcmp(out, ref) == 0, "%a written as %s, expected %s", d, out, ref);
}

START_TEST(reference_fixed)
{
    /* the reference itself, on values worked out by hand */
    static const struct {
        double d;
        const char *text;
    } t[] = {
        {0.5, "0.5"},
        {-72.5, "-72.5"},
        {1e-5, "1e-05"},
        {0.0001, "0.0001"},
        {1e15, "1e+15"},
        {123456789012345678.0, "1.2345678901234568e+17"},
        {0x1p-24, "5.960464477539063e-08"},
        {100000000000000.125, "100000000000000.12"},
        {18014398509481984.0, "18014398509481984"},
        {5e-324, "5e-324"},
        {9.999999999999999e22, "1e+23"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        char ref[64];
        reference(t[i].d, ref, sizeof ref);
        ck_assert_str_eq(ref, t[i].text);
    }
}
END_TEST

/* d and the two doubles on either side of it, and their negatives */
static void check_reference_around(double d)
{
    double lo = d, hi = d;
    check_reference(d);
    check_reference(-d);
    for (int i = 0; i < 2; i++) {
        lo = nextafter(lo, 0);
        hi = nextafter(hi, INFINITY);
        if (lo != 0)
            check_reference(lo);
        if (isfinite(hi))
            check_reference(hi);
    }
}

START_TEST(matches_reference)
{
    /* every power of two and of ten, and their neighbours */
    for (int e = -1074; e <= 1023; e++)
        check_reference_around(ldexp(1, e));
    for (int e = -323; e <= 308; e++) {
        char buf[16];
        snprintf(buf, sizeof buf, "1e%d", e);
        check_reference_around(strtod(buf, NULL));
    }
    check_reference_around(DBL_MAX);
    uint64_t x = 0x2545F4914F6CDD1Dull;
    for (int i = 0; i < 60000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double d;
        char buf[40];
        switch (i % 5) {
        case 0: /* any bit pattern: every exponent, subnormals */
            memcpy(&d, &x, sizeof d);
            break;
        case 1: /* ratios, as scores and weights are */
            d = (double)(x % 1000003) / (double)(1 + (x >> 40) % 999983);
            break;
        case 2: { /* decimals of 1 to 17 digits, from about 1e-47 to 1e33 */
            int nd = 1 + (int)(x % 17);
            uint64_t p10 = 1;
            for (int k = 0; k < nd; k++)
                p10 *= 10;
            snprintf(buf, sizeof buf, "%llue%d", (unsigned long long)((x >> 8) % p10),
                     (int)(x >> 58) - 30 - nd);
            d = strtod(buf, NULL);
            break;
        }
        case 3: /* between 1e-9 and 1e16, any mantissa */
            d = ldexp(1.0 + (double)(x >> 12) / 4503599627370496.0, (int)(x % 84) - 30);
            break;
        default: /* ties: odd multiples of 1/2 .. 1/1024, mostly 1e12 .. 5e15 */
            d = ldexp((double)((x >> 11) | 1), -(int)(x % 10 + 1));
            break;
        }
        if (isfinite(d) && d != 0)
            check_reference(d);
    }
}
END_TEST

START_TEST(locale_independent)
{
    /* a locale with a decimal comma, if the machine has one */
    const char *names[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "ru_RU.UTF-8", "C.UTF-8"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (setlocale(LC_NUMERIC, names[i]))
            break;
    char out[64];
    itss__format_double(out, sizeof out, 2.5);
    ck_assert_str_eq(out, "2.5");
    itss__format_double(out, sizeof out, 1.0 / 3.0);
    ck_assert_str_eq(out, "0.3333333333333333");
    setlocale(LC_NUMERIC, "C");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("numbers");
    TCase *t = tcase_create("format");
    tcase_set_timeout(t, 600);
    tcase_add_test(t, fixed_values);
    tcase_add_test(t, random_values);
    tcase_add_test(t, reference_fixed);
    tcase_add_test(t, matches_reference);
    tcase_add_test(t, locale_independent);
    suite_add_tcase(s, t);
    return s;
}

int main(void) { return itss_test_run(suite()); }
