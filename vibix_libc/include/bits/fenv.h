/* <bits/fenv.h>: x86_64 exception bits, rounding modes and fenv_t (glibc's
   layout: the fnstenv area then MXCSR); from <fenv.h>. */
#ifndef _BITS_FENV_H
#define _BITS_FENV_H
#define FE_INVALID 0x01
#define FE_DIVBYZERO 0x04
#define FE_OVERFLOW 0x08
#define FE_UNDERFLOW 0x10
#define FE_INEXACT 0x20
#define FE_ALL_EXCEPT 0x3d
#define FE_TONEAREST 0
#define FE_DOWNWARD 0x400
#define FE_UPWARD 0x800
#define FE_TOWARDZERO 0xc00
typedef unsigned short fexcept_t;
typedef struct {
    unsigned short __control_word, __reserved1, __status_word, __reserved2, __tags, __reserved3;
    unsigned int __eip;
    unsigned short __cs_selector, __opcode;
    unsigned int __data_offset;
    unsigned short __data_selector, __reserved5;
    unsigned int __mxcsr;
} fenv_t;
#endif
