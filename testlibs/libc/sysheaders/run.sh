#!/bin/bash
# <elf.h> types read the program's own ELF file and dynamic section, and
# <sys/ucontext.h>'s mcontext_t/ucontext_t (REG_* indices, fpregs, uc_sigmask)
# describe the frame the kernel gives a SA_SIGINFO handler: a SIGILL handler
# skips a ud2 by advancing gregs[REG_RIP]. Output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
HOST_LIBS=-lm compare_with_glibc sys.c
