#ifndef _SYS_SHM_H
#define _SYS_SHM_H
/* System V shared memory: vibix_libc/src/header/sys_ipc. */
#include <features.h>
#include <sys/ipc.h>
__BEGIN_DECLS
#include <bits/shm.h>
void *shmat(int, const void *, int);
int shmctl(int, int, struct shmid_ds *);
int shmdt(const void *);
int shmget(key_t, size_t, int);
__END_DECLS
#endif
