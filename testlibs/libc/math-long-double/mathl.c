#include <float.h>
#include <math.h>
#include <stdio.h>

static volatile long double vals[] = {0.0L, -0.0L, 0.5L, -0.5L, 1.0L, -1.0L, 2.5L, -2.5L, 3.5L, 0.1L, 1e-10L,
                                      7.75L, -13.25L, 100.0L, 123456.789L, 1e30L, -1e-300L, LDBL_MIN,
                                      LDBL_TRUE_MIN, 0.49999999999999999995L, INFINITY, -INFINITY, NAN};
#define N (sizeof vals / sizeof vals[0])

static void exact1(const char *name, long double (*f)(long double)) {
    printf("%s:", name);
    for (unsigned i = 0; i < N; i++) printf(" %La", f(vals[i]));
    printf("\n");
}

static void approx1(const char *name, long double (*f)(long double), long double lo, long double hi) {
    printf("%s:", name);
    for (unsigned i = 0; i < N; i++) {
        long double x = vals[i];
        long double r = f(x);
        if (isnan(x) || isinf(x) || x == 0)
            printf(" %Lg", r); /* special cases: exactly */
        else if (!(x >= lo && x <= hi))
            printf(" -"); /* not compared (e.g. sinl beyond 2^63: x87 reduction) */
        else
            printf(" %.12Lg", r);
    }
    printf("\n");
}

