#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
typedef unsigned long rlim_t;
struct rlimit { rlim_t rlim_cur; rlim_t rlim_max; };
#define RLIM_INFINITY (~0UL)
#include <bits/resource.h>
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIM_SAVED_CUR RLIM_INFINITY
#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD 1
#define PRIO_MIN (-20)
#define PRIO_MAX 20
#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define PRIO_USER 2
struct rusage {
    struct timeval ru_utime;
    struct timeval ru_stime;
    long ru_maxrss;
    long ru_ixrss;
    long ru_idrss;
    long ru_isrss;
    long ru_minflt;
    long ru_majflt;
    long ru_nswap;
    long ru_inblock;
    long ru_oublock;
    long ru_msgsnd;
    long ru_msgrcv;
    long ru_nsignals;
    long ru_nvcsw;
    long ru_nivcsw;
};
int getrusage(int, struct rusage *);
int getpriority(int, id_t);
int setpriority(int, id_t, int);
int prlimit(pid_t, int, const struct rlimit *, struct rlimit *);
#define rlimit64 rlimit
#define rlim64_t rlim_t
int getrlimit64(int, struct rlimit *);
int setrlimit64(int, const struct rlimit *);
int prlimit64(pid_t, int, const struct rlimit *, struct rlimit *);
int getrlimit(int, struct rlimit *);
int setrlimit(int, const struct rlimit *);
__END_DECLS
#endif
