/* long double fmal/erfl/erfcl/lgammal/lgammal_r/tgammal: prints each result's
   bits (sign, exponent, mantissa) and flags. `sp --against REF` instead compares
   them with REF (the glibc build's output) within a few ulp (fmal exactly, with
   the same flags and in every rounding mode) and prints the count and the lines
   that differ: the same text on the host and inside vibix (QEMU), where the
   arithmetic is TCG's but the reference is still glibc on real hardware. */
#define _GNU_SOURCE
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <stdlib.h>

static FILE *out;

static void bits(const char *what, long double v, int extra) {
    unsigned char b[16];
    memcpy(b, &v, 10);
    uint64_t m;
    memcpy(&m, b, 8);
    unsigned se = b[8] | b[9] << 8;
    fprintf(out, "B %s %u %u %llu %d\n", what, se >> 15, se & 0x7fff, (unsigned long long)m, extra);
}

static const long double pts[] = {
    0.0L, -0.0L, 1e-30L, 0.001L, 0.1L, 0.25L, 0.4999L, 0.5L, 0.75L, 1.0L, 1.25L, 1.5L, 1.75L, 2.0L, 2.3L, 2.5L,
    3.0L, 3.7L, 4.5L, 5.0L, 6.5L, 7.25L, 8.0L, 10.5L, 12.9L, 13.0L, 20.3L, 50.5L, 100.25L, 170.6L, 500.5L,
    1000.75L, 1754.25L, 1755.6L, 2000.0L, 1e10L, 1e300L,
    -1e-30L, -0.1L, -0.5L, -0.75L, -1.25L, -1.5L, -2.5L, -3.3L, -10.5L, -20.25L, -100.5L, -170.5L, -1000.5L,
    -1700.5L, -1800.5L, -1.0L, -2.0L, 26.0L, 27.5L, 106.0L, 107.0L, 110.0L, -6.0L, -7.5L, -30.0L,
};

static int compare(const char *ref, char *mine);

int main(int argc, char **argv) {
    char *mine = NULL;
    size_t mine_len = 0;
    const char *ref = argc == 3 && strcmp(argv[1], "--against") == 0 ? argv[2] : NULL;
    out = ref ? open_memstream(&mine, &mine_len) : stdout;
    if (!out) return perror("open_memstream"), 2;
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
    fprintf(out, "tgammal(-inf) nan %d, tgammal(-3) nan %d, erfl(nan) nan %d\n", isnan(tgammal(-INFINITY)) != 0,
           isnan(tgammal(-3.0L)) != 0, isnan(erfl(NAN)) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    long double r = lgammal(-2.0L);
    fprintf(out, "lgammal(-2) inf %d divbyzero %d\n", isinf(r) != 0, fetestexcept(FE_DIVBYZERO) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    r = tgammal(0.0L);
    fprintf(out, "tgammal(0) inf %d divbyzero %d\n", isinf(r) != 0, fetestexcept(FE_DIVBYZERO) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    r = tgammal(2000.0L);
    fprintf(out, "tgammal(2000) inf %d overflow %d\n", isinf(r) != 0, fetestexcept(FE_OVERFLOW) != 0);

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
            if (isnan(v)) fprintf(out, "%s nan flags %d\n", name, fl & FE_INVALID);
            else bits(name, v, 1000 + fl);
        }
    }
    if (!ref) return 0;
    fclose(out);
    return compare(ref, mine);
}

/* One "B name sign exponent mantissa extra" line: 1 and its fields, else 0. */
static int parse(char *line, char **name, unsigned *s, unsigned *e, unsigned long long *m, int *extra) {
    static char nm[64];
    if (sscanf(line, "B %63s %u %u %llu %d", nm, s, e, m, extra) != 5) return 0;
    *name = nm;
    return 1;
}

/* The value's position on the ordered line of long doubles (ulp steps; the
   64-bit mantissa keeps its integer bit, so equal exponents differ in the low bits). */
static __int128 position(unsigned s, unsigned e, unsigned long long m) {
    __int128 k = e ? ((__int128)e << 64 | m) : (__int128)m;
    return s ? -k : k;
}

static int compare(const char *ref, char *mine) {
    FILE *g = fopen(ref, "r");
    if (!g) return perror(ref), 2;
    char a[256], bad_name[64];
    int lines = 0, bad = 0;
    long long worst = 0;
    for (char *b = strtok(mine, "\n"); b; b = strtok(NULL, "\n"), lines++) {
        if (!fgets(a, sizeof a, g)) { printf("more lines than glibc's %d\n", lines); return 1; }
        a[strcspn(a, "\n")] = 0;
        char *na, *nb;
        unsigned sa, ea, sb, eb;
        unsigned long long ma, mb;
        int xa, xb;
        if (!parse(a, &na, &sa, &ea, &ma, &xa)) na = NULL;
        else snprintf(bad_name, sizeof bad_name, "%s", na), na = bad_name;
        if (!na || !parse(b, &nb, &sb, &eb, &mb, &xb) || strcmp(na, nb) != 0) {
            if (strcmp(a, b) != 0) printf("differs:\n  glibc %s\n  mine  %s\n", a, b), bad++;
            continue;
        }
        if (xa != xb) { printf("flag/sign differs:\n  glibc %s\n  mine  %s\n", a, b); bad++; continue; }
        int exact = xa >= 1000 || ea == 32767 || eb == 32767;
        __int128 d = position(sa, ea, ma) - position(sb, eb, mb);
        if (d < 0) d = -d;
        /* lgamma of negative x cancels two logarithms (near its zeros at -2.46, -2.75, ...):
           the error is a few ulp of the terms, up to 16 ulp of the result here. */
        int tol = strncmp(na, "lgammal", 7) == 0 && strstr(na, "(-") ? 16 : 4;
        if ((exact && d != 0) || d > tol) {
            printf("%s: glibc %u %u %llu, mine %u %u %llu (%lld ulp)\n", na, sa, ea, ma, sb, eb, mb, d > 1000000 ? -1LL : (long long)d);
            bad++;
        } else if (!exact && d > worst) worst = (long long)d;
    }
    if (fgets(a, sizeof a, g)) { printf("fewer lines than glibc (%d)\n", lines); return 1; }
    fclose(g);
    fprintf(stderr, "worst %lld ulp\n", worst);
    printf("%d lines compared with glibc, %d differ\n", lines, bad);
    return bad != 0;
}
