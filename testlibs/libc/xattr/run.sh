#!/bin/bash
# The xattr family (path, l* and f* forms): values, size queries, list order, XATTR_CREATE/
# XATTR_REPLACE and errno equal glibc's, on a file in the case's scratch directory.
source "$TESTLIB"
source ../_compare.sh
probe=$OUT/probe
: >"$probe"
if ! setfattr -n user.probe -v 1 "$probe" 2>/dev/null && ! python3 -c "import os,sys; os.setxattr(sys.argv[1], 'user.probe', b'1')" "$probe" 2>/dev/null; then
    echo "skip: the file system of $OUT has no user extended attributes" >&2
    exit 77
fi
compare_with_glibc xattr.c "$OUT"
