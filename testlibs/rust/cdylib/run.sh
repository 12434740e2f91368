#!/bin/bash
# A Rust cdylib (crate-type = cdylib: rustc passes -shared and a version script)
# linked by vibix-cc and called from a C program built with vibix-cc: threads,
# thread_local destructors, a panic caught inside the library, strings across
# the boundary — same output as the glibc builds.
source "$TESTLIB"
source ../rust.sh
env -u RUSTFLAGS cargo build --quiet --release --manifest-path lib/Cargo.toml --target-dir "$OUT/glibc" || fail "cargo build (glibc)"
cargo_vibix build --quiet --release --manifest-path lib/Cargo.toml --target-dir "$OUT/vibix" || fail "cargo build (vibix)"
glib=$OUT/glibc/release
vlib=$OUT/vibix/$RUST_TARGET/release
! needed_of "$vlib/librustlib.so" | grep -E '^(libc\.so\.6|libgcc_s)' || fail "cdylib needs glibc sonames: $(needed_of "$vlib/librustlib.so" | tr '\n' ' ')"
readelf -W --dyn-syms "$vlib/librustlib.so" >"$OUT/dynsyms"
grep -q ' rust_greet$' "$OUT/dynsyms" || fail "rust_greet not exported"
! grep -E 'GLOBAL +DEFAULT +[0-9]+ _ZN' "$OUT/dynsyms" || fail "the version script did not hide Rust symbols"
host_cc main.c -o "$OUT/main-glibc" -L"$glib" -lrustlib -Wl,-rpath,"$glib"
vcc main.c -o "$OUT/main-vibix" -L"$vlib" -lrustlib -Wl,-rpath,"$vlib"
GLIBC_BIN=$OUT/main-glibc VIBIX_BIN=$OUT/main-vibix
RUST_VIA_LDSO=1 rust_compare
assert_eq 0 "$RC" "status"
assert_contains "$(cat "$OUT/vibix.out")" "caught: 1 1" "stdout"
