/* Pipes, dup and fcntl against glibc on Linux (and again inside vibix). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Evaluate first, then print (printf's argument order is unspecified). */
#define SHOW(label, expr) do { errno = 0; long r_ = (long)(expr); int e_ = errno; printf("%s %ld errno %d\n", label, r_, e_); } while (0)

static volatile sig_atomic_t pipe_signals;
static void on_pipe(int s) { (void)s; pipe_signals++; }

static int rfd, wfd;
static char big[200000];

static void *slow_writer(void *arg) {
    (void)arg;
    usleep(50000);
    write(wfd, "late", 4);
    return NULL;
}

static void *big_writer(void *arg) {
    (void)arg;
    ssize_t n = write(wfd, big, sizeof big);
    return (void *)n;
}

static void *slow_closer(void *arg) {
    (void)arg;
    usleep(50000);
    close(wfd);
    return NULL;
}

static void basics(void) {
    int p[2];
    printf("pipe %d\n", pipe(p));
    struct stat st;
    fstat(p[0], &st);
    printf("fifo %d\n", S_ISFIFO(st.st_mode));
    printf("flags r %o w %o\n", fcntl(p[0], F_GETFL) & O_ACCMODE, fcntl(p[1], F_GETFL) & O_ACCMODE);
    printf("write %zd\n", write(p[1], "hello", 5));
    int avail = -1;
    ioctl(p[0], FIONREAD, &avail);
    printf("fionread %d\n", avail);
    char buf[16] = {0};
    printf("read %zd %s\n", read(p[0], buf, sizeof buf), buf);
    SHOW("read write end", read(p[1], buf, 1));
    SHOW("write read end", write(p[0], "x", 1));
    SHOW("lseek", lseek(p[0], 0, SEEK_SET));
    close(p[1]);
    printf("eof %zd\n", read(p[0], buf, sizeof buf));
    close(p[0]);
}

static void nonblocking(void) {
    int p[2];
    printf("pipe2 %d\n", pipe2(p, O_NONBLOCK | O_CLOEXEC));
    printf("cloexec %d nonblock %d\n", fcntl(p[0], F_GETFD), (fcntl(p[1], F_GETFL) & O_NONBLOCK) != 0);
    char buf[8];
    SHOW("empty read", read(p[0], buf, 8));
    printf("pipe size %d\n", fcntl(p[0], F_GETPIPE_SZ));
    long total = 0;
    ssize_t n;
    while ((n = write(p[1], big, 4096)) > 0)
        total += n;
    printf("filled %ld eagain %d\n", total, errno == EAGAIN);
    struct pollfd pf = {p[1], POLLOUT, 0};
    SHOW("full poll", poll(&pf, 1, 0));
    /* A big write on a full non-blocking pipe: nothing fits. */
    SHOW("big write", write(p[1], big, 10000));
    long got = 0;
    while ((n = read(p[0], big, sizeof big)) > 0)
        got += n;
    printf("drained %ld\n", got);
    /* F_SETFL turns O_NONBLOCK off and on. */
    fcntl(p[0], F_SETFL, 0);
    printf("nonblock after setfl %d\n", (fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    SHOW("read again", read(p[0], buf, 8));
    close(p[0]);
    close(p[1]);
}

static void broken(void) {
    int p[2];
    pipe(p);
    close(p[0]);
    signal(SIGPIPE, SIG_IGN);
    SHOW("ignored: write", write(p[1], "x", 1));
    signal(SIGPIPE, on_pipe);
    SHOW("handled: write", write(p[1], "x", 1));
    printf("signals %d\n", (int)pipe_signals);
    struct pollfd pf = {p[1], POLLOUT, 0};
    SHOW("poll", poll(&pf, 1, 0));
    printf("revents %x\n", pf.revents);
    close(p[1]);
    /* Killed by SIGPIPE with the default action. */
    pipe(p);
    close(p[0]);
    pid_t c = fork();
    if (c == 0) {
        signal(SIGPIPE, SIG_DFL);
        write(p[1], "x", 1);
        _exit(0);
    }
    close(p[1]);
    int status;
    waitpid(c, &status, 0);
    printf("child killed by %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : -1);
}

static void readiness(void) {
    int p[2];
    pipe(p);
    struct pollfd pf[2] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}};
    SHOW("poll empty", poll(pf, 2, 0));
    printf("r %x w %x\n", pf[0].revents, pf[1].revents);
    write(p[1], "a", 1);
    SHOW("poll data", poll(pf, 1, 0));
    printf("r %x\n", pf[0].revents);
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = 7}, out[2];
    epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
    int n = epoll_wait(ep, out, 2, 0);
    printf("epoll %d events %x data %u\n", n, out[0].events, out[0].data.u32);
    char c;
    read(p[0], &c, 1);
    SHOW("epoll drained", epoll_wait(ep, out, 2, 0));
    /* A thread writes later: poll and epoll wake up. */
    rfd = p[0];
    wfd = p[1];
    pthread_t t;
    pthread_create(&t, NULL, slow_writer, NULL);
    n = epoll_wait(ep, out, 2, 5000);
    printf("epoll woke %d events %x\n", n, out[0].events);
    pthread_join(t, NULL);
    char buf[8] = {0};
    read(p[0], buf, sizeof buf);
    printf("late data %s\n", buf);
    pthread_create(&t, NULL, slow_closer, NULL);
    pf[0].revents = 0;
    n = poll(pf, 1, 5000);
    printf("poll hup %d revents %x\n", n, pf[0].revents);
    pthread_join(t, NULL);
    close(ep);
    close(p[0]);
}

