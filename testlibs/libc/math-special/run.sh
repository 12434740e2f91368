#!/bin/bash
# fmal, erfl, erfcl, lgammal(_r), tgammal against glibc: fmal bit-exact with
# the same exception flags in all four rounding modes; the others within 4 ulp
# (lgammal of negative x: 16)
# (glibc's are not correctly rounded either), same sign/signgam, same specials.
# The comparison is sp.c's own (--against), so it runs in vibix (QEMU) too.
source "$TESTLIB"
vcc -O2 -Wall sp.c -o "$OUT/sp.vibix" -lm
host_cc -O2 -Wall sp.c -o "$OUT/sp.glibc" -lm
"$OUT/sp.glibc" >"$OUT/glibc.out"
# sp --against compares with glibc's results (the same check in vibix, see sp.c).
expect_output "$(grep -c '' "$OUT/glibc.out") lines compared with glibc, 0 differ" "$OUT/sp.vibix" --against "$OUT/glibc.out"
