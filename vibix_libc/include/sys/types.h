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
#endif
