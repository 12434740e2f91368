/* POSIX message queues and per-process timers (header/mqueue, header/timer):
 * same results as glibc. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SHOW(expr) do { errno = 0; long r_ = (long)(expr); printf("%-52s = %ld errno %d\n", #expr, r_, r_ < 0 ? errno : 0); } while (0)

static volatile sig_atomic_t fired;
static void on_usr1(int s) { (void)s; fired++; }

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    char name[64];
    snprintf(name, sizeof name, "/vibix-mq-test-%d", (int)getpid());
    struct mq_attr a = {0}, got;
    a.mq_maxmsg = 4;
    a.mq_msgsize = 32;
    mqd_t q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &a);
    printf("mq_open ok %d\n", q >= 0);
    SHOW(mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &a));
    SHOW(mq_open("no-slash", O_RDWR));
    SHOW(mq_getattr(q, &got));
    printf("attr flags %ld maxmsg %ld msgsize %ld curmsgs %ld\n", got.mq_flags, got.mq_maxmsg, got.mq_msgsize, got.mq_curmsgs);
    SHOW(mq_send(q, "low", 3, 1));
    SHOW(mq_send(q, "high", 4, 9));
    SHOW(mq_send(q, "mid", 3, 5));
    SHOW(mq_send(q, "toolong-toolong-toolong-toolong-toolong", 39, 1));
    char buf[64];
    unsigned prio;
    for (int i = 0; i < 3; i++) {
        memset(buf, 0, sizeof buf);
        long n = mq_receive(q, buf, sizeof buf, &prio);
        printf("received %ld '%s' prio %u\n", n, buf, prio);
    }
    SHOW(mq_receive(q, buf, 8, &prio));
    struct mq_attr nb = {0}, old;
    nb.mq_flags = O_NONBLOCK;
    SHOW(mq_setattr(q, &nb, &old));
    printf("old flags %ld\n", old.mq_flags);
    SHOW(mq_receive(q, buf, sizeof buf, &prio));
    mq_getattr(q, &got);
    printf("nonblocking now %d\n", (got.mq_flags & O_NONBLOCK) != 0);
    nb.mq_flags = 0;
    mq_setattr(q, &nb, NULL);
    struct timespec past = {1, 0};
    SHOW(mq_timedreceive(q, buf, sizeof buf, &prio, &past));
    SHOW(mq_timedsend(q, "t", 1, 0, &past));
    struct sigevent none = {0};
    none.sigev_notify = SIGEV_NONE;
    SHOW(mq_notify(q, &none));
    SHOW(mq_notify(q, NULL));
    SHOW(mq_close(q));
    SHOW(mq_close(q));
    SHOW(mq_unlink(name));
    SHOW(mq_unlink(name));
    SHOW(mq_unlink("no-slash"));

    struct sigaction sa = {0};
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    struct sigevent ev = {0};
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR1;
    timer_t t;
    SHOW(timer_create(CLOCK_MONOTONIC, &ev, &t));
    struct itimerspec its = {{0, 0}, {0, 20 * 1000 * 1000}}, cur;
    SHOW(timer_settime(t, 0, &its, NULL));
    SHOW(timer_gettime(t, &cur));
    printf("armed %d\n", cur.it_value.tv_sec > 0 || cur.it_value.tv_nsec > 0);
    while (!fired)
        pause();
    printf("fired %d\n", (int)fired);
    SHOW(timer_gettime(t, &cur));
    printf("disarmed %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0);
    SHOW(timer_getoverrun(t));
    struct itimerspec bad = {{0, 0}, {0, 2000000000}};
    SHOW(timer_settime(t, 0, &bad, NULL));
    SHOW(timer_delete(t));
    SHOW(timer_create(12345, &ev, &t));
    timer_t t2;
    SHOW(timer_create(CLOCK_REALTIME, NULL, &t2));
    SHOW(timer_delete(t2));
    return 0;
}
