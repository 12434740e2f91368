#!/bin/bash
# std::fs: create/read/write/append/seek/set_len, metadata, permissions, copy,
# rename, symlinks, hard links, canonicalize, read_dir, error messages,
# remove_dir_all — same output as glibc.
source "$TESTLIB"
source ../rust.sh
rust_build
mkdir -p "$OUT/work"
rust_compare "$OUT/work"
assert_eq 0 "$RC" "status"
assert_contains "$(cat "$OUT/vibix.out")" "No such file or directory (os error 2)" "stdout"
RUST_VIA_LDSO=1 rust_compare "$OUT/work"
