/* <monetary.h>: strfmon (monetary values formatted by the locale's
   LC_MONETARY; every vibix locale has the C conventions). */
#ifndef _MONETARY_H
#define _MONETARY_H
#include <features.h>
#include <bits/types.h>
#include <bits/locale_t.h>
__BEGIN_DECLS
ssize_t strfmon(char *__restrict, size_t, const char *__restrict, ...);
ssize_t strfmon_l(char *__restrict, size_t, locale_t, const char *__restrict, ...);
__END_DECLS
#endif
