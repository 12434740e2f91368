#include "rt.h"
__attribute__((destructor)) static void f(void) { rt_puts("fini nd\n"); }
int nd_fn(void) { return 5; }
