/*
 * Numbers in libitss's JSON: every double is written with the fewest
 * significant digits that read back as exactly the same double (JSON
 * export round-trips exactly; docs/api-conventions.md). This test links
 * the library's internal formatter and checks it against an independent
 * reference — the smallest precision p for which printf's "%.<p-1>e" reads
 * back exactly — on fixed values and on random doubles of every magnitude.
 */
#include <check.h>
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
    tcase_add_test(t, locale_independent);
    suite_add_tcase(s, t);
    return s;
}

int main(void) { return itss_test_run(suite()); }
