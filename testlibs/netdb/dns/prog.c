/* Name lookups through the DNS stub resolver against the test's own server
 * (testlibs/netdb/_dns/dnsd.c). Each argument is one lookup:
 *   gai,NAME,FAMILY[,FLAGS]   getaddrinfo (FAMILY 0/4/6; FLAGS: c=CANONNAME m=V4MAPPED a=ALL);
 *                             the addresses are printed sorted (their order depends on the host's routes)
 *   gni,ADDR[,FLAGS]          getnameinfo (FLAGS: r=NAMEREQD n=NUMERICHOST)
 *   ghbn,NAME / ghbn6,NAME / ghba,ADDR   gethostbyname / gethostbyname2(AF_INET6) / gethostbyaddr
 *   resq,NAME / ress,NAME     res_query / res_search for type A, answers parsed with ns_parserr */
#include <arpa/nameser.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* Own formatting and parsing: <arpa/inet.h> is another family's test. */
static void ntop(int af, const void *src, char *buf, size_t n) {
    const unsigned char *b = src;
    if (af == AF_INET)
        snprintf(buf, n, "%d.%d.%d.%d", b[0], b[1], b[2], b[3]);
    else
        snprintf(buf, n, "%x:%x:%x:%x:%x:%x:%x:%x", b[0] << 8 | b[1], b[2] << 8 | b[3], b[4] << 8 | b[5],
                 b[6] << 8 | b[7], b[8] << 8 | b[9], b[10] << 8 | b[11], b[12] << 8 | b[13], b[14] << 8 | b[15]);
}

static void pton4(const char *s, void *dst) {
    unsigned a, b, c, d;
    unsigned char *o = dst;
    sscanf(s, "%u.%u.%u.%u", &a, &b, &c, &d);
    o[0] = a, o[1] = b, o[2] = c, o[3] = d;
}

static void pton6(const char *s, void *dst) {
    struct addrinfo hints = {0}, *res;
    hints.ai_family = AF_INET6;
    hints.ai_flags = AI_NUMERICHOST;
    if (getaddrinfo(s, NULL, &hints, &res) == 0) {
        memcpy(dst, &((struct sockaddr_in6 *)res->ai_addr)->sin6_addr, 16);
        freeaddrinfo(res);
    }
}

static void addr_text(const struct sockaddr *sa, char *buf, size_t n) {
    if (sa->sa_family == AF_INET)
        ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, buf, n);
    else
        ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, buf, n);
}

static int cmp(const void *a, const void *b) { return strcmp(a, b); }

static void gai(char *name, char *fam, char *flags) {
    struct addrinfo hints = {0}, *res, *ai;
    hints.ai_family = *fam == '4' ? AF_INET : *fam == '6' ? AF_INET6 : AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    for (; flags && *flags; flags++)
        hints.ai_flags |= *flags == 'c' ? AI_CANONNAME : *flags == 'm' ? AI_V4MAPPED : *flags == 'a' ? AI_ALL : 0;
    int e = getaddrinfo(name, "80", &hints, &res);
    if (e) {
        printf("  error %d (%s)\n", e, gai_strerror(e));
        return;
    }
    if (res->ai_canonname)
        printf("  canon %s\n", res->ai_canonname);
    char lines[100][80];
    int n = 0;
    for (ai = res; ai && n < 100; ai = ai->ai_next) {
        char buf[64];
        addr_text(ai->ai_addr, buf, sizeof buf);
        snprintf(lines[n++], sizeof lines[0], "  %s port %d", buf, ntohs(((struct sockaddr_in *)ai->ai_addr)->sin_port));
    }
    qsort(lines, n, sizeof lines[0], cmp);
    for (int i = 0; i < n; i++)
        printf("%s\n", lines[i]);
    freeaddrinfo(res);
}

