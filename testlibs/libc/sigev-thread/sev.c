/* SIGEV_THREAD notification: timer_create runs the function in another thread
   once per expiry with sigev_value (overruns reported by timer_getoverrun),
   timer_delete stops it; mq_notify runs it once when a message arrives on an
   empty queue, with the caller's attributes (a detached thread with a given
   stack size), and a removed registration never calls it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static pthread_t main_thread;
static volatile int ticks, other_thread, value_ok;
static sem_t tick_sem, mq_sem;

static void on_tick(union sigval v) {
    if (!pthread_equal(pthread_self(), main_thread)) other_thread = 1;
    if (v.sival_int == 4242) value_ok = 1;
    ticks++;
    sem_post(&tick_sem);
}

static mqd_t q;
static char got[64];
static volatile int mq_calls, mq_detached;
static void on_message(union sigval v) {
    unsigned prio;
    ssize_t n = mq_receive(q, got, sizeof got, &prio);
    if (n >= 0) got[n] = 0;
    pthread_attr_t a;
    int ds = -1;
    if (pthread_getattr_np(pthread_self(), &a) == 0) {
        pthread_attr_getdetachstate(&a, &ds);
        pthread_attr_destroy(&a);
    }
    mq_detached = ds == PTHREAD_CREATE_DETACHED;
    mq_calls += v.sival_int;
    sem_post(&mq_sem);
}

static void *blocked_mask_probe(void *arg) { (void)arg; return NULL; }

int main(void) {
    main_thread = pthread_self();
    sem_init(&tick_sem, 0, 0);
    sem_init(&mq_sem, 0, 0);

    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_THREAD;
    ev.sigev_notify_function = on_tick;
    ev.sigev_value.sival_int = 4242;
    timer_t t;
    if (timer_create(CLOCK_MONOTONIC, &ev, &t) != 0) { printf("timer_create: %s\n", strerror(errno)); return 1; }
    struct itimerspec its = {{0, 20000000}, {0, 20000000}};
    timer_settime(t, 0, &its, NULL);
    for (int i = 0; i < 3; i++) sem_wait(&tick_sem);
    struct itimerspec cur;
    timer_gettime(t, &cur);
    printf("timer: >= 3 calls %d, in another thread %d, value %d, interval %ld ns, overrun >= 0 %d\n", ticks >= 3,
           other_thread, value_ok, cur.it_interval.tv_nsec, timer_getoverrun(t) >= 0);
    printf("timer_delete %d\n", timer_delete(t));
    usleep(30000);
    int after = ticks;
    usleep(100000);
    printf("no calls after delete %d\n", ticks == after);

    /* a one-shot timer */
    ev.sigev_value.sival_int = 4242;
    ticks = 0;
    timer_create(CLOCK_REALTIME, &ev, &t);
    struct itimerspec once = {{0, 0}, {0, 10000000}};
    timer_settime(t, 0, &once, NULL);
    sem_wait(&tick_sem);
    usleep(50000);
    printf("one-shot: calls %d\n", ticks);
    timer_delete(t);

    /* several timers at once */
    timer_t ts[4];
    ticks = 0;
    for (int i = 0; i < 4; i++) {
        timer_create(CLOCK_MONOTONIC, &ev, &ts[i]);
        timer_settime(ts[i], 0, &once, NULL);
    }
    for (int i = 0; i < 4; i++) sem_wait(&tick_sem);
    printf("four timers: calls %d\n", ticks);
    for (int i = 0; i < 4; i++) timer_delete(ts[i]);

    /* mq_notify */
    char name[64];
    snprintf(name, sizeof name, "/vibix-sev-%d", (int)getpid());
    struct mq_attr qa = {0, 4, 32, 0, {0}};
    q = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &qa);
    if (q == (mqd_t)-1) { printf("mq_open: %s\n", strerror(errno)); return 1; }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    struct sigevent mev;
    memset(&mev, 0, sizeof mev);
    mev.sigev_notify = SIGEV_THREAD;
    mev.sigev_notify_function = on_message;
    mev.sigev_notify_attributes = &attr;
    mev.sigev_value.sival_int = 1;
    printf("mq_notify %d\n", mq_notify(q, &mev));
    errno = 0;
    printf("second registration fails %d EBUSY %d\n", mq_notify(q, &mev), errno == EBUSY);
    mq_send(q, "hello", 5, 1);
    sem_wait(&mq_sem);
    printf("notified: calls %d, message %s, detached %d\n", mq_calls, got, mq_detached);
    /* one-shot: a second message does not notify */
    mq_send(q, "again", 5, 1);
    usleep(50000);
    printf("no second notification %d\n", mq_calls == 1);
    char buf[64];
    mq_receive(q, buf, sizeof buf, NULL);
    /* a removed registration never runs the function */
    mev.sigev_value.sival_int = 100;
    mq_notify(q, &mev);
    printf("unregister %d\n", mq_notify(q, NULL));
    mq_send(q, "late", 4, 1);
    usleep(50000);
    printf("after unregister calls %d\n", mq_calls);
    mq_close(q);
    mq_unlink(name);
    pthread_attr_destroy(&attr);
    (void)blocked_mask_probe;
    return 0;
}
