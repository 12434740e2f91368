#ifndef _NETINET_ETHER_H
#define _NETINET_ETHER_H
/* Ethernet address text conversion and /etc/ethers: vibix_libc/src/header/netinet_ether. */
#include <features.h>
#include <netinet/if_ether.h>
#include <net/ethernet.h>
__BEGIN_DECLS
char *ether_ntoa(const struct ether_addr *);
struct ether_addr *ether_aton(const char *);
char *ether_ntoa_r(const struct ether_addr *, char *);
struct ether_addr *ether_aton_r(const char *, struct ether_addr *);
int ether_line(const char *, struct ether_addr *, char *);
int ether_ntohost(char *, const struct ether_addr *);
int ether_hostton(const char *, struct ether_addr *);
__END_DECLS
#endif
