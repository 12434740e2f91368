#ifndef _MATH_H
#define _MATH_H
#include <features.h>
__BEGIN_DECLS

typedef float float_t;
typedef double double_t;

#define HUGE_VAL (__builtin_huge_val())
#define HUGE_VALF (__builtin_huge_valf())
#define HUGE_VALL (__builtin_huge_vall())
#define INFINITY (__builtin_inff())
#define NAN (__builtin_nanf(""))
#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4
#define FP_ILOGB0 (-2147483647-1)
#define FP_ILOGBNAN (-2147483647-1)
#define MATH_ERRNO 1
#define MATH_ERREXCEPT 2
#define math_errhandling 2

#define fpclassify(x) __builtin_fpclassify(FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO, x)
#define isfinite(x) __builtin_isfinite(x)
#define isinf(x) __builtin_isinf_sign(x)
#define isnan(x) __builtin_isnan(x)
#define isnormal(x) __builtin_isnormal(x)
#define signbit(x) __builtin_signbit(x)
#define isgreater(x, y) __builtin_isgreater(x, y)
#define isgreaterequal(x, y) __builtin_isgreaterequal(x, y)
#define isless(x, y) __builtin_isless(x, y)
#define islessequal(x, y) __builtin_islessequal(x, y)
#define islessgreater(x, y) __builtin_islessgreater(x, y)
#define isunordered(x, y) __builtin_isunordered(x, y)

#define M_E 2.7182818284590452354
#define M_LOG2E 1.4426950408889634074
#define M_LOG10E 0.43429448190325182765
#define M_LN2 0.69314718055994530942
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.78539816339744830962
#define M_1_PI 0.31830988618379067154
#define M_2_PI 0.63661977236758134308
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.70710678118654752440

#define __VIBIX_M1(n) double n(double); float n##f(float);
#define __VIBIX_M2(n) double n(double, double); float n##f(float, float);
__VIBIX_M1(acos) __VIBIX_M1(asin) __VIBIX_M1(atan) __VIBIX_M1(cos) __VIBIX_M1(sin)
__VIBIX_M1(tan) __VIBIX_M1(cosh) __VIBIX_M1(sinh) __VIBIX_M1(tanh) __VIBIX_M1(acosh)
__VIBIX_M1(asinh) __VIBIX_M1(atanh) __VIBIX_M1(exp) __VIBIX_M1(exp2) __VIBIX_M1(exp10)
__VIBIX_M1(expm1) __VIBIX_M1(log) __VIBIX_M1(log10) __VIBIX_M1(log2) __VIBIX_M1(log1p)
__VIBIX_M1(logb) __VIBIX_M1(sqrt) __VIBIX_M1(cbrt) __VIBIX_M1(ceil) __VIBIX_M1(floor)
__VIBIX_M1(round) __VIBIX_M1(trunc) __VIBIX_M1(rint) __VIBIX_M1(nearbyint) __VIBIX_M1(erf)
__VIBIX_M1(erfc) __VIBIX_M1(tgamma) __VIBIX_M1(lgamma) __VIBIX_M1(fabs)
__VIBIX_M2(atan2) __VIBIX_M2(pow) __VIBIX_M2(hypot) __VIBIX_M2(fmod) __VIBIX_M2(remainder)
__VIBIX_M2(copysign) __VIBIX_M2(fmax) __VIBIX_M2(fmin) __VIBIX_M2(fdim) __VIBIX_M2(nextafter)
#undef __VIBIX_M1
#undef __VIBIX_M2
double j0(double);
double j1(double);
double jn(int, double);
double y0(double);
double y1(double);
double yn(int, double);
double fma(double, double, double);
float fmaf(float, float, float);
int ilogb(double);
int ilogbf(float);
double ldexp(double, int);
float ldexpf(float, int);
double scalbn(double, int);
float scalbnf(float, int);
double scalbln(double, long);
double frexp(double, int *);
float frexpf(float, int *);
double modf(double, double *);
float modff(float, float *);
double remquo(double, double, int *);
double lgamma_r(double, int *);
void sincos(double, double *, double *);
long lround(double);
long long llround(double);
long lrint(double);
long long llrint(double);
long lroundf(float);
long lrintf(float);
double nan(const char *);
float nanf(const char *);
extern int signgam;
double drem(double, double);
float dremf(float, float);
int finite(double);
int finitef(float);
float j0f(float);
float j1f(float);
float jnf(int, float);
float y0f(float);
float y1f(float);
float ynf(int, float);
float lgammaf_r(float, int *);
long long llrintf(float);
long long llroundf(float);
double pow10(double);
float pow10f(float);
float remquof(float, float, int *);
float scalblnf(float, long);
void sincosf(float, float *, float *);
double scalb(double, double);
float scalbf(float, float);
double significand(double);
float significandf(float);
/* long double: the x87 80-bit format. */
long double sqrtl(long double);
long double fmal(long double, long double, long double);
long double erfl(long double);
long double erfcl(long double);
long double lgammal(long double);
long double lgammal_r(long double, int *);
long double tgammal(long double);
long double fabsl(long double);
long double sinl(long double);
long double cosl(long double);
long double tanl(long double);
long double asinl(long double);
long double acosl(long double);
long double atanl(long double);
long double expl(long double);
long double exp2l(long double);
long double exp10l(long double);
long double pow10l(long double);
long double expm1l(long double);
long double logl(long double);
long double log2l(long double);
long double log10l(long double);
long double log1pl(long double);
long double sinhl(long double);
long double coshl(long double);
long double tanhl(long double);
long double asinhl(long double);
long double acoshl(long double);
long double atanhl(long double);
long double cbrtl(long double);
long double floorl(long double);
long double ceill(long double);
long double truncl(long double);
long double roundl(long double);
long double rintl(long double);
long double nearbyintl(long double);
long double logbl(long double);
long double powl(long double, long double);
long double atan2l(long double, long double);
long double fmodl(long double, long double);
long double remainderl(long double, long double);
long double dreml(long double, long double);
long double hypotl(long double, long double);
long double fmaxl(long double, long double);
long double fminl(long double, long double);
long double fdiml(long double, long double);
long double copysignl(long double, long double);
long double nextafterl(long double, long double);
long double nexttowardl(long double, long double);
long double frexpl(long double, int *);
long double ldexpl(long double, int);
long double scalbnl(long double, int);
long double scalblnl(long double, long);
long double modfl(long double, long double *);
long double remquol(long double, long double, int *);
void sincosl(long double, long double *, long double *);
int ilogbl(long double);
long lrintl(long double);
long long llrintl(long double);
long lroundl(long double);
long long llroundl(long double);
double nexttoward(double, long double);
float nexttowardf(float, long double);
long double nanl(const char *);

__END_DECLS
#endif
