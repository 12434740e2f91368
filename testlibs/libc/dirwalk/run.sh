#!/bin/bash
# scandir/alphasort/versionsort (+64), strverscmp, ftw/nftw and the fts family
# compared with glibc, both walking the same tree made here.
source "$TESTLIB"
source ../_compare.sh
t=$OUT/tree
mkdir -p "$t/dir1/sub" "$t/empty"
printf 'hello\n' >"$t/a.txt"
for f in b10 b2 b9 b02 b1.10 b1.9 .hidden; do printf '%s' "$f" >"$t/$f"; done
printf 'xx' >"$t/dir1/x"
printf 'yyy' >"$t/dir1/y"
printf 'z' >"$t/dir1/sub/z"
ln -s dir1 "$t/link"
ln -s nowhere "$t/dangling"
ln -s ../.. "$t/dir1/sub/up"
compare_with_glibc dirwalk.c "$t"
