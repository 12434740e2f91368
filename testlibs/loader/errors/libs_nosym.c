#include "rt.h"
int other_sym(void) { return 1; }
