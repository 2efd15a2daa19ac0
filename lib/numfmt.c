/*
 * libitss — doubles written as the shortest decimal text that reads back as
 * exactly the same double.
 *
 * The digits are the fewest significant digits whose decimal value strtod
 * (round to nearest, ties to even) turns back into the same double, and
 * among decimals of that length the one closest to the double's exact
 * value (an exact tie goes to the even last digit). Three paths find them,
 * cheapest first; each either proves its answer or passes the value on:
 *
 *   1. at most 15 digits, in double arithmetic, from about 1e-8 to 1e37;
 *   2. 16 or 17 digits, in exact 128-bit integer arithmetic, from about
 *      1e-8 to 2^53;
 *   3. the rest (subnormals, tiny and huge values, 16 or 17 digits from
 *      2^53 up), with printf's correctly rounded digits checked by strtod.
 *
 * Whole numbers below 1e15 are written as integers before any of this.
 * Paths 1 and 2 cover the values libitss writes in practice (scores,
 * weights, percentages, ratios); path 3 is slow, and there for
 * completeness.
 *
 * All paths assume the default rounding mode (round to nearest), as strtod
 * does when it reads the text back.
 */
#include <errno.h>
#include <float.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define P10_14 100000000000000ULL
#define P10_15 1000000000000000ULL

/* A double as M x 2^q with M an integer below 2^53 (normal doubles only). */
typedef struct {
    uint64_t m;
    int q;
    int pow2; /* M = 2^52 above the smallest exponent: the double below is
                 half as far away as the double above */
} binary;

static binary decompose(double x)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int be = (int)(bits >> 52 & 0x7ff);
    uint64_t frac = bits & ((1ULL << 52) - 1);
    binary b = {frac | 1ULL << 52, be - 1075, frac == 0 && be > 1};
    return b;
}

/* "00" to "99" */
static const char two_digits[201] = "00010203040506070809"
                                    "10111213141516171819"
                                    "20212223242526272829"
                                    "30313233343536373839"
                                    "40414243444546474849"
                                    "50515253545556575859"
                                    "60616263646566676869"
                                    "70717273747576777879"
                                    "80818283848586878889"
                                    "90919293949596979899";

/* The decimal digits of v, written backwards from end (no sign, no NUL);
 * returns where they start. Two digits per division, and 32-bit divisions
 * once v is split in eight-digit halves. */
static char *u64_digits(uint64_t v, char *end)
{
    char *p = end;
    if (v >= 100000000) {
        uint32_t lo = (uint32_t)(v % 100000000);
        v /= 100000000;
        for (int i = 0; i < 4; i++, lo /= 100) {
            p -= 2;
            memcpy(p, two_digits + (size_t)(lo % 100) * 2, 2);
        }
        if (v >= 100000000) { /* (only 10^16 .. 10^17) */
            lo = (uint32_t)(v % 100000000);
            v /= 100000000;
            for (int i = 0; i < 4; i++, lo /= 100) {
                p -= 2;
                memcpy(p, two_digits + (size_t)(lo % 100) * 2, 2);
            }
        }
    }
    uint32_t w = (uint32_t)v;
    for (; w >= 100; w /= 100) {
        p -= 2;
        memcpy(p, two_digits + (size_t)(w % 100) * 2, 2);
    }
    if (w >= 10) {
        p -= 2;
        memcpy(p, two_digits + (size_t)w * 2, 2);
    } else {
        *--p = (char)('0' + w);
    }
    return p;
}

/* ---- path 1: at most 15 significant digits ------------------------------
 *
 * Every decimal of at most 15 significant digits is m x 10^-k with m a
 * 15-digit integer (10^14 <= m < 10^15, trailing zeros allowed). When
 * |k| <= 22, both m (< 2^53) and 10^|k| are exact doubles, so the division
 * m / 10^k (or product m x 10^-k) is correctly rounded: it is the double
 * nearest the decimal's value, the double strtod returns for that decimal.
 * One division therefore tells exactly whether the decimal reads back.
 *
 * Which m to try: if some such decimal reads back as x, its m differs from
 * the exact x x 10^k by at most half an ulp of x scaled, under 10^15 x
 * 2^-53 < 0.12, and the computed x x 10^k is off by less than another 0.07;
 * rounding the computed product to the nearest integer gives m.
 *
 * Why the result is the shortest: two decimals of at most 15 significant
 * digits in the same decade are at least 10^-15 of the value apart, more
 * than the gap between neighbouring normal doubles (at most 2^-52 of the
 * value), so at most one of them reads back as x. Dropping the trailing
 * zeros of that one m therefore gives the only, and so the shortest,
 * decimal of at most 15 digits that reads back.
 */

