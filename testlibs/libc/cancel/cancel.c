#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static pthread_key_t key;
static int fds[2], sv[2], lfd;
static pid_t child;
static sem_t sem;
static pthread_mutex_t mu;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static volatile unsigned long spins;

/* All output is write(2) (a cancellation point itself), so its order does
   not depend on stdio buffering. */
static void say(const char *s) {
    if (write(1, s, strlen(s)) < 0) exit(3);
}
#define out(...) do { char _b[128]; snprintf(_b, sizeof _b, __VA_ARGS__); say(_b); } while (0)

static void cleanup(void *arg) {
    char buf[96];
    snprintf(buf, sizeof buf, "  cleanup: %s\n", (const char *)arg);
    say(buf);
}

static void dtor(void *v) {
    char buf[96];
    snprintf(buf, sizeof buf, "  tsd destructor: %s\n", (const char *)v);
    say(buf);
}

static void unlock_cleanup(void *arg) {
    (void)arg;
    char buf[96];
    /* Error-checking mutex: EPERM if the cancelled wait did not take it back. */
    snprintf(buf, sizeof buf, "  cleanup: unlock after the cancelled wait = %d\n", pthread_mutex_unlock(&mu));
    say(buf);
}

static void block_all(void) {
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
}

static void *blocker(void *arg) {
    const char *what = arg;
    char c;
    pthread_setspecific(key, (void *)what);
    pthread_cleanup_push(cleanup, (void *)what);
    if (!strcmp(what, "read")) {
        block_all();
        if (read(fds[0], &c, 1) >= 0) say("  read returned\n");
    } else if (!strcmp(what, "write")) {
        static char big[1 << 20];
        for (;;) if (write(fds[1], big, sizeof big) < 0) break;
    } else if (!strcmp(what, "recv")) {
        if (recv(sv[0], &c, 1, 0) >= 0) say("  recv returned\n");
    } else if (!strcmp(what, "accept")) {
        if (accept(lfd, NULL, NULL) >= 0) say("  accept returned\n");
    } else if (!strcmp(what, "poll")) {
        struct pollfd p = {fds[0], POLLIN, 0};
        poll(&p, 1, -1);
    } else if (!strcmp(what, "select")) {
        fd_set r;
        FD_ZERO(&r);
        FD_SET(fds[0], &r);
        select(fds[0] + 1, &r, NULL, NULL, NULL);
    } else if (!strcmp(what, "nanosleep")) {
        struct timespec ts = {100, 0};
        nanosleep(&ts, NULL);
    } else if (!strcmp(what, "sleep")) {
        sleep(100);
    } else if (!strcmp(what, "waitpid")) {
        waitpid(child, NULL, 0);
    } else if (!strcmp(what, "sem_wait")) {
        sem_wait(&sem);
    } else if (!strcmp(what, "pause")) {
        pause();
    } else if (!strcmp(what, "sigwait")) {
        sigset_t s;
        int sig;
        sigemptyset(&s);
        sigaddset(&s, SIGUSR1);
        pthread_sigmask(SIG_BLOCK, &s, NULL);
        sigwait(&s, &sig);
    } else if (!strcmp(what, "cond_wait") || !strcmp(what, "cond_timedwait")) {
        pthread_mutex_lock(&mu);
        pthread_cleanup_push(unlock_cleanup, NULL);
        if (what[4] == 't') {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            ts.tv_sec += 100;
            pthread_cond_timedwait(&cv, &mu, &ts);
        } else {
            pthread_cond_wait(&cv, &mu);
        }
        pthread_cleanup_pop(0);
    } else if (!strcmp(what, "testcancel")) {
        for (;;) pthread_testcancel();
    } else if (!strcmp(what, "async")) {
        pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
        for (;;) spins++;
    }
    pthread_cleanup_pop(0);
    say("  not cancelled!\n");
    return NULL;
}

static void run(const char *what) {
    pthread_t t;
    void *res = NULL;
    char buf[96];
    snprintf(buf, sizeof buf, "%s:\n", what);
    say(buf);
    pthread_create(&t, NULL, blocker, (void *)what);
    usleep(50000);
    /* The busy loop must have started (asynchronous type set) before the request. */
    while (!strcmp(what, "async") && spins == 0) usleep(1000);
    int r = pthread_cancel(t);
    int j = pthread_join(t, &res);
    snprintf(buf, sizeof buf, "  cancel %d join %d canceled %d\n", r, j, res == PTHREAD_CANCELED);
    say(buf);
}

