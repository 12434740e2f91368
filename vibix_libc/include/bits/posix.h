/* <bits/posix.h>: the programming environments of this target (from
   <unistd.h>): LP64 with 64-bit off_t only. */
#ifndef _BITS_POSIX_H
#define _BITS_POSIX_H
#define _POSIX_V6_LP64_OFF64 1
#define _POSIX_V7_LP64_OFF64 1
#define _XBS5_LP64_OFF64 1
#define _POSIX_V6_LPBIG_OFFBIG (-1)
#define _POSIX_V7_LPBIG_OFFBIG (-1)
#define _XBS5_LPBIG_OFFBIG (-1)
#endif
