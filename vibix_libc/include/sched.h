#ifndef _SCHED_H
#define _SCHED_H
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
int sched_yield(void);
/* CPU affinity (vibix_libc/src/compat/posix.rs); glibc's 1024-CPU set. */
typedef struct { unsigned long __bits[16]; } cpu_set_t;
#define CPU_SETSIZE 1024
#define CPU_ZERO(s) __builtin_memset((s), 0, sizeof(cpu_set_t))
#define CPU_SET(c, s) ((s)->__bits[(c) / 64] |= 1UL << ((c) % 64))
#define CPU_CLR(c, s) ((s)->__bits[(c) / 64] &= ~(1UL << ((c) % 64)))
#define CPU_ISSET(c, s) (((s)->__bits[(c) / 64] >> ((c) % 64)) & 1)
#define CPU_COUNT(s) ({ int __n = 0; for (int __i = 0; __i < 16; __i++) __n += __builtin_popcountl((s)->__bits[__i]); __n; })
int sched_getaffinity(pid_t, size_t, cpu_set_t *);
int sched_getcpu(void);
int sched_setaffinity(pid_t, size_t, const cpu_set_t *);
__END_DECLS
#endif