int main(void) {
    exact1("sqrtl", sqrtl);
    exact1("fabsl", fabsl);
    exact1("floorl", floorl);
    exact1("ceill", ceill);
    exact1("truncl", truncl);
    exact1("roundl", roundl);
    exact1("rintl", rintl);
    exact1("nearbyintl", nearbyintl);
    exact1("logbl", logbl);
    approx1("sinl", sinl, -LDBL_MAX, LDBL_MAX);
    approx1("cosl", cosl, -LDBL_MAX, LDBL_MAX);
    approx1("tanl", tanl, -LDBL_MAX, LDBL_MAX);
    approx1("asinl", asinl, -1, 1);
    approx1("acosl", acosl, -1, 1);
    approx1("atanl", atanl, -1e30L, 1e30L);
    approx1("expl", expl, -200, 200);
    approx1("exp2l", exp2l, -200, 200);
    approx1("expm1l", expm1l, -200, 200);
    approx1("logl", logl, 0, 1e31L);
    approx1("log2l", log2l, 0, 1e31L);
    approx1("log10l", log10l, 0, 1e31L);
    approx1("log1pl", log1pl, -0.99L, 1e31L);
    approx1("sinhl", sinhl, -100, 100);
    approx1("coshl", coshl, -100, 100);
    approx1("tanhl", tanhl, -100, 100);
    approx1("asinhl", asinhl, -1e30L, 1e30L);
    approx1("acoshl", acoshl, 1, 1e30L);
    approx1("atanhl", atanhl, -0.99L, 0.99L);
    approx1("cbrtl", cbrtl, -1e30L, 1e30L);
    for (unsigned i = 0; i < N; i++) {
        long double x = vals[i];
        int e = 99;
        long double m = frexpl(x, &e);
        long double ip = 99;
        long double fr = modfl(x, &ip);
        int q = 99;
        long double rq = remquol(x, 0.75L, &q);
        printf("x=%La frexp %La %d | modf %La %La | ldexp %La %La | ilogb %d | fmod %La %La | rem %La | remquo %La %d"
               " | next %La %La | copysign %La | max %La min %La dim %La | hypot %.12Lg | lrint %ld lround %ld\n",
               x, m, isfinite(x) ? e : 0, fr, ip, ldexpl(x, 3), scalbnl(x, -20000), isnan(x) ? 0 : ilogbl(x),
               fmodl(x, 0.75L), fmodl(x, -3.0L), remainderl(x, 0.75L), rq, isfinite(x) ? q : 0,
               nextafterl(x, 1.0L), nexttowardl(x, -INFINITY), copysignl(2.0L, x), fmaxl(x, 1.0L), fminl(x, 1.0L),
               fdiml(x, 1.0L), hypotl(x, 3.0L), isfinite(x) && fabsl(x) < 1e18L ? lrintl(x) : 0,
               isfinite(x) && fabsl(x) < 1e18L ? lroundl(x) : 0);
    }
    long double bases[] = {2.0L, -2.0L, 0.5L, 10.0L, 0.0L, -0.0L, 1.0L, -1.0L, INFINITY, -INFINITY, NAN, 1.0000001L};
    long double exps[] = {0.0L, 1.0L, 3.0L, -3.0L, 0.5L, 2.5L, 64.0L, -0.0L, INFINITY, -INFINITY, NAN};
    for (unsigned i = 0; i < sizeof bases / sizeof bases[0]; i++) {
        printf("powl(%Lg):", bases[i]);
        for (unsigned j = 0; j < sizeof exps / sizeof exps[0]; j++) printf(" %.12Lg", powl(bases[i], exps[j]));
        printf("\n");
    }
    printf("atan2l: %.15Lg %.15Lg %.15Lg %.15Lg %Lg %Lg\n", atan2l(1, 1), atan2l(1, -1), atan2l(-1, -1),
           atan2l(0.0L, -1), atan2l(-0.0L, 1), atan2l(INFINITY, INFINITY));
    /* sinl/cosl/tanl/sincosl need an exact argument reduction: near multiples of
       pi/2 (where the result is tiny and every bit of the reduced argument counts)
       and far from 0, to 17 digits. */
    static volatile long double trig[] = {1.5707963267948966192L, -1.5707963267948966192L, 3.1415926535897932385L,
                                          4.7123889803846898577L, 6.2831853071795864769L, 1e22L, -1e22L, 0x1p63L,
                                          0x1p64L, 0x1.921fb54442d18469p+200L, 1e300L, 1e1000L, 1e4000L,
                                          LDBL_MAX, -LDBL_MAX, 0x1.8p-1L, 0.7853981633974483096L,
                                          0.7853981633974483097L, 2.356194490192344929L, 355.0L, 104348.0L,
                                          6381956970095103.0L * 0x1p797L, 0x1p-32L, 0x1.fffffffffffffffep-34L};
    for (unsigned i = 0; i < sizeof trig / sizeof trig[0]; i++) {
        long double x = trig[i], ts, tc;
        sincosl(x, &ts, &tc);
        printf("trig %La: sin %.17Lg cos %.17Lg tan %.17Lg sincos %d\n", x, sinl(x), cosl(x), tanl(x),
               ts == sinl(x) && tc == cosl(x));
    }
    long double s, c;
    sincosl(0.5L, &s, &c);
    printf("sincosl %.15Lg %.15Lg nanl %Lg nexttoward %a %a\n", s, c, nanl(""), nexttoward(1.0, 2.0L),
           (double)nexttowardf(1.0f, 0.0L));
    /* The obsolete/GNU float and double names beside them. */
    float sf, cf;
    sincosf(0.5f, &sf, &cf);
    int qf;
    printf("drem %g %g pow10 %g %g significand %g %g scalb %g %g sincosf %.6g %.6g llrintf %lld llroundf %lld"
           " remquof %g %d scalblnf %g finitef %d %d jnf %.6g ynf %.6g\n",
           drem(7.0, 2.0), (double)dremf(7.0f, 2.0f), pow10(3), (double)pow10f(-2), significand(48.0),
           (double)significandf(0.375f), scalb(3.0, 4.0), (double)scalbf(1.0f, -2.0f), (double)sf, (double)cf,
           llrintf(2.5f), llroundf(2.5f), (double)remquof(7.0f, 2.0f, &qf), qf, (double)scalblnf(1.0f, 10L),
           finitef(1.0f), finitef(__builtin_inff()), (double)jnf(2, 1.5f), (double)ynf(1, 2.0f));
    return 0;
}
