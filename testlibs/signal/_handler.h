/* set(sig, fn, flags): sigaction with an empty mask; SA_SIGINFO in `flags`
 * installs `fn` as sa_sigaction, otherwise as sa_handler. */
#ifndef VIBIX_SIGNAL_HANDLER_H
#define VIBIX_SIGNAL_HANDLER_H
#include <signal.h>
#include <stdio.h>
#include <string.h>
static void set(int sig, void *fn, int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags;
    if (flags & SA_SIGINFO)
        sa.sa_sigaction = (void (*)(int, siginfo_t *, void *))fn;
    else
        sa.sa_handler = (void (*)(int))fn;
    if (sigaction(sig, &sa, NULL) != 0)
        perror("sigaction");
}
#endif
