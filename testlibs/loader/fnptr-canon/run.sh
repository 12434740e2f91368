#!/bin/bash
# Function pointer equality in a non-PIE program (-fno-pic -no-pie): the
# program's PLT entry for lib_fn is its canonical address, so the library's own
# GLOB_DAT and R_X86_64_64, dlsym and a dlopened library's GOT all see it, while
# the program's JUMP_SLOT still gets the real definition. Same output as glibc.
source "$TESTLIB"
here=$PWD
cd "$OUT"
vcc -O2 -fPIC -shared -Wl,-soname,libfn.so "$here/lib.c" -o libfn.so
vcc -O2 -fPIC -shared "$here/plug.c" -L. -lfn -Wl,-rpath,"$OUT" -o plug.so
vcc -O2 -fno-pic -no-pie "$here/prog.c" -L. -lfn -Wl,-rpath,"$OUT" -o prog
[ "$(readelf -hW prog | awk '/Type:/{print $2}')" = EXEC ] || fail "prog is not ET_EXEC"
assert_relocs libfn.so GLOB_DAT 64
assert_relocs prog JUMP_SLOT
# lib_fn is undefined in the program with a non-zero value (its PLT entry).
readelf -sW --dyn-syms prog | awk '$8 == "lib_fn" && $7 == "UND" && $2 !~ /^0+$/ {ok=1} END {exit !ok}' \
    || fail "prog's lib_fn is not a canonical PLT symbol"
check_output "$here/expected" ./prog "$OUT"
check_output "$here/expected" "$LDSO" ./prog "$OUT"
# The reference: the same sources with the host toolchain (glibc's ld.so).
mkdir -p glibc
host_cc -O2 -fPIC -shared -Wl,-soname,libfn.so "$here/lib.c" -o glibc/libfn.so
host_cc -O2 -fPIC -shared "$here/plug.c" -Lglibc -lfn -o glibc/plug.so
host_cc -O2 -fno-pic -no-pie "$here/prog.c" -Lglibc -lfn -Wl,-rpath,"$OUT/glibc" -o glibc/prog -ldl
check_output "$here/expected" glibc/prog "$OUT/glibc"
