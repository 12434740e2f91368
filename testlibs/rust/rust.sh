# Helpers for the Rust std cases (testlibs/rust/<case>/run.sh). Use, after $TESTLIB:
#   source ../rust.sh
# Each case builds its program (prog/, its own cargo project, not in the workspace)
# twice with stock cargo: normally (glibc) and with the vibix linker configuration,
# then compares what both print.

RUST_TARGET=x86_64-unknown-linux-gnu
need_cmd cargo readelf

# cargo_vibix ARGS...: cargo with the one-line vibix configuration (docs/rust.md):
# the linker flag reaches only target artifacts because the target is explicit, so
# build scripts and proc-macros still link for the host.
cargo_vibix() {
    RUSTFLAGS="-C linker=$VIBIX_CC ${VIBIX_RUSTFLAGS:-}" cargo "$@" --target "$RUST_TARGET"
}

# rust_build [DIR]: builds DIR (default prog) both ways; sets GLIBC_BIN, VIBIX_BIN.
rust_build() {
    local dir=${1:-prog} name
    name=$(sed -n 's/^name = "\(.*\)"/\1/p' "$dir/Cargo.toml" | head -1)
    echo "+ cargo build $dir (glibc, vibix)" >&2
    env -u RUSTFLAGS cargo build --quiet --release --manifest-path "$dir/Cargo.toml" \
        --target-dir "$OUT/glibc" || fail "cargo build (glibc) of $dir"
    cargo_vibix build --quiet --release --manifest-path "$dir/Cargo.toml" \
        --target-dir "$OUT/vibix" || fail "cargo build with vibix-cc of $dir"
    GLIBC_BIN=$OUT/glibc/release/$name
    VIBIX_BIN=$OUT/vibix/$RUST_TARGET/release/$name
    assert_vibix_elf "$VIBIX_BIN"
}

# assert_vibix_elf FILE: PT_INTERP is our loader, no glibc soname is NEEDED.
assert_vibix_elf() {
    local interp
    interp=$(interp_of "$1")
    [ "$(readlink -f "$interp")" = "$(readlink -f "$LDSO")" ] ||
        fail "$1: PT_INTERP is '$interp', expected $LDSO"
    ! needed_of "$1" | grep -E '^(libc\.so\.6|libgcc_s\.so\.1|libpthread|libm\.so\.6|libdl|ld-linux)' ||
        fail "$1 still needs a glibc/libgcc soname: $(needed_of "$1" | tr '\n' ' ')"
}

# normalize FILE: hide what legitimately differs between two runs (thread ids).
normalize() {
    sed -E "s/^(thread '[^']*') \([0-9]+\)/\1 (TID)/" "$1"
}

# rust_run NAME BIN ARGS...: runs BIN, leaving $OUT/NAME.{out,err,rc}.
rust_run() {
    local name=$1 bin=$2
    shift 2
    set +e
    "$bin" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" </dev/null
    echo $? >"$OUT/$name.rc"
    set -e
}

# rust_compare ARGS...: runs both builds with ARGS (and, when RUST_VIA_LDSO=1, the
# vibix build once more as `$LDSO prog ARGS`); stdout, stderr and exit status must
# be identical after normalize. Sets RC to the common exit status.
rust_compare() {
    rust_run glibc "$GLIBC_BIN" "$@"
    local runs=(vibix)
    rust_run vibix "$VIBIX_BIN" "$@"
    if [ "${RUST_VIA_LDSO:-0}" = 1 ]; then
        rust_run ldso "$LDSO" "$VIBIX_BIN" "$@"
        runs+=(ldso)
    fi
    local r
    for r in "${runs[@]}"; do
        if ! diff -u <(normalize "$OUT/glibc.out") <(normalize "$OUT/$r.out") >&2 ||
            ! diff -u <(normalize "$OUT/glibc.err") <(normalize "$OUT/$r.err") >&2; then
            echo "--- $r stderr:" >&2
            head -c 3000 "$OUT/$r.err" >&2
            fail "$r run of ${VIBIX_BIN##*/} $* differs from glibc (diff above)"
        fi
        [ "$(cat "$OUT/glibc.rc")" = "$(cat "$OUT/$r.rc")" ] ||
            fail "$r run of ${VIBIX_BIN##*/} $*: $(describe_status "$(cat "$OUT/$r.rc")"), glibc: $(describe_status "$(cat "$OUT/glibc.rc")")"
    done
    RC=$(cat "$OUT/glibc.rc")
    vibix_qemu_record "$RC" "$OUT/glibc.out" "$VIBIX_BIN" "$@"
    echo "ok: ${VIBIX_BIN##*/} $* (exit $RC, $(wc -l <"$OUT/glibc.out") lines)" >&2
}
