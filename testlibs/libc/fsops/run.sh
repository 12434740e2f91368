#!/bin/bash
# File system calls on a writable tree: open flags (O_CREAT/O_EXCL/O_TRUNC/
# O_APPEND/O_DIRECTORY/O_NOFOLLOW), read/write/pread/pwrite/readv/writev, lseek,
# ftruncate/truncate, rename/renameat2, link/unlink, mkdir/rmdir, symlink/
# readlink, getdents64 while removing, stat/fstatat, chmod, utimensat,
# fsync, record locks (F_SETLK/F_GETLK/F_SETLKW with a child), flock, /dev
# nodes, /tmp, mmap of a file: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc fsops.c
