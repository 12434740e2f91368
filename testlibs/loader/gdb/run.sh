#!/bin/bash
# gdb finds our libraries through _r_debug/_dl_debug_state: `info sharedlibrary`
# lists libreal.so and a breakpoint inside it is hit.
set -euo pipefail
source ../_common/lib.sh
command -v gdb >/dev/null || { echo "SKIP: gdb not installed" >&2; exit 77; }
gcc -g -O0 -fPIC -nostdlib -shared real.c -o "$OUT/libreal.so"
gcc -g -O0 -fPIC -nostdlib -pie -I"$COMMON" "$COMMON/start.S" prog.c -L"$OUT" -lreal -Wl,-rpath,"$OUT" \
    -Wl,--dynamic-linker="$LDSO" -o "$OUT/prog"
out=$(timeout 120 gdb -nx -batch -ex 'set breakpoint pending on' -ex 'break real.c:1' -ex run \
    -ex 'info sharedlibrary' -ex bt "$OUT/prog" 2>&1)
for want in "$OUT/libreal.so" "ld-vibix.so.1" "greet () at real.c:1" "in main () at prog.c"; do
    [[ "$out" == *"$want"* ]] || { echo "FAIL: gdb output lacks '$want':"; echo "$out"; exit 1; } >&2
done
