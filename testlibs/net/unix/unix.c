#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "../../signal/_sys.h"
#include "../../signal/_handler.h"

struct un { unsigned short family; char path[108]; };

static volatile sig_atomic_t pipes, alarms;
static void on_pipe(int s) { (void)s; pipes++; }
static void on_alarm(int s) { (void)s; alarms++; }

static socklen_t mk(struct un *a, const char *name, int abstract) {
    memset(a, 0, sizeof *a);
    a->family = AF_UNIX;
    if (abstract) {
        memcpy(a->path + 1, name, strlen(name));
        return 2 + 1 + strlen(name);
    }
    strcpy(a->path, name);
    return 2 + strlen(name) + 1;
}

static void msleep(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
}

static const char *err(long r) { return r >= 0 ? "ok" : strerror(errno); }

static void pair_tests(void) {
    int sv[2];
    char buf[64];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    int cred[3] = {0, -1, -1};
    socklen_t cl = sizeof cred;
    getsockopt(sv[0], SOL_SOCKET, 17 /* SO_PEERCRED */, cred, &cl);
    printf("SO_PEERCRED: %u bytes, pid is ours %d\n", cl, cred[0] == getpid());
    write(sv[0], "hello ", 6);
    write(sv[0], "world", 5);
    long n = recv(sv[1], buf, sizeof buf, MSG_PEEK);
    printf("stream peek %ld\n", n);
    n = read(sv[1], buf, sizeof buf);
    printf("stream read %ld '%.*s'\n", n, (int)n, buf);
    fcntl(sv[1], F_SETFL, O_NONBLOCK);
    n = read(sv[1], buf, sizeof buf);
    printf("nonblocking empty read: %s\n", err(n));
    printf("F_GETFL has O_NONBLOCK: %d\n", (fcntl(sv[1], F_GETFL) & O_NONBLOCK) != 0);
    shutdown(sv[0], SHUT_WR);
    printf("read after peer SHUT_WR: %ld\n", (long)read(sv[1], buf, sizeof buf));
    write(sv[1], "back", 4);
    printf("the other direction still works: %ld\n", (long)read(sv[0], buf, sizeof buf));
    close(sv[0]);
    n = send(sv[1], "x", 1, MSG_NOSIGNAL);
    printf("send to closed peer with MSG_NOSIGNAL: %s, SIGPIPEs %d\n", err(n), pipes);
    n = write(sv[1], "x", 1);
    printf("write to closed peer: %s, SIGPIPEs %d\n", err(n), pipes);
    close(sv[1]);

    /* Datagram pair keeps boundaries; seqpacket too, and reports EOF. */
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    send(sv[0], "one", 3, 0);
    send(sv[0], "three", 5, 0);
    printf("dgram: %ld", (long)recv(sv[1], buf, sizeof buf, 0));
    printf(" %ld\n", (long)recv(sv[1], buf, 2, 0));
    close(sv[0]);
    close(sv[1]);
    socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv);
    send(sv[0], "rec1", 4, 0);
    send(sv[0], "record2", 7, 0);
    printf("seqpacket: %ld", (long)recv(sv[1], buf, sizeof buf, 0));
    printf(" %ld", (long)recv(sv[1], buf, sizeof buf, 0));
    close(sv[0]);
    printf(" eof %ld\n", (long)recv(sv[1], buf, sizeof buf, 0));
    close(sv[1]);
}

