/* A tiny authoritative DNS server for the netdb tests, and the driver that runs
 * one test program against it — a C program (not a host script), so the same
 * check runs inside vibix (QEMU) too.
 *
 * Usage: dnsd [--log FILE] CONF-TEMPLATE CONF -- PROG ARGS...
 *   Binds UDP and TCP on one 127.0.0.1 port and a "black hole" UDP port that
 *   never answers; writes CONF from CONF-TEMPLATE with @PORT@ and @HOLE@
 *   replaced; serves in a child process; runs PROG with VIBIX_RESOLV_CONF=CONF
 *   (stdout and stderr are PROG's); then stops the server and exits with PROG's
 *   status. Every query is appended to FILE as "proto name type".
 *
 * Zone (class IN):
 *   a.test            A 10.1.2.3, AAAA 2001:db8::1
 *   alias.test        CNAME a.test             (answer carries the chain)
 *   chain.test        CNAME alias.test
 *   big.test          60 A records 10.2.0.1..60 (too big for UDP: sent truncated, TC=1)
 *   host.search.test  A 10.3.0.1                (for search-list tests)
 *   two.dots.test     A 10.3.0.2
 *   a.test.search.test A 10.9.9.9               (shadows a.test when the search list comes first)
 *   v4only.test       A 10.3.0.3                (AAAA: NOERROR, no data)
 *   slow.test         A 10.4.0.1                (the first query for it is dropped)
 *   spoof.test        A 10.5.0.1                (first a reply with a wrong ID, then one
 *                                               with a wrong question, both saying 10.6.6.6,
 *                                               then the real one)
 *   fail.test         SERVFAIL
 *   PTR 3.2.1.10.in-addr.arpa and the ip6.arpa name of 2001:db8::1 -> a.test
 * Everything else: NXDOMAIN. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

enum { T_A = 1, T_CNAME = 5, T_PTR = 12, T_AAAA = 28 };

struct rr {
    const char *owner;
    int type;
    const char *value;
};

static const struct rr zone[] = {
    {"a.test", T_A, "10.1.2.3"},
    {"a.test", T_AAAA, "2001:db8::1"},
    {"alias.test", T_CNAME, "a.test"},
    {"chain.test", T_CNAME, "alias.test"},
    {"host.search.test", T_A, "10.3.0.1"},
    {"two.dots.test", T_A, "10.3.0.2"},
    {"a.test.search.test", T_A, "10.9.9.9"},
    {"v4only.test", T_A, "10.3.0.3"},
    {"slow.test", T_A, "10.4.0.1"},
    {"spoof.test", T_A, "10.5.0.1"},
    {"3.2.1.10.in-addr.arpa", T_PTR, "a.test"},
    {NULL, T_PTR, "a.test"}, /* the ip6.arpa name of 2001:db8::1, made in main */
};
#define NZONE (sizeof zone / sizeof zone[0])
static char ip6_owner[80];
static FILE *logf;

static const char *owner_of(size_t i) { return zone[i].owner ? zone[i].owner : ip6_owner; }

/* Whether the zone has the name at all (NXDOMAIN otherwise); big.test is made up on the fly. */
static int known(const char *name) {
    if (strcmp(name, "big.test") == 0) return 1;
    for (size_t i = 0; i < NZONE; i++)
        if (strcmp(owner_of(i), name) == 0) return 1;
    return 0;
}

struct msg {
    unsigned char b[8192];
    size_t n;
};

static void put(struct msg *m, const void *p, size_t n) {
    if (m->n + n <= sizeof m->b) memcpy(m->b + m->n, p, n);
    m->n += n;
}

static void put16(struct msg *m, unsigned v) {
    unsigned char b[2] = {v >> 8, v & 0xff};
    put(m, b, 2);
}

static void put_name(struct msg *m, const char *name) {
    while (*name) {
        size_t len = strcspn(name, ".");
        unsigned char l = len;
        put(m, &l, 1);
        put(m, name, len);
        name += len;
        if (*name == '.') name++;
    }
    put(m, "", 1);
}

