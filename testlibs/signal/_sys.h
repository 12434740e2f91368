/* Raw Linux x86_64 system calls for calls a C library may not wrap (alarm,
 * tgkill, rt_sigtimedwait): the same numbers on Linux and on vibix. Returns
 * the kernel's result (-errno on failure). */
#ifndef VIBIX_SIGNAL_SYS_H
#define VIBIX_SIGNAL_SYS_H
static inline long rsys(long n, long a, long b, long c, long d) {
    register long r10 __asm__("r10") = d;
    long ret;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10) : "rcx", "r11", "memory");
    return ret;
}
#define SYS_ALARM 37
#define SYS_GETTID 186
#define SYS_TGKILL 234
#define SYS_RT_SIGTIMEDWAIT 128
#define SYS_SETITIMER 38
/* The kernel's ucontext: uc_mcontext (gregs in glibc's REG_* order) at offset 40. */
#define UC_GREG(uc, i) (((long *)((char *)(uc) + 40))[i])
#define UC_R12 4
#define UC_RSP 15
#define UC_RIP 16
#endif
