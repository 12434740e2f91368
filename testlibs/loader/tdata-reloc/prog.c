/* A PIE whose .tdata holds a relocated pointer (tp = &g) next to a big .tbss:
   every thread, and every dlopened module's TLS, must see the relocated value. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static int g = 7;
static __thread int *volatile tp = &g; /* volatile: read at run time */
static __thread volatile int big[5000];

static int (*ie_ok)(void), (*gd_ok)(void);
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int opened;

static int prog_ok(void) { return tp == &g && *tp == 7 && big[4999] == 0; }

static void *before(void *arg) {
    (void)arg;
    int p = prog_ok();
    pthread_mutex_lock(&mu);
    while (!opened) pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    printf("thread started before dlopen: program %d, initial-exec lib %d, dynamic lib %d\n", p, ie_ok(), gd_ok());
    return 0;
}

static void *after(void *arg) {
    (void)arg;
    printf("thread started after dlopen: program %d, initial-exec lib %d, dynamic lib %d\n", prog_ok(), ie_ok(), gd_ok());
    return 0;
}

static int (*open_lib(const char *dir, const char *name))(void) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    void *h = dlopen(path, RTLD_NOW);
    if (!h) {
        printf("dlopen %s: %s\n", name, dlerror());
        return 0;
    }
    return (int (*)(void))dlsym(h, "lib_ok");
}

int main(int argc, char **argv) {
    printf("main thread: program %d\n", prog_ok());
    pthread_t a, b;
    pthread_create(&a, 0, before, 0);
    const char *dir = argc > 1 ? argv[1] : ".";
    ie_ok = open_lib(dir, "libie.so");
    gd_ok = open_lib(dir, "libgd.so");
    if (!ie_ok || !gd_ok) return 1;
    printf("main thread: initial-exec lib %d, dynamic lib %d\n", ie_ok(), gd_ok());
    pthread_mutex_lock(&mu);
    opened = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
    pthread_join(a, 0);
    pthread_create(&b, 0, after, 0);
    pthread_join(b, 0);
    return 0;
}
