/* <nl_types.h>: message catalogues (catopen/catgets/catclose). */
#ifndef _NL_TYPES_H
#define _NL_TYPES_H
#include <features.h>
__BEGIN_DECLS
#define NL_SETD 1
#define NL_CAT_LOCALE 1
#ifndef __DEFINED_nl_item
#define __DEFINED_nl_item
typedef int nl_item;
#endif
typedef void *nl_catd;
nl_catd catopen(const char *, int);
char *catgets(nl_catd, int, int, const char *);
int catclose(nl_catd);
__END_DECLS
#endif
