#!/bin/bash
# Our crt objects against the host glibc: _start hands argc/argv/envp to the
# glibc-signature __libc_start_main, main's return value becomes the exit
# status, constructors and _init/_fini run, the stack is 16-byte aligned.
# This checks crt independently of ld-vibix and vibix_libc.
source "$TESTLIB"
lib=$SYSROOT/lib
for o in crt1.o Scrt1.o crti.o crtn.o; do [ -f "$lib/$o" ] || fail "missing $lib/$o"; done

pie=("$lib/Scrt1.o" "$lib/crti.o" "$(gcc -print-file-name=crtbeginS.o)")
pie_end=("$(gcc -print-file-name=crtendS.o)" "$lib/crtn.o")
host_cc -O2 -nostartfiles "${pie[@]}" main.c "${pie_end[@]}" -o "$OUT/pie"
nopie=("$lib/crt1.o" "$lib/crti.o" "$(gcc -print-file-name=crtbegin.o)")
nopie_end=("$(gcc -print-file-name=crtend.o)" "$lib/crtn.o")
host_cc -O2 -fno-pie -no-pie -nostartfiles "${nopie[@]}" main.c "${nopie_end[@]}" -o "$OUT/nopie"

[ "$(readelf -hW "$OUT/pie" | awk '/Type:/{print $2}')" = DYN ] || fail "Scrt1 program is not a PIE"
[ "$(readelf -hW "$OUT/nopie" | awk '/Type:/{print $2}')" = EXEC ] || fail "crt1 program is not ET_EXEC"
readelf -dW "$OUT/pie" | grep -q '(INIT) ' || fail "no DT_INIT from crti/crtn"

for p in pie nopie; do
    run_capture env -i FOO=bar "$OUT/$p" one "two words"
    [ "$STATUS" = 42 ] || fail "$p: $(describe_status "$STATUS"), expected exit 42 (main's return value)"
    diff -u expected "$OUT/stdout" >&2 || fail "$p: output differs"
done
echo ok
