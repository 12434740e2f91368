/* <sys/ucontext.h>: mcontext_t, ucontext_t and the REG_* indices
   (_GNU_SOURCE), defined in <bits/signal.h>. */
#ifndef _SYS_UCONTEXT_H
#define _SYS_UCONTEXT_H
#include <signal.h>
#endif
