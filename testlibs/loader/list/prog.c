#include "rt.h"
int greet(void);
int main(void) { rt_puts("greet "); rt_putnum(greet()); rt_puts("\n"); return 0; }
