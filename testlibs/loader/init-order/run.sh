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
