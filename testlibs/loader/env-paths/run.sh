#!/bin/bash
# Search order and path variables: LD_LIBRARY_PATH, DT_RUNPATH with $ORIGIN and
# $LIB, DT_RPATH before LD_LIBRARY_PATH, and --library-path.
set -euo pipefail
source ../_common/lib.sh
mkdir -p "$OUT/a" "$OUT/b" "$OUT/bin/../lib" "$OUT/rp"
cc_lib a/libw.so lib.c -DWHICH=dir_a -Wl,-soname,libw.so
cc_lib b/libw.so lib.c -DWHICH=dir_b -Wl,-soname,libw.so
cc_lib lib/libw.so lib.c -DWHICH=origin_lib -Wl,-soname,libw.so
cc_lib rp/libw.so lib.c -DWHICH=rpath -Wl,-soname,libw.so
# No path in the program: only the environment / options can find libw.so.
gcc $CFLAGS_T -pie "$COMMON/start.S" prog.c -L"$OUT/a" -lw -Wl,--dynamic-linker="$LDSO" -o "$OUT/bin/plain"
expect_fail127 "libw.so: cannot open shared object file" "$OUT/bin/plain"
LD_LIBRARY_PATH="$OUT/nonexistent:$OUT/b" expect_out <(echo dir_b) "$OUT/bin/plain"
LD_LIBRARY_PATH="$OUT/a:$OUT/b" expect_out <(echo dir_a) "$OUT/bin/plain"
expect_out <(echo dir_b) "$LDSO" --library-path "$OUT/b" "$OUT/bin/plain"
# RUNPATH with $ORIGIN/../$LIB; LD_LIBRARY_PATH comes first.
gcc $CFLAGS_T -pie "$COMMON/start.S" prog.c -L"$OUT/a" -lw -Wl,-rpath,'$ORIGIN/../$LIB' -Wl,--enable-new-dtags \
    -Wl,--dynamic-linker="$LDSO" -o "$OUT/bin/runpath"
expect_out <(echo origin_lib) "$OUT/bin/runpath"
expect_out <(echo origin_lib) "$LDSO" "$OUT/bin/runpath"
LD_LIBRARY_PATH="$OUT/b" expect_out <(echo dir_b) "$OUT/bin/runpath"
# DT_RPATH (old tags) wins over LD_LIBRARY_PATH.
gcc $CFLAGS_T -pie "$COMMON/start.S" prog.c -L"$OUT/a" -lw -Wl,-rpath,'${ORIGIN}/../rp' -Wl,--disable-new-dtags \
    -Wl,--dynamic-linker="$LDSO" -o "$OUT/bin/rpath"
readelf -d "$OUT/bin/rpath" | grep -q "(RPATH)"
LD_LIBRARY_PATH="$OUT/b" expect_out <(echo rpath) "$OUT/bin/rpath"
