/* The POSIX families Rust std needs beyond issue 4, used from C: sockets,
 * getaddrinfo, posix_spawn, getpwuid_r, sched_getaffinity, preadv/pwritev,
 * sendfile, flock, __xpg_strerror_r. Prints results that must equal glibc's. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <pwd.h>
#include <sched.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;
int __xpg_strerror_r(int, char *, size_t);

static void sockets(void) {
    int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int one = 1;
    printf("setsockopt %d\n", setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
    int rb = bind(l, (struct sockaddr *)&a, sizeof a);
    int rl = listen(l, 8);
    printf("bind %d listen %d\n", rb, rl);
    socklen_t len = sizeof a;
    getsockname(l, (struct sockaddr *)&a, &len);
    printf("getsockname len %u family %d port>0 %d\n", len, a.sin_family, ntohs(a.sin_port) > 0);
    int c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    printf("connect %d\n", connect(c, (struct sockaddr *)&a, sizeof a));
    struct sockaddr_storage peer;
    socklen_t plen = sizeof peer;
    int s = accept4(l, (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);
    printf("accept4 ok %d peer family %d len %u\n", s >= 0, peer.ss_family, plen);
    printf("nodelay %d\n", setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));
    int v = 0; socklen_t vl = sizeof v;
    int rg = getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &vl);
    printf("getsockopt SO_TYPE %d -> %d (len %u)\n", rg, v, vl);
    printf("send %zd\n", send(c, "ping", 4, 0));
    char buf[16] = {0};
    ssize_t n = recv(s, buf, sizeof buf, 0);
    printf("recv %zd %s\n", n, buf);
    struct iovec iov = { "pong!", 5 };
    struct msghdr m = {0};
    m.msg_iov = &iov; m.msg_iovlen = 1;
    printf("sendmsg %zd\n", sendmsg(s, &m, 0));
    memset(buf, 0, sizeof buf);
    struct iovec riov = { buf, sizeof buf };
    struct msghdr rm = {0};
    rm.msg_iov = &riov; rm.msg_iovlen = 1;
    n = recvmsg(c, &rm, 0);
    printf("recvmsg %zd %s\n", n, buf);
    int rs = shutdown(s, SHUT_WR);
    n = recv(c, buf, sizeof buf, 0);
    printf("shutdown %d recv after peer shutdown %zd\n", rs, n);
    close(c); close(s); close(l);
    int sv[2];
    printf("socketpair %d\n", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    struct sockaddr_in to = a;
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    to.sin_port = 0;
    bind(u, (struct sockaddr *)&to, sizeof to);
    len = sizeof to; getsockname(u, (struct sockaddr *)&to, &len);
    printf("sendto %zd\n", sendto(u, "dgram", 5, 0, (struct sockaddr *)&to, sizeof to));
    struct sockaddr_in from; socklen_t flen = sizeof from;
    memset(buf, 0, sizeof buf);
    n = recvfrom(u, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
    printf("recvfrom %zd %s same port %d\n", n, buf, from.sin_port == to.sin_port);
    to.sin_port = from.sin_port; /* a UDP port: nothing listens there on TCP */
    int rc = connect(socket(AF_INET, SOCK_STREAM, 0), (struct sockaddr *)&to, sizeof to);
    printf("connect refused: %d %s\n", rc, strerror(errno));
}

static void lookup(const char *host, const char *serv, int family, int socktype, int flags) {
    struct addrinfo hints = {0}, *res, *p;
    hints.ai_family = family; hints.ai_socktype = socktype; hints.ai_flags = flags;
    int r = getaddrinfo(host, serv, &hints, &res);
    printf("getaddrinfo(%s, %s, fam %d, type %d, flags %d) = %d", host ? host : "NULL", serv ? serv : "NULL", family, socktype, flags, r);
    if (r) { printf(" (%s)\n", gai_strerror(r)); return; }
    for (p = res; p; p = p->ai_next) {
        unsigned char *b = (unsigned char *)p->ai_addr;
        printf(" [fam %d type %d proto %d len %u port %d", p->ai_family, p->ai_socktype, p->ai_protocol, p->ai_addrlen, (b[2] << 8) | b[3]);
        if (p->ai_family == AF_INET) printf(" %d.%d.%d.%d", b[4], b[5], b[6], b[7]);
        if (p->ai_canonname) printf(" canon %s", p->ai_canonname);
        printf("]");
    }
    printf("\n");
    freeaddrinfo(res);
}

static void prep1(void) { printf("prepare 1\n"); }
static void prep2(void) { printf("prepare 2\n"); }
static void par1(void) { printf("parent 1\n"); }
static void par2(void) { printf("parent 2\n"); }
static int child_order;
static void chi1(void) { child_order = child_order * 10 + 1; }
static void chi2(void) { child_order = child_order * 10 + 2; }

