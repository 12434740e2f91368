#ifndef _SYS_SENDFILE_H
#define _SYS_SENDFILE_H
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
ssize_t sendfile(int, int, off_t *, size_t);
#if defined(_LARGEFILE64_SOURCE) || defined(_GNU_SOURCE)
ssize_t sendfile64(int, int, off64_t *, size_t);
#endif
__END_DECLS
#endif
