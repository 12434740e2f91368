#ifndef _POLL_H
#define _POLL_H
#include <features.h>
__BEGIN_DECLS
struct pollfd { int fd; short events; short revents; };
typedef unsigned long nfds_t;
#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLNVAL 0x020
#define POLLRDNORM 0x040
#define POLLWRNORM 0x100
int poll(struct pollfd *, nfds_t, int);
#ifdef _GNU_SOURCE
#include <signal.h>
int ppoll(struct pollfd *, nfds_t, const struct timespec *, const sigset_t *);
#endif
__END_DECLS
#endif
