#!/bin/bash
# dlsym(RTLD_NEXT) finds the next definition after the *calling* object (the
# trampoline passes the return address): libwrap interposes real_fn and forwards.
set -euo pipefail
source ../_common/lib.sh
cc_lib libreal.so real.c
cc_lib libwrap.so wrap.c "$LDSO"
cc_prog prog prog.c -lwrap -lreal "$LDSO" -Wl,-rpath,'$ORIGIN'
expect_out expected "$OUT/prog"
cc_prog prog2 prog.c -lreal "$LDSO" -Wl,-rpath,'$ORIGIN'
expect_out expected-nowrap "$OUT/prog2"
