#!/bin/bash
# The wscanf family (swscanf, vswscanf, fwscanf, wscanf): same output as glibc.
source "$TESTLIB"
source ../_compare.sh
# wscanf reads stdin: compare_with_glibc gives /dev/null, so run it here too.
compare_with_glibc ws.c
for b in vibix glibc; do
    (cd "$OUT/$b" && echo "12,34" | "$OUT/ws.$b" | tail -1 >"$OUT/stdin.$b")
done
diff "$OUT/stdin.glibc" "$OUT/stdin.vibix" >&2 || fail "wscanf from stdin differs"
grep -q "wscanf: 2 12 34" "$OUT/stdin.vibix" || fail "wscanf did not read stdin"
