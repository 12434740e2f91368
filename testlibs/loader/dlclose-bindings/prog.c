#define _GNU_SOURCE
/* dlclose of an object that another dlopened object bound symbols into (by
   relocation, or by dlsym(RTLD_DEFAULT) from its code) keeps it loaded until
   that user is closed; then both go, users' finalizers first. */
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <string.h>

static const char *dir;

static int phdr_cb(struct dl_phdr_info *i, size_t size, void *data) {
    (void)size;
    const char *n = i->dlpi_name, *want = data;
    size_t ln = strlen(n), lw = strlen(want);
    return ln >= lw && strcmp(n + ln - lw, want) == 0;
}

/* Loaded according to dl_iterate_phdr; /proc/self/maps must agree when present. */
static int loaded(const char *name) {
    char want[64];
    snprintf(want, sizeof want, "/%s", name);
    int by_phdr = dl_iterate_phdr(phdr_cb, want);
    FILE *f = fopen("/proc/self/maps", "r");
    if (f) {
        char line[512];
        int by_maps = 0;
        while (fgets(line, sizeof line, f))
            if (strstr(line, want)) by_maps = 1;
        fclose(f);
        if (by_maps != by_phdr) printf("/proc/self/maps disagrees about %s\n", name);
    }
    return by_phdr;
}

static void *open_lib(const char *name, int mode) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    void *h = dlopen(path, mode);
    if (!h) printf("dlopen %s: %s\n", name, dlerror());
    return h;
}

int main(int argc, char **argv) {
    dir = argc > 1 ? argv[1] : ".";
    printf("-- relocation binding\n");
    void *hb = open_lib("libb.so", RTLD_NOW | RTLD_GLOBAL);
    void *ha = open_lib("liba.so", RTLD_NOW);
    if (!hb || !ha) return 1;
    int (*a_call)(void) = (int (*)(void))dlsym(ha, "a_call");
    printf("dlclose libb: %d\n", dlclose(hb));
    printf("libb loaded: %d\n", loaded("libb.so"));
    printf("a_call: %d\n", a_call());
    printf("dlclose liba: %d\n", dlclose(ha));
    printf("liba loaded: %d, libb loaded: %d\n", loaded("liba.so"), loaded("libb.so"));

    printf("-- dlsym binding\n");
    hb = open_lib("libb.so", RTLD_NOW | RTLD_GLOBAL);
    void *hc = open_lib("libc2.so", RTLD_NOW);
    if (!hb || !hc) return 1;
    int (*c_lookup)(void) = (int (*)(void))dlsym(hc, "c_lookup");
    int (*c_call)(void) = (int (*)(void))dlsym(hc, "c_call");
    printf("c_lookup: %d\n", c_lookup());
    printf("dlclose libb: %d\n", dlclose(hb));
    printf("libb loaded: %d\n", loaded("libb.so"));
    printf("c_call: %d\n", c_call());
    printf("dlclose libc2: %d\n", dlclose(hc));
    printf("libc2 loaded: %d, libb loaded: %d\n", loaded("libc2.so"), loaded("libb.so"));

    printf("-- no binding\n");
    hb = open_lib("libb.so", RTLD_NOW | RTLD_GLOBAL);
    if (!hb) return 1;
    printf("dlclose libb: %d\n", dlclose(hb));
    printf("libb loaded: %d\n", loaded("libb.so"));
    return 0;
}
