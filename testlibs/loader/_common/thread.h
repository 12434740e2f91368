/* Raw threads for loader tests: the libc side of the vibix-abi contract
   (allocate static_size + THREAD_AREA_SIZE, call __vibix_thread_init, set %fs
   with CLONE_SETTLS, call __vibix_thread_exit). No libc involved. */
#ifndef THREAD_H
#define THREAD_H
#include "rt.h"
struct TlsLayout { unsigned long static_size, align; };
void __vibix_tls_layout(struct TlsLayout *);
int __vibix_thread_init(void *tp);
void __vibix_thread_exit(void *tp);
long rt_clone(unsigned long flags, void *stack, int *ptid, int *ctid, void *tls, void (*fn)(void *), void *arg);
__asm__(".text\n.globl rt_clone\nrt_clone:\n"
        "  mov 8(%rsp), %rax\n  sub $16, %rsi\n  mov %r9, 0(%rsi)\n  mov %rax, 8(%rsi)\n"
        "  mov %rcx, %r10\n  mov $56, %eax\n  syscall\n  test %rax, %rax\n  jnz 1f\n"
        "  xor %ebp, %ebp\n  pop %rax\n  pop %rdi\n  and $-16, %rsp\n  call *%rax\n"
        "  mov $60, %eax\n  xor %edi, %edi\n  syscall\n1: ret\n");
static long sys6(long n, long a, long b, long c, long d, long e, long f) {
    long r; register long r10 __asm__("r10") = d, r8 __asm__("r8") = e, r9 __asm__("r9") = f;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9) : "rcx", "r11", "memory");
    return r;
}
static void *rt_mmap(unsigned long len) { return (void *)sys6(9, 0, len, 3, 0x22, -1, 0); }
struct rt_thread { int ctid; void *tp; void (*fn)(void *); void *arg; };
static void rt_thread_body(void *p) {
    struct rt_thread *t = p;
    t->fn(t->arg);
    __vibix_thread_exit(t->tp);
}
static int rt_spawn(struct rt_thread *t, void (*fn)(void *), void *arg) {
    struct TlsLayout l; __vibix_tls_layout(&l);
    unsigned long area = l.static_size + 1024 + l.align;
    char *mem = rt_mmap((area + 4095) & ~4095ul);
    char *tp = (char *)(((unsigned long)mem + l.static_size + l.align - 1) & ~(l.align - 1));
    if (__vibix_thread_init(tp)) return -1;
    char *stack = rt_mmap(1 << 16);
    t->tp = tp; t->fn = fn; t->arg = arg; t->ctid = 1;
    /* VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|CHILD_CLEARTID */
    long r = rt_clone(0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000 | 0x80000 | 0x200000,
                      stack + (1 << 16), 0, &t->ctid, tp, rt_thread_body, t);
    return r < 0 ? -1 : 0;
}
static void rt_join(struct rt_thread *t) {
    while (__atomic_load_n(&t->ctid, __ATOMIC_ACQUIRE)) sys6(202, (long)&t->ctid, 0, 1, 0, 0, 0);
}
#endif
