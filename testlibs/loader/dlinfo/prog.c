/* dlinfo vs glibc: LMID, LINKMAP, ORIGIN, SERINFOSIZE/SERINFO, TLS_MODID,
 * TLS_DATA, PHDR, and errors through dlerror. Paths under the case's
 * directory (argv[1]) print as $OUT; the system directories at the end of a
 * search path differ between loaders and are counted, not printed. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char out[4096];

static const char *rel(const char *p) {
    static char b[4096];
    size_t n = strlen(out);
    if (strncmp(p, out, n) == 0 && (p[n] == '/' || p[n] == 0)) {
        snprintf(b, sizeof b, "$OUT%s", p + n);
        return b;
    }
    return p;
}

static void *must_open(const char *name) {
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", out, name);
    void *h = dlopen(path, RTLD_NOW);
    if (!h) {
        printf("dlopen %s: %s\n", name, dlerror());
        exit(1);
    }
    return h;
}

static void search_path(const char *what, void *h) {
    Dl_serinfo size;
    if (dlinfo(h, RTLD_DI_SERINFOSIZE, &size) != 0) {
        printf("%s: SERINFOSIZE: %s\n", what, dlerror());
        return;
    }
    Dl_serinfo *si = malloc(size.dls_size);
    si->dls_size = size.dls_size;
    si->dls_cnt = size.dls_cnt;
    if (dlinfo(h, RTLD_DI_SERINFO, si) != 0) {
        printf("%s: SERINFO: %s\n", what, dlerror());
        return;
    }
    size_t strings = 0;
    int system = 0;
    printf("%s: search path:", what);
    for (unsigned i = 0; i < si->dls_cnt; i++) {
        const char *n = si->dls_serpath[i].dls_name;
        strings += strlen(n) + 1;
        /* The strings are inside the buffer, after the entries. */
        if (n < (char *)&si->dls_serpath[si->dls_cnt] || n >= (char *)si + si->dls_size)
            printf(" [outside]");
        if (strncmp(n, "/nonexistent", 12) == 0 || strcmp(rel(n), n) != 0)
            printf(" %s(%u)", rel(n), si->dls_serpath[i].dls_flags);
        else
            system++;
    }
    printf(" + %s system directories\n", system > 0 ? "some" : "no");
    printf("%s: size = header + entries + strings: %d\n", what,
           size.dls_size == (size_t)((char *)&si->dls_serpath[si->dls_cnt] - (char *)si) + strings);
    free(si);
}

static int phdr_cb(struct dl_phdr_info *info, size_t n, void *data) {
    (void)n;
    const ElfW(Phdr) **want = data;
    if (info->dlpi_phdr == want[0])
        want[1] = (const void *)(long)info->dlpi_phnum;
    return 0;
}

static void object(const char *what, void *h, int origin_too) {
    int r;
    Lmid_t id = -5;
    r = dlinfo(h, RTLD_DI_LMID, &id);
    printf("%s: LMID %d -> %ld\n", what, r, id);
    struct link_map *lm = NULL;
    r = dlinfo(h, RTLD_DI_LINKMAP, &lm);
    printf("%s: LINKMAP %d, the handle: %d\n", what, r, (void *)lm == h);
    if (origin_too) {
        char origin[4096] = "unset";
        r = dlinfo(h, RTLD_DI_ORIGIN, origin);
        printf("%s: ORIGIN %d %s\n", what, r, rel(origin));
    }
    size_t mod = 77;
    r = dlinfo(h, RTLD_DI_TLS_MODID, &mod);
    printf("%s: TLS_MODID %d %s\n", what, r, mod ? "nonzero" : "0");
    const ElfW(Phdr) *ph = NULL;
    int n = dlinfo(h, RTLD_DI_PHDR, &ph);
    const void *want[2] = {ph, NULL};
    dl_iterate_phdr(phdr_cb, want);
    printf("%s: PHDR returns dl_iterate_phdr's count: %d\n", what, n > 0 && (long)want[1] == n);
    printf("%s: dlerror after success: %s\n", what, dlerror() ? "set" : "NULL");
    search_path(what, h);
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc < 2 || !realpath(argv[1], out))
        return 2;
    void *plug = must_open("libplug.so");
    void *tls = must_open("libtls.so");
    void *self = dlopen(NULL, RTLD_NOW);
    if (argc > 2) {
        /* Not glibc's: it does not check handles (it crashes). */
        long x, y;
        int r = dlinfo(&x, RTLD_DI_LMID, &y);
        printf("bad handle: %d %s\n", r, dlerror());
        return 0;
    }
    object("libplug.so", plug, 1);
    object("libtls.so", tls, 1);
    /* glibc knows the program's origin only because its DT_RPATH has $ORIGIN. */
    object("program", self, 1);

    /* Dynamic TLS: NULL until this thread touches it, then its block. */
    void *data = (void *)1;
    int r = dlinfo(tls, RTLD_DI_TLS_DATA, &data);
    printf("TLS_DATA before use: %d %s\n", r, data ? "set" : "NULL");
    int *(*addr)(void) = (int *(*)(void))dlsym(tls, "tls_addr");
    int *v = addr();
    r = dlinfo(tls, RTLD_DI_TLS_DATA, &data);
    printf("TLS_DATA after use: %d, the variable: %d (%d)\n", r, data == (void *)v, *(int *)data);
    data = (void *)1;
    r = dlinfo(plug, RTLD_DI_TLS_DATA, &data);
    printf("TLS_DATA without TLS: %d %s\n", r, data ? "set" : "NULL");

    /* Requests glibc does not support fail through dlerror. */
    int requests[] = {RTLD_DI_CONFIGADDR, RTLD_DI_PROFILENAME, RTLD_DI_PROFILEOUT, 99};
    for (int i = 0; i < 4; i++) {
        char buf[64];
        r = dlinfo(plug, requests[i], buf);
        printf("request %d: %d, dlerror %s\n", requests[i], r, dlerror() ? "set" : "NULL");
    }
    return 0;
}
