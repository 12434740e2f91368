#!/bin/bash
# DT_RELR packed relative relocations (-z pack-relative-relocs) in a library and
# in the program, including bitmap entries.
set -euo pipefail
source ../_common/lib.sh
python3 gen.py 300 > "$OUT/librelr.c"
cc_lib librelr.so "$OUT/librelr.c" -Wl,-z,pack-relative-relocs
cc_prog prog prog.c -lrelr -Wl,-z,pack-relative-relocs -Wl,-rpath,'$ORIGIN'
readelf -d "$OUT/librelr.so" | grep -q "(RELR)" || { echo "no DT_RELR in librelr.so" >&2; exit 1; }
readelf -d "$OUT/prog" | grep -q "(RELR)" || { echo "no DT_RELR in prog" >&2; exit 1; }
expect_out expected "$OUT/prog"
expect_out expected "$LDSO" "$OUT/prog"
