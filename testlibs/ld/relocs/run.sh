#!/bin/bash
# Every relocation type of issue 3 (RELATIVE, GLOB_DAT, JUMP_SLOT, R_X86_64_64,
# TPOFF64) in a PIE and in its library — asserted present with the object-crate
# parser — applied correctly: values, addends, symbol identity, interposition,
# weak undefined symbols.
source "$TESTLIB"
here=$PWD
cd "$OUT"
vcc -O2 -fPIC -ftls-model=initial-exec -shared -Wl,-soname,libreloc.so "$here/lib.c" -o libreloc.so
vcc -O2 -fPIC -ftls-model=initial-exec "$here/prog.c" -L. -lreloc -Wl,-rpath,"$OUT" -o prog
assert_relocs prog RELATIVE GLOB_DAT JUMP_SLOT 64 TPOFF64
assert_relocs libreloc.so RELATIVE GLOB_DAT JUMP_SLOT 64 TPOFF64
refute_relocs prog COPY
check_output "$here/expected" ./prog
