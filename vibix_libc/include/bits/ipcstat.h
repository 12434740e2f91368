/* <bits/ipcstat.h>: the IPC control commands (from <sys/ipc.h>). */
#ifndef _BITS_IPCSTAT_H
#define _BITS_IPCSTAT_H
#define IPC_RMID 0
#define IPC_SET 1
#define IPC_STAT 2
#define IPC_INFO 3
#endif