static void atfork(void) {
    pthread_atfork(prep1, par1, chi1);
    pthread_atfork(prep2, par2, chi2);
    pthread_atfork(NULL, NULL, NULL);
    pid_t c = fork();
    if (c == 0) _exit(child_order); /* 12: oldest first */
    int st;
    waitpid(c, &st, 0);
    printf("child handlers ran in order %d\n", WEXITSTATUS(st));
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    atfork();
    sockets();
    lookup("127.0.0.1", "80", AF_UNSPEC, SOCK_STREAM, 0);
    lookup("127.0.0.1", NULL, AF_INET, 0, 0);
    lookup("10.1.2.3", "8080", AF_INET, SOCK_DGRAM, AI_NUMERICHOST | AI_CANONNAME);
    lookup("localhost", "22", AF_INET, SOCK_STREAM, 0);
    lookup(NULL, "443", AF_INET, SOCK_STREAM, AI_PASSIVE);
    lookup("::1", "1", AF_INET6, SOCK_STREAM, 0);
    lookup("not-a-number", NULL, AF_INET, 0, AI_NUMERICHOST);
    lookup("127.0.0.1", "99999", AF_INET, SOCK_STREAM, 0);
    lookup("127.0.0.1", NULL, 12345, 0, 0);

    pid_t pid; int st;
    char *argv[] = {"sh", "-c", "echo spawned $0 in $(pwd); exit 3", NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    int p[2]; pipe(p);
    posix_spawn_file_actions_adddup2(&fa, p[1], 1);
    posix_spawn_file_actions_addclose(&fa, p[0]);
    posix_spawn_file_actions_addchdir_np(&fa, "/");
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&at, 0);
    int r = posix_spawnp(&pid, "sh", &fa, &at, argv, environ);
    close(p[1]);
    char out[100] = {0};
    read(p[0], out, sizeof out - 1);
    waitpid(pid, &st, 0);
    printf("posix_spawnp %d: %s exit %d\n", r, out, WEXITSTATUS(st));
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    char *argv2[] = {"nope", NULL};
    r = posix_spawn(&pid, "/nonexistent/nope", NULL, NULL, argv2, environ);
    printf("posix_spawn missing: %d (%s)\n", r, strerror(r));

    struct passwd pw, *res;
    char pbuf[1024];
    r = getpwuid_r(0, &pw, pbuf, sizeof pbuf, &res);
    printf("getpwuid_r(0) %d found %d name %s dir %s\n", r, res != NULL, res ? pw.pw_name : "-", res ? pw.pw_dir : "-");
    printf("getpwuid_r(small buf) %d\n", getpwuid_r(0, &pw, pbuf, 3, &res));
    r = getpwuid_r(4000000, &pw, pbuf, sizeof pbuf, &res);
    printf("getpwuid_r(unknown) %d found %d\n", r, res != NULL);

    cpu_set_t mask;
    r = sched_getaffinity(0, sizeof mask, &mask);
    printf("sched_getaffinity %d cpu0 %d count>0 %d\n", r, (int)CPU_ISSET(0, &mask), CPU_COUNT(&mask) > 0);

    char tmpl[] = "/tmp/vibix-compat-XXXXXX";
    int fd = mkstemp(tmpl);
    unlink(tmpl);
    struct iovec w[2] = {{"hello ", 6}, {"world", 5}};
    printf("pwritev %zd\n", pwritev(fd, w, 2, 10));
    char x[6] = {0}, y[6] = {0};
    struct iovec rv[2] = {{x, 5}, {y, 5}};
    ssize_t n = preadv(fd, rv, 2, 11);
    printf("preadv %zd '%s' '%s'\n", n, x, y);
    int f1 = flock(fd, LOCK_EX | LOCK_NB);
    int f2 = flock(fd, LOCK_UN);
    printf("flock %d %d\n", f1, f2);
    int pp[2]; pipe(pp);
    off_t off = 10;
    n = sendfile(pp[1], fd, &off, 11);
    printf("sendfile %zd off %ld\n", n, (long)off);
    char sb[12] = {0}; read(pp[0], sb, 11);
    printf("sendfile data '%s'\n", sb);

    char e[64];
    r = __xpg_strerror_r(ENOENT, e, sizeof e);
    printf("__xpg_strerror_r %d '%s'\n", r, e);
    r = __xpg_strerror_r(ENOENT, e, 5);
    printf("__xpg_strerror_r small %d '%s'\n", r, e);
    return 0;
}
