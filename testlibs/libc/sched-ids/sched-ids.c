#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SHOW(expr) do { errno = 0; long r_ = (long)(expr); printf("%-48s = %ld errno %s\n", #expr, r_, r_ < 0 ? strerrorname(errno) : "-"); } while (0)
static const char *strerrorname(int e) {
    switch (e) { case EINVAL: return "EINVAL"; case ESRCH: return "ESRCH"; case EPERM: return "EPERM"; case ECHILD: return "ECHILD"; case EFAULT: return "EFAULT"; default: return "other"; }
}

int main(void) {
    int pols[] = {SCHED_OTHER, SCHED_FIFO, SCHED_RR, SCHED_BATCH, SCHED_IDLE, 99};
    for (unsigned i = 0; i < sizeof pols / sizeof *pols; i++) {
        printf("policy %d: ", pols[i]);
        SHOW(sched_get_priority_max(pols[i]));
        printf("policy %d: ", pols[i]);
        SHOW(sched_get_priority_min(pols[i]));
    }
    struct sched_param p = {.sched_priority = 42};
    SHOW(sched_getscheduler(0));
    SHOW(sched_getparam(0, &p));
    printf("priority %d\n", p.sched_priority);
    p.sched_priority = 0;
    SHOW(sched_setscheduler(0, SCHED_BATCH, &p));
    SHOW(sched_getscheduler(0));
    SHOW(sched_setscheduler(0, SCHED_OTHER, &p));
    SHOW(sched_getscheduler(0));
    SHOW(sched_setparam(0, &p));
    p.sched_priority = 5;
    SHOW(sched_setparam(0, &p));
    SHOW(sched_getscheduler(-1));
    SHOW(sched_getparam(0x3fffffff, &p));
    struct timespec ts = {-1, -1};
    SHOW(sched_rr_get_interval(0, &ts));
    printf("rr interval valid: %d\n", ts.tv_sec >= 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);

    uid_t u = geteuid();
    gid_t g = getegid();
    SHOW(seteuid(u));
    SHOW(setegid(g));
    SHOW(seteuid((uid_t)-1));
    SHOW(setreuid(-1, -1));
    SHOW(setregid(-1, -1));
    SHOW(setresuid(-1, u, -1));
    SHOW(setresgid(-1, -1, g));
    if (u != 0) {
        SHOW(setresuid(0, 0, 0));
        SHOW(setreuid(0, -1));
    }
    uid_t r, e, s;
    getresuid(&r, &e, &s);
    printf("ids unchanged: %d\n", r == getuid() && e == u && s == u);

    pid_t c = fork();
    if (c == 0) _exit(7);
    int st = 0;
    struct rusage ru;
    memset(&ru, 0xff, sizeof ru);
    pid_t w = wait4(c, &st, 0, &ru);
    printf("wait4 same pid %d exited %d status %d rusage filled %d\n", w == c, WIFEXITED(st), WEXITSTATUS(st), ru.ru_utime.tv_sec >= 0 && ru.ru_stime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000);
    c = fork();
    if (c == 0) _exit(9);
    w = wait3(&st, 0, NULL);
    printf("wait3 same pid %d status %d\n", w == c, WEXITSTATUS(st));
    SHOW(wait4(-1, &st, WNOHANG, &ru));
    SHOW(wait3(&st, 0, &ru));
    return 0;
}