static void listen_tests(const char *name, int abstract) {
    struct un a, got;
    socklen_t len = mk(&a, name, abstract), gl = sizeof got;
    if (!abstract)
        unlink(name);
    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("%s bind: %s", abstract ? "abstract" : "path", err(bind(l, (struct sockaddr *)&a, len)));
    int l2 = socket(AF_UNIX, SOCK_STREAM, 0);
    printf(", again: %s", err(bind(l2, (struct sockaddr *)&a, len)));
    close(l2);
    printf(", listen: %s\n", err(listen(l, 4)));
    getsockname(l, (struct sockaddr *)&got, &gl);
    printf("getsockname len %d same %d\n", gl, gl == len && memcmp(&got, &a, len) == 0);
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("connect: %s\n", err(connect(c, (struct sockaddr *)&a, len)));
    int s = accept(l, NULL, NULL);
    gl = sizeof got;
    getpeername(c, (struct sockaddr *)&got, &gl);
    printf("client's peer is the name: %d\n", gl == len && memcmp(&got, &a, len) == 0);
    write(c, "ping", 4);
    char buf[16];
    long n = read(s, buf, sizeof buf);
    printf("server got %ld '%.*s'\n", n, (int)n, buf);
    /* SCM_RIGHTS: pass the read end of a socketpair, then use it in the receiver. */
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    char ctl[CMSG_SPACE(sizeof(int))];
    memset(ctl, 0, sizeof ctl);
    struct iovec iov = {"F", 1};
    struct msghdr m = {0};
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = ctl;
    m.msg_controllen = sizeof ctl;
    struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &sv[0], sizeof(int));
    printf("sendmsg with a descriptor: %ld\n", (long)sendmsg(c, &m, 0));
    close(sv[0]);
    char rb[4], rctl[CMSG_SPACE(sizeof(int))];
    struct iovec riov = {rb, sizeof rb};
    struct msghdr rm = {0};
    rm.msg_iov = &riov;
    rm.msg_iovlen = 1;
    rm.msg_control = rctl;
    rm.msg_controllen = sizeof rctl;
    n = recvmsg(s, &rm, 0);
    struct cmsghdr *rc = CMSG_FIRSTHDR(&rm);
    int passed = -1;
    if (rc && rc->cmsg_type == SCM_RIGHTS)
        memcpy(&passed, CMSG_DATA(rc), sizeof(int));
    printf("recvmsg %ld '%c', got a descriptor %d\n", n, rb[0], passed >= 0);
    write(sv[1], "via passed fd", 13);
    n = passed >= 0 ? read(passed, buf, sizeof buf) : -1;
    printf("read through it: %ld '%.*s'\n", n, n > 0 ? (int)n : 0, buf);
    close(passed);
    close(sv[1]);
    close(c);
    printf("EOF after client close: %ld\n", (long)read(s, buf, sizeof buf));
    close(s);
    close(l);
    c = socket(AF_UNIX, SOCK_STREAM, 0);
    n = connect(c, (struct sockaddr *)&a, len);
    printf("connect after the listener closed: %s\n", abstract ? err(n) : (n < 0 ? "fails" : "ok"));
    close(c);
    if (!abstract)
        unlink(name);
}

static void dgram_names(void) {
    struct un a, b, from;
    socklen_t la = mk(&a, "vibix-dg-a", 1), lb = mk(&b, "vibix-dg-b", 1), lf = sizeof from;
    int x = socket(AF_UNIX, SOCK_DGRAM, 0), y = socket(AF_UNIX, SOCK_DGRAM, 0);
    bind(x, (struct sockaddr *)&a, la);
    bind(y, (struct sockaddr *)&b, lb);
    sendto(x, "to b", 4, 0, (struct sockaddr *)&b, lb);
    char buf[16];
    long n = recvfrom(y, buf, sizeof buf, 0, (struct sockaddr *)&from, &lf);
    printf("dgram to a name: %ld from a: %d\n", n, lf == la && memcmp(&from, &a, la) == 0);
    struct un none;
    socklen_t ln = mk(&none, "vibix-nobody", 1);
    printf("sendto a missing name: %s\n", err(sendto(x, "?", 1, 0, (struct sockaddr *)&none, ln)));
    close(x);
    close(y);
}

static void autobind(void) {
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("listen unbound: %s\n", err(listen(s, 1)));
    struct un a = {AF_UNIX, {0}};
    printf("bind with only the family: %s", err(bind(s, (struct sockaddr *)&a, 2)));
    socklen_t l = sizeof a;
    getsockname(s, (struct sockaddr *)&a, &l);
    printf(", name length %d, abstract %d\n", l, a.path[0] == 0);
    close(s);
}

static void restart_tests(void) {
    for (int restart = 1; restart >= 0; restart--) {
        int sv[2];
        socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
        set(SIGALRM, on_alarm, restart ? SA_RESTART : 0);
        alarms = 0;
        pid_t c = fork();
        if (c == 0) {
            msleep(1600);
            write(sv[1], "late", 4);
            _exit(0);
        }
        rsys(SYS_ALARM, 1, 0, 0, 0);
        char buf[8];
        long n = read(sv[0], buf, sizeof buf);
        int e = errno;
        printf("%s: read %ld %s, alarms %d\n", restart ? "SA_RESTART" : "no SA_RESTART", n, n < 0 && e == EINTR ? "EINTR" : "", alarms);
        waitpid(c, NULL, 0);
        close(sv[0]);
        close(sv[1]);
    }
}

int main(void) {
    set(SIGPIPE, on_pipe, 0);
    pair_tests();
    listen_tests("vibix-test.sock", 0);
    listen_tests("vibix-abstract", 1);
    dgram_names();
    autobind();
    restart_tests();
    return 0;
}
