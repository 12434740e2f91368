#!/bin/bash
# ld-vibix.so.1 --help / --version and LD_DEBUG=help, like glibc's ld.so: text
# on stdout, exit 0, the program not run. --help names every option and every
# LD_* variable ld-vibix reads (taken from its source); LD_DEBUG=help names every
# category, each of which is accepted without a warning; an unknown one warns.
set -euo pipefail
source ../_common/lib.sh
fail() { echo "FAIL: $*" >&2; exit 1; }
cc_prog prog prog.c
src=${VIBIX_WORKSPACE:-$(cd ../../.. && pwd)}/ld-vibix/src
run() { # CMD... -> $out, $rc (stderr must stay empty)
    local err
    rc=0; out=$("$@" 2>"$OUT/err") || rc=$?
    err=$(<"$OUT/err")
    [ -z "$err" ] || fail "$*: unexpected stderr: $err"
    qemu_record "$rc" "$out" "" "$@"
}
run "$LDSO" --help
[ "$rc" = 0 ] || fail "--help exited $rc"
[[ "$out" == "Usage: ld-vibix.so.1 "* ]] || fail "--help: no usage line: $out"
for o in --list --library-path --preload --help --version; do
    [[ "$out" == *"  $o"* ]] || fail "--help does not list $o"
done
vars=$(grep -rhoE 'b"LD_[A-Z_]+"' "$src" | tr -d 'b"' | sort -u)
[ -n "$vars" ] || fail "no LD_ variables found in $src"
for v in $vars LD_BIND_NOW; do
    [[ "$out" == *"  $v "* ]] || fail "--help does not list $v"
done
run "$LDSO" --version
[ "$rc" = 0 ] || fail "--version exited $rc"
ver=$(sed -n 's/^version = "\(.*\)"/\1/p' "$src/../../Cargo.toml" | head -1)
[[ "$out" == "ld-vibix.so.1 (vibix) $ver"* ]] || fail "--version: $out"
cats=(libs reloc symbols bindings all)
for how in direct interp; do
    if [ $how = direct ]; then cmd=("$LDSO" "$OUT/prog"); else cmd=("$OUT/prog"); fi
    run env LD_DEBUG=help "${cmd[@]}"
    [ "$rc" = 0 ] || fail "LD_DEBUG=help ($how) exited $rc"
    [[ "$out" != *"program ran"* ]] || fail "LD_DEBUG=help ($how) ran the program"
    [[ "$out" == "Valid options for the LD_DEBUG environment variable are:"* ]] || fail "LD_DEBUG=help: $out"
    for c in "${cats[@]}" help; do
        [[ "$out" == *"  $c "* ]] || fail "LD_DEBUG=help does not list $c"
    done
done
for c in "${cats[@]}"; do
    got=$(LD_DEBUG=$c "$OUT/prog" 2>&1 >/dev/null)
    [[ "$got" != *"unknown"* ]] || fail "LD_DEBUG=$c: $got"
done
expect_out <(echo program ran) env LD_DEBUG=bogus "$OUT/prog"
got=$(LD_DEBUG=libs,bogus "$OUT/prog" 2>&1 >/dev/null)
[[ "$got" == *"warning: debug option \`bogus' unknown; try LD_DEBUG=help"* ]] || fail "no warning for LD_DEBUG=bogus: $got"
