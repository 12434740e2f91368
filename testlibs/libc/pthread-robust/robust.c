/* Robust mutexes (owner thread ends or owner process dies: EOWNERDEAD,
   pthread_mutex_consistent, ENOTRECOVERABLE), priority-inheritance mutexes,
   and process-shared mutexes, condition variables, barriers and rwlocks used
   by two processes in MAP_SHARED memory. Every wait has an alarm, so a
   missing feature fails instead of hanging. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "../_pthread_test.h"

/* Prints " label result" (one call per statement: argument order is unspecified). */
static void say(const char *label, int r) {
    printf(" %s %s", label, err(r));
}

static void ms(int n) {
    struct timespec d = {n / 1000, (n % 1000) * 1000000L};
    nanosleep(&d, NULL);
}

static void init_mutex(pthread_mutex_t *m, int type, int robust, int proto, int pshared) {
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, type);
    pthread_mutexattr_setrobust(&a, robust);
    pthread_mutexattr_setprotocol(&a, proto);
    pthread_mutexattr_setpshared(&a, pshared);
    if (pthread_mutex_init(m, &a))
        abort();
    pthread_mutexattr_destroy(&a);
}

static void *shared_page(void) {
    void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        abort();
    return p;
}

/* --- robust, owner is a thread --- */

static pthread_mutex_t rm;
static int hold_ms;

static void *lock_and_leave(void *arg) {
    int r = pthread_mutex_lock(&rm);
    if (r != 0 && r != EOWNERDEAD)
        printf("thread lock failed: %s\n", err(r));
    if (hold_ms)
        ms(hold_ms);
    if (arg)
        pthread_exit(NULL);
    return NULL; /* ends holding the mutex */
}

static void robust_threads(int proto, const char *name) {
    printf("robust %s mutex, owner thread ends:\n", name);
    init_mutex(&rm, PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_ROBUST, proto, 0);
    pthread_t t;
    hold_ms = 0;
    pthread_create(&t, NULL, lock_and_leave, NULL);
    pthread_join(t, NULL);
    int r = pthread_mutex_lock(&rm);
    printf("  lock after its owner returned: %s\n", err(r));
    printf("  unlock without consistent: %s\n", err(pthread_mutex_unlock(&rm)));
    printf(" ");
    say("lock again:", pthread_mutex_lock(&rm));
    say("trylock", pthread_mutex_trylock(&rm));
    printf("\n");
    pthread_mutex_destroy(&rm);

    init_mutex(&rm, PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_ROBUST, proto, 0);
    pthread_create(&t, NULL, lock_and_leave, (void *)1);
    pthread_join(t, NULL);
    r = pthread_mutex_trylock(&rm);
    printf("  trylock after pthread_exit holding it: %s\n", err(r));
    printf(" ");
    say("consistent:", pthread_mutex_consistent(&rm));
    say("again", pthread_mutex_consistent(&rm));
    say("unlock", pthread_mutex_unlock(&rm));
    say("lock", pthread_mutex_lock(&rm));
    say("unlock", pthread_mutex_unlock(&rm));
    printf("\n");

    /* A detached owner (its memory is gone when it ends) and a waiter blocked
       in lock while the owner ends. */
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    hold_ms = 100;
    pthread_create(&t, &a, lock_and_leave, NULL);
    pthread_attr_destroy(&a);
    ms(30);
    printf("  trylock while a detached owner holds it: %s\n", err(pthread_mutex_trylock(&rm)));
    r = pthread_mutex_lock(&rm);
    printf("  blocked lock when that owner ends: %s\n", err(r));
    pthread_mutex_consistent(&rm);
    pthread_mutex_unlock(&rm);
    pthread_mutex_destroy(&rm);
    hold_ms = 0;
}

static void *unlock_other(void *arg) {
    (void)arg;
    return (void *)(long)pthread_mutex_unlock(&rm);
}

