#ifndef _LIBGEN_H
#define _LIBGEN_H
/* POSIX path-name parts: vibix_libc/src/header/libgen. */
#include <features.h>
__BEGIN_DECLS
char *dirname(char *);
char *basename(char *);
__END_DECLS
#endif
