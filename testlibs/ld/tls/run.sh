#!/bin/bash
# Static TLS: local-exec in the program, initial-exec (TPOFF64) into and inside
# libraries, .tdata/.tbss, alignment up to 128, variant II placement, errno in
# the thread area.
source "$TESTLIB"
here=$PWD
cd "$OUT"
ie=(-O2 -fPIC -ftls-model=initial-exec)
vcc "${ie[@]}" -shared -Wl,-soname,libtlsa.so "$here/liba.c" -o libtlsa.so
vcc "${ie[@]}" -shared -Wl,-soname,libtlsb.so "$here/libb.c" -o libtlsb.so
vcc -O2 -ftls-model=initial-exec "$here/prog.c" -L. -ltlsa -ltlsb -Wl,-rpath,"$OUT" -o prog
assert_relocs prog TPOFF64
assert_relocs libtlsa.so TPOFF64
assert_relocs libtlsb.so TPOFF64
refute_relocs prog DTPMOD64 DTPOFF64
refute_relocs libtlsa.so DTPMOD64 DTPOFF64
check_output "$here/expected" ./prog
check_output "$here/expected" "$LDSO" ./prog
