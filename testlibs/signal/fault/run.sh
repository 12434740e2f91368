#!/bin/bash
# Faults delivered to handlers: SIGSEGV with si_addr and si_code (MAPERR,
# ACCERR) on a sigaltstack (also with SS_AUTODISARM), a handler that mprotects the page and returns (the
# faulting instruction runs again), SIGFPE (integer divide) and SIGILL (ud2)
# left with siglongjmp, and a fault with no handler killing with SIGSEGV.
source "$TESTLIB"
source ../../libc/_compare.sh
compare_with_glibc fault.c
