#!/bin/bash
# Init/fini order across prog -> liba -> libb (see expected): preinit_array,
# DT_INIT, init_array with (argc, argv, envp), dependencies first; atexit, then
# fini_array/DT_FINI in reverse. Also when started as `ld-vibix.so.1 ./prog`.
source "$TESTLIB"
here=$PWD
cd "$OUT"
vcc -O2 -fPIC -shared -Wl,-soname,libb.so -Wl,-init,libb_init -Wl,-fini,libb_fini "$here/libb.c" -o libb.so
vcc -O2 -fPIC -shared -Wl,-soname,liba.so "$here/liba.c" -L. -lb -Wl,-rpath,"$OUT" -o liba.so
vcc -O2 "$here/prog.c" -L. -la -Wl,-rpath,"$OUT" -o prog
readelf -dW libb.so | grep -q '(INIT) ' || fail "libb.so has no DT_INIT"
readelf -SW prog | grep -q preinit_array || fail "prog has no .preinit_array"
check_output "$here/expected" ./prog x y
check_output "$here/expected" "$LDSO" ./prog x y
