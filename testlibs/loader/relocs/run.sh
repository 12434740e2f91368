#!/bin/bash
# RELATIVE, GLOB_DAT, JUMP_SLOT and R_X86_64_64 across a program and a library,
# both under PT_INTERP and with ld-vibix run directly.
set -euo pipefail
source ../_common/lib.sh
cc_lib libr.so libr.c
cc_prog prog prog.c -Wl,-z,now -fno-plt -lr -Wl,-rpath,'$ORIGIN'
gcc $CFLAGS_T -pie "$COMMON/start.S" prog.c -L"$OUT" -lr -Wl,-rpath,'$ORIGIN' -Wl,--dynamic-linker="$LDSO" -o "$OUT/prog_plt"
for t in R_X86_64_RELATIVE R_X86_64_GLOB_DAT R_X86_64_64; do has_reloc "$OUT/prog" $t; done
has_reloc "$OUT/prog_plt" R_X86_64_JUMP_SLOT
has_reloc "$OUT/libr.so" R_X86_64_64
expect_out expected "$OUT/prog"
expect_out expected "$OUT/prog_plt"
expect_out expected "$LDSO" "$OUT/prog_plt"
