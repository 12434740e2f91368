#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
#define MAP_FAILED ((void *)-1)
#include <bits/mman.h>
void *mmap(void *, size_t, int, int, int, off_t);
#if defined(_LARGEFILE64_SOURCE) || defined(_GNU_SOURCE)
void *mmap64(void *, size_t, int, int, int, off64_t);
#endif
int munmap(void *, size_t);
int mprotect(void *, size_t, int);
int msync(void *, size_t, int);
int madvise(void *, size_t, int);
int posix_madvise(void *, size_t, int);
void *mremap(void *, size_t, size_t, int, ...);
int mlock(const void *, size_t);
int munlock(const void *, size_t);
#define MCL_CURRENT 1
#define MCL_FUTURE 2
#define MCL_ONFAULT 4
int mlockall(int);
int munlockall(void);
#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
#define MLOCK_ONFAULT 0x01
int mlock2(const void *, size_t, unsigned);
int mincore(void *, size_t, unsigned char *);
int remap_file_pages(void *, size_t, int, size_t, int);
#endif
int shm_open(const char *, int, mode_t);
int shm_unlink(const char *);
#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
#define MFD_CLOEXEC 0x0001U
#define MFD_ALLOW_SEALING 0x0002U
#define MFD_HUGETLB 0x0004U
#define MFD_NOEXEC_SEAL 0x0008U
#define MFD_EXEC 0x0010U
int memfd_create(const char *, unsigned);
#endif
__END_DECLS
#endif
