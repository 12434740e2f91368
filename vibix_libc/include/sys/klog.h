#ifndef _SYS_KLOG_H
#define _SYS_KLOG_H
/* The kernel log buffer (syslog(2), named klogctl to keep syslog(3)). */
#include <features.h>
__BEGIN_DECLS
int klogctl(int, char *, int);
__END_DECLS
#endif