static void *joiner(void *arg) {
    pthread_cleanup_push(cleanup, "joiner");
    pthread_join(*(pthread_t *)arg, NULL);
    pthread_cleanup_pop(0);
    return NULL;
}

static int enable_r = -1, self_r = -1, self_after;

static void *disabled(void *arg) {
    (void)arg;
    int old = -1, r;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
    char buf[96];
    snprintf(buf, sizeof buf, "  old state %d\n", old);
    say(buf);
    pthread_cleanup_push(cleanup, "disabled");
    usleep(100000);                 /* a cancellation point, but disabled */
    say("  still running after the request\n");
    r = pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
    enable_r = r * 10 + old;
    pthread_testcancel();
    pthread_cleanup_pop(0);
    say("  not cancelled!\n");
    return NULL;
}

static void *self_cancel(void *arg) {
    (void)arg;
    pthread_cleanup_push(cleanup, "self");
    self_r = pthread_cancel(pthread_self());
    self_after = 1; /* still running: deferred until a cancellation point */
    close(dup(0));
    pthread_cleanup_pop(0);
    say("  not cancelled!\n");
    return NULL;
}

static void *exiter(void *arg) {
    (void)arg;
    pthread_setspecific(key, "exiter");
    pthread_cleanup_push(cleanup, "outer");
    pthread_cleanup_push(cleanup, "popped with 1");
    pthread_cleanup_push(cleanup, "popped with 0 (must not print)");
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(1);
    pthread_cleanup_push(cleanup, "inner");
    pthread_exit((void *)42);
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return NULL;
}

int main(void) {
    pthread_key_create(&key, dtor);
    if (pipe(fds) || socketpair(AF_UNIX, SOCK_STREAM, 0, sv)) return 2;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    lfd = socket(AF_INET, SOCK_STREAM, 0);
    if (bind(lfd, (struct sockaddr *)&a, sizeof a) || listen(lfd, 1)) return 2;
    sem_init(&sem, 0, 0);
    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&mu, &ma);
    child = fork();
    if (child == 0) { pause(); _exit(0); }

    const char *points[] = {"read", "recv", "accept", "poll", "select", "nanosleep", "sleep", "waitpid",
                            "sem_wait", "pause", "sigwait", "cond_wait", "cond_timedwait", "testcancel", "async",
                            "write"};
    for (size_t i = 0; i < sizeof points / sizeof *points; i++) run(points[i]);
    out("async loop ran: %d\n", spins > 0);

    say("pthread_join:\n");
    pthread_t b, j;
    void *res;
    pthread_create(&b, NULL, blocker, "recv");
    pthread_create(&j, NULL, joiner, &b);
    usleep(50000);
    pthread_cancel(j);
    pthread_join(j, &res);
    out("  joiner canceled %d\n", res == PTHREAD_CANCELED);
    pthread_cancel(b);
    pthread_join(b, &res);
    out("  target canceled %d\n", res == PTHREAD_CANCELED);

    say("disabled:\n");
    pthread_t t;
    pthread_create(&t, NULL, disabled, NULL);
    usleep(20000);
    pthread_cancel(t);
    pthread_join(t, &res);
    out("  canceled %d, enable returned %d\n", res == PTHREAD_CANCELED, enable_r);

    say("self:\n");
    pthread_create(&t, NULL, self_cancel, NULL);
    pthread_join(t, &res);
    out("  canceled %d, cancel(self) %d, ran on after it %d\n", res == PTHREAD_CANCELED, self_r, self_after);

    say("pthread_exit:\n");
    pthread_create(&t, NULL, exiter, NULL);
    pthread_join(t, &res);
    out("  value %ld\n", (long)res);

    out("setcancelstate(7) %d setcanceltype(7) %d\n", pthread_setcancelstate(7, NULL), pthread_setcanceltype(7, NULL));
    int old;
    pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &old);
    out("default type %d\n", old);
    pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
    out("default state %d\n", old);
    /* A finished, unjoined thread: the request is accepted and ignored. */
    pthread_create(&t, NULL, exiter, NULL);
    usleep(50000);
    out("cancel of a finished thread %d\n", pthread_cancel(t));
    pthread_join(t, &res);
    out("  value %ld\n", (long)res);
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return 0;
}
