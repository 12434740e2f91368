/* Thread scheduling attributes and calls, default attributes, timed/try joins,
   timed rwlocks, the pshared/clock attribute getters, sockatmark and
   posix_spawn's scheduling attributes. Prints only what glibc and vibix_libc
   must agree on. */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "../_pthread_test.h"

extern char **environ;

/* Threads' reports, printed by main after the join (output order). */
static char report[128];

static void *report_sched(void *arg) {
    int policy = -1;
    struct sched_param p = {-1};
    int r = pthread_getschedparam(pthread_self(), &policy, &p);
    snprintf(report, sizeof report, "  %s: getschedparam %s policy %d prio %d\n", (const char *)arg, err(r), policy,
             p.sched_priority);
    return NULL;
}

static void join_and_report(pthread_t t) {
    pthread_join(t, NULL);
    fputs(report, stdout);
    report[0] = 0;
}

static void attrs(void) {
    pthread_attr_t a;
    int v;
    struct sched_param p;
    pthread_attr_init(&a);
    pthread_attr_getinheritsched(&a, &v);
    printf("default inheritsched %d", v);
    pthread_attr_getschedpolicy(&a, &v);
    printf(" policy %d", v);
    pthread_attr_getschedparam(&a, &p);
    printf(" prio %d", p.sched_priority);
    pthread_attr_getscope(&a, &v);
    printf(" scope %d\n", v);
    printf("setscope PROCESS %s, SYSTEM %s, 7 %s\n", err(pthread_attr_setscope(&a, PTHREAD_SCOPE_PROCESS)),
           err(pthread_attr_setscope(&a, PTHREAD_SCOPE_SYSTEM)), err(pthread_attr_setscope(&a, 7)));
    printf("setinheritsched 5 %s, EXPLICIT %s\n", err(pthread_attr_setinheritsched(&a, 5)),
           err(pthread_attr_setinheritsched(&a, PTHREAD_EXPLICIT_SCHED)));
    pthread_attr_getinheritsched(&a, &v);
    printf("inheritsched now %d\n", v);
    printf("setschedpolicy 99 %s, FIFO %s\n", err(pthread_attr_setschedpolicy(&a, 99)),
           err(pthread_attr_setschedpolicy(&a, SCHED_FIFO)));
    p.sched_priority = 0;
    printf("FIFO prio 0 %s", err(pthread_attr_setschedparam(&a, &p)));
    p.sched_priority = 10;
    printf(", prio 10 %s", err(pthread_attr_setschedparam(&a, &p)));
    p.sched_priority = -1;
    pthread_attr_getschedparam(&a, &p);
    printf(", read back %d\n", p.sched_priority);

    /* Explicit FIFO 10: allowed for privileged users only; same verdict for both. */
    pthread_t t;
    int r = pthread_create(&t, &a, report_sched, "explicit FIFO 10");
    printf("create explicit FIFO 10: %s\n", err(r));
    if (r == 0)
        join_and_report(t);
    /* An impossible explicit policy: the error comes from pthread_create. */
    pthread_attr_setschedpolicy(&a, SCHED_OTHER);
    p.sched_priority = 0;
    pthread_attr_setschedparam(&a, &p);
    r = pthread_create(&t, &a, report_sched, "explicit OTHER 0");
    printf("create explicit OTHER 0: %s\n", err(r));
    if (r == 0)
        join_and_report(t);
    /* Unprivileged (a child that dropped root, no RLIMIT_RTPRIO): the kernel
       refuses RR 1, and pthread_create returns its error; no thread runs. */
    pthread_attr_setschedpolicy(&a, SCHED_RR);
    p.sched_priority = 1;
    pthread_attr_setschedparam(&a, &p);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        struct rlimit rl = {0, 0};
        setrlimit(RLIMIT_RTPRIO, &rl);
        if (getuid() == 0 && setuid(65534) != 0)
            _exit(3);
        r = pthread_create(&t, &a, report_sched, "unprivileged RR 1");
        printf("unprivileged create explicit RR 1: %s\n", err(r));
        if (r == 0)
            join_and_report(t);
        fflush(stdout);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("child status %d\n", st);
    pthread_attr_destroy(&a);
    pthread_create(&t, NULL, report_sched, "inherited");
    join_and_report(t);
}

