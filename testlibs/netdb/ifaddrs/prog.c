/* getifaddrs and if_nameindex on this host: the same list as glibc's
 * (names, flags, addresses, netmasks, broadcast/peer addresses, AF_PACKET
 * hardware addresses). Counters (ifa_data) change between runs: only their
 * presence is compared.
 * With an interface name (`prog lo`): only that interface, then what the
 * kernel answers about it directly: the SIOCGIF* ioctls and rtnetlink
 * requests sent by hand (a link by index and by name with NLM_F_ACK, an
 * unknown index, an unknown message type, an address dump of one family),
 * so the output is the same on any Linux machine, and on vibix. */
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#define AF_PACKET_ 17

static void sa_text(const struct sockaddr *sa) {
    if (!sa) {
        printf(" -");
        return;
    }
    if (sa->sa_family == AF_PACKET_) {
        const unsigned char *b = (const unsigned char *)sa;
        int halen = b[11];
        printf(" packet(ifindex %d hatype %d halen %d", *(const int *)(b + 4), *(const unsigned short *)(b + 8), halen);
        for (int i = 0; i < halen; i++)
            printf("%s%02x", i ? ":" : " ", b[12 + i]);
        printf(")");
        return;
    }
    char host[NI_MAXHOST];
    socklen_t len = sa->sa_family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
    int e = getnameinfo(sa, len, host, sizeof host, NULL, 0, NI_NUMERICHOST);
    printf(" %s", e ? gai_strerror(e) : host);
}

/* The netlink ABI (the test's own copy: vibix, like musl, installs no <linux/*.h>). */
struct nlhdr { unsigned len; unsigned short type, flags; unsigned seq, pid; };
struct nladdr { unsigned short family, pad; unsigned pid, groups; };
enum { NLMSG_ERROR_ = 2, NLMSG_DONE_ = 3, F_REQUEST = 1, F_MULTI = 2, F_ACK = 4, F_DUMP = 0x300,
       RTM_NEWLINK_ = 16, RTM_GETLINK_ = 18, RTM_NEWADDR_ = 20, RTM_GETADDR_ = 22,
       IFLA_IFNAME_ = 3, IFLA_MTU_ = 4, IFLA_TXQLEN_ = 13, IFA_ADDRESS_ = 1, IFA_LABEL_ = 3 };

static unsigned rd32(const unsigned char *p) { unsigned v; memcpy(&v, p, 4); return v; }

/* The rtattrs of a message body after `fixed` bytes that the test looks at. */
static void show_attrs(const unsigned char *b, unsigned len, unsigned fixed, int link) {
    for (unsigned at = fixed; at + 4 <= len;) {
        unsigned short alen, ty;
        memcpy(&alen, b + at, 2);
        memcpy(&ty, b + at + 2, 2);
        if (alen < 4 || at + alen > len)
            break;
        const unsigned char *d = b + at + 4;
        if (link && ty == IFLA_IFNAME_)
            printf(" name=%s", (const char *)d);
        else if (link && (ty == IFLA_MTU_ || ty == IFLA_TXQLEN_))
            printf(" %s=%u", ty == IFLA_MTU_ ? "mtu" : "txqlen", rd32(d));
        else if (!link && ty == IFA_ADDRESS_) {
            char t[64];
            inet_ntop(alen - 4 == 4 ? AF_INET : AF_INET6, d, t, sizeof t);
            printf(" address=%s", t);
        } else if (!link && ty == IFA_LABEL_)
            printf(" label=%s", (const char *)d);
        at += (alen + 3) & ~3u;
    }
}

/* Sends one request and prints the answer up to NLMSG_DONE, an error/ack, or
 * (for a single reply without ack) the first message. Only messages about
 * interface `only` are shown; the others are counted. */
