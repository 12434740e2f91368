/* Minimal freestanding runtime for loader tests: raw syscalls, no libc. */
#ifndef RT_H
#define RT_H
typedef unsigned long size_t;
static inline long sys3(long n, long a, long b, long c) {
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    return r;
}
static inline size_t rt_strlen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }
static inline void rt_puts(const char *s) { sys3(1, 1, (long)s, rt_strlen(s)); }
static inline void rt_exit(int c) { sys3(231, c, 0, 0); __builtin_unreachable(); }
static inline void rt_putnum(long v) {
    char b[24]; int i = 23; b[i] = 0; int neg = v < 0; unsigned long u = neg ? -v : v;
    do { b[--i] = '0' + u % 10; u /= 10; } while (u);
    if (neg) b[--i] = '-';
    rt_puts(b + i);
}
static inline void rt_puthex(unsigned long v) {
    char b[19]; int i = 18; b[i] = 0;
    do { b[--i] = "0123456789abcdef"[v & 15]; v >>= 4; } while (v);
    b[--i] = 'x'; b[--i] = '0'; rt_puts(b + i);
}
#endif
