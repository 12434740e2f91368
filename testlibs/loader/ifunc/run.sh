#!/bin/bash
# IFUNC: R_X86_64_IRELATIVE inside a library (resolver uses relocated data) and a
# GNU_IFUNC symbol bound from the program (resolver called at bind time).
set -euo pipefail
source ../_common/lib.sh
cc_lib libif.so lib.c
has_reloc "$OUT/libif.so" R_X86_64_IRELATIVE
readelf --dyn-syms "$OUT/libif.so" | grep -q "IFUNC.*exported_ifunc"
cc_prog prog prog.c -lif -Wl,-rpath,'$ORIGIN'
expect_out expected "$OUT/prog"
expect_out expected "$LDSO" "$OUT/prog"
