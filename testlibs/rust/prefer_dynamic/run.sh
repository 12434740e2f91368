#!/bin/bash
# -C prefer-dynamic: the program needs the toolchain's libstd-<hash>.so (GLIBC-
# versioned imports, DTPMOD64/DTPOFF64 TLS, RUNPATH $ORIGIN/../lib, NEEDED
# libc.so.6/libgcc_s.so.1/ld-linux-x86-64.so.2, all served by vibix). Thread,
# TLS, caught and uncaught panics — as the glibc build.
source "$TESTLIB"
source ../rust.sh
RUSTLIB=$(rustc --print sysroot)/lib/rustlib/$RUST_TARGET/lib
ls "$RUSTLIB"/libstd-*.so >/dev/null 2>&1 || skip "the toolchain has no libstd-*.so"
export RUSTFLAGS="-C prefer-dynamic" VIBIX_RUSTFLAGS="-C prefer-dynamic"
cargo build --quiet --release --manifest-path prog/Cargo.toml --target-dir "$OUT/glibc" || fail "cargo build (glibc)"
cargo_vibix build --quiet --release --manifest-path prog/Cargo.toml --target-dir "$OUT/vibix" || fail "cargo build (vibix)"
GLIBC_BIN=$OUT/glibc/release/dynhello
VIBIX_BIN=$OUT/vibix/$RUST_TARGET/release/dynhello
assert_vibix_elf "$VIBIX_BIN"
grep -q "^libstd-" <<<"$(needed_of "$VIBIX_BIN")" || fail "not linked against libstd-*.so: $(needed_of "$VIBIX_BIN" | tr '\n' ' ')"
export LD_LIBRARY_PATH=$RUSTLIB
RUST_VIA_LDSO=1 rust_compare
assert_eq 0 "$RC" "status"
assert_contains "$(cat "$OUT/vibix.out")" "libstd-*.so mapped: true" "stdout"
RUST_VIA_LDSO=1 rust_compare uncaught
assert_eq 101 "$RC" "status of the uncaught panic"
