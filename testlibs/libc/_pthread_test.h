/* Shared by libc/pthread-robust and libc/pthread-sched: a pthread call's
 * result as its errno's name, and an absolute CLOCK_REALTIME deadline. The
 * same text with glibc and vibix_libc. */
#ifndef VIBIX_LIBC_PTHREAD_TEST_H
#define VIBIX_LIBC_PTHREAD_TEST_H
#include <errno.h>
#include <stdio.h>
#include <time.h>

static const char *err(int e) {
    switch (e) {
    case 0: return "0";
    case EOWNERDEAD: return "EOWNERDEAD";
    case ENOTRECOVERABLE: return "ENOTRECOVERABLE";
    case EINVAL: return "EINVAL";
    case ENOTSUP: return "ENOTSUP";
    case EPERM: return "EPERM";
    case EBUSY: return "EBUSY";
    case EDEADLK: return "EDEADLK";
    case ETIMEDOUT: return "ETIMEDOUT";
    case ESRCH: return "ESRCH";
    default: {
        static char b[32];
        snprintf(b, sizeof b, "errno %d", e);
        return b;
    }
    }
}

/* CLOCK_REALTIME now + n ms, for the timed lock/join calls. */
static struct timespec in_ms(long n) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    t.tv_nsec += n * 1000000;
    t.tv_sec += t.tv_nsec / 1000000000;
    t.tv_nsec %= 1000000000;
    return t;
}
#endif
