/* POSIX per-process timers (included by <time.h>): vibix_libc/src/header/timer. */
#ifndef _BITS_TIMER_H
#define _BITS_TIMER_H
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
struct sigevent;
struct itimerspec {
    struct timespec it_interval;
    struct timespec it_value;
};
int timer_create(clockid_t, struct sigevent *__restrict, timer_t *__restrict);
int timer_delete(timer_t);
int timer_settime(timer_t, int, const struct itimerspec *__restrict, struct itimerspec *__restrict);
int timer_gettime(timer_t, struct itimerspec *);
int timer_getoverrun(timer_t);
int clock_settime(clockid_t, const struct timespec *);
int clock_getcpuclockid(pid_t, clockid_t *);
__END_DECLS
#endif