static void request(const char *what, unsigned short type, unsigned short flags, const void *body, unsigned blen, int only) {
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, 0);
    struct nladdr me = { AF_NETLINK, 0, 0, 0 }, kernel = { AF_NETLINK, 0, 0, 0 };
    socklen_t ml = sizeof me;
    if (fd < 0 || bind(fd, (struct sockaddr *)&me, sizeof me) || getsockname(fd, (struct sockaddr *)&me, &ml)) {
        printf("%s: socket/bind/getsockname: %s\n", what, strerror(errno));
        return;
    }
    unsigned char req[256];
    struct nlhdr h = { sizeof h + blen, type, flags, 77, 0 };
    memcpy(req, &h, sizeof h);
    memcpy(req + sizeof h, body, blen);
    if (sendto(fd, req, h.len, 0, (struct sockaddr *)&kernel, sizeof kernel) != (ssize_t)h.len) {
        printf("%s: sendto: %s\n", what, strerror(errno));
        close(fd);
        return;
    }
    printf("%s: bound family %d, port id %s\n", what, me.family, me.pid ? "set" : "0");
    int finished = 0;
    static unsigned char buf[65536];
    while (!finished) {
        struct nladdr from;
        struct iovec iov = { buf, sizeof buf };
        struct msghdr m = { &from, sizeof from, &iov, 1, NULL, 0, 0 };
        ssize_t n = recvmsg(fd, &m, 0);
        if (n < 0) {
            printf("  recvmsg: %s\n", strerror(errno));
            break;
        }
        if (from.family != AF_NETLINK || from.pid != 0 || (m.msg_flags & MSG_TRUNC))
            printf("  datagram from family %d pid %u flags %#x\n", from.family, from.pid, m.msg_flags);
        for (ssize_t at = 0; at + (ssize_t)sizeof h <= n;) {
            struct nlhdr r;
            memcpy(&r, buf + at, sizeof r);
            if (r.len < sizeof r || at + r.len > n) {
                printf("  bad message length %u\n", r.len);
                finished = 1;
                break;
            }
            const unsigned char *b = buf + at + sizeof r;
            unsigned blen2 = r.len - sizeof r;
            const char *mine = r.seq == 77 && r.pid == me.pid ? "" : " (seq/pid differ)";
            if (r.type == NLMSG_DONE_) {
                printf("  DONE flags %#x value %d%s\n", r.flags, (int)rd32(b), mine);
                finished = 1;
            } else if (r.type == NLMSG_ERROR_) {
                struct nlhdr echo;
                memcpy(&echo, b + 4, sizeof echo);
                printf("  ERROR %d (%s) about type %u seq %u, %u bytes%s\n", (int)rd32(b), strerror(-(int)rd32(b)), echo.type, echo.seq,
                       blen2, mine);
                finished = 1;
            } else if (r.type == RTM_NEWLINK_ && (int)rd32(b + 4) == only) {
                unsigned short hatype;
                memcpy(&hatype, b + 2, 2);
                printf("  NEWLINK flags %#x index %d type %u ifflags %#x", r.flags, (int)rd32(b + 4), hatype, rd32(b + 8));
                show_attrs(b, blen2, 16, 1);
                printf("%s\n", mine);
                finished = !(flags & (F_DUMP | F_ACK));
            } else if (r.type == RTM_NEWADDR_ && (int)rd32(b + 4) == only) {
                printf("  NEWADDR flags %#x family %d prefix %d scope %d index %d", r.flags, b[0], b[1], b[3], (int)rd32(b + 4));
                show_attrs(b, blen2, 8, 0);
                printf("%s\n", mine);
            }
            at += (r.len + 3) & ~3u;
        }
    }
    close(fd);
}

