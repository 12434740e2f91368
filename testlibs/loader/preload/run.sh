#!/bin/bash
# LD_PRELOAD and --preload interpose on a library's symbol (preloads come right
# after the program in the global scope); the first preload wins.
set -euo pipefail
source ../_common/lib.sh
cc_lib libreal.so real.c
cc_lib libpre.so pre.c
cc_lib libpre2.so pre2.c
cc_prog prog prog.c -lreal -Wl,-rpath,'$ORIGIN'
expect_out <(echo greet 1) "$OUT/prog"
LD_PRELOAD="$OUT/libpre.so" expect_out <(printf 'init preload\ngreet 2\n') "$OUT/prog"
LD_PRELOAD="$OUT/libpre2.so:$OUT/libpre.so" expect_out <(printf 'init preload\ngreet 3\n') "$OUT/prog"
LD_PRELOAD="$OUT/libpre2.so $OUT/libpre.so" expect_out <(printf 'init preload\ngreet 3\n') "$OUT/prog"
expect_out <(printf 'init preload\ngreet 2\n') "$LDSO" --preload "$OUT/libpre.so" "$OUT/prog"
LD_PRELOAD="$OUT/missing.so" expect_fail127 "missing.so: cannot open shared object file" "$OUT/prog"
