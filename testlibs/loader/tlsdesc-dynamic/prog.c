/* dlopen a TLSDESC library whose TLS lives in dynamic blocks; the main thread,
   a thread that existed before the dlopen (its DTV grows) and four new ones
   each get their own initialised block on first use. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static int (*regs_preserved)(void), (*image_ok)(void);
static long (*bump)(void);
static void *(*counter_addr)(void);
static void *main_counter;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int opened;

static void *worker(void *arg) {
    int early = arg != 0;
    if (early) {
        pthread_mutex_lock(&mu);
        while (!opened) pthread_cond_wait(&cv, &mu);
        pthread_mutex_unlock(&mu);
    }
    int regs = regs_preserved();
    long a = bump(), b = bump();
    int own = counter_addr() != main_counter;
    pthread_mutex_lock(&mu);
    printf("%s thread: registers %d, image %d, counter %ld %ld, own block %d\n", early ? "early" : "new", regs,
           image_ok(), a, b, own);
    pthread_mutex_unlock(&mu);
    return 0;
}

int main(int argc, char **argv) {
    pthread_t early, t[4];
    pthread_create(&early, 0, worker, (void *)1);
    char path[4096];
    snprintf(path, sizeof path, "%s/libdesc.so", argc > 1 ? argv[1] : ".");
    void *h = dlopen(path, RTLD_NOW);
    if (!h) {
        printf("dlopen: %s\n", dlerror());
        return 1;
    }
    regs_preserved = (int (*)(void))dlsym(h, "regs_preserved");
    image_ok = (int (*)(void))dlsym(h, "image_ok");
    bump = (long (*)(void))dlsym(h, "bump");
    counter_addr = (void *(*)(void))dlsym(h, "counter_addr");
    printf("main thread: registers %d, image %d, counter %ld\n", regs_preserved(), image_ok(), bump());
    main_counter = counter_addr();
    pthread_mutex_lock(&mu);
    opened = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
    pthread_join(early, 0);
    for (int i = 0; i < 4; i++) pthread_create(&t[i], 0, worker, 0);
    for (int i = 0; i < 4; i++) pthread_join(t[i], 0);
    printf("main thread again: counter %ld\n", bump());
    return 0;
}
