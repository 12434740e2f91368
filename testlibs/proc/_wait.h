/* Shared by proc/fork and proc/jobs: a call's result with its errno's name,
 * a wait status and a SIGCHLD si_code as text, and catching SIGCHLD with
 * SA_SIGINFO | SA_RESTART. The same text with glibc and vibix_libc. */
#ifndef VIBIX_PROC_WAIT_H
#define VIBIX_PROC_WAIT_H
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include "../signal/_handler.h"

static inline const char *errno_name(int e)
{
    return e == EPERM ? "EPERM" : e == ESRCH ? "ESRCH" : e == EACCES ? "EACCES" : e == EINVAL ? "EINVAL" : e == ECHILD ? "ECHILD" : "other";
}

/* "WHAT: R ERRNO", errno read right after the call (R < 0 only). */
static inline void show(const char *what, long r)
{
    int e = errno;
    printf("%s: %ld %s\n", what, r, r >= 0 ? "-" : errno_name(e));
}

/* A wait status as "exited N", "signaled N", "stopped N". */
static inline const char *describe(int st, char *buf)
{
    if (WIFEXITED(st))
        sprintf(buf, "exited %d", WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        sprintf(buf, "signaled %d", WTERMSIG(st));
    else if (WIFSTOPPED(st))
        sprintf(buf, "stopped %d", WSTOPSIG(st));
    else
        sprintf(buf, "other %#x", st);
    return buf;
}

static inline const char *cld_code(int c)
{
    return c == CLD_STOPPED ? "CLD_STOPPED" : c == CLD_CONTINUED ? "CLD_CONTINUED" : c == CLD_EXITED ? "CLD_EXITED" : c == CLD_KILLED ? "CLD_KILLED" : c == CLD_DUMPED ? "CLD_DUMPED" : "?";
}

static inline void catch_sigchld(void (*fn)(int, siginfo_t *, void *))
{
    set(SIGCHLD, (void *)fn, SA_SIGINFO | SA_RESTART);
}
#endif
