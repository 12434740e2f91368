/* Implemented by ld-vibix.so.1. */
#ifndef _DLFCN_H
#define _DLFCN_H
#include <features.h>
__BEGIN_DECLS
#define RTLD_LAZY 1
#define RTLD_NOW 2
#define RTLD_NOLOAD 4
#define RTLD_NODELETE 0x1000
#define RTLD_GLOBAL 0x100
#define RTLD_LOCAL 0
#define RTLD_DEFAULT ((void *)0)
#define RTLD_NEXT ((void *)-1)
typedef struct { const char *dli_fname; void *dli_fbase; const char *dli_sname; void *dli_saddr; } Dl_info;
void *dlopen(const char *, int);
void *dlsym(void *__restrict, const char *__restrict);
void *dlvsym(void *__restrict, const char *__restrict, const char *__restrict);
int dlclose(void *);
char *dlerror(void);
int dladdr(const void *, Dl_info *);
#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
/* dlinfo requests (glibc's numbers; ld-vibix/src/dl/info.rs). */
typedef long Lmid_t;
#define LM_ID_BASE 0
#define LM_ID_NEWLM (-1)
enum {
    RTLD_DI_LMID = 1,
    RTLD_DI_LINKMAP = 2,
    RTLD_DI_CONFIGADDR = 3,
    RTLD_DI_SERINFO = 4,
    RTLD_DI_SERINFOSIZE = 5,
    RTLD_DI_ORIGIN = 6,
    RTLD_DI_PROFILENAME = 7,
    RTLD_DI_PROFILEOUT = 8,
    RTLD_DI_TLS_MODID = 9,
    RTLD_DI_TLS_DATA = 10,
    RTLD_DI_PHDR = 11,
    RTLD_DI_MAX = 11
};
typedef struct { char *dls_name; unsigned int dls_flags; } Dl_serpath;
typedef struct { __SIZE_TYPE__ dls_size; unsigned int dls_cnt; Dl_serpath dls_serpath[1]; } Dl_serinfo;
int dlinfo(void *__restrict, int, void *__restrict);
#endif
__END_DECLS
#endif
