#ifndef _SYS_TIMEB_H
#define _SYS_TIMEB_H
/* Obsolete millisecond time: vibix_libc/src/header/sys_timeb. */
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
struct timeb {
    time_t time;
    unsigned short millitm;
    short timezone;
    short dstflag;
};
int ftime(struct timeb *);
__END_DECLS
#endif
