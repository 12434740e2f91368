/* glibc's cancellation cleanup ABI: compiled against glibc's <pthread.h>
   (plain C: pthread_cleanup_push is __sigsetjmp + __pthread_register_cancel,
   a cancellation longjmps back to run the handler, __pthread_unwind_next goes
   on to the next one), then linked with either C library. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char log_[512];
static pthread_mutex_t lm = PTHREAD_MUTEX_INITIALIZER;

static void note(const char *s) {
    pthread_mutex_lock(&lm);
    strcat(log_, s);
    strcat(log_, " ");
    pthread_mutex_unlock(&lm);
}

static void handler(void *arg) { note((const char *)arg); }

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;

static void unlock_it(void *arg) {
    note("unlock");
    pthread_mutex_unlock((pthread_mutex_t *)arg);
}

static int ready[2];

static void *deferred(void *arg) {
    (void)arg;
    int local = 7;
    pthread_cleanup_push(handler, "outer");
    pthread_cleanup_push(handler, "middle");
    pthread_cleanup_push(handler, "popped-not-run");
    pthread_cleanup_pop(0);
    pthread_cleanup_push(handler, "popped-run");
    pthread_cleanup_pop(1);
    pthread_cleanup_push(handler, "inner");
    local++;
    if (write(ready[1], "r", 1) != 1)
        abort();
    for (;;)
        pause(); /* cancellation point */
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return (void *)(long)local;
}

static void *in_cond_wait(void *arg) {
    (void)arg;
    pthread_mutex_lock(&m);
    pthread_cleanup_push(unlock_it, &m);
    if (write(ready[1], "r", 1) != 1)
        abort();
    for (;;)
        pthread_cond_wait(&c, &m);
    pthread_cleanup_pop(1);
    return NULL;
}

static void *exits(void *arg) {
    (void)arg;
    pthread_cleanup_push(handler, "exit-outer");
    pthread_cleanup_push(handler, "exit-inner");
    pthread_exit((void *)42);
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return NULL;
}

static void *deferring(void *arg) {
    (void)arg;
    int old;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
    pthread_cleanup_push_defer_np(handler, "defer-np");
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
    note(old == PTHREAD_CANCEL_DEFERRED ? "was-deferred" : "was-async");
    pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, NULL);
    pthread_cleanup_pop_restore_np(1);
    pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &old);
    note(old == PTHREAD_CANCEL_ASYNCHRONOUS ? "restored-async" : "restored-deferred");
    return NULL;
}

static void run(const char *name, void *(*f)(void *), int cancel) {
    pthread_t t;
    void *ret;
    char b;
    log_[0] = 0;
    pthread_create(&t, NULL, f, NULL);
    if (cancel) {
        if (read(ready[0], &b, 1) != 1)
            abort();
        if (f == in_cond_wait) {
            pthread_mutex_lock(&m); /* the thread is in the wait (it released m) */
            pthread_mutex_unlock(&m);
        }
        pthread_cancel(t);
    }
    pthread_join(t, &ret);
    printf("%s: %s-> %s\n", name, log_, ret == PTHREAD_CANCELED ? "PTHREAD_CANCELED" : ret == (void *)42 ? "42" : "other");
}

int main(void) {
    if (pipe(ready))
        return 1;
    run("deferred cancel in pause", deferred, 1);
    run("cancel in cond_wait", in_cond_wait, 1);
    printf("mutex free after: %d\n", pthread_mutex_trylock(&m) == 0);
    pthread_mutex_unlock(&m);
    run("pthread_exit", exits, 0);
    run("push_defer_np/pop_restore_np", deferring, 0);
    return 0;
}
