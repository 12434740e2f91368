#!/bin/bash
# TLS descriptors (-mtls-dialect=gnu2, R_X86_64_TLSDESC) in an initial library
# and in a dlopened one (served from the static surplus; its desc_var binds to the
# first definition in the global scope, its static array is its own).
set -euo pipefail
source ../_common/lib.sh
cc_lib libdesc.so lib.c -mtls-dialect=gnu2
cc_lib libdesc2.so lib.c -mtls-dialect=gnu2
has_reloc "$OUT/libdesc.so" R_X86_64_TLSDESC
cc_prog prog prog.c -ldesc "$LDSO" -Wl,-rpath,'$ORIGIN'
expect_out expected "$OUT/prog"
expect_out expected "$LDSO" "$OUT/prog"
