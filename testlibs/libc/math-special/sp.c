/* long double fmal/erfl/erfcl/lgammal/lgammal_r/tgammal: prints each result's
   bits (sign, exponent, mantissa) and flags; run.sh compares with glibc within
   a few ulp (fmal exactly, with the same flags and in every rounding mode). */
#define _GNU_SOURCE
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <stdint.h>

static void bits(const char *what, long double v, int extra) {
    unsigned char b[16];
    memcpy(b, &v, 10);
    uint64_t m;
    memcpy(&m, b, 8);
    unsigned se = b[8] | b[9] << 8;
    printf("B %s %u %u %llu %d\n", what, se >> 15, se & 0x7fff, (unsigned long long)m, extra);
}

static const long double pts[] = {
    0.0L, -0.0L, 1e-30L, 0.001L, 0.1L, 0.25L, 0.4999L, 0.5L, 0.75L, 1.0L, 1.25L, 1.5L, 1.75L, 2.0L, 2.3L, 2.5L,
    3.0L, 3.7L, 4.5L, 5.0L, 6.5L, 7.25L, 8.0L, 10.5L, 12.9L, 13.0L, 20.3L, 50.5L, 100.25L, 170.6L, 500.5L,
    1000.75L, 1754.25L, 1755.6L, 2000.0L, 1e10L, 1e300L,
    -1e-30L, -0.1L, -0.5L, -0.75L, -1.25L, -1.5L, -2.5L, -3.3L, -10.5L, -20.25L, -100.5L, -170.5L, -1000.5L,
    -1700.5L, -1800.5L, -1.0L, -2.0L, 26.0L, 27.5L, 106.0L, 107.0L, 110.0L, -6.0L, -7.5L, -30.0L,
};

int main(void) {
    char name[64];
    for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++) {
        long double x = pts[i];
        snprintf(name, sizeof name, "erfl(%Lg)", x); bits(name, erfl(x), 0);
        snprintf(name, sizeof name, "erfcl(%Lg)", x); bits(name, erfcl(x), 0);
        int s = 0;
        long double lg = lgammal_r(x, &s);
        snprintf(name, sizeof name, "lgammal_r(%Lg)", x); bits(name, lg, isinf(lg) ? 0 : s);
        signgam = 0;
        lg = lgammal(x);
        snprintf(name, sizeof name, "lgammal(%Lg)", x); bits(name, lg, isinf(lg) ? 0 : signgam);
        snprintf(name, sizeof name, "tgammal(%Lg)", x); bits(name, tgammal(x), 0);
    }
    /* specials */
    bits("erfl(inf)", erfl(INFINITY), 0); bits("erfl(-inf)", erfl(-INFINITY), 0);
    bits("erfcl(inf)", erfcl(INFINITY), 0); bits("erfcl(-inf)", erfcl(-INFINITY), 0);
    bits("lgammal(inf)", lgammal(INFINITY), 0); bits("lgammal(-inf)", lgammal(-INFINITY), 0);
    bits("tgammal(inf)", tgammal(INFINITY), 0);
    printf("tgammal(-inf) nan %d, tgammal(-3) nan %d, erfl(nan) nan %d\n", isnan(tgammal(-INFINITY)) != 0,
           isnan(tgammal(-3.0L)) != 0, isnan(erfl(NAN)) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    long double r = lgammal(-2.0L);
    printf("lgammal(-2) inf %d divbyzero %d\n", isinf(r) != 0, fetestexcept(FE_DIVBYZERO) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    r = tgammal(0.0L);
    printf("tgammal(0) inf %d divbyzero %d\n", isinf(r) != 0, fetestexcept(FE_DIVBYZERO) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    r = tgammal(2000.0L);
    printf("tgammal(2000) inf %d overflow %d\n", isinf(r) != 0, fetestexcept(FE_OVERFLOW) != 0);

    /* fmal: exact, every rounding mode, with flags (tag 1000+i marks fmal lines: compared exactly) */
    static const long double fx[][3] = {
        {1.0L, 1.0L, 1.0L},
        {0x1.0000000000000002p0L, 0x1.0000000000000002p0L, -1.0L},      /* needs the low product bits */
        {0x1.fffffffffffffffep0L, 0x1.fffffffffffffffep0L, -0x1.fffffffffffffffcp1L},
        {3.0L, 1.0L / 3.0L, -1.0L},                                      /* tiny exact residue */
        {0x1p-16382L, 0x1p-10L, 0x1p-16445L},                             /* subnormal result */
        {0x1.8p-8000L, 0x1.8p-8000L, 0.0L},                               /* underflow to subnormal */
        {0x1p16000L, 0x1p383L, -0x1p16383L},                              /* 2^16383 - 2^16383 = 0 */
        {0x1p16000L, 0x1p384L, 1.0L},                                     /* overflow */
        {1.0L, 1.0L, 0x1p-70L},                                           /* z far below: sticky */
        {1.0L, 0x1p-70L, 1.0L},
        {0x1p-70L, 0x1p-70L, -1.0L},
        {1.0L, 1.0L, -0x1p-64L},
        {1.0L, -1.0L, 1.0L},                                              /* exact zero: sign by mode */
        {0x1.23456789abcdef01p3L, -0x1.fedcba9876543211p-2L, 0x1.13579bdf02468acep2L},
        {0x1.fffffffffffffffep16383L, 2.0L, -0x1.fffffffffffffffep16383L},
        {1e4000L, 1e-4000L, -1.0L},
        {-0x1p-16445L, 0x1p-1L, 0.0L},
        {0x1p-16445L, 0x1p-1L, -0x1p-16445L},
        {7.0L, 0x1.2492492492492492p-3L, -1.0L},
        {INFINITY, 0.0L, 1.0L},
        {INFINITY, 1.0L, -INFINITY},
        {2.0L, 3.0L, NAN},
    };
    static const int modes[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
    for (size_t m = 0; m < 4; m++) {
        for (size_t i = 0; i < sizeof fx / sizeof fx[0]; i++) {
            fesetround(modes[m]);
            feclearexcept(FE_ALL_EXCEPT);
            volatile long double a = fx[i][0], b = fx[i][1], c = fx[i][2];
            long double v = fmal(a, b, c);
            int fl = fetestexcept(FE_INEXACT | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID);
            fesetround(FE_TONEAREST);
            snprintf(name, sizeof name, "fmal[%zu]mode%zu", i, m);
            if (isnan(v)) printf("%s nan flags %d\n", name, fl & FE_INVALID);
            else bits(name, v, 1000 + fl);
        }
    }
    return 0;
}
