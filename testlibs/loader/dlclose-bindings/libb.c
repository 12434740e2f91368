/* Opened RTLD_GLOBAL; others bind into it without a DT_NEEDED on it. */
#include <stdio.h>
int b_value(void) { return 7; }
__attribute__((destructor)) static void fini_b(void) { printf("fini libb\n"); }
