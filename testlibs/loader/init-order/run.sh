#!/bin/bash
# Initialisers run dependencies first over a diamond (prog -> a, b; a, b -> c),
# with (argc, argv, envp); finalizers run from the fini function passed in %rdx:
# the program first, then the libraries in reverse init order.
set -euo pipefail
source ../_common/lib.sh
cc_lib libc_.so lib.c -DNAME=c -Wl,-soname,libc_.so
cc_lib liba.so lib.c -DNAME=a -L"$OUT" -Wl,--no-as-needed -l:libc_.so -Wl,-rpath,'$ORIGIN'
cc_lib libb.so lib.c -DNAME=b -L"$OUT" -Wl,--no-as-needed -l:libc_.so -Wl,-rpath,'$ORIGIN'
cc_prog prog prog.c -la -lb -Wl,-rpath,'$ORIGIN'
expect_out expected "$OUT/prog" hello
expect_out expected "$LDSO" "$OUT/prog" hello
# A cycle (x <-> y) is broken at the edge that closes it: y, then x. A later
# dlopen initialises its new dependencies first and dlclose finalises in reverse.
cc_lib liby.so lib.c -DNAME=y -Wl,-soname,liby.so
cc_lib libx.so lib.c -DNAME=x -L"$OUT" -Wl,--no-as-needed -ly -Wl,-rpath,'$ORIGIN'
cc_lib liby.so lib.c -DNAME=y -L"$OUT" -Wl,--no-as-needed -lx -Wl,-rpath,'$ORIGIN'
cc_lib libe.so lib.c -DNAME=e -L"$OUT" -Wl,--no-as-needed -l:libc_.so -Wl,-rpath,'$ORIGIN'
cc_lib libd.so lib.c -DNAME=d -L"$OUT" -Wl,--no-as-needed -le -l:libc_.so -Wl,-rpath,'$ORIGIN'
cc_prog prog2 prog2.c -lx "$LDSO" -Wl,-rpath,'$ORIGIN'
expect_out expected2 "$OUT/prog2"
