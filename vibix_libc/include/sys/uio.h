#ifndef _SYS_UIO_H
#define _SYS_UIO_H
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
struct iovec { void *iov_base; size_t iov_len; };
ssize_t readv(int, const struct iovec *, int);
ssize_t writev(int, const struct iovec *, int);
ssize_t preadv(int, const struct iovec *, int, off_t);
ssize_t pwritev(int, const struct iovec *, int, off_t);
#if defined(_LARGEFILE64_SOURCE) || defined(_GNU_SOURCE)
ssize_t preadv64(int, const struct iovec *, int, off64_t);
ssize_t pwritev64(int, const struct iovec *, int, off64_t);
#endif
ssize_t process_vm_readv(pid_t, const struct iovec *, unsigned long, const struct iovec *, unsigned long, unsigned long);
ssize_t process_vm_writev(pid_t, const struct iovec *, unsigned long, const struct iovec *, unsigned long, unsigned long);
__END_DECLS
#endif
