#!/bin/bash
# The POSIX families and glibc names Rust std needs beyond issue 4 (sockets,
# getaddrinfo, posix_spawn, getpwuid_r, sched_getaffinity, preadv/pwritev,
# sendfile, flock, __xpg_strerror_r), used from C: same output as with glibc.
source "$TESTLIB"
vcc -O1 prog.c -o "$OUT/vibix"
host_cc -O1 prog.c -o "$OUT/glibc"
run_capture "$OUT/glibc"
[ "$STATUS" = 0 ] || fail "glibc build: $(describe_status "$STATUS")"
cp "$OUT/stdout" "$OUT/expected"
check_output "$OUT/expected" "$OUT/vibix"
