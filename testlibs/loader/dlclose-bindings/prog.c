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

/* libb is opened RTLD_GLOBAL, then USER, which binds into it (relocations at
   dlopen, or dlsym when its LOOKUP function runs); closing libb first must
   leave it loaded for USER's CALL, closing USER then unloads both. */
static int user_keeps_libb(const char *user, const char *lookup, const char *call) {
    char so[64];
    snprintf(so, sizeof so, "%s.so", user);
    void *hb = open_lib("libb.so", RTLD_NOW | RTLD_GLOBAL);
    void *hu = open_lib(so, RTLD_NOW);
    if (!hb || !hu) return 1;
    if (lookup) printf("%s: %d\n", lookup, ((int (*)(void))dlsym(hu, lookup))());
    int (*f)(void) = (int (*)(void))dlsym(hu, call);
    printf("dlclose libb: %d\n", dlclose(hb));
    printf("libb loaded: %d\n", loaded("libb.so"));
    printf("%s: %d\n", call, f());
    printf("dlclose %s: %d\n", user, dlclose(hu));
    printf("%s loaded: %d, libb loaded: %d\n", user, loaded(so), loaded("libb.so"));
    return 0;
}

int main(int argc, char **argv) {
    dir = argc > 1 ? argv[1] : ".";
    printf("-- relocation binding\n");
    if (user_keeps_libb("liba", 0, "a_call")) return 1;
    printf("-- dlsym binding\n");
    if (user_keeps_libb("libc2", "c_lookup", "c_call")) return 1;
    printf("-- no binding\n");
    void *hb = open_lib("libb.so", RTLD_NOW | RTLD_GLOBAL);
    if (!hb) return 1;
    printf("dlclose libb: %d\n", dlclose(hb));
    printf("libb loaded: %d\n", loaded("libb.so"));
    return 0;
}
