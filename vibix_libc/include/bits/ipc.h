/* <bits/ipc.h>: glibc's x86_64 struct ipc_perm (from <sys/ipc.h>). */
#ifndef _BITS_IPC_H
#define _BITS_IPC_H
#include <bits/types.h>
/* glibc names the key and sequence __key/__seq, musl and older code key/seq:
   both names are given (same storage). */
struct ipc_perm {
    __extension__ union { key_t __key; key_t key; };
    uid_t uid;
    gid_t gid;
    uid_t cuid;
    gid_t cgid;
    unsigned short mode;
    unsigned short __pad1;
    __extension__ union { unsigned short __seq; unsigned short seq; };
    unsigned short __pad2;
    unsigned long __unused1;
    unsigned long __unused2;
};
#endif
