/* <sys/cachectl.h>: cache control constants (MIPS cacheflush(2)). x86_64 has
   coherent caches and no such system call, so only the constants exist here. */
#ifndef _SYS_CACHECTL_H
#define _SYS_CACHECTL_H
#define ICACHE (1 << 0)
#define DCACHE (1 << 1)
#define BCACHE (ICACHE | DCACHE)
#define CACHEABLE 0
#define UNCACHEABLE 1
#endif
