#!/bin/bash
# `ld-vibix.so.1 --list PROG` prints the libraries like ldd and does not run PROG;
# mask.c checks the load addresses (so the list can be compared in vibix too).
set -euo pipefail
source ../_common/lib.sh
cc_lib libreal.so real.c -Wl,-soname,libreal.so
cc_prog prog prog.c -lreal "$LDSO" -Wl,-rpath,"$OUT"
out=$("$LDSO" --list "$OUT/prog")
want=$(printf '\tlibreal.so => %s/libreal.so (0x' "$OUT")
[[ "$out" == *"$want"* ]] || { echo "FAIL: no libreal line in: $out" >&2; exit 1; }
[[ "$out" == *"$LDSO ("* ]] || { echo "FAIL: no ld-vibix line in: $out" >&2; exit 1; }
[[ "$out" != *greet* ]] || { echo "FAIL: the program ran" >&2; exit 1; }
[ "$(grep -c '=>' <<<"$out")" -eq 1 ] || { echo "FAIL: wrong line count: $out" >&2; exit 1; }
# The same list through mask.c, which checks each address and replaces it with 0xADDR:
# output that does not depend on where things were loaded, so it is also checked in vibix.
"${VIBIX_CC:?}" -O1 -Wall -Werror mask.c -o "$OUT/mask"
printf 'exit 0\n\tlibreal.so => %s/libreal.so (0xADDR)\n\t%s (0xADDR)\n' "$OUT" "$LDSO" >"$OUT/list.expected"
expect_out "$OUT/list.expected" "$OUT/mask" "$LDSO" "$OUT/prog"
