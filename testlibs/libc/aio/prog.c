/* POSIX AIO (header/aio): read/write/fsync, aio_suspend, aio_error/return,
 * aio_cancel of finished requests, lio_listio, SIGEV_SIGNAL and SIGEV_THREAD
 * notification: same results as glibc. */
#define _GNU_SOURCE
#include <aio.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SHOW(expr) do { errno = 0; long r_ = (long)(expr); printf("%-40s = %ld errno %d\n", #expr, r_, r_ < 0 ? errno : 0); } while (0)

static void wait_one(struct aiocb *cb) {
    const struct aiocb *l[1] = {cb};
    while (aio_error(cb) == EINPROGRESS)
        aio_suspend(l, 1, NULL);
}

static volatile sig_atomic_t got_sig;
static void on_usr2(int s, siginfo_t *si, void *u) { (void)s; (void)u; got_sig = si->si_value.sival_int; }
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int thread_value;
static void on_done(union sigval v) {
    pthread_mutex_lock(&m);
    thread_value = v.sival_int;
    pthread_cond_signal(&c);
    pthread_mutex_unlock(&m);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    char path[] = "/tmp/aio-test-XXXXXX";
    int fd = mkstemp(path);
    unlink(path);

    char wbuf[] = "hello asynchronous world";
    struct aiocb w = {0};
    w.aio_fildes = fd;
    w.aio_buf = wbuf;
    w.aio_nbytes = strlen(wbuf);
    w.aio_offset = 0;
    SHOW(aio_write(&w));
    wait_one(&w);
    SHOW(aio_error(&w));
    SHOW(aio_return(&w));
    SHOW(aio_cancel(fd, &w));
    SHOW(aio_cancel(fd, NULL));

    struct aiocb s = {0};
    s.aio_fildes = fd;
    SHOW(aio_fsync(O_SYNC, &s));
    wait_one(&s);
    SHOW(aio_return(&s));
    SHOW(aio_fsync(12345, &s));

    char rbuf[64] = "";
    struct aiocb r = {0};
    r.aio_fildes = fd;
    r.aio_buf = rbuf;
    r.aio_nbytes = 12;
    r.aio_offset = 6;
    SHOW(aio_read(&r));
    const struct aiocb *list[2] = {NULL, &r};
    SHOW(aio_suspend(list, 2, NULL));
    wait_one(&r);
    SHOW(aio_return(&r));
    printf("read '%s'\n", rbuf);

    struct aiocb bad = {0};
    bad.aio_fildes = -1;
    bad.aio_buf = rbuf;
    bad.aio_nbytes = 1;
    SHOW(aio_read(&bad));
    struct aiocb neg = r;
    neg.aio_offset = -5;
    SHOW(aio_read(&neg));
    if (aio_error(&neg) == EINPROGRESS) wait_one(&neg);

    struct aiocb none = {0};
    none.aio_fildes = fd;
    none.aio_buf = rbuf;
    none.aio_nbytes = 4;
    none.aio_offset = 1000;
    SHOW(aio_read(&none));
    wait_one(&none);
    SHOW(aio_return(&none));

    char b1[8] = "", b2[8] = "";
    struct aiocb l1 = {0}, l2 = {0}, nop = {0};
    l1.aio_fildes = l2.aio_fildes = nop.aio_fildes = fd;
    l1.aio_lio_opcode = LIO_READ;
    l1.aio_buf = b1;
    l1.aio_nbytes = 5;
    l1.aio_offset = 0;
    l2.aio_lio_opcode = LIO_READ;
    l2.aio_buf = b2;
    l2.aio_nbytes = 5;
    l2.aio_offset = 19;
    nop.aio_lio_opcode = LIO_NOP;
    struct aiocb *ll[4] = {&l1, NULL, &nop, &l2};
    SHOW(lio_listio(LIO_WAIT, ll, 4, NULL));
    printf("lio read '%s' '%s' returns %ld %ld\n", b1, b2, (long)aio_return(&l1), (long)aio_return(&l2));
    SHOW(lio_listio(7, ll, 4, NULL));

    struct sigaction sa = {0};
    sa.sa_sigaction = on_usr2;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR2, &sa, NULL);
    struct aiocb sg = r;
    sg.aio_sigevent.sigev_notify = SIGEV_SIGNAL;
    sg.aio_sigevent.sigev_signo = SIGUSR2;
    sg.aio_sigevent.sigev_value.sival_int = 42;
    SHOW(aio_read(&sg));
    while (!got_sig)
        usleep(1000);
    printf("signal value %d\n", (int)got_sig);
    wait_one(&sg);

    struct aiocb th = r;
    th.aio_sigevent.sigev_notify = SIGEV_THREAD;
    th.aio_sigevent.sigev_notify_function = on_done;
    th.aio_sigevent.sigev_value.sival_int = 7;
    SHOW(aio_read(&th));
    pthread_mutex_lock(&m);
    while (!thread_value)
        pthread_cond_wait(&c, &m);
    pthread_mutex_unlock(&m);
    printf("thread value %d\n", thread_value);
    wait_one(&th);

    struct timespec zero = {0, 0};
    const struct aiocb *empty[1] = {NULL};
    SHOW(aio_suspend(empty, 1, &zero));
    SHOW(aio_cancel(-1, NULL));
    return 0;
}