static const double pow10_exact[23] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* x x 10^k, rounded once */
static double times_pow10(double x, int k)
{
    return k >= 0 ? x * pow10_exact[k] : x / pow10_exact[-k];
}

/* Does the decimal m x 10^-k (m < 2^53, |k| <= 22) read back as x? */
static int reads_back_from(double x, uint64_t m, int k)
{
    double back = k >= 0 ? (double)m / pow10_exact[k] : (double)m * pow10_exact[-k];
    return back == x;
}

/* x > 0 normal. Returns 1 with *m the 15-digit integer and *k its scale
 * (x reads back from m x 10^-k) when at most 15 digits suffice; 0 when they
 * do not, with *k the scale of the 15-digit integers around x; -1 when x is
 * out of this path's range. */
static int short_decimal(double x, int binexp, uint64_t *m, int *k)
{
    /* floor(log10(x)) is binexp x log10(2) rounded down, or one more; the
       integer division (truncating towards zero) may also land one above
       for negative exponents. The loop corrects either way. */
    int kk = 14 - binexp * 30103 / 100000;
    double v;
    uint64_t r;
    for (int tries = 0;; tries++) {
        if (kk < -22 || kk > 22 || tries == 4)
            return -1;
        v = times_pow10(x, kk);
        r = (uint64_t)(v + 0.5);
        if (r >= P10_15)
            kk--;
        else if (r < P10_14)
            kk++;
        else
            break;
    }
    *k = kk;
    *m = r;
    if (reads_back_from(x, r, kk))
        return 1;
    /* x just below a power of ten: v rounded up to 10^14, but a decimal of
       15 nonzero digits one scale further may be the one (0.0099...97).
       (The opposite edge needs nothing: when 10^15 at scale kk reads back,
       v is above 10^15 - 0.5 and the loop has moved on to 10^14.) */
    if (r == P10_14 && v < (double)P10_14) {
        if (kk == 22)
            return -1;
        double v1 = times_pow10(x, kk + 1);
        uint64_t r1 = (uint64_t)(v1 + 0.5);
        if (r1 < P10_15 && reads_back_from(x, r1, kk + 1)) {
            *k = kk + 1;
            *m = r1;
            return 1;
        }
    }
    return 0;
}

/* ---- path 2: 16 or 17 significant digits ---------------------------------
 *
 * With x = M x 2^q, the value x x 10^k is M x 5^k x 2^(q+k). For 0 <= k <=
 * 27, 5^k fits in 64 bits and M x 5^k in 128, so the scaled value is known
 * exactly as a 128-bit integer W over a power of two 2^T. The decimals that
 * read back as x are those within half the gap to each neighbouring double,
 * boundaries included when M is even (strtod rounds ties to even); those
 * half gaps are exact integers in the same units. Nothing is rounded: the
 * nearest n-digit decimal and whether it reads back are decided exactly.
 *
 * Why the nearest: when the neighbouring doubles are equally far, the
 * interval of decimals reading back as x is symmetric about x, so if any
 * n-digit decimal is inside it, the nearest one is, and it is also the
 * closest of those inside. When x is a power of two the interval reaches
 * only half as far below x; then the nearest 16-digit decimal may lie
 * below, outside, while the next one above is inside: that one is tried
 * too. The nearest 17-digit decimal always reads back: 17-digit decimals
 * are at most 10^-16 of the value apart, and half of that is less than
 * the narrowest half gap, 2^-54 of the value.
 */

__extension__ typedef unsigned __int128 u128;

/* 5^0 .. 5^27, the powers of five below 2^64 */
static const uint64_t pow5[28] = {
    1ULL,
    5ULL,
    25ULL,
    125ULL,
    625ULL,
    3125ULL,
    15625ULL,
    78125ULL,
    390625ULL,
    1953125ULL,
    9765625ULL,
    48828125ULL,
    244140625ULL,
    1220703125ULL,
    6103515625ULL,
    30517578125ULL,
    152587890625ULL,
    762939453125ULL,
    3814697265625ULL,
    19073486328125ULL,
    95367431640625ULL,
    476837158203125ULL,
    2384185791015625ULL,
    11920928955078125ULL,
    59604644775390625ULL,
    298023223876953125ULL,
    1490116119384765625ULL,
    7450580596923828125ULL,
};

/* x x 10^k = w / 2^t exactly; decimals within hi above or lo below w (in
 * the same units) read back as x. */
typedef struct {
    u128 w;
    int t;
    uint64_t hi, lo;
} scaled;

/* Scale 4M x 5^k over 2^(2 - q - k): the factor 4 makes the quarter-ulp
 * half gap of a power of two an integer too. */
