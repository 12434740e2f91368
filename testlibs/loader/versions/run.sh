#!/bin/bash
# Symbol versions: the program binds foo@@VER_2 (default), dlvsym picks either
# version, a missing required version is a clear error, and an object without
# version definitions satisfies versioned references (glibc binaries on vibix).
set -euo pipefail
source ../_common/lib.sh
cc_lib libv.so libv.c -Wl,--version-script=libv.map -Wl,-soname,libv.so
cc_prog prog prog.c -lv "$LDSO" -Wl,-rpath,'$ORIGIN'
readelf -V "$OUT/prog" | grep -q "Name: VER_2" || { echo "prog does not require VER_2" >&2; exit 1; }
expect_out expected "$OUT/prog"
expect_out expected "$LDSO" "$OUT/prog"
cp "$OUT/libv.so" "$OUT/libv.so.good"
cc_lib libv.so libv1.c -Wl,--version-script=libv1.map -Wl,-soname,libv.so
expect_fail127 "version \`VER_2' not found (required by $OUT/prog)" "$OUT/prog"
cc_lib libv.so libplain.c -Wl,-soname,libv.so
expect_out expected-plain "$OUT/prog"
