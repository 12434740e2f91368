#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H
/* System statistics (Linux): vibix_libc/src/header/sys_kernel. */
#include <features.h>
__BEGIN_DECLS
#define SI_LOAD_SHIFT 16
struct sysinfo {
    long uptime;
    unsigned long loads[3];
    unsigned long totalram;
    unsigned long freeram;
    unsigned long sharedram;
    unsigned long bufferram;
    unsigned long totalswap;
    unsigned long freeswap;
    unsigned short procs;
    unsigned short pad;
    unsigned long totalhigh;
    unsigned long freehigh;
    unsigned int mem_unit;
};
int sysinfo(struct sysinfo *);
__END_DECLS
#endif
