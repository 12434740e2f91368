/* Raw Linux x86_64 system calls for the -nostdlib -static kernel tests. */
#ifndef VIBIX_TEST_SYS_H
#define VIBIX_TEST_SYS_H
typedef unsigned long size_t;

static inline long sys6(long n, long a, long b, long c, long d, long e, long f) {
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    long ret;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}
#define sys3(n, a, b, c) sys6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)

static size_t slen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }
static void puts1(const char *s) { sys3(1, 1, s, slen(s)); }
static void exit_(int code) { sys3(231, code, 0, 0); for (;;) {} }

/* _start: %rsp points at argc; call start_c(sp) with the stack 16-byte aligned. */
__asm__(".globl _start\n_start:\n xor %ebp,%ebp\n mov %rsp,%rdi\n and $-16,%rsp\n call start_c\n hlt\n");
#endif
