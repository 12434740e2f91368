#!/bin/bash
# Files that are not ELF (text, empty, a directory) as a library or as the
# program: one line naming the file, exit 127.
source "$TESTLIB"
cd "$OUT"
src=$VIBIX_WORKSPACE/testlibs/ld/_src
vcc -O2 -fPIC -shared -Wl,-soname,libnotelf.so "$src/needlib.c" -o libnotelf.so
vcc -O2 "$src/uselib.c" -L. -lnotelf -Wl,-rpath,"$OUT" -o prog
expect_output 5 ./prog
printf 'this is not an ELF file, just some text long enough to look like a header\n' >libnotelf.so
expect_load_error libnotelf.so -- ./prog
: >libnotelf.so
expect_load_error libnotelf.so -- ./prog
rm libnotelf.so && mkdir libnotelf.so
expect_load_error libnotelf.so -- ./prog
printf '#!/bin/sh\necho hi\n' >script && chmod +x script
expect_load_error script -- "$LDSO" ./script
