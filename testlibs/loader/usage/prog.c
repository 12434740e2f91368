#include "rt.h"
int main(void) { rt_puts("program ran\n"); return 0; }
