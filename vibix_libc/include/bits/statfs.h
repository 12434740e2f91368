/* <bits/statfs.h>: struct statfs of Linux x86_64 (from <sys/statfs.h>). */
#ifndef _BITS_STATFS_H
#define _BITS_STATFS_H
#include <bits/types.h>
typedef struct { int __val[2]; } fsid_t;
struct statfs {
    long f_type;
    long f_bsize;
    fsblkcnt_t f_blocks;
    fsblkcnt_t f_bfree;
    fsblkcnt_t f_bavail;
    fsfilcnt_t f_files;
    fsfilcnt_t f_ffree;
    fsid_t f_fsid;
    long f_namelen;
    long f_frsize;
    long f_flags;
    long f_spare[4];
};
#endif
