/* netdb over the host's files (/etc/hosts, /etc/services, /etc/protocols,
 * /etc/networks) and numeric forms: the same output as glibc. No lookup here
 * reaches DNS (every name is in /etc/hosts or numeric). */
#include <errno.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static void show_sa(const struct sockaddr *sa) {
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    int e = getnameinfo(sa, sa->sa_family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6), host,
                        sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV);
    printf("%s port %s", e ? gai_strerror(e) : host, e ? "?" : serv);
}

static void gai(const char *node, const char *service, int family, int socktype, int flags, int use_hints) {
    struct addrinfo hints = {0}, *res, *ai;
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_flags = flags;
    printf("getaddrinfo(%s, %s, family %d, socktype %d, flags %#x%s):\n", node ? node : "NULL",
           service ? service : "NULL", family, socktype, flags, use_hints ? "" : ", no hints");
    int e = getaddrinfo(node, service, use_hints ? &hints : NULL, &res);
    if (e) {
        printf("  error %d: %s\n", e, gai_strerror(e));
        return;
    }
    for (ai = res; ai; ai = ai->ai_next) {
        printf("  family %d socktype %d protocol %d addrlen %u ", ai->ai_family, ai->ai_socktype, ai->ai_protocol,
               ai->ai_addrlen);
        show_sa(ai->ai_addr);
        if (ai->ai_canonname)
            printf(" canon %s", ai->ai_canonname);
        printf("\n");
    }
    freeaddrinfo(res);
}

static void gni(const char *addr, int port, int flags, socklen_t hostlen) {
    struct addrinfo hints = {0}, *res;
    hints.ai_flags = AI_NUMERICHOST;
    if (getaddrinfo(addr, NULL, &hints, &res)) {
        printf("cannot parse %s\n", addr);
        return;
    }
    ((struct sockaddr_in *)res->ai_addr)->sin_port = htons(port);
    char host[NI_MAXHOST] = "-", serv[NI_MAXSERV] = "-";
    int e = getnameinfo(res->ai_addr, res->ai_addrlen, host, hostlen, serv, sizeof serv, flags);
    printf("getnameinfo(%s, %d, flags %#x, hostlen %u): ", addr, port, flags, hostlen);
    if (e)
        printf("error %d: %s\n", e, gai_strerror(e));
    else
        printf("host %s serv %s\n", host, serv);
    freeaddrinfo(res);
}

static void show_serv(const char *what, struct servent *s) {
    printf("%s: ", what);
    if (!s) {
        printf("NULL\n");
        return;
    }
    printf("%s %d/%s", s->s_name, ntohs(s->s_port), s->s_proto);
    for (char **a = s->s_aliases; *a; a++)
        printf(" alias %s", *a);
    printf("\n");
}

static void show_proto(const char *what, struct protoent *p) {
    printf("%s: ", what);
    if (!p) {
        printf("NULL\n");
        return;
    }
    printf("%s %d", p->p_name, p->p_proto);
    for (char **a = p->p_aliases; *a; a++)
        printf(" alias %s", *a);
    printf("\n");
}

static void show_host(const char *what, struct hostent *h) {
    printf("%s: ", what);
    if (!h) {
        printf("NULL h_errno %d\n", h_errno);
        return;
    }
    printf("%s type %d len %d", h->h_name, h->h_addrtype, h->h_length);
    for (char **a = h->h_aliases; *a; a++)
        printf(" alias %s", *a);
    for (char **a = h->h_addr_list; *a; a++) {
        unsigned char *b = (unsigned char *)*a;
        printf(" addr");
        for (int i = 0; i < h->h_length; i++)
            printf("%s%d", i ? "." : " ", b[i]);
    }
    printf("\n");
}

