#!/bin/bash
# Every function libc.so exports (no leading underscore) is declared by an
# installed header: a program that includes every header with -D_GNU_SOURCE can
# take its address (an undeclared name is an error, not an implicit int).
# busybox found chroot, setuid, setgid and readahead exported but undeclared;
# the exceptions, each with its reason, are in undeclared.txt.
set -euo pipefail
source "$TESTLIB"
need_cmd nm
nm -D --defined-only "$SYSROOT/lib/libc.so" | awk '$2 ~ /^[TWi]$/ { sub(/@.*/, "", $3); print $3 }' |
    grep -v '^_' | sort -u >"$OUT/exported"
[ "$(wc -l <"$OUT/exported")" -gt 1000 ] || fail "nm -D found only $(wc -l <"$OUT/exported") functions"
grep -v '^#' undeclared.txt | awk 'NF { print $1 }' | sort -u >"$OUT/allowed"
comm -23 "$OUT/exported" "$OUT/allowed" >"$OUT/check"
(cd "$SYSROOT/include" && find . -name '*.h' | sed 's|^\./||' | sort | sed 's/.*/#include <&>/') >"$OUT/t.c"
sed 's/.*/void *vibix_p_& = (void *)\&&;/' "$OUT/check" >>"$OUT/t.c"
if ! "$VIBIX_CC" -std=c11 -D_GNU_SOURCE -fsyntax-only "$OUT/t.c" 2>"$OUT/err"; then
    grep -oE "['‘][A-Za-z0-9_]+['’] undeclared" "$OUT/err" | sort -u >&2 || head -20 "$OUT/err" >&2
    fail "exported functions that no header declares (or the headers do not compile together)"
fi
# A name listed as undeclared that is no longer exported is a stale entry.
stale=$(comm -13 "$OUT/exported" "$OUT/allowed" | tr '\n' ' ')
[ -z "$stale" ] || fail "undeclared.txt lists names libc.so does not export: $stale"
echo "$(wc -l <"$OUT/check") exported functions declared" >&2
