#ifndef _ERRNO_H
#define _ERRNO_H
#include <features.h>
__BEGIN_DECLS
int *__errno_location(void) __attribute__((__const__));
#define errno (*__errno_location())
extern char *program_invocation_name;
extern char *program_invocation_short_name;
__END_DECLS

#include <bits/errno.h>
#endif
