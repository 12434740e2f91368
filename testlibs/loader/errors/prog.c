#include "rt.h"
int needed_sym(void);
int main(void) { rt_puts(needed_sym() ? "ran\n" : "?\n"); return 0; }
