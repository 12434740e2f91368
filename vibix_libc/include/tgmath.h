/* <tgmath.h>: type-generic math (C11 7.25) with _Generic. The type of the
   call is chosen from the arguments as the standard says: an integer argument
   counts as double; a complex argument selects the c* function. */
#ifndef _TGMATH_H
#define _TGMATH_H
#include <math.h>
#include <complex.h>

#ifndef __cplusplus
/* A zero of the type an argument stands for (integers count as double). */
#define __tg_t(x) _Generic((x), \
    float: (float)0, long double: (long double)0, \
    float _Complex: (float _Complex)0, double _Complex: (double _Complex)0, \
    long double _Complex: (long double _Complex)0, default: (double)0)
#define __tg_t2(x, y) (__tg_t(x) + __tg_t(y))
#define __tg_t3(x, y, z) (__tg_t(x) + __tg_t(y) + __tg_t(z))

/* real-only functions: float, double, long double forms */
#define __tg_r(t, fn) _Generic((t), float: fn##f, long double: fn##l, default: fn)
/* real and complex forms */
#define __tg_rc(t, fn, cfn) _Generic((t), float: fn##f, long double: fn##l, \
    float _Complex: cfn##f, double _Complex: cfn, long double _Complex: cfn##l, default: fn)
/* complex-only functions (a real argument is a complex one with 0i) */
#define __tg_c(t, cfn) _Generic((t), float: cfn##f, long double: cfn##l, \
    float _Complex: cfn##f, long double _Complex: cfn##l, default: cfn)

#undef acos
#define acos(x) __tg_rc(__tg_t(x), acos, cacos)(x)
#undef asin
#define asin(x) __tg_rc(__tg_t(x), asin, casin)(x)
#undef atan
#define atan(x) __tg_rc(__tg_t(x), atan, catan)(x)
#undef acosh
#define acosh(x) __tg_rc(__tg_t(x), acosh, cacosh)(x)
#undef asinh
#define asinh(x) __tg_rc(__tg_t(x), asinh, casinh)(x)
#undef atanh
#define atanh(x) __tg_rc(__tg_t(x), atanh, catanh)(x)
#undef cos
#define cos(x) __tg_rc(__tg_t(x), cos, ccos)(x)
#undef sin
#define sin(x) __tg_rc(__tg_t(x), sin, csin)(x)
#undef tan
#define tan(x) __tg_rc(__tg_t(x), tan, ctan)(x)
#undef cosh
#define cosh(x) __tg_rc(__tg_t(x), cosh, ccosh)(x)
#undef sinh
#define sinh(x) __tg_rc(__tg_t(x), sinh, csinh)(x)
#undef tanh
#define tanh(x) __tg_rc(__tg_t(x), tanh, ctanh)(x)
#undef exp
#define exp(x) __tg_rc(__tg_t(x), exp, cexp)(x)
#undef log
#define log(x) __tg_rc(__tg_t(x), log, clog)(x)
#undef sqrt
#define sqrt(x) __tg_rc(__tg_t(x), sqrt, csqrt)(x)
#undef fabs
#define fabs(x) __tg_rc(__tg_t(x), fabs, cabs)(x)
#undef pow
#define pow(x, y) __tg_rc(__tg_t2(x, y), pow, cpow)(x, y)
#undef cbrt
#define cbrt(x) __tg_r(__tg_t(x), cbrt)(x)
#undef ceil
#define ceil(x) __tg_r(__tg_t(x), ceil)(x)
#undef erf
#define erf(x) __tg_r(__tg_t(x), erf)(x)
#undef erfc
#define erfc(x) __tg_r(__tg_t(x), erfc)(x)
#undef exp2
#define exp2(x) __tg_r(__tg_t(x), exp2)(x)
#undef expm1
#define expm1(x) __tg_r(__tg_t(x), expm1)(x)
#undef floor
#define floor(x) __tg_r(__tg_t(x), floor)(x)
#undef ilogb
#define ilogb(x) __tg_r(__tg_t(x), ilogb)(x)
#undef lgamma
#define lgamma(x) __tg_r(__tg_t(x), lgamma)(x)
#undef llrint
#define llrint(x) __tg_r(__tg_t(x), llrint)(x)
#undef llround
#define llround(x) __tg_r(__tg_t(x), llround)(x)
#undef log10
#define log10(x) __tg_r(__tg_t(x), log10)(x)
#undef log1p
#define log1p(x) __tg_r(__tg_t(x), log1p)(x)
#undef log2
#define log2(x) __tg_r(__tg_t(x), log2)(x)
#undef logb
#define logb(x) __tg_r(__tg_t(x), logb)(x)
#undef lrint
#define lrint(x) __tg_r(__tg_t(x), lrint)(x)
#undef lround
#define lround(x) __tg_r(__tg_t(x), lround)(x)
#undef nearbyint
#define nearbyint(x) __tg_r(__tg_t(x), nearbyint)(x)
#undef rint
#define rint(x) __tg_r(__tg_t(x), rint)(x)
#undef round
#define round(x) __tg_r(__tg_t(x), round)(x)
#undef tgamma
#define tgamma(x) __tg_r(__tg_t(x), tgamma)(x)
#undef trunc
#define trunc(x) __tg_r(__tg_t(x), trunc)(x)
#undef atan2
#define atan2(x, y) __tg_r(__tg_t2(x, y), atan2)(x, y)
#undef copysign
#define copysign(x, y) __tg_r(__tg_t2(x, y), copysign)(x, y)
#undef fdim
#define fdim(x, y) __tg_r(__tg_t2(x, y), fdim)(x, y)
#undef fmax
#define fmax(x, y) __tg_r(__tg_t2(x, y), fmax)(x, y)
#undef fmin
#define fmin(x, y) __tg_r(__tg_t2(x, y), fmin)(x, y)
#undef fmod
#define fmod(x, y) __tg_r(__tg_t2(x, y), fmod)(x, y)
#undef hypot
#define hypot(x, y) __tg_r(__tg_t2(x, y), hypot)(x, y)
#undef nextafter
#define nextafter(x, y) __tg_r(__tg_t2(x, y), nextafter)(x, y)
#undef remainder
#define remainder(x, y) __tg_r(__tg_t2(x, y), remainder)(x, y)
#undef fma
#define fma(x, y, z) __tg_r(__tg_t3(x, y, z), fma)(x, y, z)
#undef remquo
#define remquo(x, y, q) __tg_r(__tg_t2(x, y), remquo)(x, y, q)
#undef frexp
#define frexp(x, e) __tg_r(__tg_t(x), frexp)(x, e)
#undef ldexp
#define ldexp(x, e) __tg_r(__tg_t(x), ldexp)(x, e)
#undef scalbn
#define scalbn(x, e) __tg_r(__tg_t(x), scalbn)(x, e)
#undef scalbln
#define scalbln(x, e) __tg_r(__tg_t(x), scalbln)(x, e)
#undef nexttoward
#define nexttoward(x, y) __tg_r(__tg_t(x), nexttoward)(x, y)
#undef carg
#define carg(x) __tg_c(__tg_t(x), carg)(x)
#undef cimag
#define cimag(x) __tg_c(__tg_t(x), cimag)(x)
#undef conj
#define conj(x) __tg_c(__tg_t(x), conj)(x)
#undef cproj
#define cproj(x) __tg_c(__tg_t(x), cproj)(x)
#undef creal
#define creal(x) __tg_c(__tg_t(x), creal)(x)
#endif
#endif
