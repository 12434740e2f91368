#ifndef _SYS_FSUID_H
#define _SYS_FSUID_H
/* File-system ids (Linux): vibix_libc/src/header/sys_kernel. */
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
int setfsuid(uid_t);
int setfsgid(gid_t);
__END_DECLS
#endif
