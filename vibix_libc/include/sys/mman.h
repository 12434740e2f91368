#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
#define MAP_FAILED ((void *)-1)
#include <bits/mman.h>
void *mmap(void *, size_t, int, int, int, off_t);
int munmap(void *, size_t);
int mprotect(void *, size_t, int);
int msync(void *, size_t, int);
int madvise(void *, size_t, int);
int posix_madvise(void *, size_t, int);
void *mremap(void *, size_t, size_t, int, ...);
int mlock(const void *, size_t);
int munlock(const void *, size_t);
__END_DECLS
#endif
