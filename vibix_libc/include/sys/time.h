#ifndef _SYS_TIME_H
#define _SYS_TIME_H
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
struct timezone { int tz_minuteswest; int tz_dsttime; };
int gettimeofday(struct timeval *__restrict, void *__restrict);
int utimes(const char *, const struct timeval[2]);
#define timerisset(t) ((t)->tv_sec || (t)->tv_usec)
#define timerclear(t) ((t)->tv_sec = (t)->tv_usec = 0)
__END_DECLS
#endif
