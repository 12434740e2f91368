#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *err(long r) { return r >= 0 ? "ok" : strerror(errno); }

/* A loopback address of `fam` with `port` (host order) in `ss`; returns its length. */
static socklen_t lo(int fam, struct sockaddr_storage *ss, int port) {
    memset(ss, 0, sizeof *ss);
    if (fam == AF_INET) {
        struct sockaddr_in *a = (struct sockaddr_in *)ss;
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(0x7f000001);
        return sizeof *a;
    }
    struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
    a->sin6_family = AF_INET6;
    a->sin6_port = htons(port);
    a->sin6_addr.s6_addr[15] = 1;
    return sizeof *a;
}

static int port_of(struct sockaddr_storage *ss) {
    return ntohs(ss->ss_family == AF_INET ? ((struct sockaddr_in *)ss)->sin_port : ((struct sockaddr_in6 *)ss)->sin6_port);
}

static void tcp(int fam) {
    const char *f = fam == AF_INET ? "v4" : "v6";
    struct sockaddr_storage a, b;
    socklen_t len = lo(fam, &a, 0), bl = sizeof b;
    int l = socket(fam, SOCK_STREAM, 0);
    int one = 1;
    printf("%s tcp bind port 0: %s", f, err(bind(l, (struct sockaddr *)&a, len)));
    getsockname(l, (struct sockaddr *)&b, &bl);
    int port = port_of(&b);
    printf(", ephemeral port >= 1024: %d, listen: %s\n", port >= 1024, err(listen(l, 8)));
    int l2 = socket(fam, SOCK_STREAM, 0);
    len = lo(fam, &a, port);
    printf("%s second bind to the port: %s\n", f, err(bind(l2, (struct sockaddr *)&a, len)));
    close(l2);
    fcntl(l, F_SETFL, O_NONBLOCK);
    printf("%s nonblocking accept with none pending: %s\n", f, err(accept(l, NULL, NULL)));
    fcntl(l, F_SETFL, 0);

    int c = socket(fam, SOCK_STREAM, 0);
    printf("%s connect: %s\n", f, err(connect(c, (struct sockaddr *)&a, len)));
    struct sockaddr_storage peer, mine;
    socklen_t pl = sizeof peer, ml = sizeof mine;
    int s = accept(l, (struct sockaddr *)&peer, &pl);
    getsockname(c, (struct sockaddr *)&mine, &ml);
    printf("%s accepted peer = client's name: %d (family %d)\n", f, pl == ml && memcmp(&peer, &mine, pl) == 0, peer.ss_family == fam);
    pl = sizeof peer;
    getpeername(c, (struct sockaddr *)&peer, &pl);
    printf("%s client's peer port is the listener's: %d\n", f, port_of(&peer) == port);
    int v = -1;
    socklen_t vl = sizeof v;
    getsockopt(c, SOL_SOCKET, SO_TYPE, &v, &vl);
    printf("%s SO_TYPE %d", f, v);
    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    vl = sizeof v;
    getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, &vl);
    printf(" TCP_NODELAY %d", v != 0);
    vl = sizeof v;
    getsockopt(c, SOL_SOCKET, SO_ERROR, &v, &vl);
    printf(" SO_ERROR %d\n", v);
    printf("%s unknown option: %s\n", f, err(setsockopt(c, SOL_SOCKET, 12345, &one, sizeof one)));

    /* 3 MB from a child process, checked on arrival. */
    pid_t kid = fork();
    if (kid == 0) {
        static unsigned char blk[65536];
        for (int i = 0; i < 48; i++) {
            for (int j = 0; j < (int)sizeof blk; j++)
                blk[j] = (unsigned char)(i * 7 + j);
            if (write(c, blk, sizeof blk) != (long)sizeof blk)
                _exit(1);
        }
        shutdown(c, SHUT_WR);
        _exit(0);
    }
    close(c);
    static unsigned char in[65536];
    long total = 0, bad = 0, n;
    while ((n = recv(s, in, sizeof in, MSG_WAITALL)) > 0) {
        for (long j = 0; j < n; j++)
            bad += in[j] != (unsigned char)((total + j) / 65536 * 7 + (total + j) % 65536);
        total += n;
    }
    int st;
    waitpid(kid, &st, 0);
    printf("%s transfer: %ld bytes, %ld wrong, writer exit %d\n", f, total, bad, WEXITSTATUS(st));

    /* SO_RCVTIMEO: a read with nothing to read times out with EAGAIN. */
    int c2 = socket(fam, SOCK_STREAM, 0);
    connect(c2, (struct sockaddr *)&a, len);
    int s2 = accept(l, NULL, NULL);
    struct timeval tv = {0, 100000};
    setsockopt(s2, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char buf[8];
    printf("%s read with SO_RCVTIMEO: %s\n", f, err(read(s2, buf, sizeof buf)));
    close(c2);
    close(s2);
    close(s);
    close(l);
    int c3 = socket(fam, SOCK_STREAM, 0);
    printf("%s connect to the closed port: %s\n", f, err(connect(c3, (struct sockaddr *)&a, len)));
    close(c3);
    /* SO_REUSEADDR: rebinding right after close. */
    l = socket(fam, SOCK_STREAM, 0);
    setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    printf("%s rebind with SO_REUSEADDR: %s\n", f, err(bind(l, (struct sockaddr *)&a, len)));
    close(l);
}

