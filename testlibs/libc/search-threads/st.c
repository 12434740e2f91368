/* <search.h> and <threads.h> against glibc: hsearch (+ _r), tsearch family
   (in-order walk, deletes, destroy), lsearch/lfind, insque/remque; C11
   threads, mutexes (plain, recursive, timed), condition variables,
   thread-specific storage, call_once. */
#define _GNU_SOURCE
#include <errno.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <time.h>

static int cmpint(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static int cmpstr(const void *a, const void *b) { return strcmp(a, b); }
static int count;
static void visit(const void *n, VISIT v, int depth) {
    (void)depth;
    if (v == postorder || v == leaf) {
        printf(" %d", **(int *const *)n);
        count++;
    }
}
static int freed;
static void freekey(void *k) { (void)k; freed++; }

static mtx_t m;
static cnd_t c;
static int ready, total;
static tss_t key;
static once_flag once = ONCE_FLAG_INIT;
static int once_runs;
static void init_once(void) { once_runs++; }
static void dtor(void *p) { __atomic_fetch_add(&total, (int)(long)p, __ATOMIC_SEQ_CST); }

static int worker(void *arg) {
    int id = (int)(long)arg;
    call_once(&once, init_once);
    tss_set(key, (void *)(long)(id + 100));
    mtx_lock(&m);
    while (!ready)
        cnd_wait(&c, &m);
    total += id;
    mtx_unlock(&m);
    return id * 2;
}

int main(void) {
    /* hsearch */
    printf("hcreate %d\n", hcreate(8));
    char *words[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta"};
    for (int i = 0; i < 6; i++) {
        ENTRY e = {words[i], (void *)(long)(i + 1)}, *r = hsearch(e, ENTER);
        printf("enter %s -> %ld\n", words[i], r ? (long)r->data : -1L);
    }
    ENTRY q = {"gamma", NULL}, *r = hsearch(q, FIND);
    printf("find gamma %ld\n", r ? (long)r->data : -1L);
    q.key = "omega";
    errno = 0;
    r = hsearch(q, FIND);
    printf("find omega %p errno %d\n", (void *)r, errno);
    q.key = "beta";
    q.data = (void *)99;
    r = hsearch(q, ENTER);
    printf("re-enter beta keeps %ld\n", (long)r->data);
    hdestroy();
    struct hsearch_data hd;
    memset(&hd, 0, sizeof hd);
    printf("hcreate_r %d\n", hcreate_r(2, &hd));
    int filled = 0;
    char keys[64][8];
    for (int i = 0; i < 64; i++) {
        snprintf(keys[i], 8, "k%d", i);
        ENTRY e = {keys[i], NULL};
        if (!hsearch_r(e, ENTER, &r, &hd))
            break;
        filled++;
    }
    printf("hsearch_r filled >= 2: %d, errno on full %d\n", filled >= 2, filled < 64 ? errno : 0);
    hdestroy_r(&hd);

    /* tsearch */
    void *root = NULL;
    int vals[] = {50, 20, 80, 10, 30, 70, 90, 60, 40, 20, 55, 65, 1, 99};
    int n = sizeof vals / sizeof *vals;
    for (int i = 0; i < n; i++) {
        int **p = tsearch(&vals[i], &root, cmpint);
        if (*p != &vals[i])
            printf("dup %d\n", vals[i]);
    }
    printf("walk:");
    twalk(root, visit);
    printf(" (%d)\n", count);
    int k = 30;
    int **f = tfind(&k, &root, cmpint);
    printf("tfind 30 %d\n", f ? **f : -1);
    k = 31;
    printf("tfind 31 %p\n", (void *)tfind(&k, &root, cmpint));
    int del[] = {50, 10, 99, 65, 12345};
    for (int i = 0; i < 5; i++)
        printf("tdelete %d -> %s\n", del[i], tdelete(&del[i], &root, cmpint) ? "ok" : "null");
    count = 0;
    printf("walk:");
    twalk(root, visit);
    printf(" (%d)\n", count);
    tdestroy(root, freekey);
    printf("destroy freed %d\n", freed);
    /* deep sequential inserts stay balanced enough not to matter */
    root = NULL;
    static int big[100000];
    for (int i = 0; i < 100000; i++) {
        big[i] = i;
        tsearch(&big[i], &root, cmpint);
    }
    int **mx = tfind(&big[99999], &root, cmpint);
    printf("big find %d\n", mx ? **mx : -1);

    /* lsearch/lfind */
    char tab[10][8];
    size_t nel = 0;
    const char *ins[] = {"one", "two", "one", "three", "two"};
    for (int i = 0; i < 5; i++)
        lsearch(ins[i], tab, &nel, 8, cmpstr);
    printf("lsearch nel %zu: %s %s %s\n", nel, tab[0], tab[1], tab[2]);
    printf("lfind three %d, four %p\n", (int)((char(*)[8])lfind("three", tab, &nel, 8, cmpstr) - tab),
           lfind("four", tab, &nel, 8, cmpstr));

    /* insque/remque */
    struct qelem { struct qelem *f, *b; int v; } a = {0, 0, 1}, b = {0, 0, 2}, c2 = {0, 0, 3};
    insque(&a, NULL);
    insque(&b, &a);
    insque(&c2, &a);
    printf("queue:");
    for (struct qelem *e = &a; e; e = e->f)
        printf(" %d", e->v);
    remque(&c2);
    printf(" / after remque:");
    for (struct qelem *e = &a; e; e = e->f)
        printf(" %d", e->v);
    printf(" back %d\n", b.b->v);

    /* threads */
    printf("mtx_init %d cnd_init %d tss %d\n", mtx_init(&m, mtx_plain), cnd_init(&c), tss_create(&key, dtor));
    thrd_t t[4];
    for (int i = 0; i < 4; i++)
        thrd_create(&t[i], worker, (void *)(long)(i + 1));
    mtx_lock(&m);
    ready = 1;
    cnd_broadcast(&c);
    mtx_unlock(&m);
    int sum = 0;
    for (int i = 0; i < 4; i++) {
        int res;
        thrd_join(t[i], &res);
        sum += res;
    }
    printf("joined sum %d total %d (ids 10 + dtors 410) once %d\n", sum, total, once_runs);
    printf("equal %d %d\n", thrd_equal(thrd_current(), thrd_current()), thrd_equal(t[0], t[1]));
    mtx_t rm;
    printf("recursive %d", mtx_init(&rm, mtx_plain | mtx_recursive));
    printf(" lock %d lock %d unlock %d unlock %d\n", mtx_lock(&rm), mtx_lock(&rm), mtx_unlock(&rm), mtx_unlock(&rm));
    mtx_t tm;
    mtx_init(&tm, mtx_timed);
    mtx_lock(&tm);
    printf("trylock held %d\n", mtx_trylock(&tm) == thrd_busy);
    mtx_unlock(&tm);
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    ts.tv_nsec += 20000000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    mtx_lock(&m);
    printf("cnd_timedwait %d\n", cnd_timedwait(&c, &m, &ts) == thrd_timedout);
    mtx_unlock(&m);
    struct timespec d = {0, 1000000};
    printf("thrd_sleep %d\n", thrd_sleep(&d, NULL));
    thrd_yield();
    tss_set(key, (void *)7);
    printf("tss_get %ld\n", (long)tss_get(key));
    tss_delete(key);
    mtx_destroy(&m);
    cnd_destroy(&c);
    return 0;
}
