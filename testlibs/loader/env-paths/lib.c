#include "rt.h"
#define S2(x) #x
#define S(x) S2(x)
const char *which(void) { return S(WHICH); }
