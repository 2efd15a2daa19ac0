/*
 * libitss — shortest decimal representation of a double that reads back
 * exactly: the Ryu algorithm (Ulf Adams, "Ryu: fast float-to-string
 * conversion", PLDI 2018), written for libitss. Tables come from
 * lib/gen_pow5.py at build time.
 */
#include <stdint.h>
#include <string.h>

#include "internal.h"

__extension__ typedef unsigned __int128 u128;

extern const uint64_t itss__pow5_split[326][2];
extern const uint64_t itss__pow5_inv_split[342][2];

#define MANTISSA_BITS 52
#define EXPONENT_BITS 11
#define BIAS 1023
#define POW5_INV_BITCOUNT 125
#define POW5_BITCOUNT 125

/* bitlength(5^e) for e in [0, 3528] */
static inline int32_t pow5bits(int32_t e) { return (int32_t)(((uint32_t)e * 1217359) >> 19) + 1; }
/* floor(log10(2^e)) and floor(log10(5^e)) for e in [0, 1650] / [0, 2620] */
static inline uint32_t log10pow2(int32_t e) { return ((uint32_t)e * 78913) >> 18; }
static inline uint32_t log10pow5(int32_t e) { return ((uint32_t)e * 732923) >> 20; }

static inline uint32_t pow5factor(uint64_t v)
{
    uint32_t count = 0;
    for (;;) {
        uint64_t q = v / 5;
        if (v - 5 * q != 0)
            break;
        v = q;
        count++;
    }
    return count;
}

static inline int multiple_of_pow5(uint64_t v, uint32_t p) { return pow5factor(v) >= p; }
static inline int multiple_of_pow2(uint64_t v, uint32_t p) { return (v & ((1ull << p) - 1)) == 0; }

static inline uint64_t mul_shift(uint64_t m, const uint64_t *mul, int32_t j)
{
    u128 b0 = (u128)m * mul[0];
    u128 b2 = (u128)m * mul[1];
    return (uint64_t)(((b0 >> 64) + b2) >> (j - 64));
}

/* The shortest digits: *output x 10^*exp10. */
static void d2d(uint64_t mant, uint32_t expo, uint64_t *output, int32_t *exp10)
{
    int32_t e2;
    uint64_t m2;
    if (expo == 0) {
        e2 = 1 - BIAS - MANTISSA_BITS - 2;
        m2 = mant;
    } else {
        e2 = (int32_t)expo - BIAS - MANTISSA_BITS - 2;
        m2 = (1ull << MANTISSA_BITS) | mant;
    }
    const int even = (m2 & 1) == 0, accept_bounds = even;
    const uint64_t mv = 4 * m2;
    const uint32_t mm_shift = mant != 0 || expo <= 1;
    uint64_t vr, vp, vm;
    int32_t e10;
    int vm_trailing_zeros = 0, vr_trailing_zeros = 0;
    if (e2 >= 0) {
        const uint32_t q = log10pow2(e2) - (e2 > 3);
        e10 = (int32_t)q;
        const int32_t k = POW5_INV_BITCOUNT + pow5bits((int32_t)q) - 1;
        const int32_t i = -e2 + (int32_t)q + k;
        vr = mul_shift(4 * m2, itss__pow5_inv_split[q], i);
        vp = mul_shift(4 * m2 + 2, itss__pow5_inv_split[q], i);
        vm = mul_shift(4 * m2 - 1 - mm_shift, itss__pow5_inv_split[q], i);
        if (q <= 21) {
            if (mv % 5 == 0)
                vr_trailing_zeros = multiple_of_pow5(mv, q);
            else if (accept_bounds)
                vm_trailing_zeros = multiple_of_pow5(mv - 1 - mm_shift, q);
            else
                vp -= (uint64_t)multiple_of_pow5(mv + 2, q);
        }
    } else {
        const uint32_t q = log10pow5(-e2) - (-e2 > 1);
        e10 = (int32_t)q + e2;
        const int32_t i = -e2 - (int32_t)q;
        const int32_t k = pow5bits(i) - POW5_BITCOUNT;
        const int32_t j = (int32_t)q - k;
        vr = mul_shift(4 * m2, itss__pow5_split[i], j);
        vp = mul_shift(4 * m2 + 2, itss__pow5_split[i], j);
        vm = mul_shift(4 * m2 - 1 - mm_shift, itss__pow5_split[i], j);
        if (q <= 1) {
            vr_trailing_zeros = 1;
            if (accept_bounds)
                vm_trailing_zeros = mm_shift == 1;
            else
                vp--;
        } else if (q < 63) {
            vr_trailing_zeros = multiple_of_pow2(mv, q);
        }
    }
    int32_t removed = 0;
    uint8_t last_removed = 0;
    uint64_t out;
    if (vm_trailing_zeros || vr_trailing_zeros) {
        for (;;) {
            const uint64_t vp10 = vp / 10, vm10 = vm / 10;
            if (vp10 <= vm10)
                break;
            const uint32_t vm_mod10 = (uint32_t)(vm - 10 * vm10);
            const uint64_t vr10 = vr / 10;
            const uint32_t vr_mod10 = (uint32_t)(vr - 10 * vr10);
            vm_trailing_zeros &= vm_mod10 == 0;
            vr_trailing_zeros &= last_removed == 0;
            last_removed = (uint8_t)vr_mod10;
            vr = vr10;
            vp = vp10;
            vm = vm10;
            removed++;
        }
        if (vm_trailing_zeros) {
            for (;;) {
                const uint64_t vm10 = vm / 10;
                if (vm - 10 * vm10 != 0)
                    break;
                const uint64_t vp10 = vp / 10, vr10 = vr / 10;
                const uint32_t vr_mod10 = (uint32_t)(vr - 10 * vr10);
                vr_trailing_zeros &= last_removed == 0;
                last_removed = (uint8_t)vr_mod10;
                vr = vr10;
                vp = vp10;
                vm = vm10;
                removed++;
            }
        }
        if (vr_trailing_zeros && last_removed == 5 && vr % 2 == 0)
            last_removed = 4; /* round half to even */
        out = vr + ((vr == vm && (!accept_bounds || !vm_trailing_zeros)) || last_removed >= 5);
    } else {
        int round_up = 0;
        for (;;) {
            const uint64_t vp10 = vp / 10, vm10 = vm / 10;
            if (vp10 <= vm10)
                break;
            const uint64_t vr10 = vr / 10;
            round_up = vr - 10 * vr10 >= 5;
            vr = vr10;
            vp = vp10;
            vm = vm10;
            removed++;
        }
        out = vr + (vr == vm || round_up);
    }
    *output = out;
    *exp10 = e10 + removed;
}

size_t itss__shortest_digits(double d, char *digits, int *exp10, int *neg)
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    *neg = (int)(bits >> 63);
    uint64_t mant = bits & ((1ull << MANTISSA_BITS) - 1);
    uint32_t expo = (uint32_t)((bits >> MANTISSA_BITS) & ((1u << EXPONENT_BITS) - 1));
    uint64_t out;
    int32_t e;
    d2d(mant, expo, &out, &e);
    char rev[24];
    size_t n = 0;
    do
        rev[n++] = (char)('0' + out % 10);
    while (out /= 10);
    for (size_t i = 0; i < n; i++)
        digits[i] = rev[n - 1 - i];
    *exp10 = e + (int)n - 1; /* value = d.ddd x 10^exp10 */
    return n;
}
