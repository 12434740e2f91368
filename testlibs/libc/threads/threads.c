/* Thread stress: 8 threads x malloc/free, stdio to one FILE, errno and TLS
   per thread, mutex/cond/rwlock/once/keys, detached threads, attrs.
   Prints only deterministic summaries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <pthread.h>
#include <unistd.h>
#include <semaphore.h>

#define NT 8
#define ITER 20000

static __thread int tls_counter;
static __thread char tls_buf[64] = "initial";
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_key_t key;
static long shared_total, ready, once_runs, dtor_runs;
static FILE *out;

static void once_fn(void) { once_runs++; }
static void dtor(void *p) { __atomic_fetch_add(&dtor_runs, 1, __ATOMIC_SEQ_CST); free(p); }

static void *worker(void *arg)
{
    long id = (long)arg;
    pthread_once(&once, once_fn);
    pthread_setspecific(key, malloc(16));
    errno = (int)id + 100;
    strcpy(tls_buf, "thread");
    void *blocks[64] = { 0 };
    unsigned seed = (unsigned)id;
    for (int i = 0; i < ITER; i++) {
        int slot = rand_r(&seed) % 64;
        free(blocks[slot]);
        size_t n = rand_r(&seed) % 2048 + 1;
        blocks[slot] = malloc(n);
        memset(blocks[slot], (int)id, n);
        tls_counter++;
        if (i % 1000 == 0) {
            fprintf(out, "thread %ld step %d\n", id, i);
            pthread_rwlock_rdlock(&rw);
            pthread_rwlock_unlock(&rw);
        }
        if (i % 500 == 0) {
            pthread_mutex_lock(&mu);
            shared_total += 500;
            pthread_mutex_unlock(&mu);
        }
    }
    for (int i = 0; i < 64; i++)
        free(blocks[i]);
    pthread_rwlock_wrlock(&rw);
    pthread_rwlock_unlock(&rw);
    pthread_mutex_lock(&mu);
    ready++;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
    int ok = errno == (int)id + 100 && tls_counter == ITER && strcmp(tls_buf, "thread") == 0;
    return (void *)(long)ok;
}

static void *detached(void *arg)
{
    __atomic_fetch_add((long *)arg, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

static pthread_barrier_t bar;
static long serial_count;
static sem_t items, slots;
static int ring[4], rhead, rtail;

static void *at_barrier(void *arg)
{
    (void)arg;
    for (int round = 0; round < 3; round++)
        if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD)
            __atomic_fetch_add(&serial_count, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

static void *producer(void *arg)
{
    (void)arg;
    for (int i = 1; i <= 1000; i++) {
        sem_wait(&slots);
        ring[rhead++ % 4] = i;
        sem_post(&items);
    }
    return NULL;
}

static void *sleeper(void *arg)
{
    usleep(50000);
    return arg;
}

static void *recursive(void *arg)
{
    pthread_mutex_t *m = arg;
    pthread_mutex_lock(m);
    pthread_mutex_lock(m);
    int r = pthread_mutex_trylock(m);
    pthread_mutex_unlock(m);
    pthread_mutex_unlock(m);
    pthread_mutex_unlock(m);
    return (void *)(long)r;
}

int main(void)
{
    out = fopen("log.txt", "w");
    pthread_key_create(&key, dtor);
    pthread_t t[NT];
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    for (long i = 0; i < NT; i++)
        if (pthread_create(&t[i], i % 2 ? &attr : NULL, worker, (void *)i)) return 1;
    pthread_mutex_lock(&mu);
    while (ready < NT)
        pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    int good = 0;
    for (int i = 0; i < NT; i++) {
        void *r;
        pthread_join(t[i], &r);
        good += (long)r;
    }
    fclose(out);
    FILE *in = fopen("log.txt", "r");
    char line[128];
    int lines = 0, bad = 0;
    while (fgets(line, sizeof line, in)) {
        long id;
        int step;
        lines++;
        if (sscanf(line, "thread %ld step %d\n", &id, &step) != 2) bad++;
    }
    fclose(in);
    remove("log.txt");
    printf("threads ok: %d/%d, shared=%ld, once=%ld, dtors=%ld\n", good, NT, shared_total, once_runs, dtor_runs);
    printf("log lines: %d, garbled: %d\n", lines, bad);
    printf("main tls: %d %s errno-untouched: %d\n", tls_counter, tls_buf, errno == 0);

    long count = 0;
    pthread_attr_t da;
    pthread_attr_init(&da);
    pthread_attr_setdetachstate(&da, PTHREAD_CREATE_DETACHED);
    for (int i = 0; i < 50; i++) {
        pthread_t d;
        pthread_create(&d, &da, detached, &count);
    }
    while (__atomic_load_n(&count, __ATOMIC_SEQ_CST) < 50)
        usleep(1000);
    printf("detached threads ran: %ld\n", count);

    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_t rm;
    pthread_mutex_init(&rm, &ma);
    pthread_t rt;
    pthread_create(&rt, NULL, recursive, &rm);
    void *rr;
    pthread_join(rt, &rr);
    printf("recursive trylock: %ld\n", (long)rr);
    printf("self equal: %d\n", pthread_equal(pthread_self(), pthread_self()));
    /* Join a thread that is still running: the kernel's exit wake-up must reach us. */
    pthread_t sl;
    pthread_create(&sl, NULL, sleeper, (void *)7L);
    void *sr;
    pthread_join(sl, &sr);
    printf("joined running thread: %ld\n", (long)sr);

    pthread_barrier_init(&bar, NULL, 4);
    pthread_t bt[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&bt[i], NULL, at_barrier, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(bt[i], NULL);
    printf("barrier serial threads: %ld\n", serial_count);

    sem_init(&items, 0, 0);
    sem_init(&slots, 0, 4);
    pthread_t prod;
    pthread_create(&prod, NULL, producer, NULL);
    long total = 0;
    for (int i = 0; i < 1000; i++) {
        sem_wait(&items);
        total += ring[rtail++ % 4];
        sem_post(&slots);
    }
    pthread_join(prod, NULL);
    int sv;
    sem_getvalue(&slots, &sv);
    printf("semaphore total: %ld slots=%d trywait=%d\n", total, sv, sem_trywait(&items));
    return 0;
}
