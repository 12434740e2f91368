#!/bin/bash
# getifaddrs/freeifaddrs and if_nameindex/if_nametoindex/if_indextoname on
# this host's interfaces (rtnetlink): same output as glibc. Then the loopback
# interface alone, with the SIOCGIF* ioctls and hand-made rtnetlink requests:
# that run is the one recorded for vibix (whose only interface is lo), since
# the host's other interfaces are not vibix's.
set -euo pipefail
source "$TESTLIB"
source ../../libc/_compare.sh
VIBIX_QEMU_CASES= OPT=-O1 compare_with_glibc prog.c
cp "$OUT/glibc.out" "$OUT/all.out"
OPT=-O1 compare_with_glibc prog.c lo
grep -q '^lo flags' "$OUT/glibc.out" || fail "no lo entry in the restricted run"