static void robust_types(void) {
    void *ret;
    pthread_t t;
    printf("robust error-checking mutex:\n");
    init_mutex(&rm, PTHREAD_MUTEX_ERRORCHECK, PTHREAD_MUTEX_ROBUST, PTHREAD_PRIO_NONE, 0);
    printf(" ");
    say("lock", pthread_mutex_lock(&rm));
    say("relock", pthread_mutex_lock(&rm));
    say("trylock", pthread_mutex_trylock(&rm));
    pthread_create(&t, NULL, unlock_other, NULL);
    pthread_join(t, &ret);
    say("unlock by another thread", (int)(long)ret);
    say("by owner", pthread_mutex_unlock(&rm));
    say("again", pthread_mutex_unlock(&rm));
    printf("\n");
    pthread_mutex_destroy(&rm);
    printf("robust recursive mutex:\n");
    init_mutex(&rm, PTHREAD_MUTEX_RECURSIVE, PTHREAD_MUTEX_ROBUST, PTHREAD_PRIO_NONE, 0);
    printf(" ");
    say("lock", pthread_mutex_lock(&rm));
    say("lock", pthread_mutex_lock(&rm));
    say("trylock", pthread_mutex_trylock(&rm));
    for (int i = 0; i < 4; i++)
        say("unlock", pthread_mutex_unlock(&rm));
    printf("\n");
    pthread_create(&t, NULL, lock_and_leave, NULL);
    pthread_join(t, NULL);
    printf("  owner ended:");
    say("lock", pthread_mutex_lock(&rm));
    say("consistent", pthread_mutex_consistent(&rm));
    say("relock", pthread_mutex_lock(&rm));
    say("unlock", pthread_mutex_unlock(&rm));
    say("unlock", pthread_mutex_unlock(&rm));
    printf("\n");
    pthread_mutex_destroy(&rm);
}

/* --- robust, process-shared, owner is a process --- */

struct robust_shared {
    pthread_mutex_t m;
    int step;
};

static void robust_processes(int proto, const char *name) {
    printf("robust shared %s mutex, owner process dies:\n", name);
    struct robust_shared *s = shared_page();
    init_mutex(&s->m, PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_ROBUST, proto, PTHREAD_PROCESS_SHARED);
    const char *how[] = {"_exit", "SIGKILL", "_exit while the parent waits"};
    for (int i = 0; i < 3; i++) {
        s->step = 0;
        pid_t pid = fork();
        if (pid == 0) {
            alarm(10);
            int r = pthread_mutex_lock(&s->m);
            __atomic_store_n(&s->step, r == 0 || r == EOWNERDEAD ? 1 : 2, __ATOMIC_SEQ_CST);
            if (i == 1)
                pause();
            if (i == 2)
                ms(100);
            _exit(0);
        }
        while (__atomic_load_n(&s->step, __ATOMIC_SEQ_CST) == 0)
            ms(1);
        if (i == 1)
            kill(pid, SIGKILL);
        if (i != 2)
            waitpid(pid, NULL, 0);
        int r = pthread_mutex_lock(&s->m);
        printf("  child's lock %s; after %s: lock %s", s->step == 1 ? "ok" : "failed", how[i], err(r));
        if (i == 2)
            waitpid(pid, NULL, 0);
        if (i < 2)
            printf(", consistent %s", err(pthread_mutex_consistent(&s->m)));
        printf(", unlock %s\n", err(pthread_mutex_unlock(&s->m)));
    }
    printf("  after an unlock while inconsistent: lock %s\n", err(pthread_mutex_lock(&s->m)));
    munmap(s, 4096);
}

/* --- priority inheritance --- */

static pthread_mutex_t pm;
static long counter;

static void *count_pi(void *arg) {
    (void)arg;
    for (int i = 0; i < 20000; i++) {
        if (pthread_mutex_lock(&pm))
            abort();
        counter++;
        if (pthread_mutex_unlock(&pm))
            abort();
    }
    return NULL;
}

static void *try_pi(void *arg) {
    (void)arg;
    struct timespec t = in_ms(50);
    static char out[96];
    int tr = pthread_mutex_trylock(&pm);
    int tl = pthread_mutex_timedlock(&pm, &t);
    snprintf(out, sizeof out, "trylock %s, timedlock %s", err(tr), err(tl));
    return out;
}

