#!/bin/bash
# vibix-readelf vs binutils readelf, field by field, on every ELF file in the sysroot
# (the objects the project builds and installs) for -h -l -S -r -d --dyn-syms -V.
source "$TESTLIB"
need_cmd readelf
RE="$SYSROOT/bin/vibix-readelf"
[ -x "$RE" ] || fail "$RE not installed"
n=0
for f in "$SYSROOT"/lib/* "$SYSROOT"/bin/*; do
    [ -f "$f" ] && [ "$(head -c4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] || continue
    for v in -h -l -S -r -d --dyn-syms -V; do
        # Fields = whitespace-separated words of each non-empty line.
        readelf -W $v "$f" | awk 'NF { $1 = $1; print }' >"$OUT/theirs"
        "$RE" -W $v "$f" | awk 'NF { $1 = $1; print }' >"$OUT/ours"
        diff -u "$OUT/theirs" "$OUT/ours" >"$OUT/diff" || { head -20 "$OUT/diff" >&2; fail "$f $v differs from binutils readelf"; }
    done
    n=$((n + 1))
done
[ "$n" -ge 2 ] || fail "only $n ELF files in $SYSROOT"
echo "$n sysroot ELF files match binutils readelf"
