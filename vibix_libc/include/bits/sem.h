/* <bits/sem.h>: struct semid_ds of Linux x86_64 (from <sys/sem.h>). */
#ifndef _BITS_SEM_H
#define _BITS_SEM_H
#include <sys/ipc.h>
struct semid_ds {
    struct ipc_perm sem_perm;
    time_t sem_otime;
    unsigned long __unused1;
    time_t sem_ctime;
    unsigned long __unused2;
    unsigned long sem_nsems;
    unsigned long __unused3;
    unsigned long __unused4;
};
#endif