/* One resource record (class IN, TTL 300). */
static void put_rr(struct msg *m, const char *owner, int type, const char *value) {
    unsigned char data[256];
    size_t dlen;
    if (type == T_A) {
        inet_pton(AF_INET, value, data), dlen = 4;
    } else if (type == T_AAAA) {
        inet_pton(AF_INET6, value, data), dlen = 16;
    } else {
        struct msg t = {.n = 0};
        put_name(&t, value);
        memcpy(data, t.b, t.n), dlen = t.n;
    }
    put_name(m, owner);
    put16(m, type), put16(m, 1), put16(m, 0), put16(m, 300), put16(m, dlen);
    put(m, data, dlen);
}

struct query {
    unsigned id, flags, qtype;
    char name[256];      /* lower case, no trailing dot */
    unsigned char q[300]; /* the question section as sent */
    size_t qlen;
};

static int parse(const unsigned char *b, size_t n, struct query *q) {
    if (n < 12) return -1;
    q->id = b[0] << 8 | b[1];
    q->flags = b[2] << 8 | b[3];
    size_t i = 12, o = 0;
    while (i < n && b[i]) {
        size_t l = b[i];
        if (l > 63 || i + 1 + l > n || o + l + 1 >= sizeof q->name) return -1;
        if (o) q->name[o++] = '.';
        for (size_t k = 0; k < l; k++) q->name[o++] = tolower(b[i + 1 + k]);
        i += 1 + l;
    }
    q->name[o] = 0;
    if (i + 5 > n || i + 5 - 12 > sizeof q->q) return -1;
    q->qtype = b[i + 1] << 8 | b[i + 2];
    q->qlen = i + 5 - 12;
    memcpy(q->q, b + 12, q->qlen);
    return 0;
}

/* Queries seen per name, by both protocols (slow.test drops the first). */
static struct {
    char name[256];
    int count;
} seen[64];

static int count_query(const char *name) {
    for (size_t i = 0; i < 64; i++) {
        if (!seen[i].name[0]) snprintf(seen[i].name, sizeof seen[i].name, "%s", name);
        if (strcmp(seen[i].name, name) == 0) return ++seen[i].count;
    }
    return 1;
}

/* The answer records for q: (owner, type, value) appended to `out`; returns their count. */
struct ans {
    const char *owner;
    int type;
    const char *value;
};

static int lookup(const struct query *q, struct ans *out, char big[60][16]) {
    int n = 0;
    const char *target = q->name;
    if (strcmp(target, "big.test") == 0) {
        for (int i = 0; i < 60; i++) {
            snprintf(big[i], 16, "10.2.0.%d", i + 1);
            out[n++] = (struct ans){"big.test", T_A, big[i]};
        }
        return n;
    }
    for (int hops = 0; hops < 8; hops++) {
        const struct rr *cname = NULL;
        for (size_t i = 0; i < NZONE; i++)
            if (strcmp(owner_of(i), target) == 0 && zone[i].type == T_CNAME) cname = &zone[i];
        if (cname && q->qtype != T_CNAME) {
            out[n++] = (struct ans){target, T_CNAME, cname->value};
            target = cname->value;
            continue;
        }
        for (size_t i = 0; i < NZONE; i++)
            if (strcmp(owner_of(i), target) == 0 && zone[i].type == (int)q->qtype)
                out[n++] = (struct ans){owner_of(i), zone[i].type, zone[i].value};
        break;
    }
    return n;
}

static void build(struct msg *m, unsigned id, unsigned flags, const unsigned char *question, size_t qlen,
                  const struct ans *a, int n) {
    m->n = 0;
    put16(m, id), put16(m, flags), put16(m, 1), put16(m, n), put16(m, 0), put16(m, 0);
    put(m, question, qlen);
    for (int i = 0; i < n; i++) put_rr(m, a[i].owner, a[i].type, a[i].value);
}

