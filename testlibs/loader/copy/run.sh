#!/bin/bash
# R_X86_64_COPY in a non-PIE (ET_EXEC) program: the initial value is copied from
# the library, and the library's own references bind to the program's copy.
set -euo pipefail
source ../_common/lib.sh
cc_lib libcp.so lib.c
gcc -Wl,--no-as-needed -O1 -nostdlib -ffreestanding -fno-builtin -fno-stack-protector -fno-pic -no-pie \
    -I"$COMMON" "$COMMON/start.S" prog.c -L"$OUT" -lcp -Wl,-rpath,'$ORIGIN' \
    -Wl,--dynamic-linker="$LDSO" -o "$OUT/prog"
has_reloc "$OUT/prog" R_X86_64_COPY
readelf -h "$OUT/prog" | grep -q "EXEC (Executable file)"
expect_out expected "$OUT/prog"
expect_out expected "$LDSO" "$OUT/prog"
