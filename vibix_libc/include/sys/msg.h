#ifndef _SYS_MSG_H
#define _SYS_MSG_H
/* System V message queues: vibix_libc/src/header/sys_ipc. */
#include <features.h>
#include <sys/ipc.h>
__BEGIN_DECLS
#include <bits/msg.h>
struct msginfo {
    int msgpool, msgmap, msgmax, msgmnb, msgmni, msgssz, msgtql;
    unsigned short msgseg;
};
#define msg_cbytes __msg_cbytes
#define MSG_NOERROR 010000
#define MSG_EXCEPT 020000
#define MSG_COPY 040000
#define MSG_STAT 11
#define MSG_INFO 12
#define MSG_STAT_ANY 13
int msgctl(int, int, struct msqid_ds *);
int msgget(key_t, int);
ssize_t msgrcv(int, void *, size_t, long, int);
int msgsnd(int, const void *, size_t, int);
__END_DECLS
#endif
