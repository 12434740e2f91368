#include "rt.h"
int needed_sym(void) { return 1; }
