#!/bin/bash
# AF_UNIX sockets: socketpair (stream, datagram, seqpacket), bind/listen/
# accept/connect on a path and on an abstract name, getsockname/getpeername,
# datagrams with sender addresses, SCM_RIGHTS passing a descriptor, EOF after
# close, EPIPE with SIGPIPE (and without it under MSG_NOSIGNAL), non-blocking
# EAGAIN, MSG_PEEK, and SA_RESTART on a blocking read (EINTR without it).
source "$TESTLIB"
source ../../libc/_compare.sh
compare_with_glibc unix.c