/* The replies to one query, in the order they are sent (0 for a dropped query). */
static int answer(const unsigned char *b, size_t len, int tcp, struct msg *replies) {
    struct query q;
    if (parse(b, len, &q) < 0) {
        fprintf(logf, "bad query\n");
        return 0;
    }
    fprintf(logf, "%s %s %u\n", tcp ? "tcp" : "udp", q.name, q.qtype);
    int count = count_query(q.name);
    if (strcmp(q.name, "slow.test") == 0 && count == 1) return 0;
    struct ans a[80];
    char big[60][16];
    int n = 0, rcode = 0;
    if (strcmp(q.name, "fail.test") == 0)
        rcode = 2;
    else if (!known(q.name))
        rcode = 3;
    else
        n = lookup(&q, a, big);
    int truncated = strcmp(q.name, "big.test") == 0 && !tcp;
    if (truncated) n = 0;
    unsigned flags = 0x8400 | 0x0080 | (q.flags & 0x0100) | (truncated ? 0x0200 : 0) | rcode;
    int k = 0;
    if (strcmp(q.name, "spoof.test") == 0) {
        struct ans wrong = {q.name, T_A, "10.6.6.6"};
        build(&replies[k++], q.id ^ 0x5555, flags, q.q, q.qlen, &wrong, n ? 1 : 0);
        struct msg other = {.n = 0};
        put_name(&other, "other.test");
        put(&other, q.q + q.qlen - 4, 4);
        build(&replies[k++], q.id, flags, other.b, other.n, &wrong, n ? 1 : 0);
    }
    build(&replies[k++], q.id, flags, q.q, q.qlen, a, n);
    return k;
}

static struct msg replies[3];

static void serve_udp(int s) {
    unsigned char b[4096];
    struct sockaddr_in peer;
    socklen_t pl = sizeof peer;
    ssize_t n = recvfrom(s, b, sizeof b, 0, (struct sockaddr *)&peer, &pl);
    if (n <= 0) return;
    int k = answer(b, n, 0, replies);
    for (int i = 0; i < k; i++) sendto(s, replies[i].b, replies[i].n, 0, (struct sockaddr *)&peer, pl);
}

/* A TCP connection: length-prefixed queries until EOF; only the last reply of each is sent. */
struct conn {
    int fd;
    unsigned char b[4096];
    size_t n;
};

static int serve_tcp(struct conn *c) {
    ssize_t r = read(c->fd, c->b + c->n, sizeof c->b - c->n);
    if (r <= 0) return -1;
    c->n += r;
    while (c->n >= 2) {
        size_t len = c->b[0] << 8 | c->b[1];
        if (c->n < 2 + len) break;
        int k = answer(c->b + 2, len, 1, replies);
        if (k) {
            struct msg *m = &replies[k - 1];
            unsigned char pre[2] = {m->n >> 8, m->n & 0xff};
            if (write(c->fd, pre, 2) != 2 || write(c->fd, m->b, m->n) != (ssize_t)m->n) return -1;
        }
        memmove(c->b, c->b + 2 + len, c->n - 2 - len);
        c->n -= 2 + len;
    }
    return c->n == sizeof c->b ? -1 : 0;
}

static void serve(int udp, int tcp) {
    struct conn conns[8];
    int nconn = 0;
    for (;;) {
        struct pollfd p[10] = {{udp, POLLIN, 0}, {tcp, POLLIN, 0}};
        for (int i = 0; i < nconn; i++) p[2 + i] = (struct pollfd){conns[i].fd, POLLIN, 0};
        if (poll(p, 2 + nconn, -1) < 0) {
            if (errno == EINTR) continue;
            _exit(1);
        }
        if (p[0].revents) serve_udp(udp);
        for (int i = nconn - 1; i >= 0; i--)
            if (p[2 + i].revents && serve_tcp(&conns[i]) < 0) {
                close(conns[i].fd);
                conns[i] = conns[--nconn];
            }
        if (p[1].revents) {
            int fd = accept(tcp, NULL, NULL);
            if (fd >= 0 && nconn < 8)
                conns[nconn++] = (struct conn){.fd = fd, .n = 0};
            else if (fd >= 0)
                close(fd);
        }
        fflush(logf);
    }
}

