#!/bin/bash
# epoll, eventfd, timerfd, signalfd, inotify, statvfs/statfs: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc fdevents.c
