#include "rt.h"
__attribute__((constructor)) static void i(void) { rt_puts("init preload\n"); }
int greet(void) { return 2; }
