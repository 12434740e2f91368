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
int get_nprocs(void);
int get_nprocs_conf(void);
long get_phys_pages(void);
long get_avphys_pages(void);
__END_DECLS
#endif
