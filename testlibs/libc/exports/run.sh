#!/bin/bash
# Conformance with musl 1.2.3's public interface (issue 12):
#  * every public name musl's libc.so exports (not `_`-prefixed) is defined by
#    the installed libc.so or ld-vibix.so.1 (dl*), and
#  * every header musl installs is installed in $SYSROOT/include (or, for the
#    freestanding headers, comes with the compiler vibix-cc drives),
# except names explained in docs/unsupported.md (first table cell, with a reason
# in the second) or listed in pending-symbols.txt / pending-headers.txt (work in
# progress, one `name owner` per line). The pending lists may only shrink: a
# pending name that is now provided, documented as unsupported, or not in musl's
# list at all fails the case, so they always say exactly what is missing.
# The reference lists are names only (musl-1.2.3-*.txt, from musl's build).
source "$TESTLIB"
here=$PWD
doc=$VIBIX_WORKSPACE/docs/unsupported.md
[ -r "$doc" ] || fail "$doc is missing"
gccinc=$(gcc -print-file-name=include)

# Names documented in docs/unsupported.md: backticked words in the first cell
# of a table row whose second cell is not empty.
awk -F'|' '/^\|/ && NF >= 4 {
        reason = $3; gsub(/[ \t-]/, "", reason); if (reason == "") next
        cell = $2
        while (match(cell, /`[^`]+`/)) {
            w = substr(cell, RSTART + 1, RLENGTH - 2); cell = substr(cell, RSTART + RLENGTH)
            n = split(w, parts, /[ ,]+/)
            for (i = 1; i <= n; i++) if (parts[i] ~ /^[A-Za-z_][A-Za-z0-9_\/.]*$/) print parts[i]
        }
    }' "$doc" | sort -u >"$OUT/documented"

# pending list -> names (ignoring comments and blank lines), checking the format.
pending_names() {
    local f=$1
    awk -v f="$(basename "$f")" '
        /^[ \t]*(#|$)/ { next }
        NF != 2 { printf "%s:%d: want `name owner`: %s\n", f, NR, $0 > "/dev/stderr"; bad = 1; next }
        { print $1 }
        END { exit bad }' "$f" || fail "$(basename "$f") is malformed"
}
pending_names "$here/pending-symbols.txt" | sort >"$OUT/pending-symbols"
pending_names "$here/pending-headers.txt" | sort >"$OUT/pending-headers"
for l in pending-symbols pending-headers; do
    d=$(uniq -d "$OUT/$l")
    [ -z "$d" ] || fail "$l.txt lists names twice: $d"
done

# --- symbols
grep -v '^_' musl-1.2.3-exports.txt | sort -u >"$OUT/ref-symbols"
[ "$(wc -l <"$OUT/ref-symbols")" -gt 1000 ] || fail "musl-1.2.3-exports.txt looks truncated"
for so in "$SYSROOT/lib/libc.so" "$LDSO"; do
    [ -r "$so" ] || fail "$so is not installed"
    nm -D --defined-only "$so" | awk 'NF >= 3 { sub(/@.*/, "", $3); print $3 }'
done | sort -u >"$OUT/have-symbols"
[ -s "$OUT/have-symbols" ] || fail "nm -D found no symbols"

# --- headers (the freestanding ones may come from the compiler: vibix-cc adds
# gcc's include directory after ours, as musl-gcc does)
sort -u musl-1.2.3-headers.txt >"$OUT/ref-headers"
while read -r h; do
    if [ -f "$SYSROOT/include/$h" ] || [ -f "$gccinc/$h" ]; then echo "$h"; fi
done <"$OUT/ref-headers" | sort >"$OUT/have-headers"

status=0
check() { # kind
    local k=$1
    comm -23 "$OUT/ref-$k" "$OUT/have-$k" >"$OUT/missing-$k"
    comm -23 "$OUT/missing-$k" "$OUT/documented" >"$OUT/undocumented-$k"
    comm -23 "$OUT/undocumented-$k" "$OUT/pending-$k" >"$OUT/unexplained-$k"
    if [ -s "$OUT/unexplained-$k" ]; then
        echo "FAIL: $(wc -l <"$OUT/unexplained-$k") musl $k missing and neither in docs/unsupported.md nor in pending-$k.txt:" >&2
        fmt -w 100 "$OUT/unexplained-$k" | sed 's/^/    /' >&2
        status=1
    fi
    # The pending list only shrinks: each entry must still be missing, undocumented, and musl's.
    comm -13 "$OUT/undocumented-$k" "$OUT/pending-$k" >"$OUT/stale-$k"
    if [ -s "$OUT/stale-$k" ]; then
        echo "FAIL: pending-$k.txt lists names that are provided, documented as unsupported, or not musl's (remove them):" >&2
        fmt -w 100 "$OUT/stale-$k" | sed 's/^/    /' >&2
        status=1
    fi
    echo "$k: musl $(wc -l <"$OUT/ref-$k"), missing $(wc -l <"$OUT/missing-$k") ($(comm -12 "$OUT/missing-$k" "$OUT/documented" | wc -l) documented unsupported, $(wc -l <"$OUT/pending-$k") pending)" >&2
}
check symbols
check headers
for k in symbols headers; do
    awk '!/^[ \t]*(#|$)/ { n[$2]++ } END { for (o in n) printf "  pending %s of %s: %d\n", k, o, n[o] }' k=$k "$here/pending-$k.txt" | sort >&2
done
exit $status
