/* <ucontext.h>: ucontext_t and mcontext_t (<bits/signal.h>), as a SA_SIGINFO
   handler's third argument. getcontext/setcontext/makecontext/swapcontext
   are not provided (musl has none either; docs/unsupported.md). */
#ifndef _UCONTEXT_H
#define _UCONTEXT_H
#include <signal.h>
#endif
