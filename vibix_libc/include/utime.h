#ifndef _UTIME_H
#define _UTIME_H
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
struct utimbuf { time_t actime; time_t modtime; };
int utime(const char *, const struct utimbuf *);
__END_DECLS
#endif
