#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>
#include "../../signal/_sys.h"

static long r6(long n, long a, long b, long c, long d, long e, long f) {
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    long ret;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9) : "rcx", "r11", "memory");
    return ret;
}

static int fails;
static void check(const char *what, long r) {
    if (r != -EFAULT) {
        printf("%s: %ld, expected -EFAULT\n", what, r);
        fails++;
    }
}

int main(void) {
    /* A mapped page nobody may touch (an unmapped one would be reused by later mmaps). */
    char *none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    long bad[] = {0x10, (long)0xffff800000001000UL, (long)none, 0x0000800000000000L};
    const char *names[] = {"low", "kernel", "PROT_NONE", "non-canonical"};
    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    int tcp = socket(AF_INET, SOCK_STREAM, 0);
    int ep = r6(291, 0, 0, 0, 0, 0, 0);
    int null = 0;
    for (int i = 0; i < 4; i++) {
        long p = bad[i];
        char what[64];
#define C(name, call) (snprintf(what, sizeof what, "%s %s", name, names[i]), check(what, call))
        C("write", r6(1, 1, p, 8, 0, 0, 0));
        C("send", r6(44, sv[0], p, 8, 0, 0, 0));
        C("open", r6(2, p, 0, 0, 0, 0, 0));
        C("stat", r6(4, p, (long)&null, 0, 0, 0, 0));
        C("fstat", r6(5, 1, p, 0, 0, 0, 0));
        C("writev iov", r6(20, 1, p, 2, 0, 0, 0));
        C("clock_gettime", r6(228, 1, p, 0, 0, 0, 0));
        C("nanosleep", r6(35, p, 0, 0, 0, 0, 0));
        C("uname", r6(63, p, 0, 0, 0, 0, 0));
        C("getcwd", r6(79, p, 256, 0, 0, 0, 0));
        C("rt_sigaction act", r6(13, 10, p, 0, 8, 0, 0));
        C("rt_sigaction old", r6(13, 10, 0, p, 8, 0, 0));
        C("rt_sigprocmask", r6(14, 0, p, 0, 8, 0, 0));
        C("sigaltstack", r6(131, p, 0, 0, 0, 0, 0));
        C("rt_sigpending", r6(127, p, 8, 0, 0, 0, 0));
        C("poll", r6(7, p, 1, 0, 0, 0, 0));
        C("select", r6(23, 2, p, 0, 0, 0, 0));
        C("epoll_ctl", r6(233, ep, 1, sv[0], p, 0, 0));
        C("socketpair", r6(53, AF_UNIX, SOCK_STREAM, 0, p, 0, 0));
        C("bind", r6(49, tcp, p, 16, 0, 0, 0));
        C("connect", r6(42, tcp, p, 16, 0, 0, 0));
        C("getsockname len", r6(51, tcp, (long)&null, p, 0, 0, 0));
        C("getsockopt len", r6(55, tcp, SOL_SOCKET, SO_TYPE, (long)&null, p, 0));
        C("setsockopt", r6(54, tcp, SOL_SOCKET, SO_REUSEADDR, p, 4, 0));
        C("sendmsg", r6(46, sv[0], p, 0, 0, 0, 0));
        C("recvmsg", r6(47, sv[0], p, MSG_DONTWAIT, 0, 0, 0));
        C("getrandom", r6(318, p, 16, 0, 0, 0, 0));
        C("rt_sigtimedwait", r6(128, p, 0, 0, 8, 0, 0));
        C("wait4 status", (r6(57, 0, 0, 0, 0, 0, 0) == 0 ? (r6(60, 0, 0, 0, 0, 0, 0), 0) : r6(61, -1, p, 0, 0, 0, 0)));
    }
    /* The kernel must still answer normally afterwards. */
    printf("checked %d bad-pointer calls, %d did not answer EFAULT\n", 4 * 29, fails);
    return fails != 0;
}
