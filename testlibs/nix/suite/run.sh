#!/bin/bash
# The Rust `nix` crate's own test suite (crates.io, pinned in fetch/), built by
# stock cargo twice: for glibc and with vibix-cc as the linker (docs/rust.md).
# Every test that passes on glibc must pass through ld-vibix + vibix_libc.
# A test that fails in the full parallel run is run again alone (both builds),
# since a few of nix's tests race on signals and timers; it must then pass.
# The build is cached in the target dir ($VIBIX_TARGET_DIR/nix-suite).
# For `cargo xtask kernel test` (VIBIX_QEMU_CASES set) each vibix binary runs once
# more here without the tests that failed here and those vibix cannot run
# (qemu-skip, with the reason for each), through ../../rust/_libtest/libtest-run.c;
# that run is recorded, so vibix must pass the same tests.
set -euo pipefail
source "$TESTLIB"
source ../../rust/rust.sh
need_cmd python3
case_dir=$PWD
vcc -O1 -Wall -Werror ../../rust/_libtest/libtest-run.c -o "$OUT/libtest-run"
src=$(cargo metadata --quiet --format-version 1 --manifest-path fetch/Cargo.toml |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(next(p["manifest_path"] for p in d["packages"] if p["name"]=="nix"))') ||
    skip "cargo cannot get nix's sources (offline?)"
[ -f "$src" ] || fail "cannot find nix's sources (cargo metadata gave '$src')"
cache=$VIBIX_TARGET_DIR/nix-suite
mkdir -p "$cache"
version=$(basename "$(dirname "$src")")
if [ ! -f "$cache/$version/Cargo.toml" ]; then
    rm -rf "$cache/$version.tmp"
    cp -r "$(dirname "$src")" "$cache/$version.tmp"
    # Its own workspace: not a member of whatever encloses the target dir.
    printf '\n[workspace]\n' >>"$cache/$version.tmp/Cargo.toml"
    mv "$cache/$version.tmp" "$cache/$version"
fi
cd "$cache/$version"
export CARGO_INCREMENTAL=0 CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_TEST_DEBUG=0
# nix's CI tests every feature.
flags=(test --all-features --no-run --locked --target "$RUST_TARGET")
echo "+ cargo test --no-run (glibc)" >&2
env -u RUSTFLAGS cargo "${flags[@]}" --target-dir "$cache/glibc" 2>"$OUT/build-glibc.log" ||
    { tail -20 "$OUT/build-glibc.log" >&2; fail "glibc build of nix's tests"; }
echo "+ cargo test --no-run (vibix)" >&2
RUSTFLAGS="-C linker=$VIBIX_CC" cargo "${flags[@]}" --target-dir "$cache/vibix" 2>"$OUT/build-vibix.log" ||
    { tail -20 "$OUT/build-vibix.log" >&2; fail "vibix build of nix's tests"; }
list_tests() { sed -n 's/.*Executable .*(\(.*\))$/\1/p' "$1"; }
mapfile -t gbins < <(list_tests "$OUT/build-glibc.log")
mapfile -t vbins < <(list_tests "$OUT/build-vibix.log")
[ ${#gbins[@]} -ge 4 ] && [ ${#gbins[@]} = ${#vbins[@]} ] || fail "test binaries: glibc ${#gbins[@]}, vibix ${#vbins[@]}"
results() { # output file -> "name status" lines
    sed -nE 's/^test (.*) \.\.\. (ok|FAILED|ignored)$/\1 \2/p' "$1" | sort
}
gpass=0 vpass=0 rerun_ok=0
for i in "${!gbins[@]}"; do
    g=${gbins[$i]} v=${vbins[$i]} name=$(basename "${gbins[$i]%-*}")
    assert_eq "$name" "$(basename "${v%-*}")" "test binary order"
    assert_vibix_elf "$v"
    (cd "$OUT" && rust_run "glibc-$name" "$g")
    (cd "$OUT" && rust_run "vibix-$name" "$v")
    results "$OUT/glibc-$name.out" >"$OUT/glibc-$name.res"
    results "$OUT/vibix-$name.out" >"$OUT/vibix-$name.res"
    [ -s "$OUT/glibc-$name.res" ] || fail "$name: no test results from the glibc run"
    missing=$(join -v1 <(awk '$2=="ok"{print $1}' "$OUT/glibc-$name.res") <(awk '$2=="ok"{print $1}' "$OUT/vibix-$name.res"))
    for t in $missing; do
        # Alone, both builds: it must pass with vibix whenever it passes with glibc.
        (cd "$OUT" && rust_run alone-g "$g" --exact "$t" --test-threads=1)
        grep -q "^test $t \.\.\. ok$" "$OUT/alone-g.out" || { echo "$name $t: not passing alone on glibc either" >&2; continue; }
        (cd "$OUT" && rust_run alone-v "$v" --exact "$t" --test-threads=1)
        if ! grep -q "^test $t \.\.\. ok$" "$OUT/alone-v.out"; then
            sed -n '/^---- .* stdout ----$/,$p' "$OUT/alone-v.out" | head -30 >&2
            head -c 2000 "$OUT/alone-v.err" >&2
            fail "$name: $t passes with glibc, not with vibix_libc"
        fi
        rerun_ok=$((rerun_ok + 1))
    done
    if [ -n "${VIBIX_QEMU_CASES:-}" ]; then
        skips=(--exact)
        while read -r t st; do [ "$st" = ok ] || skips+=(--skip "$t"); done <"$OUT/vibix-$name.res"
        while read -r bin t; do [ "$bin" != "$name" ] || skips+=(--skip "$t"); done < <(sed 's/#.*//' "$case_dir/qemu-skip")
        mkdir -p "$OUT/qemu" # a copy: the recorded program's directory is packed, and deps/ is large
        q=$OUT/qemu/$name
        cp "$v" "$q"
        (cd "$OUT" && rust_run "qemu-$name" "$OUT/libtest-run" "$q" "${skips[@]}")
        [ "$(cat "$OUT/qemu-$name.rc")" = 0 ] || { tail -30 "$OUT/qemu-$name.out" >&2; fail "$name: the run for QEMU failed"; }
        (cd "$OUT" && vibix_qemu_record 0 "$OUT/qemu-$name.out" "$OUT/libtest-run" "$q" "${skips[@]}")
    fi
    gp=$(grep -c ' ok$' "$OUT/glibc-$name.res" || true)
    vp=$(grep -c ' ok$' "$OUT/vibix-$name.res" || true)
    echo "$name: glibc $gp passed, vibix $vp passed (exit $(cat "$OUT/glibc-$name.rc")/$(cat "$OUT/vibix-$name.rc"))" >&2
    gpass=$((gpass + gp)) vpass=$((vpass + vp))
done
[ "$gpass" -ge 300 ] || fail "only $gpass nix tests passed with glibc"
echo "nix $version: $gpass tests pass with glibc; with vibix_libc $vpass in the full run, $rerun_ok more alone" >&2
