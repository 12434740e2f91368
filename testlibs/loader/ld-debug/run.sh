#!/bin/bash
# LD_DEBUG=libs,bindings,reloc,symbols write their trace to stderr (stdout unchanged).
set -euo pipefail
source ../_common/lib.sh
cc_lib libreal.so real.c
cc_prog prog prog.c -lreal -Wl,-rpath,'$ORIGIN'
check() { # CATEGORY EXPECTED-SUBSTRING
    local err; err=$(LD_DEBUG=$1 "$OUT/prog" 2>&1 >/dev/null)
    [[ "$err" == *"$2"* ]] || { echo "FAIL: LD_DEBUG=$1 lacks '$2': $err" >&2; exit 1; }
    LD_DEBUG=$1 qemu_record 0 "greet 1" "$2" "$OUT/prog"
}
check libs "file=$OUT/libreal.so loaded at 0x"
check bindings "binding file $OUT/prog to $OUT/libreal.so: normal symbol \`greet'"
check reloc "relocation processing: $OUT/libreal.so"
check symbols "symbol=greet;  lookup in file=$OUT/libreal.so"
[ -z "$("$OUT/prog" 2>&1 >/dev/null)" ] || { echo "FAIL: output without LD_DEBUG" >&2; exit 1; }
expect_out <(echo greet 1) env LD_DEBUG=all "$OUT/prog"
