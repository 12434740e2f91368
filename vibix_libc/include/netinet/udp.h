#ifndef _NETINET_UDP_H
#define _NETINET_UDP_H
/* The UDP header (both the BSD uh_* and the Linux field names) and socket options. */
#include <features.h>
#include <stdint.h>
__BEGIN_DECLS
struct udphdr {
    __extension__ union {
        struct { uint16_t uh_sport, uh_dport, uh_ulen, uh_sum; };
        struct { uint16_t source, dest, len, check; };
    };
};
#define UDP_CORK 1
#define UDP_ENCAP 100
#define UDP_NO_CHECK6_TX 101
#define UDP_NO_CHECK6_RX 102
#define UDP_SEGMENT 103
#define UDP_GRO 104
#define UDP_ENCAP_ESPINUDP_NON_IKE 1
#define UDP_ENCAP_ESPINUDP 2
#define UDP_ENCAP_L2TPINUDP 3
#define SOL_UDP 17
__END_DECLS
#endif
