#!/bin/bash
# std::os::unix::net: UnixStream::pair, UnixListener::bind/accept with a
# client thread, peer and local addresses, UnixDatagram with named and
# unnamed sockets, non-blocking mode, read timeouts, shutdown — as glibc.
source "$TESTLIB"
source ../rust.sh
rust_build
rust_compare
assert_eq 0 "$RC" "status"
