#!/bin/bash
# The vibix build of a std program: PT_INTERP is ld-vibix, no glibc soname in
# NEEDED, and inside the running program /proc/self/maps shows ld-vibix.so.1 and
# vibix libc.so but no glibc/libgcc object and no W+X mapping. The glibc build
# serves as the control (it must show glibc, so the check can fail).
source "$TESTLIB"
source ../rust.sh
rust_build
echo "NEEDED: $(needed_of "$VIBIX_BIN" | tr '\n' ' ') INTERP: $(interp_of "$VIBIX_BIN")" >&2
# expect_output records both runs, so in vibix the program reads the kernel's /proc/self/maps.
expect=$'glibc objects mapped: []\nvibix objects mapped: ["ld-vibix.so.1", "libc.so"]\nwritable+executable mappings: 0\nthread ok 1'
expect_output "$expect" "$VIBIX_BIN"
expect_output "$expect" "$LDSO" "$VIBIX_BIN"
run_capture "$GLIBC_BIN"
assert_contains "$STDOUT" "libc.so.6" "the glibc control build's mappings"