static void udp(int fam) {
    const char *f = fam == AF_INET ? "v4" : "v6";
    struct sockaddr_storage a, b, from;
    socklen_t al = lo(fam, &a, 0), bl = lo(fam, &b, 0), fl;
    int x = socket(fam, SOCK_DGRAM, 0), y = socket(fam, SOCK_DGRAM, 0);
    bind(x, (struct sockaddr *)&a, al);
    bind(y, (struct sockaddr *)&b, bl);
    al = sizeof a;
    bl = sizeof b;
    getsockname(x, (struct sockaddr *)&a, &al);
    getsockname(y, (struct sockaddr *)&b, &bl);
    printf("%s udp sendto: %ld\n", f, (long)sendto(x, "datagram", 8, 0, (struct sockaddr *)&b, bl));
    char buf[64];
    fl = sizeof from;
    long n = recvfrom(y, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl);
    printf("%s recvfrom %ld '%.*s' from x: %d\n", f, n, (int)n, buf, fl == al && memcmp(&from, &a, al) == 0);
    sendto(x, "0123456789", 10, 0, (struct sockaddr *)&b, bl);
    n = recv(y, buf, 4, MSG_TRUNC);
    printf("%s MSG_TRUNC: %ld\n", f, n);
    printf("%s connect: %s", f, err(connect(x, (struct sockaddr *)&b, bl)));
    printf(", send: %ld", (long)send(x, "conn", 4, 0));
    printf(", recv: %ld\n", (long)recv(y, buf, sizeof buf, 0));
    printf("%s nonblocking recv on empty: %s\n", f, err(recv(y, buf, sizeof buf, MSG_DONTWAIT)));
    struct sockaddr_storage nobody;
    socklen_t nl = lo(fam, &nobody, 9);
    printf("%s sendto a port nobody bound: %ld\n", f, (long)sendto(y, "lost", 4, 0, (struct sockaddr *)&nobody, nl));
    close(x);
    close(y);
}

/* IPv4 traffic to an AF_INET6 socket bound to :: (dual stack), and IPV6_V6ONLY. */
static void dual(void) {
    struct sockaddr_in6 any6 = {0};
    any6.sin6_family = AF_INET6;
    int l = socket(AF_INET6, SOCK_STREAM, 0);
    bind(l, (struct sockaddr *)&any6, sizeof any6);
    listen(l, 4);
    struct sockaddr_in6 b6;
    socklen_t bl = sizeof b6;
    getsockname(l, (struct sockaddr *)&b6, &bl);
    struct sockaddr_storage v4;
    socklen_t l4 = lo(AF_INET, &v4, ntohs(b6.sin6_port));
    int c = socket(AF_INET, SOCK_STREAM, 0);
    printf("dual: v4 connect to [::] listener: %s\n", err(connect(c, (struct sockaddr *)&v4, l4)));
    struct sockaddr_in6 peer;
    socklen_t pl = sizeof peer;
    int s = accept(l, (struct sockaddr *)&peer, &pl);
    unsigned char *p = peer.sin6_addr.s6_addr;
    printf("dual: accepted family %d, v4-mapped %d (%d.%d.%d.%d)\n", peer.sin6_family == AF_INET6,
           p[10] == 0xff && p[11] == 0xff, p[12], p[13], p[14], p[15]);
    struct sockaddr_in cp;
    socklen_t cpl = sizeof cp;
    getpeername(c, (struct sockaddr *)&cp, &cpl);
    printf("dual: client's peer is AF_INET %d\n", cp.sin_family == AF_INET && cpl == sizeof cp);
    write(c, "mapped", 6);
    char buf[16];
    printf("dual: server read %ld\n", (long)read(s, buf, sizeof buf));
    int x = socket(AF_INET, SOCK_STREAM, 0);
    printf("dual: v4 bind to the same port: %s\n", err(bind(x, (struct sockaddr *)&v4, l4)));
    close(x);
    close(c);
    close(s);
    close(l);

    int one = 1;
    l = socket(AF_INET6, SOCK_STREAM, 0);
    setsockopt(l, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    bind(l, (struct sockaddr *)&any6, sizeof any6);
    listen(l, 4);
    bl = sizeof b6;
    getsockname(l, (struct sockaddr *)&b6, &bl);
    l4 = lo(AF_INET, &v4, ntohs(b6.sin6_port));
    c = socket(AF_INET, SOCK_STREAM, 0);
    printf("v6only: v4 connect: %s\n", err(connect(c, (struct sockaddr *)&v4, l4)));
    close(c);
    close(l);

    int u6 = socket(AF_INET6, SOCK_DGRAM, 0), u4 = socket(AF_INET, SOCK_DGRAM, 0);
    bind(u6, (struct sockaddr *)&any6, sizeof any6);
    bl = sizeof b6;
    getsockname(u6, (struct sockaddr *)&b6, &bl);
    l4 = lo(AF_INET, &v4, ntohs(b6.sin6_port));
    sendto(u4, "v4 datagram", 11, 0, (struct sockaddr *)&v4, l4);
    struct sockaddr_in6 from;
    socklen_t fl = sizeof from;
    long n = recvfrom(u6, buf, sizeof buf, MSG_DONTWAIT, (struct sockaddr *)&from, &fl);
    p = from.sin6_addr.s6_addr;
    printf("dual udp: %ld bytes from a v4-mapped sender %d\n", n, n > 0 && p[10] == 0xff && p[12] == 127);
    close(u4);
    close(u6);
}

int main(void) {
    tcp(AF_INET);
    tcp(AF_INET6);
    udp(AF_INET);
    udp(AF_INET6);
    dual();
    struct sockaddr_in far = {0};
    far.sin_family = AF_INET;
    far.sin_port = htons(80);
    far.sin_addr.s_addr = htonl(0x0a000001);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    printf("bind to a non-local address: %s\n", err(bind(s, (struct sockaddr *)&far, sizeof far)));
    printf("socketpair(AF_INET): %s\n", err(socketpair(AF_INET, SOCK_STREAM, 0, (int[2]){0, 0})));
    close(s);
    return 0;
}
