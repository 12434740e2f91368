#ifndef _SYS_VT_H
#define _SYS_VT_H
/* Linux virtual terminal ioctls (as glibc: the kernel's definitions). */
#include <bits/vt.h>
#endif
