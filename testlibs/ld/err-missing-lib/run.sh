#!/bin/bash
# A missing DT_NEEDED library (direct or indirect): one line naming it, exit 127.
source "$TESTLIB"
cd "$OUT"
src=$VIBIX_WORKSPACE/testlibs/ld/_src
vcc -O2 -fPIC -shared -Wl,-soname,libgone.so "$src/needlib.c" -o libgone.so
echo 'int lib_value(void); int mid_value(void) { return lib_value(); }' >mid.c
vcc -O2 -fPIC -shared -Wl,-soname,libmid.so mid.c -L. -lgone -Wl,-rpath,"$OUT" -o libmid.so
echo '#include <stdio.h>
int mid_value(void); int main(void) { printf("%d\n", mid_value()); return 0; }' >usemid.c
vcc -O2 "$src/uselib.c" -L. -lgone -Wl,-rpath,"$OUT" -o prog
vcc -O2 usemid.c -L. -lmid -Wl,-rpath,"$OUT" -o prog-indirect
expect_output 5 ./prog # sanity: it runs while the library is there
expect_output 5 ./prog-indirect
rm libgone.so
expect_load_error libgone.so -- ./prog
expect_load_error libgone.so -- "$LDSO" ./prog
expect_load_error libgone.so -- ./prog-indirect
# The program itself missing, when started directly.
expect_load_error no-such-program -- "$LDSO" ./no-such-program
