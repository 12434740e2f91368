#include "rt.h"
/* The resolvers read data that itself needs relocation, so IRELATIVE must run
   after the object's other relocations. */
static int impl_a(void) { return 1; }
static int impl_b(void) { return 2; }
static int (*const table[2])(void) = { impl_a, impl_b };   /* RELATIVE */
int choice = 1;
static void *resolve_local(void) { return (void *)table[choice]; }
static int local_ifunc(void) __attribute__((ifunc("resolve_local")));  /* IRELATIVE */
int call_local(void) { return local_ifunc() * 10; }
int exported_ifunc(void) __attribute__((ifunc("resolve_local")));      /* STT_GNU_IFUNC */
