#include "rt.h"
int dep_value(void);
__attribute__((constructor)) static void i(void) { rt_puts("init plug\n"); }
__attribute__((destructor)) static void f(void) { rt_puts("fini plug\n"); }
int plug_fn(void) { return dep_value() + 2; }
