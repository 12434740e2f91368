#!/bin/bash
# getifaddrs/freeifaddrs and if_nameindex/if_nametoindex/if_indextoname on
# this host's interfaces (rtnetlink): same output as glibc.
set -euo pipefail
source "$TESTLIB"
source ../../libc/_compare.sh
OPT=-O1 compare_with_glibc prog.c
