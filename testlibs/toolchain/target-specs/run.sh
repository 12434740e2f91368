#!/bin/bash
# The target specs parse with this rustc (RUSTC_BOOTSTRAP only for --print),
# say what docs/building.md claims, and the host target we really build for
# defaults to PIC.
source "$TESTLIB"
specs=$VIBIX_WORKSPACE/target-specs

print_spec() {
    RUSTC_BOOTSTRAP=1 rustc -Z unstable-options --print target-spec-json --target "$1" 2>"$OUT/err" ||
        fail "rustc rejects $1: $(cat "$OUT/err")"
    [ ! -s "$OUT/err" ] || fail "rustc warns about $1: $(cat "$OUT/err")"
}

for name in x86_64-unknown-vibix x86_64-unknown-vibix-pic; do
    [ -f "$specs/$name.json" ] || fail "missing target-specs/$name.json"
done

kernel=$(print_spec "$specs/x86_64-unknown-vibix.json")
assert_contains "$kernel" '"os": "vibix"'
assert_contains "$kernel" '"relocation-model": "static"'
assert_contains "$kernel" '"code-model": "kernel"'
assert_contains "$kernel" '"disable-redzone": true'
assert_contains "$kernel" '"panic-strategy": "abort"'

user=$(print_spec "$specs/x86_64-unknown-vibix-pic.json")
assert_contains "$user" '"os": "vibix"'
assert_contains "$user" '"dynamic-linking": true'
assert_contains "$user" '"position-independent-executables": true'
assert_contains "$user" '"linker": "vibix-cc"'
# relocation-model pic is the default, so rustc prints no key for it
! grep -q '"relocation-model"' <<<"$user" || fail "vibix-pic is not PIC: $(grep relocation-model <<<"$user")"

# What we actually build with: the host target, whose default model is PIC.
host=$(print_spec x86_64-unknown-linux-gnu)
! grep -q '"relocation-model"' <<<"$host" || fail "host target is not PIC by default"
# ...and a spec missing a required key is rejected (the check can fail).
echo '{"arch": "x86_64"}' >"$OUT/bad.json"
! RUSTC_BOOTSTRAP=1 rustc -Z unstable-options --print target-spec-json --target "$OUT/bad.json" >/dev/null 2>&1 ||
    fail "rustc accepted a broken spec"
echo ok
