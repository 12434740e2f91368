/* <sys/user.h>: the layout of a traced process's registers and its
   `struct user` (ptrace PTRACE_GETREGS/PEEKUSER, core files). */
#ifndef _SYS_USER_H
#define _SYS_USER_H
#include <features.h>
#include <bits/user.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define NBPG PAGE_SIZE
#define UPAGES 1
#define HOST_TEXT_START_ADDR (u.start_code)
#define HOST_STACK_END_ADDR (u.start_stack + u.u_ssize * NBPG)

#endif
