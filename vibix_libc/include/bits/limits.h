/* <bits/limits.h>: word sizes of x86_64 (from <limits.h>). */
#ifndef _BITS_LIMITS_H
#define _BITS_LIMITS_H
#define LONG_BIT 64
#define WORD_BIT 32
#endif
