#!/bin/bash
# `ld-vibix.so.1 ./prog args` runs the program exactly as PT_INTERP does: same
# argv (shifted), envp, AT_PHDR/AT_PHNUM/AT_ENTRY/AT_EXECFN.
source "$TESTLIB"
here=$PWD
cd "$OUT"
vcc -O2 "$here/prog.c" -o prog
check_output "$here/expected" env -i VIBIX_TEST=1 ./prog one "two words" ""
check_output "$here/expected" env -i VIBIX_TEST=1 "$LDSO" ./prog one "two words" ""
# An absolute program path becomes argv[0] and AT_EXECFN.
run_capture env -i VIBIX_TEST=1 "$LDSO" "$OUT/prog" x
[ "$STATUS" = 0 ] || fail "ld-vibix.so.1 \$OUT/prog: $(describe_status "$STATUS")"
assert_contains "$STDOUT" "argv[0]=$OUT/prog"
assert_contains "$STDOUT" "AT_EXECFN=$OUT/prog"
# The loader alone: a usage error, not a crash.
run_capture "$LDSO"
[ "$STATUS" != 0 ] && [ "$STATUS" -lt 128 ] || fail "ld-vibix.so.1 without arguments: $(describe_status "$STATUS")"
