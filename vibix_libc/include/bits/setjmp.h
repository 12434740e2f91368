/* <bits/setjmp.h>: jmp_buf of x86_64 (from <setjmp.h>). */
#ifndef _BITS_SETJMP_H
#define _BITS_SETJMP_H
/* 8 saved registers, a "mask saved" flag and a signal mask (glibc's size). */
typedef struct { unsigned long __regs[8]; int __mask_saved; int __pad; unsigned long __mask[16]; } jmp_buf[1];
#endif
