#!/bin/bash
# vibix_libc's pure cores (printf engine, exact strtod/strtof) against the
# host glibc: ~90,000 formatted values and ~80,000 parsed strings.
source "$TESTLIB"
need_cmd cargo
CARGO_TARGET_DIR="${VIBIX_TARGET_DIR:-$OUT/target}/libc-tests-host" \
    cargo test --quiet --manifest-path "$VIBIX_WORKSPACE/vibix_libc/tests-host/Cargo.toml" >&2 ||
    fail "vibix_libc/tests-host failed"
