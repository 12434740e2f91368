#ifndef _SYS_STATFS_H
#define _SYS_STATFS_H
/* Linux file-system statistics: vibix_libc/src/header/sys_statvfs. */
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
#include <bits/statfs.h>
int statfs(const char *, struct statfs *);
int fstatfs(int, struct statfs *);
#define statfs64 statfs
#define fstatfs64 fstatfs
__END_DECLS
#endif
