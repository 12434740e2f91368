#!/bin/bash
# An undefined function (JUMP_SLOT) or variable (GLOB_DAT): one line naming
# the symbol and the object that needs it, exit 127 (bind-now: before main).
source "$TESTLIB"
cd "$OUT"
src=$VIBIX_WORKSPACE/testlibs/ld/_src
vcc -O2 -fPIC -shared -Wl,-soname,libsym.so "$src/needlib.c" -o libsym.so
vcc -O2 "$src/uselib.c" -L. -lsym -Wl,-rpath,"$OUT" -o prog
vcc -O2 -fPIC "$src/usedata.c" -L. -lsym -Wl,-rpath,"$OUT" -o prog-data
assert_relocs prog JUMP_SLOT
assert_relocs prog-data GLOB_DAT
expect_output 5 ./prog
expect_output 6 ./prog-data
# Replace the library by one without the symbols.
vcc -O2 -fPIC -shared -Wl,-soname,libsym.so -DNO_SYMS "$src/needlib.c" -o libsym.so
expect_load_error lib_value prog -- ./prog
expect_load_error lib_counter prog-data -- ./prog-data
expect_load_error lib_value prog -- "$LDSO" ./prog