static void gni(char *addr, char *flags) {
    struct sockaddr_storage ss = {0};
    socklen_t len;
    if (strchr(addr, ':')) {
        struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
        s6->sin6_family = AF_INET6;
        s6->sin6_port = htons(53);
        pton6(addr, &s6->sin6_addr);
        len = sizeof *s6;
    } else {
        struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
        s4->sin_family = AF_INET;
        s4->sin_port = htons(53);
        pton4(addr, &s4->sin_addr);
        len = sizeof *s4;
    }
    int f = 0;
    for (; flags && *flags; flags++)
        f |= *flags == 'r' ? NI_NAMEREQD : *flags == 'n' ? NI_NUMERICHOST : 0;
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    int e = getnameinfo((struct sockaddr *)&ss, len, host, sizeof host, serv, sizeof serv, f | NI_NUMERICSERV);
    if (e)
        printf("  error %d (%s)\n", e, gai_strerror(e));
    else
        printf("  host %s serv %s\n", host, serv);
}

static void show_hostent(struct hostent *h, int err) {
    if (!h) {
        printf("  h_errno %d (%s)\n", err, hstrerror(err));
        return;
    }
    printf("  name %s type %d len %d\n", h->h_name, h->h_addrtype, h->h_length);
    for (char **a = h->h_aliases; *a; a++)
        printf("  alias %s\n", *a);
    for (char **a = h->h_addr_list; *a; a++) {
        char buf[64];
        ntop(h->h_addrtype, *a, buf, sizeof buf);
        printf("  addr %s\n", buf);
    }
}

static void resq(char *name, int search) {
    unsigned char ans[4096];
    int n = search ? res_search(name, C_IN, T_A, ans, sizeof ans) : res_query(name, C_IN, T_A, ans, sizeof ans);
    if (n < 0) {
        printf("  h_errno %d\n", h_errno);
        return;
    }
    ns_msg m;
    if (ns_initparse(ans, n, &m) < 0) {
        printf("  unparsable\n");
        return;
    }
    printf("  id-ok answers %d\n", ns_msg_count(m, ns_s_an));
    for (int i = 0; i < ns_msg_count(m, ns_s_an); i++) {
        ns_rr rr;
        if (ns_parserr(&m, ns_s_an, i, &rr) < 0)
            break;
        char buf[64] = "";
        if (ns_rr_type(rr) == ns_t_a)
            ntop(AF_INET, ns_rr_rdata(rr), buf, sizeof buf);
        else if (ns_rr_type(rr) == ns_t_cname)
            dn_expand(ns_msg_base(m), ns_msg_end(m), ns_rr_rdata(rr), buf, sizeof buf);
        printf("  %s type %d ttl %u %s\n", ns_rr_name(rr), ns_rr_type(rr), ns_rr_ttl(rr), buf);
    }
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IONBF, 0);
    for (int i = 1; i < argc; i++) {
        char *arg = strdup(argv[i]);
        char *cmd = strtok(arg, ","), *a = strtok(NULL, ","), *b = strtok(NULL, ","), *c = strtok(NULL, ",");
        printf("%s\n", argv[i]);
        if (!strcmp(cmd, "gai"))
            gai(a, b ? b : "0", c);
        else if (!strcmp(cmd, "gni"))
            gni(a, b);
        else if (!strcmp(cmd, "ghbn")) {
            struct hostent *h = gethostbyname(a);
            show_hostent(h, h_errno);
        } else if (!strcmp(cmd, "ghbn6")) {
            struct hostent *h = gethostbyname2(a, AF_INET6);
            show_hostent(h, h_errno);
        } else if (!strcmp(cmd, "ghba")) {
            struct in_addr in;
            pton4(a, &in);
            struct hostent *h = gethostbyaddr(&in, sizeof in, AF_INET);
            show_hostent(h, h_errno);
        } else if (!strcmp(cmd, "resq"))
            resq(a, 0);
        else if (!strcmp(cmd, "ress"))
            resq(a, 1);
        free(arg);
    }
    return 0;
}
