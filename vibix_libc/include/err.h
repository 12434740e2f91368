#ifndef _ERR_H
#define _ERR_H
/* BSD error messages: vibix_libc/src/header/err. */
#include <features.h>
#include <stdarg.h>
__BEGIN_DECLS
void warn(const char *, ...);
void vwarn(const char *, va_list);
void warnx(const char *, ...);
void vwarnx(const char *, va_list);
__noreturn void err(int, const char *, ...);
__noreturn void verr(int, const char *, va_list);
__noreturn void errx(int, const char *, ...);
__noreturn void verrx(int, const char *, va_list);
__END_DECLS
#endif