static void pi(void) {
    printf("priority-inheritance mutex:\n");
    init_mutex(&pm, PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_STALLED, PTHREAD_PRIO_INHERIT, 0);
    pthread_mutex_lock(&pm);
    /* The lock word is the owner's tid (the kernel's PI futex protocol). */
    printf("  locked: word is the owner's tid %d\n", *(int *)&pm == (int)syscall(SYS_gettid));
    pthread_t t;
    void *out;
    pthread_create(&t, NULL, try_pi, NULL);
    pthread_join(t, &out);
    printf("  other thread while held: %s\n", (char *)out);
    printf(" ");
    say("unlock", pthread_mutex_unlock(&pm));
    printf(", word %d\n", *(int *)&pm);
    pthread_t ts[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&ts[i], NULL, count_pi, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(ts[i], NULL);
    printf("  4 threads x 20000 increments: %ld, word %d\n", counter, *(int *)&pm);
    pthread_mutex_destroy(&pm);
    init_mutex(&pm, PTHREAD_MUTEX_ERRORCHECK, PTHREAD_MUTEX_STALLED, PTHREAD_PRIO_INHERIT, 0);
    printf("  error-checking:");
    say("lock", pthread_mutex_lock(&pm));
    say("relock", pthread_mutex_lock(&pm));
    say("unlock", pthread_mutex_unlock(&pm));
    say("unlock", pthread_mutex_unlock(&pm));
    printf("\n");
    pthread_mutex_destroy(&pm);
}

/* --- process-shared objects across fork --- */

struct shared {
    pthread_mutex_t m;
    pthread_cond_t c;
    pthread_barrier_t b;
    pthread_rwlock_t rw;
    long count;
    int ready, go;
    int order[8];
    int n;
};

static void pshared(void) {
    printf("process-shared objects:\n");
    struct shared *s = shared_page();
    init_mutex(&s->m, PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_STALLED, PTHREAD_PRIO_NONE, PTHREAD_PROCESS_SHARED);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
    pthread_cond_init(&s->c, &ca);
    pthread_barrierattr_t ba;
    pthread_barrierattr_init(&ba);
    pthread_barrierattr_setpshared(&ba, PTHREAD_PROCESS_SHARED);
    pthread_barrier_init(&s->b, &ba, 2);
    pthread_rwlockattr_t ra;
    pthread_rwlockattr_init(&ra);
    pthread_rwlockattr_setpshared(&ra, PTHREAD_PROCESS_SHARED);
    pthread_rwlock_init(&s->rw, &ra);

    pid_t pid = fork();
    if (pid == 0) {
        alarm(20);
        for (int i = 0; i < 100000; i++) {
            pthread_mutex_lock(&s->m);
            s->count++;
            pthread_mutex_unlock(&s->m);
        }
        /* Condition variable: wait for the parent's go. */
        pthread_mutex_lock(&s->m);
        s->ready = 1;
        pthread_cond_signal(&s->c);
        while (!s->go)
            pthread_cond_wait(&s->c, &s->m);
        pthread_mutex_unlock(&s->m);
        /* Barrier: three rounds in step with the parent. */
        for (int r = 0; r < 3; r++) {
            pthread_mutex_lock(&s->m);
            s->order[s->n++] = 10 + r;
            pthread_mutex_unlock(&s->m);
            pthread_barrier_wait(&s->b);
            pthread_barrier_wait(&s->b);
        }
        /* Rwlock: hold the write lock for a while. */
        pthread_rwlock_wrlock(&s->rw);
        pthread_barrier_wait(&s->b);
        ms(100);
        s->count = -1;
        pthread_rwlock_unlock(&s->rw);
        _exit(0);
    }
    alarm(20);
    for (int i = 0; i < 100000; i++) {
        pthread_mutex_lock(&s->m);
        s->count++;
        pthread_mutex_unlock(&s->m);
    }
    pthread_mutex_lock(&s->m);
    while (!s->ready)
        pthread_cond_wait(&s->c, &s->m);
    long total_wait = 0;
    while (s->count < 200000 && total_wait < 1000) {
        pthread_mutex_unlock(&s->m);
        ms(1);
        total_wait++;
        pthread_mutex_lock(&s->m);
    }
    printf("  mutex: 2 processes x 100000 increments: %ld\n", s->count);
    s->go = 1;
    pthread_cond_broadcast(&s->c);
    pthread_mutex_unlock(&s->m);
    printf("  condition variable: the child woke up\n");
    for (int r = 0; r < 3; r++) {
        pthread_barrier_wait(&s->b);
        pthread_mutex_lock(&s->m);
        int seen = s->n;
        pthread_mutex_unlock(&s->m);
        printf("  barrier round %d: child arrived first %d\n", r, seen == r + 1 && s->order[r] == 10 + r);
        pthread_barrier_wait(&s->b);
    }
    pthread_barrier_wait(&s->b);
    printf("  rwlock held by the child: tryrdlock %s", err(pthread_rwlock_tryrdlock(&s->rw)));
    int r = pthread_rwlock_rdlock(&s->rw);
    printf(", rdlock %s once it unlocked (count %ld)\n", err(r), s->count);
    pthread_rwlock_unlock(&s->rw);
    int st;
    waitpid(pid, &st, 0);
    printf("  child exit status %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
    munmap(s, 4096);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    alarm(60);
    robust_threads(PTHREAD_PRIO_NONE, "plain");
    robust_threads(PTHREAD_PRIO_INHERIT, "PI");
    robust_types();
    robust_processes(PTHREAD_PRIO_NONE, "plain");
    robust_processes(PTHREAD_PRIO_INHERIT, "PI");
    pi();
    pshared();
    return 0;
}
