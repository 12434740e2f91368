#!/bin/bash
# dlopen/dlsym/dlclose/dlerror/dladdr/dl_iterate_phdr: RTLD_LOCAL vs GLOBAL,
# RTLD_NOLOAD, reference counts, real unmapping with finalizers, and a failed
# dlopen (undefined symbol) leaving nothing loaded.
set -euo pipefail
source ../_common/lib.sh
R=(-Wl,-rpath,'$ORIGIN')
cc_lib libdep.so dep.c
cc_lib libplug.so plug.c -L"$OUT" -ldep "${R[@]}"
cc_lib libbad.so bad.c -L"$OUT" -ldep "${R[@]}"
cc_lib libglob.so glob.c
cc_lib libnd.so nd.c
cc_prog prog prog.c "$LDSO" "${R[@]}"
expect_out expected "$OUT/prog"
expect_out expected "$LDSO" "$OUT/prog"
