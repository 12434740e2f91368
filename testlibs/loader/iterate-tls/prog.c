/* dl_iterate_phdr's dlpi_tls_data: the calling thread's TLS block of each
   module, or NULL while a dynamic (dlopened) module's block is not yet
   allocated in that thread. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

__thread int prog_v = 7;

struct want {
    const char *suffix; /* "" = the program */
    size_t modid;
    void *data;
    int found;
};

static int cb(struct dl_phdr_info *i, size_t size, void *arg) {
    struct want *w = arg;
    size_t n = strlen(i->dlpi_name), k = strlen(w->suffix);
    int match = *w->suffix ? n >= k && strcmp(i->dlpi_name + n - k, w->suffix) == 0 : n == 0;
    if (!match || size < sizeof *i) return 0;
    w->modid = i->dlpi_tls_modid;
    w->data = i->dlpi_tls_data;
    w->found = 1;
    return 1;
}

static void *data_of(const char *suffix, size_t *modid) {
    struct want w = {suffix, 0, 0, 0};
    dl_iterate_phdr(cb, &w);
    if (!w.found) printf("%s: not listed\n", suffix);
    if (modid) *modid = w.modid;
    return w.data;
}

static int *(*lib_addr)(void);

static void report(const char *who) {
    size_t id;
    void *before = data_of("/libtls.so", &id);
    int *v = lib_addr();
    void *after = data_of("/libtls.so", 0);
    printf("%s: library module id set %d, block before first use %s, after: %s, value %d\n", who, id != 0,
           before ? "allocated" : "NULL", after == (void *)v ? "its block" : "wrong", *(int *)after);
    printf("%s: program block %s, value %d\n", who, data_of("", 0) == (void *)&prog_v ? "right" : "wrong",
           *(int *)data_of("", 0));
}

static void *thread(void *arg) {
    (void)arg;
    prog_v = 8;
    report("new thread");
    return 0;
}

int main(int argc, char **argv) {
    char path[4096];
    snprintf(path, sizeof path, "%s/libtls.so", argc > 1 ? argv[1] : ".");
    void *h = dlopen(path, RTLD_NOW);
    if (!h) {
        printf("dlopen: %s\n", dlerror());
        return 1;
    }
    lib_addr = (int *(*)(void))dlsym(h, "lib_addr");
    size_t id;
    printf("program module id set %d\n", (data_of("", &id), id != 0));
    report("main thread");
    *lib_addr() = 43;
    pthread_t t;
    pthread_create(&t, 0, thread, 0);
    pthread_join(t, 0);
    printf("main thread again: value %d\n", *(int *)data_of("/libtls.so", 0));
    return 0;
}
