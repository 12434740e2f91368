/* <bits/float.h>: the x86_64 floating types' parameters, long double being
   the x87 80-bit format. <float.h> comes from the compiler and defines the
   same values; this header is for code that includes it by name. */
#ifndef _BITS_FLOAT_H
#define _BITS_FLOAT_H
#ifndef FLT_EVAL_METHOD
#define FLT_EVAL_METHOD 0
#endif
#ifndef LDBL_TRUE_MIN
#define LDBL_TRUE_MIN 3.6451995318824746025e-4951L
#endif
#ifndef LDBL_MIN
#define LDBL_MIN 3.3621031431120935063e-4932L
#endif
#ifndef LDBL_MAX
#define LDBL_MAX 1.1897314953572317650e+4932L
#endif
#ifndef LDBL_EPSILON
#define LDBL_EPSILON 1.0842021724855044340e-19L
#endif
#ifndef LDBL_MANT_DIG
#define LDBL_MANT_DIG 64
#endif
#ifndef LDBL_MIN_EXP
#define LDBL_MIN_EXP (-16381)
#endif
#ifndef LDBL_MAX_EXP
#define LDBL_MAX_EXP 16384
#endif
#ifndef LDBL_DIG
#define LDBL_DIG 18
#endif
#ifndef LDBL_MIN_10_EXP
#define LDBL_MIN_10_EXP (-4931)
#endif
#ifndef LDBL_MAX_10_EXP
#define LDBL_MAX_10_EXP 4932
#endif
#ifndef DECIMAL_DIG
#define DECIMAL_DIG 21
#endif
#endif
