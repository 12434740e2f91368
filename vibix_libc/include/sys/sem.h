#ifndef _SYS_SEM_H
#define _SYS_SEM_H
/* System V semaphores: vibix_libc/src/header/sys_ipc. */
#include <features.h>
#include <sys/ipc.h>
__BEGIN_DECLS
#include <bits/sem.h>
struct sembuf {
    unsigned short sem_num;
    short sem_op;
    short sem_flg;
};
struct seminfo {
    int semmap, semmni, semmns, semmnu, semmsl, semopm, semume, semusz, semvmx, semaem;
};
#define SEM_UNDO 0x1000
#define GETPID 11
#define GETVAL 12
#define GETALL 13
#define GETNCNT 14
#define GETZCNT 15
#define SETVAL 16
#define SETALL 17
#define SEM_STAT 18
#define SEM_INFO 19
#define SEM_STAT_ANY 20
int semctl(int, int, int, ...);
int semget(key_t, int, int);
int semop(int, struct sembuf *, size_t);
struct timespec;
int semtimedop(int, struct sembuf *, size_t, const struct timespec *);
__END_DECLS
#endif
