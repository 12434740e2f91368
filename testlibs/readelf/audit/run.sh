#!/bin/bash
# --audit passes our own libraries and flags a deliberately bad object
# (executable stack, TEXTREL, no RELRO, lazy binding, W+X section).
source "$TESTLIB"
need_cmd gcc
RE="$SYSROOT/bin/vibix-readelf"
[ -x "$RE" ] || fail "$RE not installed"
"$RE" --audit "$SYSROOT/lib/libc.so" "$LDSO" >"$OUT/good" || { cat "$OUT/good" >&2; fail "our libraries fail --audit"; }
# What vibix-cc links must be hardened too (PIE, BIND_NOW, RELRO, no exec stack).
printf '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n' >"$OUT/hello.c"
vcc -O1 -o "$OUT/hello" "$OUT/hello.c"
vcc -O1 -shared -fPIC -o "$OUT/libhello.so" "$OUT/hello.c"
"$RE" --audit "$OUT/hello" "$OUT/libhello.so" >"$OUT/vcc" || { cat "$OUT/vcc" >&2; fail "vibix-cc output fails --audit"; }
cat >"$OUT/bad.s" <<'ASM'
    .text
    .globl f
f:  movabs $g, %rax
    ret
    .section .wxdata,"awx",@progbits
    .quad 0
    .data
    .globl g
g:  .quad 0
ASM
gcc -shared -nostdlib -Wl,-z,notext -Wl,-z,execstack -Wl,-z,norelro -Wl,-z,lazy -o "$OUT/libbad.so" "$OUT/bad.s" \
    || fail "cannot build the bad object"
set +e
"$RE" --audit "$OUT/libbad.so" >"$OUT/bad"
rc=$?
set -e
[ "$rc" = 2 ] || { cat "$OUT/bad" >&2; fail "--audit exit status $rc on a bad object, expected 2"; }
for c in 'W^X' stack RELRO BIND_NOW TEXTREL; do
    awk -v c="$c" '$1 == "FAIL" && $2 == c { found = 1 } END { exit !found }' "$OUT/bad" || fail "$c not flagged"
done
echo "audit ok"
