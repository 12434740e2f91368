/* getifaddrs and if_nameindex on this host: the same list as glibc's
 * (names, flags, addresses, netmasks, broadcast/peer addresses, AF_PACKET
 * hardware addresses). Counters (ifa_data) change between runs: only their
 * presence is compared. */
#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>

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

int main(void) {
    struct ifaddrs *list, *i;
    if (getifaddrs(&list) != 0) {
        perror("getifaddrs");
        return 1;
    }
    for (i = list; i; i = i->ifa_next) {
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
        printf("if %u %s nametoindex %u indextoname %s\n", p->if_index, p->if_name, if_nametoindex(p->if_name),
               if_indextoname(p->if_index, name) ? name : "NULL");
    }
    if_freenameindex(ni);
    return 0;
}
