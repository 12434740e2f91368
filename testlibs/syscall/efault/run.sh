#!/bin/bash
# Bad user pointers (NULL page, kernel half, PROT_NONE, non-canonical) given to
# system calls answer EFAULT instead of crashing the kernel: I/O buffers,
# paths, iovec arrays and their buffers, stat/time/uname outputs, signal
# actions/masks/stacks, poll/select/epoll arrays, socket addresses, msghdrs.
source "$TESTLIB"
source ../../libc/_compare.sh
compare_with_glibc efault.c
