#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "../_sys.h"
#include "../_handler.h"

static volatile sig_atomic_t hits, last_sig, nested, masked_self, reraise, depth, max_depth;
static volatile long info_pid, info_code, info_signo, uc_r12, handler_tid;

static void on_info(int sig, siginfo_t *si, void *ucv) {
    hits++;
    last_sig = sig;
    info_signo = si->si_signo;
    info_code = si->si_code;
    info_pid = si->si_pid;
    uc_r12 = UC_GREG(ucv, UC_R12);
    handler_tid = rsys(SYS_GETTID, 0, 0, 0, 0);
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    masked_self = sigismember(&cur, sig);
    /* Clobber what the interrupted code had live: rt_sigreturn must restore it. */
    __asm__ volatile("xorpd %%xmm7, %%xmm7\n mov $0, %%r12" ::: "xmm7", "r12");
}

static void on_plain(int sig) {
    hits++;
    last_sig = sig;
    if (++depth > max_depth)
        max_depth = depth;
    if (reraise && hits < 3) {
        nested++;
        raise(sig); /* runs inside this handler only with SA_NODEFER */
    }
    depth--;
}


static void *thread_main(void *arg) {
    (void)arg;
    struct timespec ts = {0, 200 * 1000 * 1000};
    while (!hits)
        nanosleep(&ts, NULL);
    return NULL;
}

int main(void) {
    long me = getpid();
    /* 1. SA_SIGINFO: fields, and the interrupted registers (r12, xmm7) survive. */
    set(SIGUSR1, on_info, SA_SIGINFO);
    double in = 3.25, out = 0;
    long r12 = 0;
    __asm__ volatile("movsd %[in], %%xmm7\n mov $0x1234, %%r12\n mov $62, %%eax\n syscall\n"
                     "movsd %%xmm7, %[out]\n mov %%r12, %[r12]"
                     : [out] "=m"(out), [r12] "=r"(r12)
                     : [in] "m"(in), "D"(me), "S"(SIGUSR1)
                     : "rax", "rcx", "r11", "r12", "xmm7", "memory");
    printf("siginfo: hits %d signo %ld code %ld pid-ok %d\n", hits, info_signo, info_code, info_pid == me);
    printf("ucontext r12 %#lx; after return r12 %#lx xmm7 %g; mask had sig %d\n", uc_r12, r12, out, masked_self);

    /* 2. SA_NODEFER lets the handler be re-entered; without it the second waits. */
    hits = nested = max_depth = 0;
    reraise = 1;
    set(SIGUSR2, on_plain, SA_NODEFER);
    raise(SIGUSR2);
    printf("nodefer: hits %d nested %d max depth %d\n", hits, nested, max_depth);
    hits = nested = max_depth = 0;
    set(SIGUSR2, on_plain, 0);
    raise(SIGUSR2);
    printf("deferred: hits %d nested %d max depth %d\n", hits, nested, max_depth);
    reraise = 0;

    /* 3. SA_RESETHAND: the handler runs once, then the action is SIG_DFL. */
    hits = 0;
    set(SIGURG, on_plain, SA_RESETHAND);
    raise(SIGURG);
    struct sigaction now;
    sigaction(SIGURG, NULL, &now);
    printf("resethand: hits %d, now default %d\n", hits, now.sa_handler == SIG_DFL);

    /* 4. A blocked signal stays pending until unblocked. */
    sigset_t s, old, pend;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR2);
    sigprocmask(SIG_BLOCK, &s, &old);
    hits = 0;
    kill(me, SIGUSR2);
    sigpending(&pend);
    printf("blocked: hits %d pending %d\n", hits, sigismember(&pend, SIGUSR2));
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: hits %d last %d\n", hits, last_sig);

    /* 5. Ignored signals are discarded. */
    signal(SIGUSR2, SIG_IGN);
    sigprocmask(SIG_BLOCK, &s, NULL);
    raise(SIGUSR2);
    signal(SIGUSR2, on_plain);
    hits = 0;
    sigprocmask(SIG_UNBLOCK, &s, NULL);
    printf("blocked while ignored stays pending, then handled: hits %d\n", hits);

    /* 6. rt_sigtimedwait takes a blocked pending signal; times out with EAGAIN. */
    sigprocmask(SIG_BLOCK, &s, NULL);
    raise(SIGUSR2);
    siginfo_t si;
    struct timespec zero = {0, 0}, short_ts = {0, 50 * 1000 * 1000};
    long r = rsys(SYS_RT_SIGTIMEDWAIT, (long)&s, (long)&si, (long)&zero, 8);
    printf("sigtimedwait: %ld signo %d code %d\n", r, si.si_signo, si.si_code);
    r = rsys(SYS_RT_SIGTIMEDWAIT, (long)&s, (long)&si, (long)&short_ts, 8);
    printf("sigtimedwait again: %s\n", r == -EAGAIN ? "EAGAIN" : "unexpected");
    sigprocmask(SIG_UNBLOCK, &s, NULL);

    /* 7. alarm + sigsuspend: SIGALRM arrives while suspended; the mask is restored. */
    hits = 0;
    set(SIGALRM, on_plain, 0);
    sigset_t blk, wait_mask;
    sigemptyset(&blk);
    sigaddset(&blk, SIGALRM);
    sigprocmask(SIG_BLOCK, &blk, &old);
    rsys(SYS_ALARM, 1, 0, 0, 0);
    sigemptyset(&wait_mask);
    int rc = sigsuspend(&wait_mask);
    int e = errno;
    sigset_t after;
    sigprocmask(SIG_SETMASK, &old, &after);
    printf("sigsuspend: %d %s, hits %d last %d, SIGALRM blocked again %d\n", rc, e == EINTR ? "EINTR" : "?", hits, last_sig, sigismember(&after, SIGALRM));
    printf("alarm left: %ld\n", rsys(SYS_ALARM, 0, 0, 0, 0));

    /* 8. pthread_kill: the handler runs on the target thread. */
    hits = 0;
    handler_tid = 0;
    pthread_t th;
    pthread_create(&th, NULL, thread_main, NULL);
    struct timespec ts = {0, 20 * 1000 * 1000};
    nanosleep(&ts, NULL);
    pthread_kill(th, SIGUSR1);
    pthread_join(th, NULL);
    printf("pthread_kill: hits %d, ran on the other thread %d\n", hits, handler_tid != 0 && handler_tid != rsys(SYS_GETTID, 0, 0, 0, 0));
    printf("tgkill bad tid: %s\n", rsys(SYS_TGKILL, me, 0x7ffffff, SIGUSR1, 0) == -ESRCH ? "ESRCH" : "?");
    return 0;
}
