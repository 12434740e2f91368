#include "rt.h"
void a(void); void b(void);
__attribute__((destructor)) static void dtor(void) { rt_puts("fini prog\n"); }
int main(void) { a(); b(); rt_puts("main\n"); return 0; }
