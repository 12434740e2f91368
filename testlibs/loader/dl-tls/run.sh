#!/bin/bash
# dlopen after 4 threads exist: an initial-exec TLS library (served from the
# static surplus, image copied into every thread) and a general-dynamic one
# (DTV grows, blocks allocated per thread); each thread reads the initial
# values and writes its own. With a too-small surplus dlopen fails cleanly.
set -euo pipefail
source ../_common/lib.sh
cc_lib libie.so libie.c -ftls-model=initial-exec
cc_lib libgd.so libgd.c -ftls-model=global-dynamic "$LDSO"
readelf -d "$OUT/libie.so" | grep -q STATIC_TLS || { echo "libie.so lacks DF_STATIC_TLS" >&2; exit 1; }
has_reloc "$OUT/libie.so" R_X86_64_TPOFF64
cc_prog prog prog.c "$LDSO" -Wl,-rpath,'$ORIGIN'
expect_out expected "$OUT/prog"
got=$(LD_VIBIX_TLS_SURPLUS=32 "$OUT/prog")
grep -q "libie.so: cannot allocate memory in static TLS block" <<<"$got" || { echo "FAIL: surplus exhaustion: $got" >&2; exit 1; }