static void sched_calls(void) {
    int policy;
    struct sched_param p;
    int r = pthread_getschedparam(pthread_self(), &policy, &p);
    printf("main: getschedparam %s policy %d prio %d\n", err(r), policy, p.sched_priority);
    p.sched_priority = 5;
    printf("setschedparam OTHER 5 %s\n", err(pthread_setschedparam(pthread_self(), SCHED_OTHER, &p)));
    p.sched_priority = 0;
    printf("setschedparam BATCH 0 %s\n", err(pthread_setschedparam(pthread_self(), SCHED_BATCH, &p)));
    pthread_getschedparam(pthread_self(), &policy, &p);
    printf("policy now %s\n", policy == SCHED_BATCH ? "BATCH" : "other");
    printf("setschedprio 3 %s, 0 %s\n", err(pthread_setschedprio(pthread_self(), 3)), err(pthread_setschedprio(pthread_self(), 0)));
    p.sched_priority = 0;
    pthread_setschedparam(pthread_self(), SCHED_OTHER, &p);
    pthread_getschedparam(pthread_self(), &policy, &p);
    printf("policy back %d\n", policy);
    pthread_attr_t a;
    pthread_getattr_np(pthread_self(), &a);
    pthread_attr_getschedpolicy(&a, &policy);
    pthread_attr_getschedparam(&a, &p);
    printf("getattr_np policy %d prio %d\n", policy, p.sched_priority);
    pthread_attr_destroy(&a);
}

struct pin {
    int cpu;
    int on;
};

static void *pinned(void *arg) {
    struct pin *pn = arg;
    cpu_set_t s;
    CPU_ZERO(&s);
    CPU_SET(pn->cpu, &s);
    int r = pthread_setaffinity_np(pthread_self(), sizeof s, &s);
    pn->on = r == 0 ? sched_getcpu() : -r;
    return NULL;
}

static void affinity(void) {
    cpu_set_t mine, proc;
    int r = pthread_getaffinity_np(pthread_self(), sizeof mine, &mine);
    sched_getaffinity(0, sizeof proc, &proc);
    printf("getaffinity %s, same as sched_getaffinity %d, at least one CPU %d\n", err(r), CPU_EQUAL(&mine, &proc),
           CPU_COUNT(&mine) >= 1);
    int first = 0;
    while (!CPU_ISSET(first, &mine))
        first++;
    struct pin pn = {first, -1};
    pthread_t t;
    pthread_create(&t, NULL, pinned, &pn);
    pthread_join(t, NULL);
    printf("thread pinned to its CPU runs there: %d\n", pn.on == first);
    /* Set for the main thread, read back, restore. */
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(first, &one);
    r = pthread_setaffinity_np(pthread_self(), sizeof one, &one);
    cpu_set_t back;
    pthread_getaffinity_np(pthread_self(), sizeof back, &back);
    printf("setaffinity %s, count now %d\n", err(r), CPU_COUNT(&back));
    pthread_setaffinity_np(pthread_self(), sizeof mine, &mine);
    cpu_set_t none;
    CPU_ZERO(&none);
    printf("setaffinity to no CPU: %s\n", err(pthread_setaffinity_np(pthread_self(), sizeof none, &none)));
}

static volatile int spin_stop;
static void *spinner(void *arg) {
    (void)arg;
    while (!spin_stop)
        ;
    return NULL;
}

