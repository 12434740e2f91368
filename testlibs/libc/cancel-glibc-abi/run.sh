#!/bin/bash
# glibc's cancellation cleanup ABI: cleanup.c is compiled once by the host gcc
# against glibc's <pthread.h> (plain C: pthread_cleanup_push is __sigsetjmp +
# __pthread_register_cancel, cancellation comes back through the jmp_buf and
# goes on with __pthread_unwind_next; push_defer_np/pop_restore_np use the
# _defer/_restore variants), then linked with glibc and with vibix-cc. Handlers
# run newest first on cancellation (pause, pthread_cond_wait with the mutex
# held again) and on pthread_exit: output equals glibc's.
source "$TESTLIB"
here=$PWD
cd "$OUT"
host_cc -O2 -Wall -c "$here/cleanup.c" -o cleanup.o
nm -u cleanup.o | grep -q __pthread_register_cancel || fail "glibc's pthread_cleanup_push did not use __pthread_register_cancel"
host_cc cleanup.o -o cleanup.glibc -pthread
vcc cleanup.o -o cleanup.vibix -pthread
set +e
env -i ./cleanup.glibc >glibc.out 2>glibc.err; gs=$?
env -i ./cleanup.vibix >vibix.out 2>vibix.err; vs=$?
set -e
[ "$gs" = 0 ] || fail "glibc build: $(describe_status "$gs")"
[ "$vs" = 0 ] || { head -c 2000 vibix.err >&2; fail "vibix build: $(describe_status "$vs")"; }
diff -u glibc.out vibix.out >&2 || fail "output differs from glibc's"
grep -q "inner middle outer" vibix.out || fail "handlers did not run"
# For `cargo xtask kernel test`: the vibix build again inside vibix.
vibix_qemu_record 0 "$OUT/glibc.out" env -i "$OUT/cleanup.vibix"
