#ifndef _NETINET_IF_ETHER_H
#define _NETINET_IF_ETHER_H
/* Ethernet ARP packets (Linux values). */
#include <features.h>
#include <net/ethernet.h>
#include <net/if_arp.h>
__BEGIN_DECLS
#define ETH_P_PUP 0x0200
#define ETH_P_PUPAT 0x0201
#define ETH_P_X25 0x0805
#define ETH_P_BPQ 0x08FF
#define ETH_P_DEC 0x6000
#define ETH_P_ATALK 0x809B
#define ETH_P_AARP 0x80F3
#define ETH_P_IPX 0x8137
#define ETH_P_PPP_DISC 0x8863
#define ETH_P_PPP_SES 0x8864
#define ETH_P_8021AD 0x88A8
#define ETH_P_802_3 0x0001
#define ETH_P_802_2 0x0004
struct ether_arp {
    struct arphdr ea_hdr;
    uint8_t arp_sha[ETH_ALEN];
    uint8_t arp_spa[4];
    uint8_t arp_tha[ETH_ALEN];
    uint8_t arp_tpa[4];
};
#define arp_hrd ea_hdr.ar_hrd
#define arp_pro ea_hdr.ar_pro
#define arp_hln ea_hdr.ar_hln
#define arp_pln ea_hdr.ar_pln
#define arp_op ea_hdr.ar_op
#define ETHER_MAP_IP_MULTICAST(ipaddr, enaddr) do { \
    (enaddr)[0] = 0x01; (enaddr)[1] = 0x00; (enaddr)[2] = 0x5e; \
    (enaddr)[3] = ((uint8_t *)(ipaddr))[1] & 0x7f; \
    (enaddr)[4] = ((uint8_t *)(ipaddr))[2]; \
    (enaddr)[5] = ((uint8_t *)(ipaddr))[3]; } while (0)
__END_DECLS
#endif
