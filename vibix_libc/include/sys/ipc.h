#ifndef _SYS_IPC_H
#define _SYS_IPC_H
/* System V IPC common definitions (glibc's x86_64 ipc_perm). */
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
#include <bits/ipc.h>
#define IPC_CREAT 01000
#define IPC_EXCL 02000
#define IPC_NOWAIT 04000
#include <bits/ipcstat.h>
#define IPC_PRIVATE ((key_t)0)
key_t ftok(const char *, int);
__END_DECLS
#endif
