#!/bin/bash
# rustc drives vibix-cc as its gcc-style linker (whatever flags this rustc
# passes: -fuse-ld=lld -B.../gcc-ld, -nodefaultlibs, -lgcc_s ... -lc, -pie,
# -z relro/now, version scripts): a no_std program and a cdylib link against
# the sysroot, and the program runs through ld-vibix.
source "$TESTLIB"
need_cmd rustc
cd "$OUT"
src=$VIBIX_WORKSPACE/testlibs/toolchain/rustc-link-line
interp=$(cd "$SYSROOT" && pwd -P)/lib/ld-vibix.so.1
flags=(--edition=2021 -C panic=abort -C opt-level=1 -C linker="$VIBIX_CC")

rustc "${flags[@]}" --print link-args --crate-type bin "$src/prog.rs" -o prog >link.log 2>&1 ||
    fail "rustc could not link through vibix-cc: $(tail -5 link.log)"
assert_eq "$interp" "$(interp_of prog)" "PT_INTERP of the rustc-linked program"
needed=$(needed_of prog | sort | tr '\n' ' ')
assert_eq "libc.so " "$needed" "NEEDED of the rustc-linked program"
grep -q -- '-nodefaultlibs' link.log || fail "rustc did not pass -nodefaultlibs (log: $(cat link.log))"

rustc "${flags[@]}" --print link-args --crate-type cdylib "$src/plugin.rs" -o libplugin.so >>link.log 2>&1 ||
    fail "rustc could not link a cdylib through vibix-cc: $(tail -5 link.log)"
grep -q -- 'version-script' link.log || fail "no version script on the cdylib link line"
[ -z "$(interp_of libplugin.so)" ] || fail "cdylib has a PT_INTERP"
readelf -sW --dyn-syms libplugin.so | grep -q ' plugin_answer$' || fail "cdylib does not export plugin_answer"

expect_output "hello from a no_std Rust program, argc=3" ./prog a b
