#!/bin/bash
# Thread scheduling: pthread_attr_{get,set}{inheritsched,schedpolicy,schedparam,
# scope} (PTHREAD_EXPLICIT_SCHED applied by pthread_create, its failure
# returned), pthread_{get,set}schedparam/setschedprio, pthread_{get,set}affinity_np
# (a pinned thread runs on its CPU), pthread_getcpuclockid (the thread's CPU
# clock advances), pthread_{get,set}concurrency, pthread_{get,set}attr_default_np
# (threads created with NULL get them), pthread_tryjoin_np/timedjoin_np,
# pthread_rwlock_timed{rd,wr}lock against another thread's locks, the
# pshared/clock/robust/protocol attribute getters, sockatmark on a TCP urgent
# mark, posix_spawnattr_{get,set}sched{policy,param} applied by posix_spawn with
# POSIX_SPAWN_SETSCHEDULER/SETSCHEDPARAM: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
CFLAGS_BOTH=-pthread
VIBIX_LIBS=-pthread
HOST_LIBS=-pthread
compare_with_glibc sched.c
