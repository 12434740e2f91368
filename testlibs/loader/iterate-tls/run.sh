#!/bin/bash
# dl_iterate_phdr's dlpi_tls_data (as glibc): the calling thread's block of
# each module; for a dlopened module with dynamic TLS, NULL until the thread
# first touches its TLS, then that thread's own block. Same output as glibc.
source "$TESTLIB"
here=$PWD
cd "$OUT"
vcc -O2 -fPIC -shared -ftls-model=global-dynamic "$here/lib.c" -o libtls.so
vcc -O2 -fpie -pie "$here/prog.c" -o prog -lpthread
assert_relocs libtls.so DTPMOD64
check_output "$here/expected" ./prog "$OUT"
check_output "$here/expected" "$LDSO" ./prog "$OUT"
mkdir -p glibc
host_cc -O2 -fPIC -shared -ftls-model=global-dynamic "$here/lib.c" -o glibc/libtls.so
host_cc -O2 -fpie -pie "$here/prog.c" -o glibc/prog -lpthread -ldl
check_output "$here/expected" glibc/prog "$OUT/glibc"
