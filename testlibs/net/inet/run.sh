#!/bin/bash
# AF_INET and AF_INET6 on loopback: TCP listen/connect/accept with ephemeral
# ports, getsockname/getpeername, a 3 MB transfer between two processes,
# shutdown, ECONNREFUSED for a closed port, EADDRINUSE and SO_REUSEADDR,
# non-blocking accept (EAGAIN), socket options (SO_TYPE, SO_ERROR,
# TCP_NODELAY, SO_RCVTIMEO), UDP sendto/recvfrom/connect with MSG_TRUNC, and
# dual stack (IPv4 to an AF_INET6 socket bound to ::, IPV6_V6ONLY).
source "$TESTLIB"
source ../../libc/_compare.sh
compare_with_glibc inet.c
