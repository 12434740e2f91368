#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "../../signal/_sys.h"

/* epoll and eventfd through raw calls (the same numbers on Linux and vibix). */
#define SYS_EPOLL_WAIT 232
#define SYS_EPOLL_CTL 233
#define SYS_EPOLL_CREATE1 291
#define SYS_EVENTFD2 290
#define SYS_PPOLL 271
#define EPOLLIN 1
#define EPOLLOUT 4
#define EPOLLHUP 0x10
#define EPOLLONESHOT (1u << 30)
struct ev { uint32_t events; uint64_t data; } __attribute__((packed));

static long ms_since(struct timespec *t0) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static const char *e(long r) { return r >= 0 ? "ok" : strerror(-r); }

int main(void) {
    int sv[2], r;
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    struct pollfd p[3] = {{sv[0], POLLIN | POLLOUT, 0}, {sv[1], POLLIN, 0}, {-1, POLLIN, 0}};
    r = poll(p, 3, 0);
    printf("poll: %d, revents %#x %#x %#x\n", r, p[0].revents, p[1].revents, p[2].revents);
    write(sv[0], "x", 1);
    r = poll(p, 3, 0);
    printf("after a write: %d, sv[1] %#x\n", r, p[1].revents);
    char c;
    read(sv[1], &c, 1);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    struct pollfd q = {sv[1], POLLIN, 0};
    r = poll(&q, 1, 100);
    long el = ms_since(&t0);
    printf("poll timeout: %d after >= 100 ms: %d\n", r, el >= 95);

    /* Woken by a write from another process. */
    pid_t kid = fork();
    if (kid == 0) {
        struct timespec ts = {0, 150000000};
        nanosleep(&ts, NULL);
        write(sv[0], "y", 1);
        _exit(0);
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    r = poll(&q, 1, 5000);
    printf("poll woken by the child: %d revents %#x, well before the timeout %d\n", r, q.revents, ms_since(&t0) < 4000);
    waitpid(kid, NULL, 0);
    read(sv[1], &c, 1);

    struct pollfd bad = {1000, POLLIN, 0};
    r = poll(&bad, 1, 0);
    printf("bad fd: %d revents %#x\n", r, bad.revents);
    struct timespec zero = {0, 0};
    printf("ppoll: %ld\n", rsys(SYS_PPOLL, (long)p, 2, (long)&zero, 0));

    fd_set rd, wr;
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(sv[1], &rd);
    FD_SET(sv[0], &wr);
    struct timeval tv = {0, 0};
    r = select(sv[1] + 1, &rd, &wr, NULL, &tv);
    printf("select: %d readable %d writable %d\n", r, FD_ISSET(sv[1], &rd) != 0, FD_ISSET(sv[0], &wr) != 0);

    /* epoll */
    int ep = rsys(SYS_EPOLL_CREATE1, 0, 0, 0, 0);
    struct ev ev = {EPOLLIN, 42}, out[4];
    long c1 = rsys(SYS_EPOLL_CTL, ep, 1, sv[1], (long)&ev);
    printf("epoll_ctl ADD: %s", e(c1));
    printf(", again: %s", e(rsys(SYS_EPOLL_CTL, ep, 1, sv[1], (long)&ev)));
    printf(", MOD other: %s", e(rsys(SYS_EPOLL_CTL, ep, 3, sv[0], (long)&ev)));
    printf(", itself: %s\n", e(rsys(SYS_EPOLL_CTL, ep, 1, ep, (long)&ev)));
    printf("epoll_wait idle: %ld\n", rsys(SYS_EPOLL_WAIT, ep, (long)out, 4, 50));
    write(sv[0], "zz", 2);
    long n = rsys(SYS_EPOLL_WAIT, ep, (long)out, 4, 0);
    printf("epoll_wait: %ld events %#x data %lu\n", n, n > 0 ? out[0].events : 0, n > 0 ? (unsigned long)out[0].data : 0);
    n = rsys(SYS_EPOLL_WAIT, ep, (long)out, 4, 0);
    printf("level-triggered, again: %ld\n", n);
    ev.events = EPOLLIN | EPOLLONESHOT;
    ev.data = 7;
    rsys(SYS_EPOLL_CTL, ep, 3, sv[1], (long)&ev);
    long a = rsys(SYS_EPOLL_WAIT, ep, (long)out, 4, 0);
    long b = rsys(SYS_EPOLL_WAIT, ep, (long)out, 4, 0);
    printf("oneshot: %ld then %ld\n", a, b);
    long d1 = rsys(SYS_EPOLL_CTL, ep, 2, sv[1], 0), d2 = rsys(SYS_EPOLL_CTL, ep, 2, sv[1], 0);
    printf("DEL: %s, DEL again: %s\n", e(d1), e(d2));
    ev.events = EPOLLIN;
    ev.data = 9;
    rsys(SYS_EPOLL_CTL, ep, 1, sv[0], (long)&ev);
    close(sv[1]);
    n = rsys(SYS_EPOLL_WAIT, ep, (long)out, 4, 0);
    printf("peer closed: %ld events has HUP %d IN %d\n", n, n > 0 && (out[0].events & EPOLLHUP) != 0, n > 0 && (out[0].events & EPOLLIN) != 0);
    struct pollfd h = {sv[0], POLLIN, 0};
    poll(&h, 1, 0);
    printf("poll on it: POLLHUP %d POLLIN %d\n", (h.revents & POLLHUP) != 0, (h.revents & POLLIN) != 0);
    close(sv[0]);
    n = rsys(SYS_EPOLL_WAIT, ep, (long)out, 4, 0);
    printf("closed descriptors leave the set: %ld\n", n);

    /* eventfd */
    int efd = rsys(SYS_EVENTFD2, 3, 0, 0, 0);
    uint64_t v = 0;
    ev.events = EPOLLIN;
    ev.data = 1;
    rsys(SYS_EPOLL_CTL, ep, 1, efd, (long)&ev);
    printf("eventfd ready: %ld", rsys(SYS_EPOLL_WAIT, ep, (long)out, 4, 0));
    read(efd, &v, 8);
    printf(", read %lu", (unsigned long)v);
    v = 5;
    write(efd, &v, 8);
    v = 2;
    write(efd, &v, 8);
    read(efd, &v, 8);
    printf(", after 5+2: %lu\n", (unsigned long)v);
    close(efd);
    efd = rsys(SYS_EVENTFD2, 2, 1 | 04000, 0, 0); /* EFD_SEMAPHORE | EFD_NONBLOCK */
    long r1 = read(efd, &v, 8), r2 = read(efd, &v, 8), r3 = read(efd, &v, 8);
    printf("semaphore: %ld %ld %ld (%s) value %lu\n", r1, r2, r3, r3 < 0 ? strerror(errno) : "", (unsigned long)v);
    close(efd);
    close(ep);
    return 0;
}
