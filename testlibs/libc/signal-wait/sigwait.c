/* Synchronous signals and the BSD/System V signal calls, against glibc:
   sigwait/sigwaitinfo/sigtimedwait, sigqueue values, killpg, sighold/
   sigrelse/sigignore/sigset, siginterrupt, signal-set algebra, strsignal
   and psignal texts. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;
static void on(int s) { got = s; }

int main(void) {
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGRTMIN + 1);
    sigprocmask(SIG_BLOCK, &set, &old);

    /* sigqueue + sigwaitinfo: value and code arrive */
    union sigval v = {.sival_int = 4242};
    printf("sigqueue %d\n", sigqueue(getpid(), SIGRTMIN + 1, v));
    siginfo_t si;
    int s = sigwaitinfo(&set, &si);
    printf("waitinfo %d (rtmin+%d) code %d value %d pid-ok %d\n", s, s - SIGRTMIN, si.si_code, si.si_value.sival_int,
           si.si_pid == getpid());

    /* sigwait */
    raise(SIGUSR1);
    int sig = 0;
    int w = sigwait(&set, &sig);
    printf("sigwait %d sig %d\n", w, sig);

    /* sigtimedwait: timeout, then a pending one */
    struct timespec ts = {0, 20 * 1000 * 1000};
    errno = 0;
    s = sigtimedwait(&set, &si, &ts);
    printf("timedwait %d errno %d\n", s, errno);
    kill(getpid(), SIGUSR1);
    s = sigtimedwait(&set, &si, &ts);
    printf("timedwait %d code %d\n", s, si.si_code);
    ts.tv_nsec = -1;
    errno = 0;
    s = sigtimedwait(&set, &si, &ts);
    printf("timedwait bad %d errno %d\n", s, errno);

    /* killpg to our own group, in a child so the parent is unaffected */
    pid_t c = fork();
    if (c == 0) {
        setpgid(0, 0);
        signal(SIGTERM, SIG_DFL);
        killpg(getpgrp(), SIGTERM);
        _exit(0);
    }
    int st;
    waitpid(c, &st, 0);
    printf("killpg child: signalled %d sig %d\n", WIFSIGNALED(st), WTERMSIG(st));
    errno = 0;
    w = killpg(-1, SIGTERM);
    printf("killpg(-1) %d errno %d\n", w, errno);

    /* sighold/sigrelse/sigignore/sigset */
    sigprocmask(SIG_SETMASK, &old, NULL);
    sighold(SIGUSR2);
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("held %d\n", sigismember(&cur, SIGUSR2));
    signal(SIGUSR2, on);
    raise(SIGUSR2);
    printf("while held got %d\n", got);
    sigrelse(SIGUSR2);
    printf("after release got %d\n", got == SIGUSR2);
    sigignore(SIGUSR2);
    got = 0;
    raise(SIGUSR2);
    printf("ignored got %d\n", got);
    printf("sigset hold: %d\n", sigset(SIGUSR2, SIG_HOLD) == SIG_IGN);
    printf("sigset again: %d\n", sigset(SIGUSR2, on) == SIG_HOLD);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("unheld %d\n", sigismember(&cur, SIGUSR2));
    struct sigaction sa;
    siginterrupt(SIGUSR2, 1);
    sigaction(SIGUSR2, NULL, &sa);
    printf("interrupt: restart %d\n", !!(sa.sa_flags & SA_RESTART));
    siginterrupt(SIGUSR2, 0);
    sigaction(SIGUSR2, NULL, &sa);
    printf("no interrupt: restart %d\n", !!(sa.sa_flags & SA_RESTART));

    /* set algebra */
    sigset_t a, b, r;
    sigemptyset(&a);
    sigemptyset(&b);
    printf("empty %d\n", sigisemptyset(&a));
    sigaddset(&a, SIGINT);
    sigaddset(&a, SIGHUP);
    sigaddset(&b, SIGHUP);
    sigaddset(&b, SIGRTMAX);
    sigandset(&r, &a, &b);
    printf("and: hup %d int %d rtmax %d\n", sigismember(&r, SIGHUP), sigismember(&r, SIGINT), sigismember(&r, SIGRTMAX));
    sigorset(&r, &a, &b);
    printf("or: hup %d int %d rtmax %d empty %d\n", sigismember(&r, SIGHUP), sigismember(&r, SIGINT),
           sigismember(&r, SIGRTMAX), sigisemptyset(&r));

    printf("rt %d..%d\n", SIGRTMIN, SIGRTMAX);
    int names[] = {1, 9, 11, 31, 34, 40, 64, 65, 0, -3};
    for (int i = 0; i < 10; i++)
        printf("strsignal(%d) = %s\n", names[i], strsignal(names[i]));
    /* A known signal's text is a constant string (glibc): a later call for
       an unknown number does not change it. */
    const char *segv = strsignal(SIGSEGV);
    strsignal(99);
    printf("strsignal(SIGSEGV) after strsignal(99): %s\n", segv);
    fflush(stdout);
    dup2(1, 2);
    psignal(SIGSEGV, "prefix");
    psignal(SIGINT, NULL);
    psignal(SIGINT, "");
    return 0;
}
