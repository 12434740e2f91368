#ifndef _SYS_UN_H
#define _SYS_UN_H
/* Unix-domain socket addresses. */
#include <features.h>
#include <sys/socket.h>
__BEGIN_DECLS
struct sockaddr_un {
    sa_family_t sun_family;
    char sun_path[108];
};
#define SUN_LEN(s) (__builtin_offsetof(struct sockaddr_un, sun_path) + __builtin_strlen((s)->sun_path))
__END_DECLS
#endif