static int scale(scaled *s, const binary *b, int k)
{
    int t = 2 - b->q - k;
    if (k < 0 || k > 27 || t < 1 || t > 120)
        return 0;
    s->w = (u128)(b->m << 2) * pow5[k];
    s->t = t;
    s->hi = 2 * pow5[k];
    s->lo = b->pow2 ? pow5[k] : 2 * pow5[k];
    return 1;
}

/* The integer part of the scaled value. */
static uint64_t scaled_floor(const scaled *s) { return (uint64_t)(s->w >> s->t); }

/* The integer nearest the scaled value, ties to even. */
static uint64_t scaled_round(const scaled *s)
{
    uint64_t c = scaled_floor(s);
    u128 rem = s->w - ((u128)c << s->t);
    u128 half = (u128)1 << (s->t - 1);
    return c + (rem > half || (rem == half && (c & 1)));
}

/* Does the decimal c x 10^-k read back as x? */
static int scaled_reads_back(const scaled *s, uint64_t c, int even)
{
    u128 v = (u128)c << s->t;
    u128 d = v >= s->w ? v - s->w : s->w - v;
    uint64_t gap = v >= s->w ? s->hi : s->lo;
    return d < gap || (d == gap && even);
}

/* k15: the scale of x's 15-digit integers from path 1. Returns 1 with the
 * digits as the integer *c over 10^*k, 0 when out of range. */
static int long_decimal(const binary *b, int k15, uint64_t *c, int *k)
{
    scaled s;
    int kk = k15 + 1;
    /* path 1's integer is within half a unit of x x 10^k15, so x x 10^kk is
       at least 10^15 - 5: one step corrects the scale */
    if (!scale(&s, b, kk))
        return 0;
    if (scaled_floor(&s) < P10_15 && !scale(&s, b, ++kk))
        return 0;
    int even = !(b->m & 1);
    uint64_t r = scaled_round(&s);
    if (scaled_reads_back(&s, r, even)) {
        *c = r;
        *k = kk;
        return 1;
    }
    if (b->pow2 && ((u128)r << s.t) < s.w && scaled_reads_back(&s, r + 1, even)) {
        *c = r + 1;
        *k = kk;
        return 1;
    }
    if (!scale(&s, b, ++kk))
        return 0;
    r = scaled_round(&s);
    if (!scaled_reads_back(&s, r, even))
        return 0; /* cannot happen (see above); path 3 would still be right */
    *c = r;
    *k = kk;
    return 1;
}

/* ---- path 3: printf's digits, checked with strtod ------------------------
 *
 * glibc's printf rounds correctly, so "%.<n-1>e" gives the nearest n-digit
 * decimal (ties to even), which reads back if any n-digit decimal does
 * (see path 2; the power-of-two case is handled the same way). For normal
 * doubles the 15-digit test also settles every shorter length, as in path
 * 1; subnormals are spaced more closely than their digits, so for them
 * every length from 1 up is tried. printf and strtod follow the locale's
 * decimal point: the digits are read from printf's text skipping whatever
 * separates them, and strtod is given digits and an exponent only
 * ("12345e-20"), which it reads the same in every locale.
 */

/* The digits and exponent of a "%.*e" text. */
static size_t e_text_digits(const char *s, char *dig, int *exp10)
{
    size_t n = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            dig[n++] = *s;
    int neg = 0, e = 0;
    if (*s == 'e') {
        s++;
        neg = *s == '-';
        if (*s == '-' || *s == '+')
            s++;
        for (; *s >= '0' && *s <= '9'; s++)
            e = e * 10 + (*s - '0');
    }
    *exp10 = neg ? -e : e;
    return n;
}

/* strtod of the decimal dig[0..n) x 10^(exp10 - n + 1). */
static double read_digits(const char *dig, size_t n, int exp10)
{
    char buf[40];
    memcpy(buf, dig, n);
    char tmp[8], *e = tmp + sizeof tmp, *p = e;
    int x = exp10 - (int)n + 1;
    unsigned u = x < 0 ? (unsigned)-x : (unsigned)x;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    buf[n] = 'e';
    buf[n + 1] = x < 0 ? '-' : '+';
    memcpy(buf + n + 2, p, (size_t)(e - p));
    buf[n + 2 + (size_t)(e - p)] = 0;
    return strtod(buf, NULL);
}

/* x > 0 finite. Digits into dig (at most 17, no NUL); returns their number.
 * from: the first length to try. */
