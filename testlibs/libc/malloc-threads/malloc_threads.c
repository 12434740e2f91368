/* malloc/free across threads: the per-thread cache must never hand a block to
 * two owners, must accept blocks freed by other threads, and must give an
 * exiting thread's blocks back (else threads that come and go grow the heap). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 8
#define ROUNDS 20000
#define SLOTS 64

/* A hand-off ring: blocks allocated by one thread, freed by another. */
static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned char *ring[256];
static size_t ring_len[256];
static int ring_n;
static int bad;

static uint32_t rnd(uint32_t *s) { *s = *s * 1103515245u + 12345u; return *s >> 8; }

static void fill(unsigned char *p, size_t n, unsigned char v) { memset(p, v, n); }
static int check(const unsigned char *p, size_t n, unsigned char v)
{
    for (size_t i = 0; i < n; i++) if (p[i] != v) return 0;
    return 1;
}

static void *worker(void *arg)
{
    uint32_t seed = (uint32_t)(uintptr_t)arg * 7919u + 1;
    unsigned char *mine[SLOTS] = {0};
    size_t len[SLOTS] = {0};
    unsigned char tag = (unsigned char)(uintptr_t)arg;
    for (int r = 0; r < ROUNDS; r++) {
        int k = rnd(&seed) % SLOTS;
        if (mine[k]) {
            if (!check(mine[k], len[k], tag)) __atomic_store_n(&bad, 1, __ATOMIC_RELAXED);
            if (rnd(&seed) % 4 == 0) {
                /* Hand it to whoever comes next; free what is there. */
                pthread_mutex_lock(&ring_lock);
                if (ring_n == 256) {
                    for (int i = 0; i < ring_n; i++) {
                        if (!check(ring[i], ring_len[i], ring[i][0])) bad = 1;
                        free(ring[i]);
                    }
                    ring_n = 0;
                }
                fill(mine[k], len[k], 0xa5);
                ring[ring_n] = mine[k];
                ring_len[ring_n++] = len[k];
                pthread_mutex_unlock(&ring_lock);
            } else {
                free(mine[k]);
            }
            mine[k] = NULL;
        } else {
            len[k] = 1 + rnd(&seed) % 3000;
            mine[k] = malloc(len[k]);
            if (!mine[k]) { bad = 1; continue; }
            fill(mine[k], len[k], tag);
        }
    }
    for (int k = 0; k < SLOTS; k++) free(mine[k]);
    return NULL;
}

/* A short-lived thread: allocates and frees a batch of one size. */
#define BATCH 64
static void *seen[4096];
static int nseen;
static void note(void *p)
{
    for (int i = 0; i < nseen; i++) if (seen[i] == p) return;
    if (nseen < 4096) seen[nseen++] = p;
}
static void *transient(void *arg)
{
    (void)arg;
    void *b[BATCH];
    for (int i = 0; i < BATCH; i++) { b[i] = malloc(200); memset(b[i], 1, 200); }
    for (int i = 0; i < BATCH; i++) note(b[i]);
    for (int i = 0; i < BATCH; i++) free(b[i]);
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, worker, (void *)(uintptr_t)(i + 1));
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
    for (int i = 0; i < ring_n; i++) free(ring[i]);
    printf("contents intact across 8 threads and cross-thread frees: %s\n", bad ? "NO" : "yes");

    /* 100 threads one after another: their blocks come back for the next. */
    for (int i = 0; i < 100; i++) {
        pthread_t x;
        pthread_create(&x, NULL, transient, NULL);
        pthread_join(x, NULL);
    }
    /* Each thread holds BATCH blocks at once; without the hand-back every
     * thread's cached blocks would be lost and new ones carved. */
    printf("100 transient threads reuse their blocks: %s\n", nseen <= 3 * BATCH ? "yes" : "NO");
    if (nseen > 3 * BATCH) fprintf(stderr, "distinct blocks: %d\n", nseen);
    return 0;
}
