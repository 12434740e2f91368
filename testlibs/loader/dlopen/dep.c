#include "rt.h"
__attribute__((constructor)) static void i(void) { rt_puts("init dep\n"); }
__attribute__((destructor)) static void f(void) { rt_puts("fini dep\n"); }
int dep_value(void) { return 40; }
