#ifndef _NETINET_IN_SYSTM_H
#define _NETINET_IN_SYSTM_H
/* Network-order integer types of the old BSD headers. */
#include <stdint.h>
typedef uint16_t n_short;
typedef uint32_t n_long, n_time;
#endif
