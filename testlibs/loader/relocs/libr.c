#include "rt.h"
int lib_data = 42;
int *lib_ptr = &lib_data;            /* R_X86_64_64 (symbolic, interposable) */
static int hidden = 7;
int *lib_rel = &hidden;              /* R_X86_64_RELATIVE */
int lib_func(int x) { return x + *lib_ptr + *lib_rel; }
