#!/bin/bash
# build.sh NAME CC: builds Debian bookworm's busybox from `make defconfig` with
# CC into <target dir>/busybox/NAME and prints that directory (the binary is
# NAME/busybox). Used by testlibs/busybox/testsuite (NAME = musl, vibix) and by
# anyone who wants the vibix busybox (e.g. `sh` in QEMU): see README.md.
#   VIBIX_TARGET_DIR  the cargo target dir (default: <repo>/target)
# The source comes from `apt-get source busybox` through a private apt
# configuration under <target dir>/busybox/apt with a deb-src entry for
# bookworm (the machine's own apt sources are not touched), unpacked once and
# kept. Builds are incremental: a second call only rebuilds what changed.
set -euo pipefail
name=$1 cc=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${VIBIX_TARGET_DIR:-$root/target}
top=$target/busybox
mkdir -p "$top"
say() { echo "busybox/build.sh: $*" >&2; }

fetch_source() { # -> prints the unpacked source dir
    local src=$top/src
    local have
    have=$(ls -d "$src"/busybox-*/ 2>/dev/null | head -1 || true)
    if [ -n "$have" ] && [ -f "$have/Makefile" ]; then
        echo "${have%/}"
        return
    fi
    command -v apt-get >/dev/null && command -v dpkg-source >/dev/null ||
        { say "apt-get and dpkg-source (dpkg-dev) are needed to fetch the source"; return 77; }
    local apt=$top/apt
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial"
    local signed=""
    [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] && signed="[signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] "
    echo "deb-src ${signed}http://deb.debian.org/debian bookworm main" >"$apt/sources.list"
    local opts=(-q -o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent
        -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o Debug::NoLocking=1
        -o APT::Sandbox::User=root)
    say "apt-get update (deb-src bookworm, private lists in $apt)"
    apt-get "${opts[@]}" update >&2 || { say "apt-get update failed (offline?)"; return 77; }
    rm -rf "$src.tmp"
    mkdir -p "$src.tmp"
    (cd "$src.tmp" && apt-get "${opts[@]}" source busybox >&2) || { say "apt-get source busybox failed"; return 77; }
    have=$(ls -d "$src.tmp"/busybox-*/ | head -1)
    rm -rf "$src"
    mv "$src.tmp" "$src"
    echo "$src/$(basename "$have")"
}

# One build of a tree at a time (the testsuite case and a kernel case may
# both ask for the vibix busybox).
exec 9>"$top/.lock"
flock 9
src=$(fetch_source) || exit $?
dir=$top/$name
# Kernel UAPI headers (linux/, asm/, mtd/) are not libc headers: musl-gcc and
# vibix-cc both hide /usr/include, so both builds get the host's copies, after
# the libc's own headers.
kh=$top/kheaders
mkdir -p "$kh"
for d in linux asm-generic mtd; do ln -sfn "/usr/include/$d" "$kh/$d"; done
ln -sfn "/usr/include/$(gcc -print-multiarch)/asm" "$kh/asm"

stamp="$(basename "$src") $(sha256sum "$here/disabled-applets.txt" | cut -c1-16)"
if [ ! -f "$dir/.vibix-stamp" ] || [ "$(cat "$dir/.vibix-stamp")" != "$stamp" ]; then
    say "fresh $name tree from $src"
    rm -rf "$dir"
    cp -a "$src" "$dir"
    (cd "$dir" && make defconfig >/dev/null)
    # Applets a musl-gcc build cannot have (see disabled-applets.txt).
    while read -r sym _; do
        case $sym in ''|'#'*) continue ;; esac
        sed -i "s/^CONFIG_$sym=.*/# CONFIG_$sym is not set/" "$dir/.config"
    done <"$here/disabled-applets.txt"
    (cd "$dir" && { yes "" || true; } | make oldconfig >/dev/null)
    echo "$stamp" >"$dir/.vibix-stamp"
fi
say "make CC=$cc in $dir"
jobs=$(nproc 2>/dev/null || echo 2)
(cd "$dir" && make -j"$jobs" CC="$cc" HOSTCC=gcc EXTRA_CFLAGS="-idirafter $kh" >"$dir/build.log" 2>&1) ||
    { grep -E 'error|undefined' "$dir/build.log" | head -40 >&2; say "$name build failed (log: $dir/build.log)"; exit 1; }
[ -x "$dir/busybox" ] || { say "no $dir/busybox after make"; exit 1; }
echo "$dir"
