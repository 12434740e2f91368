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
mkdir -p "$OUT/elsewhere/deeper"
printf "pp" >"$OUT/elsewhere/p"
printf "q" >"$OUT/elsewhere/deeper/q"
# A symlink to a directory outside the tree: a following walk goes through it
# (one to dir1 would make the walk take dir1 or link, whichever comes first).
ln -s ../elsewhere "$t/link"
ln -s nowhere "$t/dangling"
ln -s ../.. "$t/dir1/sub/up"
compare_with_glibc dirwalk.c "$t"
