#ifndef _SETJMP_H
#define _SETJMP_H
#include <features.h>
__BEGIN_DECLS
/* 8 saved registers, a "mask saved" flag and a signal mask (glibc's size). */
typedef struct { unsigned long __regs[8]; int __mask_saved; int __pad; unsigned long __mask[16]; } jmp_buf[1];
typedef jmp_buf sigjmp_buf;
int setjmp(jmp_buf) __attribute__((__returns_twice__));
int _setjmp(jmp_buf) __attribute__((__returns_twice__));
int __sigsetjmp(sigjmp_buf, int) __attribute__((__returns_twice__));
__noreturn void longjmp(jmp_buf, int);
__noreturn void _longjmp(jmp_buf, int);
__noreturn void siglongjmp(sigjmp_buf, int);
#define sigsetjmp(env, save) __sigsetjmp(env, save)
__END_DECLS
#endif
