#!/bin/bash
# Signal handlers: SA_SIGINFO fields (si_signo/si_code/si_pid, ucontext
# registers), registers and SSE state intact after rt_sigreturn, masks while a
# handler runs, SA_NODEFER/SA_RESETHAND, blocked signals pending until
# unblocked, sigsuspend, rt_sigtimedwait, alarm, pthread_kill to a thread.
source "$TESTLIB"
source ../../libc/_compare.sh
VIBIX_LIBS=-lpthread HOST_LIBS=-lpthread compare_with_glibc handler.c
