#!/bin/bash
# Boots the vibix kernel in QEMU (KVM when usable, else TCG) and runs there: the
# raw-syscall programs (ring 3, W^X mprotect/mmap -> EACCES), malformed ELF files
# (refused with ENOEXEC/EACCES while the kernel keeps running), and the programs
# of the testlibs cases in qemu/cases. Passes only on QEMU's all-pass exit code.
source "$TESTLIB"
need_cmd gcc
"$VIBIX_XTASK" kernel test