static void cpuclock(void) {
    clockid_t c;
    int r = pthread_getcpuclockid(pthread_self(), &c);
    pid_t tid = syscall(SYS_gettid);
    printf("getcpuclockid %s, is the tid's thread clock %d\n", err(r), c == (((clockid_t)~tid) << 3 | 6));
    pthread_t t;
    pthread_create(&t, NULL, spinner, NULL);
    clockid_t tc;
    pthread_getcpuclockid(t, &tc);
    struct timespec a, b;
    clock_gettime(tc, &a);
    struct timespec d = {0, 100 * 1000000};
    nanosleep(&d, NULL);
    clock_gettime(tc, &b);
    spin_stop = 1;
    pthread_join(t, NULL);
    long used = (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
    printf("spinning thread's CPU clock advances: %d\n", used > 0);
}

static void concurrency(void) {
    printf("getconcurrency %d", pthread_getconcurrency());
    printf(", set -1 %s", err(pthread_setconcurrency(-1)));
    printf(", set 4 %s", err(pthread_setconcurrency(4)));
    printf(", now %d\n", pthread_getconcurrency());
    pthread_setconcurrency(0);
}

static void *report_stack(void *arg) {
    (void)arg;
    pthread_attr_t a;
    size_t s, g;
    pthread_getattr_np(pthread_self(), &a);
    pthread_attr_getstacksize(&a, &s);
    pthread_attr_getguardsize(&a, &g);
    snprintf(report, sizeof report, "  NULL-attr thread: stack 1-2 MiB %d, guard %zu\n", s >= (1 << 20) && s < (2 << 20), g);
    pthread_attr_destroy(&a);
    return NULL;
}

static void defaults(void) {
    pthread_attr_t d, a;
    pthread_getattr_default_np(&d);
    pthread_attr_setstacksize(&d, 1 << 20);
    pthread_attr_setguardsize(&d, 8192);
    printf("setattr_default_np 1 MiB/8 KiB: %s\n", err(pthread_setattr_default_np(&d)));
    pthread_attr_destroy(&d);
    pthread_getattr_default_np(&d);
    size_t s, g;
    pthread_attr_getstacksize(&d, &s);
    pthread_attr_getguardsize(&d, &g);
    printf("default now %zu/%zu\n", s, g);
    pthread_attr_init(&a);
    pthread_attr_getstacksize(&a, &s);
    printf("fresh attr stack %zu\n", s);
    pthread_t t;
    pthread_create(&t, NULL, report_stack, NULL);
    join_and_report(t);
    static char stack[65536];
    pthread_attr_setstack(&a, stack, sizeof stack);
    printf("setattr_default_np with a stack address: %s\n", err(pthread_setattr_default_np(&a)));
    pthread_attr_destroy(&a);
}

static int gate[2];
static void *blocked(void *arg) {
    char c;
    (void)arg;
    if (read(gate[0], &c, 1) != 1)
        return NULL;
    return (void *)42;
}

static void joins(void) {
    pthread_t t;
    void *ret = NULL;
    if (pipe(gate))
        abort();
    pthread_create(&t, NULL, blocked, NULL);
    printf("tryjoin running: %s\n", err(pthread_tryjoin_np(t, &ret)));
    struct timespec soon = in_ms(50);
    printf("timedjoin 50 ms: %s\n", err(pthread_timedjoin_np(t, &ret, &soon)));
    if (write(gate[1], "x", 1) != 1)
        abort();
    struct timespec later = in_ms(10000);
    int r = pthread_timedjoin_np(t, &ret, &later);
    printf("timedjoin after release: %s ret %ld\n", err(r), (long)ret);
    pthread_create(&t, NULL, blocked, NULL);
    if (write(gate[1], "x", 1) != 1)
        abort();
    do {
        r = pthread_tryjoin_np(t, &ret);
        if (r == EBUSY)
            sched_yield();
    } while (r == EBUSY);
    printf("tryjoin once ended: %s ret %ld\n", err(r), (long)ret);
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static void *rw_try(void *arg) {
    (void)arg;
    struct timespec t = in_ms(50);
    int rd = pthread_rwlock_timedrdlock(&rw, &t);
    if (rd == 0)
        pthread_rwlock_unlock(&rw);
    t = in_ms(50);
    int wr = pthread_rwlock_timedwrlock(&rw, &t);
    if (wr == 0)
        pthread_rwlock_unlock(&rw);
    snprintf(report, sizeof report, "  other thread: timedrdlock %s, timedwrlock %s\n", err(rd), err(wr));
    return NULL;
}

static void rwlocks(void) {
    pthread_t t;
    printf("main holds write lock:\n");
    pthread_rwlock_wrlock(&rw);
    pthread_create(&t, NULL, rw_try, NULL);
    join_and_report(t);
    pthread_rwlock_unlock(&rw);
    printf("main holds read lock:\n");
    pthread_rwlock_rdlock(&rw);
    pthread_create(&t, NULL, rw_try, NULL);
    join_and_report(t);
    pthread_rwlock_unlock(&rw);
    printf("free:\n");
    pthread_create(&t, NULL, rw_try, NULL);
    join_and_report(t);
    struct timespec past = {1, 0};
    printf("free lock, deadline in the past: %s\n", err(pthread_rwlock_timedwrlock(&rw, &past)));
    pthread_rwlock_unlock(&rw);
}

static void attr_getters(void) {
    pthread_mutexattr_t ma;
    pthread_condattr_t ca;
    pthread_rwlockattr_t ra;
    pthread_barrierattr_t ba;
    int v;
    clockid_t c;
    pthread_mutexattr_init(&ma);
    pthread_condattr_init(&ca);
    pthread_rwlockattr_init(&ra);
    pthread_barrierattr_init(&ba);
#define PSHARED(kind, a)                                                                                  \
    do {                                                                                                  \
        pthread_##kind##_getpshared(&a, &v);                                                              \
        printf(#kind " pshared %d", v);                                                                   \
        printf(", set 5 %s", err(pthread_##kind##_setpshared(&a, 5)));                                    \
        printf(", set SHARED %s", err(pthread_##kind##_setpshared(&a, PTHREAD_PROCESS_SHARED)));          \
        pthread_##kind##_getpshared(&a, &v);                                                              \
        printf(", now %d\n", v);                                                                          \
    } while (0)
    PSHARED(mutexattr, ma);
    PSHARED(condattr, ca);
    PSHARED(rwlockattr, ra);
    PSHARED(barrierattr, ba);
    pthread_condattr_getclock(&ca, &c);
    printf("condattr clock %d", (int)c);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_condattr_getclock(&ca, &c);
    printf(", MONOTONIC %d", (int)c);
    pthread_condattr_getpshared(&ca, &v);
    printf(", pshared kept %d\n", v);
    pthread_mutexattr_getrobust(&ma, &v);
    printf("mutexattr robust %d", v);
    printf(", set 3 %s", err(pthread_mutexattr_setrobust(&ma, 3)));
    printf(", set ROBUST %s", err(pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST)));
    pthread_mutexattr_getrobust(&ma, &v);
    printf(", now %d\n", v);
    pthread_mutexattr_getprotocol(&ma, &v);
    printf("mutexattr protocol %d", v);
    printf(", set 9 %s", err(pthread_mutexattr_setprotocol(&ma, 9)));
    printf(", set INHERIT %s", err(pthread_mutexattr_setprotocol(&ma, PTHREAD_PRIO_INHERIT)));
    pthread_mutexattr_getprotocol(&ma, &v);
    printf(", now %d\n", v);
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutexattr_gettype(&ma, &v);
    int r, p, s;
    pthread_mutexattr_getrobust(&ma, &r);
    pthread_mutexattr_getprotocol(&ma, &p);
    pthread_mutexattr_getpshared(&ma, &s);
    printf("after settype RECURSIVE: type %d robust %d protocol %d pshared %d\n", v, r, p, s);
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    int ceil = -1, old = -1;
    printf("prioceiling of a plain mutex: get %s, set %s\n", err(pthread_mutex_getprioceiling(&m, &ceil)),
           err(pthread_mutex_setprioceiling(&m, 5, &old)));
    printf("consistent on a plain mutex: %s\n", err(pthread_mutex_consistent(&m)));
}

static void oob(void) {
    int l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof sa;
    if (bind(l, (struct sockaddr *)&sa, sizeof sa) || listen(l, 1) || getsockname(l, (struct sockaddr *)&sa, &len))
        abort();
    int c = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(c, (struct sockaddr *)&sa, sizeof sa))
        abort();
    int s = accept(l, NULL, NULL);
    printf("sockatmark, nothing sent: %d\n", sockatmark(s));
    if (send(c, "ab", 2, 0) != 2 || send(c, "X", 1, MSG_OOB) != 1)
        abort();
    struct timespec d = {0, 100 * 1000000};
    nanosleep(&d, NULL);
    char buf[4];
    printf("before reading: %d\n", sockatmark(s));
    if (recv(s, buf, 2, 0) != 2)
        abort();
    printf("after the 2 bytes before the mark: %d\n", sockatmark(s));
    printf("sockatmark on a pipe: %d", sockatmark(gate[0]));
    printf(" (%s)\n", errno == ENOTTY ? "ENOTTY" : "other");
    close(s);
    close(c);
    close(l);
}

static void spawn_sched(const char *self) {
    posix_spawnattr_t a;
    struct sched_param p;
    int v;
    posix_spawnattr_init(&a);
    posix_spawnattr_getschedpolicy(&a, &v);
    posix_spawnattr_getschedparam(&a, &p);
    printf("spawnattr default policy %d prio %d\n", v, p.sched_priority);
    printf("spawnattr setschedpolicy 77 %s\n", err(posix_spawnattr_setschedpolicy(&a, 77)));
    char *argv[] = {(char *)self, "child", NULL};
    struct {
        const char *what;
        short flags;
        int policy, prio;
    } cases[] = {
        {"SETSCHEDULER FIFO 7", POSIX_SPAWN_SETSCHEDULER, SCHED_FIFO, 7},
        {"SETSCHEDULER RR 3", POSIX_SPAWN_SETSCHEDULER, SCHED_RR, 3},
        {"SETSCHEDULER OTHER 5", POSIX_SPAWN_SETSCHEDULER, SCHED_OTHER, 5},
        {"SETSCHEDPARAM 0", POSIX_SPAWN_SETSCHEDPARAM, SCHED_FIFO, 0},
        {"SETSCHEDPARAM 4", POSIX_SPAWN_SETSCHEDPARAM, SCHED_OTHER, 4},
        {"no flag, FIFO 9", 0, SCHED_FIFO, 9},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        posix_spawnattr_setflags(&a, cases[i].flags);
        posix_spawnattr_setschedpolicy(&a, cases[i].policy);
        p.sched_priority = cases[i].prio;
        posix_spawnattr_setschedparam(&a, &p);
        p.sched_priority = -1;
        posix_spawnattr_getschedparam(&a, &p);
        printf("%s (prio read back %d): ", cases[i].what, p.sched_priority);
        fflush(stdout);
        pid_t pid;
        int r = posix_spawn(&pid, self, NULL, &a, argv, environ);
        if (r != 0) {
            printf("posix_spawn %s\n", err(r));
            continue;
        }
        int st;
        waitpid(pid, &st, 0);
    }
    posix_spawnattr_destroy(&a);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "child") == 0) {
        struct sched_param p;
        sched_getparam(0, &p);
        printf("child policy %d prio %d\n", sched_getscheduler(0), p.sched_priority);
        return 0;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    attrs();
    sched_calls();
    affinity();
    cpuclock();
    concurrency();
    defaults();
    joins();
    rwlocks();
    attr_getters();
    oob();
    spawn_sched(argv[0]);
    return 0;
}
