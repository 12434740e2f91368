#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H
/* Process times: vibix_libc/src/header/sys_times. */
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
struct tms {
    clock_t tms_utime;
    clock_t tms_stime;
    clock_t tms_cutime;
    clock_t tms_cstime;
};
clock_t times(struct tms *);
__END_DECLS
#endif
