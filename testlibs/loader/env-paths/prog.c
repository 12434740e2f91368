#include "rt.h"
const char *which(void);
int main(void) { rt_puts(which()); rt_puts("\n"); return 0; }
