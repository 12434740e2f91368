#!/bin/bash
# A non-PIE program (crt1.o, ET_EXEC at a fixed address) through ld-vibix.
source "$TESTLIB"
here=$PWD
cd "$OUT"
vcc -O2 -fno-pie -no-pie "$VIBIX_WORKSPACE/testlibs/ld/hello/hello.c" -o hello
[ "$(readelf -hW hello | awk '/Type:/{print $2}')" = EXEC ] || fail "not ET_EXEC"
assert_relocs hello JUMP_SLOT
check_output "$VIBIX_WORKSPACE/testlibs/ld/hello/expected" ./hello
check_output "$VIBIX_WORKSPACE/testlibs/ld/hello/expected" "$LDSO" ./hello
