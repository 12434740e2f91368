#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H
#include <features.h>
#include <bits/alltypes.h>
#include <stdint.h>
/* fd_set and select, as glibc gives them from <sys/types.h> by default. */
#include <sys/select.h>
typedef int8_t int8;
typedef uint8_t u_int8_t;
typedef uint16_t u_int16_t;
typedef uint32_t u_int32_t;
typedef uint64_t u_int64_t;
/* BSD/Linux names glibc's <sys/types.h> also gives. */
typedef off64_t loff_t;
typedef int daddr_t;
typedef unsigned long fsblkcnt64_t;
typedef unsigned long fsfilcnt64_t;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
#endif
