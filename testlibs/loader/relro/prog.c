#include "rt.h"
extern int lib_data;
int *const relro_ptr = &lib_data;    /* .data.rel.ro: sealed after relocation */
static long sys4(long n, long a, long b, long c, long d) {
    long r; register long r10 __asm__("r10") = d;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10) : "rcx", "r11", "memory");
    return r;
}
static char buf[65536];
int main(void) {
    /* No mapping may be writable and executable at once. */
    long fd = sys3(2, (long)"/proc/self/maps", 0, 0), n = 0, r;
    while ((r = sys3(0, fd, (long)buf + n, sizeof buf - 1 - n)) > 0) n += r;
    buf[n] = 0;
    int wx = 0;
    for (char *l = buf; *l; ) {
        char *p = l; while (*p != ' ') p++;
        if (p[2] == 'w' && p[3] == 'x') { wx = 1; rt_puts("W+X: "); }
        while (*l && *l != '\n') l++;
        if (*l) l++;
    }
    rt_puts(wx ? "found W+X mapping\n" : "no W+X\n");
    rt_putnum(*relro_ptr); rt_puts("\n");
    long pid = sys3(57, 0, 0, 0);                /* fork */
    if (pid == 0) {
        *(int **)&relro_ptr = 0;                  /* must fault: RELRO is read-only */
        rt_exit(0);
    }
    int status = 0;
    sys4(61, pid, (long)&status, 0, 0);           /* wait4 */
    rt_puts((status & 0x7f) == 11 ? "relro write faulted\n" : "relro write did NOT fault\n");
    return 0;
}
