#!/bin/bash
# busybox sh runs script.sh: pipelines, redirections (>, >>, <, 2>&1, here-docs),
# subshells, command substitution, a background job + wait, exit statuses, SIGPIPE.
# Reference: the same busybox (`cargo xtask busybox`, the one the vibix initramfs
# gets) on the host, which must also match the committed expected output; then
# `cargo xtask kernel test` runs the same command inside vibix.
source "$TESTLIB"
here=$PWD
bb=$("$VIBIX_XTASK" busybox) || fail "no busybox (cargo xtask busybox)"
# The script's commands are this busybox's applets, on the host too.
mkdir -p "$OUT/bin" "$OUT/run"
cp "$bb" "$OUT/bin/busybox"
for a in $("$OUT/bin/busybox" --list); do
    [ "$a" = busybox ] || ln -sfn busybox "$OUT/bin/$a"
done
cd "$OUT/run"
set +e
env -i PATH="$OUT/bin" HOME=/ LC_ALL=C "$OUT/bin/busybox" sh "$here/script.sh" >"$OUT/host.out" 2>"$OUT/host.err" </dev/null
status=$?
set -e
cat "$OUT/host.err" >&2
[ "$status" = 7 ] || fail "script exit status $status on the host, expected 7"
diff -u "$here/expected" "$OUT/host.out" >&2 || fail "busybox sh on the host differs from expected"
vibix_qemu_record 7 "$OUT/host.out" env -i PATH="$OUT/bin" HOME=/ LC_ALL=C "$OUT/bin/busybox" sh "$here/script.sh"
