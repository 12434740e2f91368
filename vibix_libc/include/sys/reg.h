/* <sys/reg.h>: register offsets for PTRACE_PEEKUSER (times 8). */
#ifndef _SYS_REG_H
#define _SYS_REG_H
#include <bits/reg.h>
#endif
