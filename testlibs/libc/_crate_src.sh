# crate_src NAME VERSION-REQ: prints the directory of a crates.io package's
# unpacked source (cargo fetch through a throw-away helper crate in $OUT);
# skips the case when cargo cannot get it (no network and no cache).
crate_src() {
    local name=$1 req=$2 dir="$OUT/fetch-$1"
    mkdir -p "$dir/src"
    : >"$dir/src/lib.rs"
    cat >"$dir/Cargo.toml" <<TOML
[package]
name = "fetch-helper"
version = "0.0.0"
edition = "2021"
[workspace]
[dependencies]
$name = { version = "$req", default-features = false }
TOML
    (cd "$dir" && cargo fetch --quiet) >&2 || skip "cargo fetch $name failed (offline?)"
    local manifest
    manifest=$(cd "$dir" && cargo metadata --format-version 1 --quiet |
        python3 -c "import json,sys; m=json.load(sys.stdin); print([p['manifest_path'] for p in m['packages'] if p['name']=='$name'][0])") ||
        fail "cargo metadata for $name"
    dirname "$manifest"
}
