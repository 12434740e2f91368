#include <tgmath.h>
#include <stdio.h>

#define KIND(e) _Generic((e), float: "f", double: "d", long double: "ld", \
    float _Complex: "cf", double _Complex: "cd", long double _Complex: "cld", \
    int: "i", long: "l", long long: "ll", default: "?")
#define SHOW(e) printf("%-28s %-3s %.17Lg\n", #e, KIND(e), (long double)creal(e))
#define SHOWC(e) printf("%-28s %-3s %.10Lg %.10Lg\n", #e, KIND(e), (long double)creal(e), (long double)cimag(e))

int main(void) {
    float f = 2.0f;
    double d = 2.0;
    long double ld = 2.0L;
    int i = 2;
    float _Complex fc = 1.0f + 2.0f * I;
    double _Complex dc = 1.0 + 2.0 * I;
    long double _Complex ldc = 1.0L + 2.0L * I;
    SHOW(sqrt(f)); SHOW(sqrt(d)); SHOW(sqrt(ld)); SHOW(sqrt(i));
    SHOWC(sqrt(fc)); SHOWC(sqrt(dc)); SHOWC(sqrt(ldc));
    SHOW(exp(f)); SHOW(log(ld)); SHOW(sin(i)); SHOW(cos(f)); SHOW(tan(ld));
    SHOWC(exp(dc)); SHOWC(log(fc)); SHOWC(sinh(ldc));
    SHOW(fabs(-f)); SHOW(fabs(-ld)); SHOW(fabs(dc)); SHOW(fabs(fc));
    SHOW(pow(f, f)); SHOW(pow(f, i)); SHOW(pow(f, d)); SHOW(pow(f, ld)); SHOW(pow(i, i));
    SHOWC(pow(fc, f)); SHOWC(pow(d, dc));
    SHOW(atan2(f, f)); SHOW(atan2(f, i)); SHOW(atan2(ld, f));
    SHOW(fmax(f, 3.0f)); SHOW(fmin(i, ld)); SHOW(hypot(f, f)); SHOW(fmod(ld, 1.5L));
    SHOW(fma(f, f, f)); SHOW(fma(f, f, i)); SHOW(fma(d, d, ld));
    SHOW(cbrt(f)); SHOW(floor(ld)); SHOW(ceil(i)); SHOW(lround(f)); SHOW(llrint(ld)); SHOW(ilogb(d));
    SHOW(ldexp(f, 3)); SHOW(scalbn(ld, 2)); SHOW(scalbln(f, 2L)); SHOW(nexttoward(f, 3.0L));
    int e;
    SHOW(frexp(f, &e)); printf("exp %d\n", e);
    int q;
    SHOW(remquo(f, 1.5f, &q)); printf("quo %d\n", q);
    SHOW(erf(f)); SHOW(erfc(d)); SHOW(lgamma(f)); SHOW(tgamma(d));
    SHOW(creal(fc)); SHOW(cimag(ldc)); SHOW(creal(d)); SHOW(carg(dc)); SHOWC(conj(fc)); SHOWC(cproj(ldc));
    SHOW(creal(f));
    return 0;
}
