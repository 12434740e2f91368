#!/bin/bash
# A real crate's test suite: serde_json from crates.io (source through cargo,
# pinned in fetch/), `cargo test --no-run` with and without the vibix linker
# configuration, every test binary run; each must report the same passed/failed/
# ignored counts as with glibc, and the vibix binaries must be vibix ELFs.
# Each vibix binary is recorded for `cargo xtask kernel test` through
# ../_libtest/libtest-run.c (sorted result lines, no timings), with the host run's
# output filtered the same way as the expected text.
source "$TESTLIB"
source ../rust.sh
need_cmd python3
src=$(cargo metadata --quiet --format-version 1 --manifest-path fetch/Cargo.toml |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(next(p["manifest_path"] for p in d["packages"] if p["name"]=="serde_json"))')
[ -f "$src" ] || fail "cannot find serde_json's sources (cargo metadata gave '$src')"
vcc -O1 -Wall -Werror ../_libtest/libtest-run.c -o "$OUT/libtest-run"
cp -r "$(dirname "$src")" "$OUT/serde_json"
cd "$OUT/serde_json"
# One target dir for both builds: with an explicit --target, build scripts and
# proc-macros (serde_derive, syn, ...) are host artifacts that both builds share;
# the test executables differ (RUSTFLAGS are part of their hash). No debug info
# and no incremental state: only the test counts matter, and CI time does.
export CARGO_INCREMENTAL=0 CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_TEST_DEBUG=0
list_tests() { # the test executables cargo reports, one a line
    sed -n 's/.*Executable .*(\(.*\))$/\1/p' "$1"
}
echo "+ cargo test --no-run (glibc)" >&2
env -u RUSTFLAGS cargo test --no-run --target "$RUST_TARGET" --target-dir "$OUT/target" 2>"$OUT/build-glibc.log" || { tail -20 "$OUT/build-glibc.log" >&2; fail "glibc build of the tests"; }
echo "+ cargo test --no-run (vibix)" >&2
cargo_vibix test --no-run --target-dir "$OUT/target" 2>"$OUT/build-vibix.log" || { tail -20 "$OUT/build-vibix.log" >&2; fail "vibix build of the tests"; }
mapfile -t gbins < <(list_tests "$OUT/build-glibc.log")
mapfile -t vbins < <(list_tests "$OUT/build-vibix.log")
[ ${#gbins[@]} -ge 5 ] && [ ${#gbins[@]} = ${#vbins[@]} ] || fail "test binaries: glibc ${#gbins[@]}, vibix ${#vbins[@]}"
summary() { grep -E '^test result: ' "$1" | sed -E 's/; finished in .*//' || true; }
total=0
for i in "${!gbins[@]}"; do
    g=${gbins[$i]} v=${vbins[$i]}
    assert_eq "$(basename "${g%-*}")" "$(basename "${v%-*}")" "test binary order"
    assert_vibix_elf "$v"
    rust_run glibc "$g" --test-threads=4
    rust_run vibix "$v" --test-threads=4
    gs=$(summary "$OUT/glibc.out") vs=$(summary "$OUT/vibix.out")
    echo "$(basename "${v%-*}"): glibc [$gs] vibix [$vs]" >&2
    [ -n "$gs" ] || fail "no test summary from the glibc run of $g"
    if [ "$gs" != "$vs" ] || [ "$(cat "$OUT/glibc.rc")" != "$(cat "$OUT/vibix.rc")" ]; then
        echo "--- vibix run of $v:" >&2
        tail -40 "$OUT/vibix.out" >&2
        head -c 3000 "$OUT/vibix.err" >&2
        fail "$(basename "$v"): vibix [$vs] ($(describe_status "$(cat "$OUT/vibix.rc")")) vs glibc [$gs]"
    fi
    # A copy in $OUT/qemu: the recorded program's directory is packed, and deps/ is large.
    mkdir -p "$OUT/qemu"
    q=$OUT/qemu/$(basename "$v")
    cp "$v" "$q"
    "$OUT/libtest-run" - <"$OUT/vibix.out" >"$q.expected"
    vibix_qemu_record "$(cat "$OUT/vibix.rc")" "$q.expected" "$OUT/libtest-run" "$q" --test-threads=4
    total=$((total + $(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$gs")))
done
[ "$total" -ge 100 ] || fail "only $total tests passed in total"
echo "serde_json: $total tests passed through ld-vibix, as with glibc" >&2
