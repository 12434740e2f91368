#include <complex.h>
#include <stdio.h>

#define P(name, v) printf("%-7s %.10g %+.10gi\n", name, creal(v), cimag(v))
#define PF(name, v) printf("%-7s %.5g %+.5gi\n", name, (double)crealf(v), (double)cimagf(v))
#define PL(name, v) printf("%-7s %.10Lg %+.10Lgi\n", name, creall(v), cimagl(v))

int main(void) {
    double complex zs[] = {CMPLX(0.5, 0.3), CMPLX(-1.2, 0.7), CMPLX(2, -3), CMPLX(0.1, 2), CMPLX(-0.4, -0.9)};
    for (int i = 0; i < 5; i++) {
        double complex z = zs[i];
        printf("z = %g%+gi\n", creal(z), cimag(z));
        P("cexp", cexp(z)); P("clog", clog(z)); P("csqrt", csqrt(z)); P("csin", csin(z)); P("ccos", ccos(z));
        P("ctan", ctan(z)); P("csinh", csinh(z)); P("ccosh", ccosh(z)); P("ctanh", ctanh(z)); P("casin", casin(z));
        P("cacos", cacos(z)); P("catan", catan(z)); P("casinh", casinh(z)); P("cacosh", cacosh(z));
        P("catanh", catanh(z)); P("cpow", cpow(z, CMPLX(1.5, -0.5))); P("conj", conj(z)); P("cproj", cproj(z));
        printf("cabs %.12g carg %.12g\n", cabs(z), carg(z));
        float complex f = (float complex)z;
        PF("cexpf", cexpf(f)); PF("clogf", clogf(f)); PF("csqrtf", csqrtf(f)); PF("csinf", csinf(f));
        PF("catanf", catanf(f)); PF("cpowf", cpowf(f, 2.0f)); PF("conjf", conjf(f));
        printf("cabsf %.5g cargf %.5g\n", (double)cabsf(f), (double)cargf(f));
        long double complex l = (long double complex)z;
        PL("cexpl", cexpl(l)); PL("clogl", clogl(l)); PL("csqrtl", csqrtl(l)); PL("ccosl", ccosl(l));
        PL("cpowl", cpowl(l, CMPLXL(2, 0))); PL("conjl", conjl(l)); PL("cprojl", cprojl(l));
        printf("cabsl %.15Lg cargl %.15Lg\n", cabsl(l), cargl(l));
    }
    P("exact", cexp(0)); P("sqrt-4", csqrt(CMPLX(-4, 0))); printf("cabs %g\n", cabs(CMPLX(3, 4)));
    P("proj", cproj(CMPLX(__builtin_inf(), -2))); P("pow0", cpow(0, 0)); P("I*I", I * I);
    return 0;
}
