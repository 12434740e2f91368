#!/bin/bash
# /proc/self/maps shows no writable+executable mapping, and writing to a
# PT_GNU_RELRO-protected pointer faults (checked in a forked child).
set -euo pipefail
source ../_common/lib.sh
cc_lib libl.so lib.c
cc_prog prog prog.c -ll -Wl,-z,relro,-z,now -Wl,-rpath,'$ORIGIN'
readelf -lW "$OUT/prog" | grep -q GNU_RELRO
expect_out expected "$OUT/prog"
expect_out expected "$LDSO" "$OUT/prog"
