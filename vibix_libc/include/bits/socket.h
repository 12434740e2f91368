/* <bits/socket.h>: struct msghdr and struct cmsghdr of Linux x86_64 (from <sys/socket.h>). */
#ifndef _BITS_SOCKET_H
#define _BITS_SOCKET_H
#include <bits/types.h>
#include <sys/uio.h>
struct msghdr {
    void *msg_name; socklen_t msg_namelen;
    struct iovec *msg_iov; size_t msg_iovlen;
    void *msg_control; size_t msg_controllen;
    int msg_flags;
};
struct cmsghdr { size_t cmsg_len; int cmsg_level; int cmsg_type; };
#endif
