#!/bin/bash
# A sample of the ld-vibix fuzz mutants (cargo xtask fuzz, seed 11) kept for
# `cargo xtask kernel test`: on the host each must end cleanly (as in the
# ld/fuzz suite); inside vibix each may end any way (exit, signal, or the
# kernel's own load-plan check refusing it: expectation `any`) but none may
# panic or hang the kernel.
set -euo pipefail
source ../_common/lib.sh
"$VIBIX_XTASK" fuzz --seed 11 --count 150 -j 1 --work "$OUT/work" --save "$OUT/m"
[ -n "${VIBIX_QEMU_CASES:-}" ] || exit 0
while read -r m mode; do
    prog="$OUT/m/$m/prog"
    if [ "$mode" = interp ]; then argv=$prog; else argv="$LDSO	$prog"; fi
    printf '%s\tany\t-\t%s\t\t%s\n' "${VIBIX_CASE:-loader/fuzz-qemu}" "$OUT/m/$m" "$argv" >>"$VIBIX_QEMU_CASES"
done <"$OUT/m/mutants"
