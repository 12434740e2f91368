#!/bin/bash
# Backtraces name our functions: Backtrace::force_capture in-program, and
# RUST_BACKTRACE=1 / =full on uncaught panics (main thread and a named thread).
source "$TESTLIB"
source ../rust.sh
rust_build
rust_compare
assert_eq 0 "$RC" "status"
! grep -q false "$OUT/vibix.out" || fail "a backtrace check printed false: $(cat "$OUT/vibix.out")"
RUST_BACKTRACE=1 RUST_VIA_LDSO=1 rust_compare panic
assert_eq 101 "$RC" "status"
for f in level_three level_two level_one; do
    assert_contains "$(cat "$OUT/vibix.err")" "backtrace::$f" "RUST_BACKTRACE=1 stderr"
done
assert_contains "$(cat "$OUT/vibix.err")" "thread 'bt-thread'" "stderr"
# full backtraces print addresses, which differ: compare only the function names.
export RUST_BACKTRACE=full
rust_run glibc "$GLIBC_BIN" panic
rust_run vibix "$VIBIX_BIN" panic
# Frames inside the C library (glibc's __libc_start_main, start_thread, or
# vibix_libc's own) legitimately differ: keep the Rust program/std frames.
names() { grep -E '^ +[0-9]+: ' "$1" | sed -E 's/^ +[0-9]+: +(0x[0-9a-f]+ - )?//' | grep '::' | grep -v '^vibix_libc' |
    sed -E 's/::h[0-9a-f]{16}$//; s/\[[0-9a-f]+\]//g' || true; }
# (symbol hashes differ: the two builds have different RUSTFLAGS, hence crate hashes)
diff -u <(names "$OUT/glibc.err") <(names "$OUT/vibix.err") >&2 || fail "RUST_BACKTRACE=full names differ from glibc"
assert_contains "$(names "$OUT/vibix.err")" "backtrace::level_three" "RUST_BACKTRACE=full"
