#!/bin/bash
# Every installed header compiles on its own (C99, C11, C11 with _GNU_SOURCE,
# and C++), all with -Wall -Werror, with
# -nostdinc (vibix-cc): no host glibc header is needed, none leaks in, and no
# header depends on another being included first.
source "$TESTLIB"
cd "$SYSROOT/include"
headers=$(find . -name '*.h' | sed 's|^\./||' | sort)
[ -n "$headers" ] || fail "no headers installed"
n=0
for h in $headers; do
    printf '#include <%s>\n#include <%s>\nint vibix_header_probe;\n' "$h" "$h" >"$OUT/t.c"
    for std in -std=c99 -std=c11 "-std=c11 -D_GNU_SOURCE"; do
        "$VIBIX_CC" $std -Wall -Werror -fsyntax-only "$OUT/t.c" 2>"$OUT/err" ||
            { cat "$OUT/err" >&2; fail "<$h> does not compile with $std"; }
    done
    cp "$OUT/t.c" "$OUT/t.cc"
    "$VIBIX_CC" -x c++ -Wall -Werror -fsyntax-only "$OUT/t.cc" 2>"$OUT/err" ||
        { cat "$OUT/err" >&2; fail "<$h> does not compile as C++"; }
    n=$((n + 1))
done
# And no header of the host C library was read: -H lists every include.
printf '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <pthread.h>\n#include <math.h>\n' >"$OUT/all.c"
"$VIBIX_CC" -H -fsyntax-only "$OUT/all.c" 2>"$OUT/inc"
! grep -E '/usr/include' "$OUT/inc" >&2 || fail "a host header was included"
echo "$n headers ok" >&2
