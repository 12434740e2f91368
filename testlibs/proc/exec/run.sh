#!/bin/bash
# execve/execveat: argv/envp, O_CLOEXEC, signal dispositions, #! scripts, a
# threaded caller, and error returns: the same output as glibc on Linux (and in QEMU).
source "$TESTLIB"
source ../../libc/_compare.sh
mkdir -p "$OUT/data"
# The script names the vibix build as its interpreter (the glibc build runs it too:
# it only prints its argv).
printf '#!%s from-script\n' "$OUT/exec.vibix" >"$OUT/data/script"
printf 'neither ELF nor script\n' >"$OUT/data/notelf"
chmod +x "$OUT/data/script" "$OUT/data/notelf"
compare_with_glibc exec.c --paths "$OUT/data/script" "$OUT/data/notelf"