static void ioctls(const char *name) {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct ifreq r;
    char t[64];
#define Q(cmd)                                                                 \
    (memset(&r, 0, sizeof r), strncpy(r.ifr_name, name, IFNAMSIZ - 1),        \
     ioctl(fd, cmd, &r) == 0 ? 1 : (printf(#cmd ": %s\n", strerror(errno)), 0))
    if (Q(SIOCGIFINDEX))
        printf("SIOCGIFINDEX %d\n", r.ifr_ifindex);
    if (Q(SIOCGIFFLAGS))
        printf("SIOCGIFFLAGS %#x\n", (unsigned short)r.ifr_flags);
    if (Q(SIOCGIFMTU))
        printf("SIOCGIFMTU %d\n", r.ifr_mtu);
    if (Q(SIOCGIFTXQLEN))
        printf("SIOCGIFTXQLEN %d\n", r.ifr_qlen);
    if (Q(SIOCGIFHWADDR)) {
        printf("SIOCGIFHWADDR family %d", r.ifr_hwaddr.sa_family);
        for (int k = 0; k < 6; k++)
            printf("%s%02x", k ? ":" : " ", (unsigned char)r.ifr_hwaddr.sa_data[k]);
        printf("\n");
    }
    if (Q(SIOCGIFADDR))
        printf("SIOCGIFADDR %d %s\n", r.ifr_addr.sa_family, inet_ntop(AF_INET, &((struct sockaddr_in *)&r.ifr_addr)->sin_addr, t, sizeof t));
    if (Q(SIOCGIFNETMASK))
        printf("SIOCGIFNETMASK %d %s\n", r.ifr_netmask.sa_family,
               inet_ntop(AF_INET, &((struct sockaddr_in *)&r.ifr_netmask)->sin_addr, t, sizeof t));
    memset(&r, 0, sizeof r);
    r.ifr_ifindex = if_nametoindex(name);
    printf("SIOCGIFNAME %d: %s\n", ioctl(fd, SIOCGIFNAME, &r), r.ifr_name);
    memset(&r, 0, sizeof r);
    strcpy(r.ifr_name, "nosuch0");
    int rc = ioctl(fd, SIOCGIFFLAGS, &r);
    printf("SIOCGIFFLAGS nosuch0: %d %s\n", rc, strerror(errno));
    r.ifr_ifindex = 99999;
    rc = ioctl(fd, SIOCGIFNAME, &r);
    printf("SIOCGIFNAME 99999: %d %s\n", rc, strerror(errno));
    /* SIOCGIFCONF: the length alone, then the entries (IPv4 addresses), ours shown. */
    struct ifconf c = { 0 };
    int e = ioctl(fd, SIOCGIFCONF, &c);
    struct ifreq all[64];
    int need = c.ifc_len;
    c.ifc_len = sizeof all;
    c.ifc_req = all;
    e |= ioctl(fd, SIOCGIFCONF, &c);
    printf("SIOCGIFCONF %d, length query equal %d, entry size %zu:", e, need == c.ifc_len, sizeof(struct ifreq));
    for (int k = 0; k < c.ifc_len / (int)sizeof(struct ifreq); k++)
        if (strcmp(all[k].ifr_name, name) == 0)
            printf(" %s %s", all[k].ifr_name, inet_ntop(AF_INET, &((struct sockaddr_in *)&all[k].ifr_addr)->sin_addr, t, sizeof t));
    c.ifc_len = sizeof(struct ifreq) + 3; /* room for one whole entry */
    e = ioctl(fd, SIOCGIFCONF, &c);
    printf("; one entry: %d length %d\n", e, c.ifc_len);
    close(fd);
    char nm[IF_NAMESIZE];
    const char *got = if_indextoname(99999, nm) ? nm : "NULL";
    int e1 = errno;
    unsigned ix = if_nametoindex("nosuch0");
    printf("if_indextoname 99999: %s %s; if_nametoindex nosuch0: %u %s\n", got, strerror(e1), ix, strerror(errno));
}

int main(int argc, char **argv) {
    const char *only = argc > 1 ? argv[1] : NULL;
    struct ifaddrs *list, *i;
    if (getifaddrs(&list) != 0) {
        perror("getifaddrs");
        return 1;
    }
    for (i = list; i; i = i->ifa_next) {
        if (only && strcmp(i->ifa_name, only) != 0)
            continue;
        printf("%s flags %#x family %d", i->ifa_name, i->ifa_flags, i->ifa_addr ? i->ifa_addr->sa_family : -1);
        sa_text(i->ifa_addr);
        printf(" mask");
        sa_text(i->ifa_netmask);
        if (i->ifa_flags & IFF_POINTOPOINT) {
            printf(" peer");
            sa_text(i->ifa_dstaddr);
        } else if (i->ifa_flags & IFF_BROADCAST) {
            printf(" brd");
            sa_text(i->ifa_broadaddr);
        }
        printf(" data %s\n", i->ifa_data ? "yes" : "no");
    }
    freeifaddrs(list);
    struct if_nameindex *ni = if_nameindex();
    if (!ni) {
        perror("if_nameindex");
        return 1;
    }
    for (struct if_nameindex *p = ni; p->if_index; p++) {
        char name[IF_NAMESIZE];
        if (only && strcmp(p->if_name, only) != 0)
            continue;
        printf("if %u %s nametoindex %u indextoname %s\n", p->if_index, p->if_name, if_nametoindex(p->if_name),
               if_indextoname(p->if_index, name) ? name : "NULL");
    }
    if_freenameindex(ni);
    if (!only)
        return 0;
    ioctls(only);
    int index = if_nametoindex(only);
    unsigned char ifi[16 + 8] = { 0 }; /* ifinfomsg, then room for an IFLA_IFNAME attribute */
    request("link dump", RTM_GETLINK_, F_REQUEST | F_DUMP, ifi, 16, index);
    memcpy(ifi + 4, &index, 4);
    request("link by index, ack", RTM_GETLINK_, F_REQUEST | F_ACK, ifi, 16, index);
    request("link by index, no ack", RTM_GETLINK_, F_REQUEST, ifi, 16, index);
    memset(ifi, 0, sizeof ifi);
    unsigned short alen = 4 + strlen(only) + 1, aty = IFLA_IFNAME_;
    memcpy(ifi + 16, &alen, 2);
    memcpy(ifi + 18, &aty, 2);
    memcpy(ifi + 20, only, strlen(only) + 1);
    request("link by name", RTM_GETLINK_, F_REQUEST, ifi, 16 + ((alen + 3) & ~3u), index);
    memset(ifi, 0, sizeof ifi);
    int bad = 99999;
    memcpy(ifi + 4, &bad, 4);
    request("link 99999", RTM_GETLINK_, F_REQUEST, ifi, 16, index);
    request("unknown type", 0x7ff, F_REQUEST | F_ACK, ifi, 16, index);
    unsigned char ifa[8] = { AF_INET6 };
    request("address dump, IPv6", RTM_GETADDR_, F_REQUEST | F_DUMP, ifa, 8, index);
    ifa[0] = AF_INET;
    request("address dump, IPv4", RTM_GETADDR_, F_REQUEST | F_DUMP, ifa, 8, index);
    ifa[0] = AF_UNSPEC;
    request("address dump, all", RTM_GETADDR_, F_REQUEST | F_DUMP, ifa, 1, index);
    return 0;
}
