#include <fenv.h>
#include <math.h>
#include <stdio.h>

static volatile double one = 1.0, three = 3.0, zero = 0.0, big = 1e308, tiny = 1e-308;
static volatile long double lone = 1.0L, lthree = 3.0L;

static void flags(const char *what) {
    printf("%-12s inv=%d dz=%d of=%d uf=%d inx=%d\n", what, !!fetestexcept(FE_INVALID), !!fetestexcept(FE_DIVBYZERO),
           !!fetestexcept(FE_OVERFLOW), !!fetestexcept(FE_UNDERFLOW), !!fetestexcept(FE_INEXACT));
}

int main(void) {
    int modes[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
    const char *names[] = {"nearest", "down", "up", "zero"};
    for (int i = 0; i < 4; i++) {
        printf("set %s: %d get=%d\n", names[i], fesetround(modes[i]), fegetround() == modes[i]);
        volatile double q = one / three, nq = -one / three;
        volatile long double lq = lone / lthree;
        printf("  %a %a %La rint(2.5)=%g rint(-2.5)=%g nearbyint(0.5)=%g lrint(3.5)=%ld\n", q, nq, lq, rint(2.5),
               rint(-2.5), nearbyint(0.5), lrint(3.5));
    }
    fesetround(FE_TONEAREST);
    printf("bad mode: %d\n", fesetround(0x1234) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    flags("clear");
    volatile double r = one / zero;
    flags("1/0");
    feclearexcept(FE_DIVBYZERO);
    flags("cleared dz");
    r = zero / zero;
    flags("0/0");
    feclearexcept(FE_ALL_EXCEPT);
    r = big * big;
    flags("overflow");
    feclearexcept(FE_ALL_EXCEPT);
    r = tiny * tiny;
    flags("underflow");
    feclearexcept(FE_ALL_EXCEPT);
    volatile long double lr = lone / 0.0L;
    flags("x87 1/0");
    (void)r;
    (void)lr;
    feclearexcept(FE_ALL_EXCEPT);
    feraiseexcept(FE_OVERFLOW | FE_INEXACT);
    flags("raised");
    fexcept_t saved;
    fegetexceptflag(&saved, FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
    fesetexceptflag(&saved, FE_OVERFLOW);
    flags("setflag");
    fenv_t env;
    fesetround(FE_UPWARD);
    feholdexcept(&env);
    flags("held");
    r = one / zero;
    flags("in hold");
    printf("round in hold up=%d\n", fegetround() == FE_UPWARD);
    feupdateenv(&env);
    flags("updated");
    fegetenv(&env);
    fesetround(FE_DOWNWARD);
    fesetenv(&env);
    printf("restored up=%d\n", fegetround() == FE_UPWARD);
    fesetenv(FE_DFL_ENV);
    printf("default nearest=%d\n", fegetround() == FE_TONEAREST);
    flags("default");
    return 0;
}
