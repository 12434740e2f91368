/* No DT_NEEDED on libb: b_value is bound at dlopen time through the global scope. */
#include <stdio.h>
int b_value(void);
int a_call(void) { return b_value() * 6; }
__attribute__((destructor)) static void fini_a(void) { printf("fini liba\n"); }
