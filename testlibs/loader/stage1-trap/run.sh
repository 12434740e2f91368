#!/bin/bash
# Stage 1 (self-relocation, before anything can report an error) traps with
# ud2 (SIGILL) on anything but RELATIVE/RELR: here a copy of ld-vibix whose
# DT_RELRENT claims 16-byte entries. Untouched, the same copy prints its usage.
set -euo pipefail
source ../_common/lib.sh
cp "$LDSO" "$OUT/ld-good.so"
cp "$LDSO" "$OUT/ld-bad.so"
python3 patch_dyn.py "$OUT/ld-bad.so" 37 16   # DT_RELRENT = 16
rc=0; "$OUT/ld-good.so" >/dev/null 2>&1 || rc=$?
[ $rc -eq 127 ] || { echo "FAIL: unpatched copy exited $rc (want 127: usage)" >&2; exit 1; }
qemu_record 127 "" "" "$OUT/ld-good.so"
rc=0; "$OUT/ld-bad.so" >/dev/null 2>&1 || rc=$?
[ $rc -eq 132 ] || { echo "FAIL: DT_RELRENT=16 copy exited $rc (want 132: SIGILL from ud2)" >&2; exit 1; }
qemu_record 132 "" "" "$OUT/ld-bad.so"
echo "stage 1 traps on a bad relocation table"
