/* <bits/hwcap.h>: x86 bits of AT_HWCAP2 (from <sys/auxv.h>). */
#ifndef _BITS_HWCAP_H
#define _BITS_HWCAP_H
#define HWCAP2_RING3MWAIT (1 << 0)
#define HWCAP2_FSGSBASE (1 << 1)
#endif
