/* <bits/msg.h>: struct msqid_ds of Linux x86_64 (from <sys/msg.h>). */
#ifndef _BITS_MSG_H
#define _BITS_MSG_H
#include <sys/ipc.h>
typedef unsigned long msgqnum_t;
typedef unsigned long msglen_t;
struct msqid_ds {
    struct ipc_perm msg_perm;
    time_t msg_stime;
    time_t msg_rtime;
    time_t msg_ctime;
    unsigned long __msg_cbytes;
    msgqnum_t msg_qnum;
    msglen_t msg_qbytes;
    pid_t msg_lspid;
    pid_t msg_lrpid;
    unsigned long __unused4;
    unsigned long __unused5;
};
#endif
