/* <bits/ioctl_fix.h>: ioctl numbers whose value depends on the architecture
   (from <bits/ioctl.h>): FIOQSIZE is 0x5460 on x86. */
#ifndef _BITS_IOCTL_FIX_H
#define _BITS_IOCTL_FIX_H
#define FIOQSIZE 0x5460
#endif
