#ifndef _SETJMP_H
#define _SETJMP_H
#include <features.h>
__BEGIN_DECLS
#include <bits/setjmp.h>
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
