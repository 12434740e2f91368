#!/bin/bash
# ELF files for another machine (e_machine = AArch64) or class (ELFCLASS32), as a
# library and as the program: one line naming the file, exit 127.
source "$TESTLIB"
cd "$OUT"
src=$VIBIX_WORKSPACE/testlibs/ld/_src
vcc -O2 -fPIC -shared -Wl,-soname,libarch.so "$src/needlib.c" -o libarch.so
vcc -O2 "$src/uselib.c" -L. -larch -Wl,-rpath,"$OUT" -o prog
expect_output 5 ./prog
cp libarch.so good.so
patch_byte() { printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none; }

patch_byte libarch.so 18 '\xb7' # e_machine = EM_AARCH64 (183)
[ "$(readelf -hW libarch.so | awk -F: '/Machine/{gsub(/^ +/,"",$2); print $2}')" = AArch64 ] ||
    fail "patching e_machine did not work"
expect_load_error libarch.so -- ./prog

cp good.so libarch.so
patch_byte libarch.so 4 '\x01' # EI_CLASS = ELFCLASS32
expect_load_error libarch.so -- ./prog

cp prog prog-arm
patch_byte prog-arm 18 '\xb7'
expect_load_error prog-arm -- "$LDSO" ./prog-arm
