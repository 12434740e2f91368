#!/bin/bash
# getaddrinfo/getnameinfo with numeric forms and /etc/hosts, services,
# protocols, networks, gethostby*, error texts, if_nametoindex: same stdout as glibc.
set -euo pipefail
source "$TESTLIB"
source ../../libc/_compare.sh
OPT=-O1 compare_with_glibc prog.c