int main(void) {
    gai("localhost", "80", AF_UNSPEC, SOCK_STREAM, 0, 1);
    gai("localhost", NULL, AF_INET, 0, AI_CANONNAME, 1);
    gai("localhost", "http", AF_UNSPEC, 0, 0, 0);
    gai("127.0.0.1", "8080", AF_UNSPEC, 0, 0, 1);
    gai("127.0.0.1", "domain", AF_INET, 0, 0, 1);
    gai("127.0.0.1", "ssh", AF_INET, SOCK_DGRAM, 0, 1);
    gai("127.1", "1", AF_INET, SOCK_STREAM, 0, 1);
    gai("::1", "99999", AF_INET6, SOCK_DGRAM, AI_CANONNAME, 1);
    gai("::ffff:10.0.0.1", "1", AF_UNSPEC, SOCK_STREAM, 0, 1);
    gai("10.0.0.1", "1", AF_INET6, SOCK_STREAM, AI_V4MAPPED, 1);
    gai(NULL, "http", AF_UNSPEC, SOCK_STREAM, AI_PASSIVE, 1);
    gai(NULL, "443", AF_INET6, SOCK_STREAM, 0, 1);
    gai(NULL, "443", AF_UNSPEC, SOCK_STREAM, 0, 1);
    gai(NULL, NULL, AF_UNSPEC, 0, 0, 1);
    gai("localhost", "80", AF_UNSPEC, SOCK_STREAM, AI_NUMERICHOST, 1);
    gai("127.0.0.1", "http", AF_UNSPEC, SOCK_STREAM, AI_NUMERICSERV, 1);
    gai("127.0.0.1", "no-such-service", AF_UNSPEC, 0, 0, 1);
    gai("127.0.0.1", "80", 12345, 0, 0, 1);
    gai("127.0.0.1", "80", AF_INET, 12345, 0, 1);
    gai("127.0.0.1", "80", AF_INET, 0, 0x10000, 1);
    gai(NULL, "80", AF_INET, 0, AI_CANONNAME, 1);
    gai("::1", "80", AF_INET, 0, 0, 1);
    gai("127.0.0.1", "80", AF_INET6, 0, 0, 1);
    gai("1.2.3.4.5", "80", AF_INET, 0, AI_NUMERICHOST, 1);

    gni("127.0.0.1", 22, 0, NI_MAXHOST);
    gni("127.0.0.1", 53, NI_DGRAM, NI_MAXHOST);
    gni("127.0.0.1", 65000, 0, NI_MAXHOST);
    gni("127.0.0.1", 80, NI_NUMERICHOST | NI_NUMERICSERV, NI_MAXHOST);
    gni("127.0.0.1", 80, NI_NUMERICHOST, 4);
    gni("::1", 443, NI_NUMERICHOST, NI_MAXHOST);
    gni("::ffff:1.2.3.4", 443, NI_NUMERICHOST, NI_MAXHOST);
    gni("fe80::1", 0, NI_NUMERICHOST | NI_NUMERICSERV, NI_MAXHOST);
    gni("2001:db8::1:0:0:1", 1, NI_NUMERICHOST | NI_NUMERICSERV, NI_MAXHOST);

    show_serv("getservbyname(http, tcp)", getservbyname("http", "tcp"));
    show_serv("getservbyname(domain, NULL)", getservbyname("domain", NULL));
    show_serv("getservbyname(www, tcp)", getservbyname("www", "tcp"));
    show_serv("getservbyname(http, udp)", getservbyname("http", "udp"));
    show_serv("getservbyport(53, udp)", getservbyport(htons(53), "udp"));
    show_serv("getservbyport(22, NULL)", getservbyport(htons(22), NULL));
    show_serv("getservbyport(1, tcp)", getservbyport(htons(1), "tcp"));
    show_serv("getservbyport(65001, tcp)", getservbyport(htons(65001), "tcp"));
    struct servent se, *sp = NULL;
    char buf[1024];
    int r = getservbyname_r("smtp", "tcp", &se, buf, sizeof buf, &sp);
    printf("getservbyname_r(smtp): %d %s\n", r, sp ? sp->s_name : "NULL");
    r = getservbyname_r("smtp", "tcp", &se, buf, 8, &sp);
    printf("getservbyname_r(smtp, 8 bytes): %d %s\n", r, sp ? sp->s_name : "NULL");
    setservent(0);
    show_serv("getservent #1", getservent());
    show_serv("getservent #2", getservent());
    endservent();

    show_proto("getprotobyname(tcp)", getprotobyname("tcp"));
    show_proto("getprotobyname(UDP)", getprotobyname("UDP"));
    show_proto("getprotobyname(nope)", getprotobyname("nope"));
    show_proto("getprotobynumber(1)", getprotobynumber(1));
    show_proto("getprotobynumber(58)", getprotobynumber(58));
    show_proto("getprotobynumber(254)", getprotobynumber(254));
    setprotoent(0);
    show_proto("getprotoent #1", getprotoent());
    endprotoent();

    show_host("gethostbyname(localhost)", gethostbyname("localhost"));
    show_host("gethostbyname(10.1.2.3)", gethostbyname("10.1.2.3"));
    show_host("gethostbyname2(localhost, AF_INET)", gethostbyname2("localhost", AF_INET));
    unsigned char lo[4] = {127, 0, 0, 1};
    show_host("gethostbyaddr(127.0.0.1)", gethostbyaddr(lo, 4, AF_INET));
    struct hostent he, *hp = NULL;
    char hbuf[2048];
    int herr = 0;
    r = gethostbyname_r("localhost", &he, hbuf, sizeof hbuf, &hp, &herr);
    printf("gethostbyname_r(localhost): %d %s\n", r, hp ? hp->h_name : "NULL");
    r = gethostbyname_r("localhost", &he, hbuf, 4, &hp, &herr);
    printf("gethostbyname_r(localhost, 4 bytes): %d %s\n", r, hp ? hp->h_name : "NULL");
    sethostent(0);
    show_host("gethostent #1", gethostent());
    endhostent();

    struct netent *n = getnetbyname("loopback");
    printf("getnetbyname(loopback): %s %#x\n", n ? n->n_name : "NULL", n ? n->n_net : 0);
    n = getnetbyaddr(127, AF_INET);
    printf("getnetbyaddr(127): %s\n", n ? n->n_name : "NULL");

    for (int e = -12; e <= 0; e++)
        printf("gai_strerror(%d) = %s\n", e, gai_strerror(e));
    for (int e = 0; e <= 4; e++)
        printf("hstrerror(%d) = %s\n", e, hstrerror(e));

    char name[IF_NAMESIZE];
    printf("if_nametoindex(lo) = %u\n", if_nametoindex("lo"));
    printf("if_indextoname(1) = %s\n", if_indextoname(1, name) ? name : "NULL");
    errno = 0;
    printf("if_nametoindex(nope0) = %u errno %d\n", if_nametoindex("nope0"), errno);
    errno = 0;
    printf("if_indextoname(99999) = %s errno %d\n", if_indextoname(99999, name) ? name : "NULL", errno);
    return 0;
}
