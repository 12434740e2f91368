#ifndef _SYS_SWAP_H
#define _SYS_SWAP_H
/* Swap areas (swapon(2)/swapoff(2), Linux's flags). */
#include <features.h>
__BEGIN_DECLS
#define SWAP_FLAG_PREFER 0x8000
#define SWAP_FLAG_PRIO_MASK 0x7fff
#define SWAP_FLAG_PRIO_SHIFT 0
#define SWAP_FLAG_DISCARD 0x10000
#define SWAP_FLAG_DISCARD_ONCE 0x20000
#define SWAP_FLAG_DISCARD_PAGES 0x40000
int swapon(const char *, int);
int swapoff(const char *);
__END_DECLS
#endif