static size_t printf_digits(double x, int from, int subnormal, int pow2, char *dig, int *exp10)
{
    int saved = errno; /* strtod reports underflow and overflow in errno */
    char buf[48];
    size_t n = 0;
    for (int p = subnormal ? 1 : from; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, x);
        n = e_text_digits(buf, dig, exp10);
        double back = read_digits(dig, n, *exp10);
        if (back == x)
            break;
        if (p == 16 && pow2 && back < x) {
            /* the next 16-digit decimal above, carrying 9s */
            size_t i = n;
            while (i > 0 && dig[i - 1] == '9')
                dig[--i] = '0';
            if (i > 0) {
                dig[i - 1]++;
            } else {
                dig[0] = '1';
                ++*exp10;
            }
            if (read_digits(dig, n, *exp10) == x)
                break;
        }
    }
    errno = saved;
    return n;
}

/* ---- layout ------------------------------------------------------------ */

/* Write digits dig[0..n) (value = d.ddd x 10^exp10) like printf's %.<prec>g:
 * trailing zeros dropped, exponential form when exp10 < -4 or >= prec. */
static size_t write_g(char *dst, size_t size, int neg, const char *dig, size_t n, int exp10,
                      int prec)
{
    while (n > 1 && dig[n - 1] == '0')
        n--;
    char tmp[64];
    size_t o = 0;
    if (neg)
        tmp[o++] = '-';
    if (exp10 < -4 || exp10 >= prec) {
        tmp[o++] = dig[0];
        if (n > 1) {
            tmp[o++] = '.';
            memcpy(tmp + o, dig + 1, n - 1);
            o += n - 1;
        }
        int x = exp10 < 0 ? -exp10 : exp10;
        tmp[o++] = 'e';
        tmp[o++] = exp10 < 0 ? '-' : '+';
        if (x >= 100)
            tmp[o++] = (char)('0' + x / 100);
        tmp[o++] = (char)('0' + x / 10 % 10);
        tmp[o++] = (char)('0' + x % 10);
    } else if (exp10 < 0) {
        tmp[o++] = '0';
        tmp[o++] = '.';
        for (int i = -1; i > exp10; i--)
            tmp[o++] = '0';
        memcpy(tmp + o, dig, n);
        o += n;
    } else {
        for (int i = 0; i <= exp10; i++)
            if ((size_t)i < n)
                tmp[o++] = dig[i];
            else
                tmp[o++] = '0';
        if (n > (size_t)exp10 + 1) {
            tmp[o++] = '.';
            memcpy(tmp + o, dig + exp10 + 1, n - (size_t)exp10 - 1);
            o += n - (size_t)exp10 - 1;
        }
    }
    if (o >= size)
        o = size - 1;
    memcpy(dst, tmp, o);
    dst[o] = 0;
    return o;
}

size_t itss__format_double(char *dst, size_t dstsize, double d)
{
    if (d == 0) {
        /* keep the sign of negative zero out of the output */
        if (dstsize < 2) {
            if (dstsize)
                dst[0] = 0;
            return 0;
        }
        dst[0] = '0';
        dst[1] = 0;
        return 1;
    }
    /* (the range test first: converting a double beyond long long is undefined) */
    if (d > -1e15 && d < 1e15 && d == (double)(long long)d) {
        /* whole numbers: no need for the round-trip search */
        char tmp[24], *e = tmp + sizeof tmp, *q;
        long long v = (long long)d;
        q = u64_digits(v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v, e);
        if (v < 0)
            *--q = '-';
        size_t len = (size_t)(e - q) < dstsize ? (size_t)(e - q) : dstsize - 1;
        memcpy(dst, q, len);
        dst[len] = 0;
        return len;
    }
    int neg = d < 0;
    double x = neg ? -d : d;
    binary b = decompose(x);
    int subnormal = x < DBL_MIN;
    char buf[24], *dig = buf;
    size_t n;
    int exp10, from = 15;
    uint64_t c = 0;
    int k = 0, found = -1;
    /* (path 1 needs each operation rounded to double, not to a wider type) */
    if (FLT_EVAL_METHOD == 0 && !subnormal)
        found = short_decimal(x, b.q + 52, &c, &k);
    if (found == 0 && long_decimal(&b, k, &c, &k))
        found = 1;
    if (found == 0)
        from = 16;
    if (found == 1) {
        dig = u64_digits(c, buf + sizeof buf);
        n = (size_t)(buf + sizeof buf - dig);
        exp10 = (int)n - 1 - k;
    } else {
        n = printf_digits(x, from, subnormal, b.pow2, dig, &exp10);
    }
    while (n > 1 && dig[n - 1] == '0')
        n--;
    /* print like %.<p>g with p the precision that needs these digits */
    return write_g(dst, dstsize, neg, dig, n, exp10, n <= 15 ? 15 : (int)n);
}
