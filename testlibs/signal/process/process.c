#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "../_sys.h"
#include "../_handler.h"

static volatile sig_atomic_t chld, chld_code, chld_status, usr1, alrm;
static volatile long chld_pid;

static void on_chld(int sig, siginfo_t *si, void *uc) {
    (void)sig, (void)uc;
    chld++;
    chld_code = si->si_code;
    chld_pid = si->si_pid;
    chld_status = si->si_status;
}
static void on_usr1(int sig) { (void)sig; usr1++; }
static void on_alrm(int sig) { (void)sig; alrm++; }


static void msleep(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
}

static void describe(const char *what, int st) {
    if (WIFEXITED(st))
        printf("%s: exited %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("%s: killed by signal %d\n", what, WTERMSIG(st));
    else
        printf("%s: status %#x\n", what, st);
}

int main(void) {
    int st;
    /* SIGCHLD with CLD_EXITED, the child's pid and exit status. */
    set(SIGCHLD, on_chld, SA_SIGINFO | SA_RESTART);
    pid_t c = fork();
    if (c == 0)
        _exit(7);
    waitpid(c, &st, 0);
    printf("sigchld: %d code %d (CLD_EXITED 1) pid-ok %d status %d\n", chld, chld_code, chld_pid == c, chld_status);
    describe("child", st);

    /* kill() to a child that handles SIGUSR1 and exits from its main loop. */
    c = fork();
    if (c == 0) {
        set(SIGUSR1, on_usr1, 0);
        while (!usr1)
            pause();
        _exit(40 + usr1);
    }
    msleep(50);
    kill(c, SIGUSR1);
    waitpid(c, &st, 0);
    describe("handled SIGUSR1", st);

    /* Default actions: terminate, core (abort), SIGKILL of a paused child, ignore. */
    c = fork();
    if (c == 0) {
        for (;;)
            pause();
    }
    kill(c, SIGTERM);
    waitpid(c, &st, 0);
    describe("SIGTERM", st);
    printf("sigchld code after a kill: %d (CLD_KILLED 2) status %d\n", chld_code, chld_status);
    c = fork();
    if (c == 0)
        abort();
    waitpid(c, &st, 0);
    describe("abort", st);
    c = fork();
    if (c == 0) {
        signal(SIGTERM, SIG_IGN);
        signal(SIGKILL, SIG_IGN); /* refused: EINVAL */
        for (;;)
            pause();
    }
    msleep(50);
    kill(c, SIGTERM);
    kill(c, SIGKILL);
    waitpid(c, &st, 0);
    describe("ignored SIGTERM, then SIGKILL", st);
    c = fork();
    if (c == 0) {
        raise(SIGWINCH); /* default: ignore */
        raise(SIGURG);
        _exit(3);
    }
    waitpid(c, &st, 0);
    describe("default-ignored signals", st);
    printf("kill(no such pid): %s\n", kill(0x3ffffff, SIGTERM) == -1 && errno == ESRCH ? "ESRCH" : "?");

    /* fork: the child inherits the signal mask, not the pending signals. */
    sigset_t m, old, cm;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR2);
    sigprocmask(SIG_BLOCK, &m, &old);
    raise(SIGUSR2);
    c = fork();
    if (c == 0) {
        sigset_t p;
        sigprocmask(SIG_BLOCK, NULL, &cm);
        sigpending(&p);
        _exit(sigismember(&cm, SIGUSR2) * 10 + sigismember(&p, SIGUSR2));
    }
    waitpid(c, &st, 0);
    printf("fork: child has the mask %d, parent's pending signal %d\n", WEXITSTATUS(st) / 10, WEXITSTATUS(st) % 10);
    signal(SIGUSR2, SIG_IGN);
    sigprocmask(SIG_SETMASK, &old, NULL);

    /* SA_RESTART: waitpid goes on after SIGALRM's handler; without it, EINTR. */
    for (int restart = 1; restart >= 0; restart--) {
        set(SIGALRM, on_alrm, restart ? SA_RESTART : 0);
        alrm = 0;
        c = fork();
        if (c == 0) {
            msleep(1600);
            _exit(5);
        }
        rsys(SYS_ALARM, 1, 0, 0, 0);
        pid_t w = waitpid(c, &st, 0);
        int e = errno;
        if (restart)
            printf("SA_RESTART waitpid: returned the child %d, alarm handled %d\n", w == c, alrm);
        else
            printf("no SA_RESTART waitpid: %d %s, alarm handled %d\n", (int)w, e == EINTR ? "EINTR" : "?", alrm);
        if (w != c)
            waitpid(c, &st, 0);
    }
    /* nanosleep is never restarted: EINTR with the time left. */
    set(SIGALRM, on_alrm, SA_RESTART);
    rsys(SYS_ALARM, 1, 0, 0, 0);
    struct timespec ts = {3, 0}, rem = {0, 0};
    int r = nanosleep(&ts, &rem);
    printf("nanosleep: %d %s, remaining 1..3 s %d\n", r, errno == EINTR ? "EINTR" : "?", rem.tv_sec >= 1 && rem.tv_sec < 3);
    return 0;
}