static int bound(int type, unsigned port) {
    int s = socket(AF_INET, type, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) < 0) {
        if (s >= 0) close(s);
        return -1;
    }
    return s;
}

static unsigned port_of(int s) {
    struct sockaddr_in a;
    socklen_t l = sizeof a;
    getsockname(s, (struct sockaddr *)&a, &l);
    return ntohs(a.sin_port);
}

static void write_conf(const char *tmpl, const char *out, unsigned port, unsigned hole) {
    FILE *in = fopen(tmpl, "r"), *o = fopen(out, "w");
    if (!in || !o) perror(in ? out : tmpl), exit(2);
    char line[512];
    while (fgets(line, sizeof line, in)) {
        for (char *p = line; *p; p++) {
            if (strncmp(p, "@PORT@", 6) == 0) fprintf(o, "%u", port), p += 5;
            else if (strncmp(p, "@HOLE@", 6) == 0) fprintf(o, "%u", hole), p += 5;
            else fputc(*p, o);
        }
    }
    fclose(in);
    if (fclose(o)) perror(out), exit(2);
}

int main(int argc, char **argv) {
    const char *log = "/dev/null";
    int i = 1;
    if (i + 1 < argc && strcmp(argv[i], "--log") == 0) log = argv[i + 1], i += 2;
    if (argc - i < 4 || strcmp(argv[i + 2], "--") != 0) {
        fprintf(stderr, "usage: dnsd [--log FILE] CONF-TEMPLATE CONF -- PROG ARGS...\n");
        return 2;
    }
    const char *tmpl = argv[i], *conf = argv[i + 1];
    char **prog = argv + i + 3;

    unsigned char a6[16];
    inet_pton(AF_INET6, "2001:db8::1", a6);
    char *o = ip6_owner;
    for (int k = 15; k >= 0; k--) o += sprintf(o, "%x.%x.", a6[k] & 15, a6[k] >> 4);
    strcpy(o, "ip6.arpa");

    /* UDP and TCP on the same port: take a free UDP port and try TCP on it. */
    int udp = -1, tcp = -1;
    for (int tries = 0; tries < 50 && tcp < 0; tries++) {
        udp = bound(SOCK_DGRAM, 0);
        if (udp < 0) break;
        tcp = bound(SOCK_STREAM, port_of(udp));
        if (tcp < 0) close(udp);
    }
    if (tcp < 0 || listen(tcp, 16) < 0) return perror("dnsd: bind"), 2;
    int hole = bound(SOCK_DGRAM, 0);
    if (hole < 0) return perror("dnsd: bind hole"), 2;
    write_conf(tmpl, conf, port_of(udp), port_of(hole));

    logf = fopen(log, "a");
    if (!logf) return perror(log), 2;
    fflush(stdout);
    pid_t server = fork();
    if (server < 0) return perror("fork"), 2;
    if (server == 0) {
        close(STDOUT_FILENO); /* the test program's stdout is checked: the server writes only its log */
        serve(udp, tcp);
    }
    close(udp), close(tcp);
    pid_t child = fork();
    if (child < 0) return perror("fork"), 2;
    if (child == 0) {
        close(hole);
        setenv("VIBIX_RESOLV_CONF", conf, 1);
        execv(prog[0], prog);
        perror(prog[0]);
        _exit(127);
    }
    int st;
    while (waitpid(child, &st, 0) < 0 && errno == EINTR) {}
    kill(server, SIGKILL);
    waitpid(server, NULL, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
