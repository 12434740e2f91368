#!/bin/bash
# dlclose tracks bindings into the closed object: liba (relocations) and
# libc2 (dlsym(RTLD_DEFAULT) from its code) bind into libb without a DT_NEEDED;
# closing libb first leaves it loaded and working; closing the user unloads
# both, finalizers in the right order (dl_iterate_phdr and /proc/self/maps).
source "$TESTLIB"
here=$PWD
cd "$OUT"
vcc -O2 -fPIC -shared "$here/libb.c" -o libb.so
vcc -O2 -fPIC -shared "$here/liba.c" -o liba.so
vcc -O2 -fPIC -shared "$here/libc2.c" -o libc2.so
vcc -O2 "$here/prog.c" -o prog
[ -z "$(needed_of liba.so | grep libb)" ] || fail "liba.so must not NEED libb.so"
check_output "$here/expected" ./prog "$OUT"
check_output "$here/expected" "$LDSO" ./prog "$OUT"
mkdir -p glibc
host_cc -O2 -fPIC -shared "$here/libb.c" -o glibc/libb.so
host_cc -O2 -fPIC -shared "$here/liba.c" -o glibc/liba.so
host_cc -O2 -fPIC -shared "$here/libc2.c" -o glibc/libc2.so
host_cc -O2 "$here/prog.c" -o glibc/prog -ldl
check_output "$here/expected" glibc/prog "$OUT/glibc"
