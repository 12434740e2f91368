/* Linux x86_64 system call numbers. */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H
#include <bits/syscall.h>
#endif
