/* <arpa/inet.h> and <netinet/ether.h> against glibc: byte order, every
   inet_aton form, strict inet_pton, RFC 5952 inet_ntop, classful helpers,
   Ethernet address text. */
#include <arpa/inet.h>
#include <netinet/ether.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static void aton(const char *s) {
    struct in_addr a = {0};
    int r = inet_aton(s, &a);
    printf("aton %-18s -> %d %08x addr %08x network %08x\n", s, r, ntohl(a.s_addr), ntohl(inet_addr(s)), inet_network(s));
}

static void pton4(const char *s) {
    struct in_addr a = {0};
    int r = inet_pton(AF_INET, s, &a);
    printf("pton4 %-18s -> %d %08x\n", s, r, ntohl(a.s_addr));
}

static void pton6(const char *s) {
    unsigned char a[16] = {0};
    char out[INET6_ADDRSTRLEN];
    int r = inet_pton(AF_INET6, s, a);
    printf("pton6 %-28s -> %d", s, r);
    if (r == 1)
        printf(" %s", inet_ntop(AF_INET6, a, out, sizeof out));
    printf("\n");
}

static void ntop6(const unsigned short w[8]) {
    unsigned char a[16];
    char out[INET6_ADDRSTRLEN];
    for (int i = 0; i < 8; i++) {
        a[2 * i] = w[i] >> 8;
        a[2 * i + 1] = w[i] & 0xff;
    }
    printf("ntop6 %s\n", inet_ntop(AF_INET6, a, out, sizeof out));
}

int main(void) {
    printf("%08x %04x %08x %04x\n", htonl(0x01020304), htons(0x0102), ntohl(0x01020304), ntohs(0x0102));
    const char *a4[] = {"1.2.3.4", "127.1", "10.0x10.7", "0x7f.1", "012.1.2.3", "4294967295", "1.2.3.4 junk",
                        "1.2.3.256", "1.2.3", "1.16777215", "1.16777216", "08.1.1.1", "", "1..2", "1.2.3.4.5",
                        "0x", "0", "255.255.255.255", "1.2.3.4x", " 1.2.3.4", "0xffffffff", "1.2.300"};
    for (unsigned i = 0; i < sizeof a4 / sizeof *a4; i++)
        aton(a4[i]);
    const char *p4[] = {"1.2.3.4", "01.2.3.4", "1.2.3", "256.1.1.1", "1.2.3.4 ", "0.0.0.0", "255.255.255.255", "1.2.3.04", "a.b.c.d"};
    for (unsigned i = 0; i < sizeof p4 / sizeof *p4; i++)
        pton4(p4[i]);
    const char *p6[] = {"::", "::1", "1::", "1:2:3:4:5:6:7:8", "1:0:0:0:0:0:0:8", "fe80::1:2", "::ffff:1.2.3.4",
                        "::1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1::2::3", ":1::2",
                        "1:2:3:4:5:6:7:8:9", "12345::", "1:2:3:4:5:6:7", "ABCD:EF01::", "1::1.2.3.4.5", "::ffff:1.2.3",
                        "1:", "1::2:", "2001:db8:0:0:1:0:0:1", "2001:0:0:1:0:0:0:1", "0:0:1::", "::0.0.0.1"};
    for (unsigned i = 0; i < sizeof p6 / sizeof *p6; i++)
        pton6(p6[i]);
    unsigned short w[][8] = {{0, 0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0, 1}, {1, 0, 0, 2, 0, 0, 0, 3},
                             {1, 0, 2, 0, 3, 0, 4, 0}, {0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304},
                             {0, 0, 0, 0, 0, 0, 0x0102, 0x0304}, {0xfe80, 0, 0, 0, 0x1234, 0, 0, 0},
                             {0, 0, 0, 0, 0, 0xfffe, 1, 2}, {0, 1, 0, 0, 0, 0, 0, 0}};
    for (unsigned i = 0; i < sizeof w / sizeof *w; i++)
        ntop6(w[i]);
    char small[8];
    struct in_addr x = {htonl(0xc0a80101)};
    errno = 0;
    const char *np = inet_ntop(AF_INET, &x, small, sizeof small);
    printf("ntop small: %p errno %d\n", (void *)np, errno);
    printf("ntop 16: %s\n", inet_ntop(AF_INET, &x, (char[16]){0}, 16));
    errno = 0;
    int pr = inet_pton(12345, "1.2.3.4", &x);
    printf("pton af: %d errno %d\n", pr, errno);
    printf("ntoa %s\n", inet_ntoa(x));
    unsigned nets[] = {10, 172 << 8 | 16, 192 << 16 | 168 << 8 | 1, 0x01020304u};
    for (int i = 0; i < 4; i++) {
        struct in_addr m = inet_makeaddr(nets[i], 0x55);
        printf("makeaddr %08x lnaof %08x netof %08x\n", ntohl(m.s_addr), inet_lnaof(m), inet_netof(m));
    }

    struct ether_addr e = {{0x00, 0x1a, 0x2b, 0xc3, 0x04, 0xff}}, *ep;
    char buf[18];
    printf("ether %s / %s\n", ether_ntoa(&e), ether_ntoa_r(&e, buf));
    const char *es[] = {"0:1a:2b:c3:4:ff", "00:1A:2B:C3:04:FF", "1:2:3:4:5", "1:2:3:4:5:6:7", "123:1:1:1:1:1", "g:1:1:1:1:1"};
    for (int i = 0; i < 6; i++) {
        ep = ether_aton(es[i]);
        printf("aton %s -> %s\n", es[i], ep ? ether_ntoa(ep) : "(null)");
    }
    char host[256];
    int r = ether_line("08:00:20:01:02:03 alpha.example # comment", &e, host);
    printf("line %d %s %s\n", r, ether_ntoa(&e), r == 0 ? host : "");
    r = ether_line("# only a comment", &e, host);
    printf("line %d\n", r);
    return 0;
}
