/* dl* prototypes (glibc-compatible values), for tests that link ld-vibix directly. */
#ifndef DL_H
#define DL_H
#define RTLD_LAZY 1
#define RTLD_NOW 2
#define RTLD_NOLOAD 4
#define RTLD_GLOBAL 0x100
#define RTLD_LOCAL 0
#define RTLD_NODELETE 0x1000
#define RTLD_DEFAULT ((void *)0)
#define RTLD_NEXT ((void *)-1l)
typedef struct { const char *dli_fname; void *dli_fbase; const char *dli_sname; void *dli_saddr; } Dl_info;
struct dl_phdr_info { unsigned long addr; const char *name; const void *phdr; unsigned short phnum;
    unsigned long long adds, subs; unsigned long tls_modid; void *tls_data; };
void *dlopen(const char *, int);
void *dlsym(void *, const char *);
void *dlvsym(void *, const char *, const char *);
int dlclose(void *);
char *dlerror(void);
int dladdr(const void *, Dl_info *);
int dl_iterate_phdr(int (*)(struct dl_phdr_info *, unsigned long, void *), void *);
static int count_cb(struct dl_phdr_info *i, unsigned long s, void *d) { (void)i; (void)s; ++*(int *)d; return 0; }
static inline int count_objects(void) { int n = 0; dl_iterate_phdr(count_cb, &n); return n; }
static inline int rt_contains(const char *h, const char *n) {
    for (; *h; h++) { const char *a = h, *b = n; while (*a && *a == *b) a++, b++; if (!*b) return 1; }
    return 0;
}
#endif
