#ifndef _MALLOC_H
#define _MALLOC_H
#include <stdlib.h>
__BEGIN_DECLS
void *memalign(size_t, size_t);
void *pvalloc(size_t);
size_t malloc_usable_size(void *);
__END_DECLS
#endif
