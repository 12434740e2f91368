#!/bin/bash
# Every integer constant macro our headers define has glibc's value (Linux
# x86_64 ABI), and the listed types have glibc's size, alignment and member
# offsets (layouts.txt). Macros are found by reading each installed header
# (`#define NAME value` with an integer-looking or string value); a program per header
# prints the ones the header really defines, built once with vibix-cc and once
# with gcc/glibc (both with _GNU_SOURCE), and values of the names both define
# must agree. Names only one side has are reported, not failed (musl/glibc
# extensions differ). skip.txt lists names whose value is ours to choose or that
# glibc defines with another meaning, each with the reason.
source "$TESTLIB"
here=$PWD
inc=$SYSROOT/include
mkdir -p "$OUT/src"
awk '!/^[ \t]*(#|$)/ { if (NF < 2) { print "skip.txt: no reason for " $1 > "/dev/stderr"; exit 1 } print $1 }' skip.txt >"$OUT/skip" ||
    fail "skip.txt: every name needs a reason"
cd "$inc"
headers=$(find . -name '*.h' | sed 's|^\./||' | sort)
# probe HEADER NAMES...: a program printing each NAME the header defines.
probe() {
    local h=$1 n
    shift
    echo "#define _GNU_SOURCE"
    awk -v h="$h" '$1 == h { for (i = 2; i <= NF; i++) print "#include <" $i ">" }' "$here/probe-includes.txt"
    echo "#include <$h>"
    echo "#include <stdio.h>"
    echo 'static void pint(const char *n, long long v) { printf("%s %lld\n", n, v); }'
    echo 'static void pstr(const char *n, const char *v) { printf("%s \"", n); for (; *v; v++) putchar(*v == 32 ? 95 : *v); puts("\""); }'
    echo "int main(void) {"
    for n in "$@"; do
        printf '#ifdef %s\n    _Generic((%s), char *: pstr, const char *: pstr, default: pint)("%s", %s);\n#endif\n' "$n" "$n" "$n" "$n"
    done
    echo "    return 0;"
    echo "}"
}
# probe_rejects PROBE ERRORS: the names on the probe lines the compiler rejected.
probe_rejects() {
    grep -oE "$(basename "$1"):[0-9]+:[0-9]+: error" "$2" | cut -d: -f2 | sort -un |
        while read -r l; do sed -n "${l}p" "$1" | grep -oE '\("[A-Za-z_0-9]+"' | tr -d '("'; done | sort -u | tr '\n' ' '
}
ok=0 total=0 checked=0
: >"$OUT/report"
for h in $headers; do
    # glibc must have the header too (bits/ headers are internal to each library).
    case $h in bits/*) continue ;; esac
    [ -e "/usr/include/$h" ] || [ -e "/usr/include/x86_64-linux-gnu/$h" ] || continue
    names=$(sed -nE 's/^[[:space:]]*#[[:space:]]*define[[:space:]]+([A-Za-z_][A-Za-z0-9_]*)[[:space:]]+([-+~()0-9a-fA-FxXuUlL |&<>^A-Z_]+|"[^"]*")[[:space:]]*(\/\*.*)?$/\1/p' "$inc/$h" |
        grep -vxFf "$OUT/skip" | sort -u) || true
    [ -n "$names" ] || continue
    stem=$(tr '/.' '__' <<<"$h")
    total=$((total + 1))
    # Build with both toolchains; names a compiler rejects (a macro aliasing a
    # function-like one, an enum-based glibc definition, ...) are dropped and
    # reported, and the probe is rebuilt without them.
    for attempt in 1 2 3 4; do
        probe "$h" $names >"$OUT/src/$stem.c"
        bad=
        if ! "$VIBIX_CC" -w "$OUT/src/$stem.c" -o "$OUT/$stem.vibix" 2>"$OUT/err"; then
            bad=$(probe_rejects "$OUT/src/$stem.c" "$OUT/err")
        elif ! gcc -w "$OUT/src/$stem.c" -o "$OUT/$stem.glibc" 2>"$OUT/err"; then
            bad=$(probe_rejects "$OUT/src/$stem.c" "$OUT/err")
        else
            break
        fi
        [ -n "$bad" ] || { cat "$OUT/err" >&2; fail "<$h>: constant probe does not build"; }
        echo "note: <$h>: not compared (not an integer or string constant on one side): $bad" >&2
        names=$(grep -vxF -f <(tr ' ' '\n' <<<"$bad") <<<"$names") || true
        [ "$attempt" != 4 ] || fail "<$h>: constant probe still fails after dropping names"
    done
    "$OUT/$stem.glibc" | sort >"$OUT/$stem.g"
    "$OUT/$stem.vibix" | sort >"$OUT/$stem.v"
    join "$OUT/$stem.g" "$OUT/$stem.v" | awk -v h="$h" '$2 != $3 { printf "<%s> %s: glibc %s, vibix %s\n", h, $1, $2, $3 }' >>"$OUT/report"
    checked=$((checked + $(join "$OUT/$stem.g" "$OUT/$stem.v" | wc -l)))
done
if [ -s "$OUT/report" ]; then
    cat "$OUT/report" >&2
    fail "$(wc -l <"$OUT/report") constants differ from glibc"
fi
echo "$checked constants in $total headers equal glibc's" >&2

# Layouts: `header|type|member...` lines.
{
    echo "#define _GNU_SOURCE"
    cut -d'|' -f1 "$here/layouts.txt" | grep -v '^#' | sort -u | sed 's/.*/#include <&>/'
    echo "#include <stdio.h>"
    echo "#include <stddef.h>"
    echo "int main(void) {"
    grep -v '^#' "$here/layouts.txt" | while IFS='|' read -r h t members; do
        printf '    printf("%%s size %%zu align %%zu\\n", "%s", sizeof(%s), _Alignof(%s));\n' "$t" "$t" "$t"
        for m in $members; do
            printf '    printf("%%s.%%s %%zu\\n", "%s", "%s", offsetof(%s, %s));\n' "$t" "$m" "$t" "$m"
        done
    done
    echo "    return 0;"
    echo "}"
} >"$OUT/layouts.c"
cd "$here"
source ../_compare.sh
cp "$OUT/layouts.c" "$OUT/src/layouts.c"
cd "$OUT/src"
CFLAGS_BOTH=-w compare_with_glibc layouts.c
echo "$(grep -vc '^#' "$here/layouts.txt") layouts equal glibc's" >&2
