#!/bin/bash
# std::net on loopback: TCP echo with 4 clients, an 8 MB transfer, UDP, timeouts,
# non-blocking accept, refused connections, getaddrinfo lookups — as glibc.
source "$TESTLIB"
source ../rust.sh
rust_build
RUST_VIA_LDSO=1 rust_compare
assert_eq 0 "$RC" "status"
assert_contains "$(cat "$OUT/vibix.out")" "echo: client 3 msg 2" "stdout"
