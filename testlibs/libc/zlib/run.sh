#!/bin/bash
# zlib (from the libz-sys crate's bundled sources) built with vibix-cc:
# compression sizes, checksums, round trips and gzip files equal the glibc build.
source "$TESTLIB"
source ../_compare.sh
source ../_crate_src.sh
z=$(crate_src libz-sys 1)/src/zlib
[ -f "$z/zlib.h" ] || fail "no zlib sources in $z"
srcs=()
for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate inftrees trees uncompr zutil; do
    srcs+=("$z/$f.c")
done
CFLAGS_BOTH="-I$z -DHAVE_UNISTD_H -DHAVE_STDARG_H -D_LARGEFILE64_SOURCE=1 -w"
VIBIX_LIBS="${srcs[*]}"
HOST_LIBS="${srcs[*]}"
compare_with_glibc zpipe.c