static void blocking(void) {
    int p[2];
    pipe(p);
    rfd = p[0];
    wfd = p[1];
    /* A blocking read waits for a writer. */
    pthread_t t;
    pthread_create(&t, NULL, slow_writer, NULL);
    char buf[8] = {0};
    printf("blocking read %zd %s\n", read(p[0], buf, sizeof buf), buf);
    pthread_join(t, NULL);
    /* A blocking write bigger than the pipe waits for the reader. */
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (char)(i * 7);
    pthread_create(&t, NULL, big_writer, NULL);
    static char in[sizeof big];
    size_t got = 0;
    ssize_t n;
    while (got < sizeof in && (n = read(p[0], in + got, sizeof in - got)) > 0)
        got += n;
    void *wrote;
    pthread_join(t, &wrote);
    printf("big transfer wrote %ld read %zu same %d\n", (long)wrote, got, memcmp(in, big, sizeof big) == 0);
    /* A blocking read waits, then sees EOF when the writer closes. */
    pthread_create(&t, NULL, slow_closer, NULL);
    printf("read until close %zd\n", read(p[0], buf, sizeof buf));
    pthread_join(t, NULL);
    close(p[0]);
}

static void with_child(void) {
    int p[2], q[2];
    pipe(p);
    pipe(q);
    pid_t c = fork();
    if (c == 0) {
        close(p[1]);
        close(q[0]);
        char buf[64];
        ssize_t n;
        while ((n = read(p[0], buf, sizeof buf)) > 0) {
            for (ssize_t i = 0; i < n; i++)
                if (buf[i] >= 'a' && buf[i] <= 'z')
                    buf[i] -= 32;
            write(q[1], buf, n);
        }
        _exit(n == 0 ? 3 : 4);
    }
    close(p[0]);
    close(q[1]);
    write(p[1], "shout this", 10);
    close(p[1]);
    char buf[64] = {0};
    size_t got = 0;
    ssize_t n;
    while ((n = read(q[0], buf + got, sizeof buf - 1 - got)) > 0)
        got += n;
    int status;
    waitpid(c, &status, 0);
    printf("child said %s, exit %d\n", buf, WEXITSTATUS(status));
    close(q[0]);
}

static void dups(const char *self) {
    int p[2];
    pipe(p);
    int d = dup(p[1]);
    printf("dup > %d\n", d > p[1]);
    write(d, "via dup", 7);
    close(p[1]);
    char buf[16] = {0};
    read(p[0], buf, sizeof buf);
    printf("read %s\n", buf);
    SHOW("dup2 bad", dup2(p[0], -1));
    SHOW("dup2 from closed", dup2(p[1], 50));
    printf("dup2 same %d\n", dup2(p[0], p[0]) == p[0]);
    SHOW("dup3 same", dup3(p[0], p[0], 0));
    SHOW("dup3 bad flags", dup3(p[0], 60, 12345));
    SHOW("dup3", dup3(p[0], 60, O_CLOEXEC));
    SHOW("cloexec", fcntl(60, F_GETFD));
    SHOW("dup2 over", dup2(d, 60));
    SHOW("cloexec", fcntl(60, F_GETFD));
    SHOW("F_DUPFD", fcntl(p[0], F_DUPFD, 100));
    SHOW("F_DUPFD again", fcntl(p[0], F_DUPFD, 100));
    int e = fcntl(p[0], F_DUPFD_CLOEXEC, 70);
    printf("F_DUPFD_CLOEXEC %d cloexec %d\n", e, fcntl(e, F_GETFD));
    fcntl(e, F_SETFD, 0);
    printf("after F_SETFD %d\n", fcntl(e, F_GETFD));
    SHOW("F_DUPFD limit", fcntl(p[0], F_DUPFD, 1 << 20));
    /* The writer is open through d and 60 still: no EOF yet. */
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    SHOW("no eof", read(p[0], buf, 1));
    close(d);
    close(60);
    SHOW("eof", read(p[0], buf, 1));
    /* Descriptors from dup share the offset. */
    int f = open(self, O_RDONLY);
    int g = dup(f);
    read(f, buf, 4);
    printf("shared offset %ld magic %d\n", (long)lseek(g, 0, SEEK_CUR), memcmp(buf, "\177ELF", 4) == 0);
    close(f);
    close(g);
    close(p[0]);
    close(100);
    close(101);
    close(e);
    SHOW("close closed", close(100));
}

int main(int argc, char **argv) {
    (void)argc;
    setvbuf(stdout, NULL, _IONBF, 0);
    basics();
    nonblocking();
    broken();
    readiness();
    blocking();
    with_child();
    dups(argv[0]);
    return 0;
}
