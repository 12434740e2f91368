#ifndef _POLL_H
#define _POLL_H
#include <features.h>
__BEGIN_DECLS
struct pollfd { int fd; short events; short revents; };
typedef unsigned long nfds_t;
#include <bits/poll.h>
int poll(struct pollfd *, nfds_t, int);
#ifdef _GNU_SOURCE
#include <signal.h>
int ppoll(struct pollfd *, nfds_t, const struct timespec *, const sigset_t *);
#endif
__END_DECLS
#endif
