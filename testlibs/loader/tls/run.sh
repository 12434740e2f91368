#!/bin/bash
# Static TLS (variant II): local-exec in the program, initial-exec (TPOFF64) into
# a library, general-dynamic (DTPMOD64/DTPOFF64 + __tls_get_addr from ld-vibix),
# .tdata/.tbss images, stack canary from AT_RANDOM, tp alignment.
set -euo pipefail
source ../_common/lib.sh
cc_lib libt.so libt.c -ftls-model=global-dynamic "$LDSO"
cc_prog prog prog.c -ftls-model=initial-exec -lt -Wl,-rpath,'$ORIGIN'
has_reloc "$OUT/libt.so" R_X86_64_DTPMOD64
has_reloc "$OUT/libt.so" R_X86_64_DTPOFF64
has_reloc "$OUT/prog" R_X86_64_TPOFF64
readelf -d "$OUT/libt.so" | grep -q 'ld-vibix.so.1' || { echo "libt.so should need ld-vibix.so.1" >&2; exit 1; }
expect_out expected "$OUT/prog"
expect_out expected "$LDSO" "$OUT/prog"
# A bigger surplus changes nothing visible.
LD_VIBIX_TLS_SURPLUS=65536 expect_out expected "$OUT/prog"
