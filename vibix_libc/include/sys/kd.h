#ifndef _SYS_KD_H
#define _SYS_KD_H
/* Linux console ioctls (as glibc: the kernel's definitions). */
#include <bits/kd.h>
#endif
