#!/bin/bash
# SQLite (the libsqlite3-sys crate's bundled amalgamation) built with vibix-cc:
# a small driver's output equals the glibc build's.
source "$TESTLIB"
source ../_compare.sh
source ../_crate_src.sh
s=$(crate_src libsqlite3-sys '>=0.30')/sqlite3
[ -f "$s/sqlite3.c" ] || fail "no sqlite3.c in $s"
# Compile the amalgamation once per toolchain (it is large), then link the driver.
vcc -O1 -w -DSQLITE_THREADSAFE=1 -c "$s/sqlite3.c" -o "$OUT/sqlite3.vibix.o" &
vpid=$!
host_cc -O1 -w -DSQLITE_THREADSAFE=1 -c "$s/sqlite3.c" -o "$OUT/sqlite3.glibc.o" &
hpid=$!
wait $vpid || fail "vibix-cc sqlite3.c"
wait $hpid || fail "gcc sqlite3.c"
CFLAGS_BOTH="-I$s"
VIBIX_LIBS="$OUT/sqlite3.vibix.o -lpthread -ldl -lm"
HOST_LIBS="$OUT/sqlite3.glibc.o -lpthread -ldl -lm"
compare_with_glibc driver.c
