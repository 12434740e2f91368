#define _GNU_SOURCE
/* Finds libb's function with dlsym(RTLD_DEFAULT) from its own code. */
#include <dlfcn.h>
#include <stdio.h>
static int (*fn)(void);
int c_lookup(void) { fn = (int (*)(void))dlsym(RTLD_DEFAULT, "b_value"); return fn != 0; }
int c_call(void) { return fn() + 1; }
__attribute__((destructor)) static void fini_c(void) { printf("fini libc2\n"); }
