#ifndef _SYS_SENDFILE_H
#define _SYS_SENDFILE_H
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
ssize_t sendfile(int, int, off_t *, size_t);
__END_DECLS
#endif
