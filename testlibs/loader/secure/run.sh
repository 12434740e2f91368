#!/bin/bash
# AT_SECURE (setuid program): LD_LIBRARY_PATH, LD_PRELOAD, LD_DEBUG and the TLS
# surplus variable are all ignored. Needs root (to make a setuid-nobody program).
set -euo pipefail
source ../_common/lib.sh
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for a setuid program" >&2; exit 77; }
id nobody >/dev/null 2>&1 || { echo "SKIP: no user nobody" >&2; exit 77; }
# The setuid program runs as nobody and must be able to read its libraries: work
# in the harness' OUT when every directory above it is searchable by others (so
# `cargo xtask kernel test` finds the files and runs the program again in vibix,
# where execve must honour the set-user-ID bit for AT_SECURE), else in a
# world-readable directory under /tmp.
searchable() {
    local d=$1
    while [ "$d" != / ]; do
        [ $((0$(stat -c %a "$d") & 1)) = 1 ] || return 1
        d=$(dirname "$d")
    done
}
if ! searchable "$(dirname "$OUT")"; then
    OUT=$(mktemp -d /tmp/vibix-secure.XXXXXX)
    trap 'rm -rf "$OUT"' EXIT
fi
chmod 755 "$OUT"
if command -v findmnt >/dev/null && findmnt -no OPTIONS -T "$OUT" | grep -q nosuid; then
    echo "SKIP: /tmp is mounted nosuid" >&2; exit 77
fi
mkdir -p "$OUT/other"
cc_lib libreal.so real.c
cc_lib libpre.so pre.c
sed 's/return 1/return 5/' real.c > "$OUT/real5.c"
cc_lib other/libreal.so "$OUT/real5.c"
cc_prog prog prog.c -lreal -Wl,-rpath,"$OUT"
chmod -R a+rX "$OUT"
chown nobody "$OUT/prog"; chmod u+s "$OUT/prog"
# The setuid bit must take effect here (not a nosuid mount), or the test proves nothing.
cp "$OUT/prog" "$OUT/prog-plain"; chown root "$OUT/prog-plain"; chmod u-s "$OUT/prog-plain"
LD_LIBRARY_PATH="$OUT/other" expect_out <(echo greet 5) "$OUT/prog-plain"
expect_out <(echo greet 1) "$OUT/prog"
LD_LIBRARY_PATH="$OUT/other" expect_out <(echo greet 1) "$OUT/prog"
LD_PRELOAD="$OUT/libpre.so" expect_out <(echo greet 1) "$OUT/prog"
err=$(LD_DEBUG=all "$OUT/prog" 2>&1 >/dev/null)
[ -z "$err" ] || { echo "FAIL: LD_DEBUG honoured under AT_SECURE: $err" >&2; exit 1; }
