#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../_sys.h"

static char *volatile page;
static char altstack[16384];
static volatile sig_atomic_t segv, fixed, on_alt, code;
static volatile void *addr;
static sigjmp_buf jb;
static volatile int inner_flags = -1, inner_on_alt;

static void on_usr1(int sig, siginfo_t *si, void *uc) {
    (void)sig, (void)si, (void)uc;
    char here;
    stack_t cur;
    sigaltstack(NULL, &cur);
    inner_flags = cur.ss_flags;
    inner_on_alt = &here >= altstack && &here < altstack + sizeof altstack;
}

static void on_segv(int sig, siginfo_t *si, void *uc) {
    (void)sig, (void)uc;
    char here;
    segv++;
    code = si->si_code;
    addr = si->si_addr;
    on_alt = &here >= altstack && &here < altstack + sizeof altstack;
    if ((char *)si->si_addr >= page && (char *)si->si_addr < page + 4096) {
        mprotect(page, 4096, PROT_READ | PROT_WRITE);
        fixed++;
        return; /* the store runs again and succeeds */
    }
    siglongjmp(jb, 1);
}

static void on_trap(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    code = si->si_code;
    siglongjmp(jb, sig);
}

static void set(int sig, void *fn, int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags | SA_SIGINFO;
    sa.sa_sigaction = fn;
    sigaction(sig, &sa, NULL);
}

int main(int argc, char **argv) {
    (void)argv;
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
    if (sigaltstack(&ss, NULL) != 0)
        perror("sigaltstack");
    set(SIGSEGV, on_segv, SA_ONSTACK);

    /* ACCERR: a read-only page; the handler makes it writable and returns. */
    page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    volatile char *p = page + 100;
    *p = 42;
    printf("store to read-only page: segv %d fixed %d code %d (SEGV_ACCERR 2) addr-ok %d on altstack %d value %d\n",
           segv, fixed, code, addr == (void *)(page + 100), on_alt, page[100]);

    /* MAPERR: an unmapped address, left with siglongjmp. */
    segv = 0;
    volatile int *bad = (int *)0x10;
    if (sigsetjmp(jb, 1) == 0)
        printf("unreachable %d\n", *bad);
    printf("load from 0x10: segv %d code %d (SEGV_MAPERR 1) addr %p on altstack %d\n", segv, code, addr, on_alt);
    stack_t cur;
    sigaltstack(NULL, &cur);
    printf("sigaltstack now: flags %d size-ok %d\n", cur.ss_flags, cur.ss_size == sizeof altstack);

    /* SIGFPE and SIGILL. */
    set(SIGFPE, on_trap, 0);
    set(SIGILL, on_trap, 0);
    volatile int zero = argc - 1;
    int s = sigsetjmp(jb, 1);
    if (s == 0)
        printf("unreachable %d\n", 10 / zero);
    printf("divide by zero: signal %d code %d (FPE_INTDIV 1)\n", s, code);
    s = sigsetjmp(jb, 1);
    if (s == 0)
        __asm__ volatile("ud2");
    printf("ud2: signal %d code %d (ILL_ILLOPN 2)\n", s, code);

    /* The mask was restored by siglongjmp(…, savemask=1): SIGSEGV works again. */
    segv = 0;
    if (sigsetjmp(jb, 1) == 0)
        printf("unreachable %d\n", *bad);
    printf("second fault: segv %d\n", segv);

    /* SS_AUTODISARM: the stack is disabled while the handler runs on it, then restored. */
#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1U << 31)
#endif
    ss.ss_flags = SS_AUTODISARM;
    printf("sigaltstack(SS_AUTODISARM): %d\n", sigaltstack(&ss, NULL));
    set(SIGUSR1, on_usr1, SA_ONSTACK);
    raise(SIGUSR1);
    sigaltstack(NULL, &cur);
    printf("inside the handler: on altstack %d flags %#x (SS_DISABLE %d); after: flags %#x size-ok %d\n", inner_on_alt, inner_flags, SS_DISABLE,
           (unsigned)cur.ss_flags, cur.ss_size == sizeof altstack);

    /* No handler: the default action kills with SIGSEGV. */
    pid_t c = fork();
    if (c == 0) {
        signal(SIGSEGV, SIG_DFL);
        return *bad;
    }
    int st;
    waitpid(c, &st, 0);
    printf("unhandled fault: signalled %d signal %d\n", WIFSIGNALED(st), WTERMSIG(st));
    /* A blocked SIGSEGV from a fault is not deferred: it still kills. */
    c = fork();
    if (c == 0) {
        sigset_t m;
        sigemptyset(&m);
        sigaddset(&m, SIGSEGV);
        sigprocmask(SIG_BLOCK, &m, NULL);
        return *bad;
    }
    waitpid(c, &st, 0);
    printf("blocked fault: signalled %d signal %d\n", WIFSIGNALED(st), WTERMSIG(st));
    return 0;
}
