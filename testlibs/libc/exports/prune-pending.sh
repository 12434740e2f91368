#!/bin/bash
# Removes from pending-symbols.txt / pending-headers.txt every name the installed
# sysroot now provides (run after `cargo xtask build`, then commit the lists).
# Use: testlibs/libc/exports/prune-pending.sh [SYSROOT]  (default: target/sysroot)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sysroot=${1:-$here/../../../target/sysroot}
gccinc=$(gcc -print-file-name=include)
have=$(mktemp)
trap 'rm -f "$have"' EXIT
nm -D --defined-only "$sysroot/lib/libc.so" "$sysroot/lib/ld-vibix.so.1" | awk 'NF >= 3 { sub(/@.*/, "", $3); print $3 }' >"$have"
(cd "$sysroot/include" && find . -name '*.h' | sed 's|^\./||') >>"$have"
(cd "$gccinc" && find . -name '*.h' | sed 's|^\./||') >>"$have"
for f in pending-symbols.txt pending-headers.txt; do
    awk 'NR == FNR { have[$1] = 1; next } /^[ \t]*(#|$)/ || !($1 in have)' "$have" "$here/$f" >"$here/$f.new"
    echo "$f: $(($(grep -vc '^[[:space:]]*\(#\|$\)' "$here/$f") - $(grep -vc '^[[:space:]]*\(#\|$\)' "$here/$f.new"))) removed" >&2
    mv "$here/$f.new" "$here/$f"
done
