#!/bin/bash
# System V IPC and POSIX message queues: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
HOST_LIBS=-lrt compare_with_glibc ipc.c
