#include "rt.h"
/* Built once per NAME: constructor/destructor print their library's name. */
#define S2(x) #x
#define S(x) S2(x)
__attribute__((constructor)) static void ctor(int argc, char **argv, char **envp) {
    rt_puts("init " S(NAME) " argc="); rt_putnum(argc);
    rt_puts(" argv1="); rt_puts(argc > 1 ? argv[1] : "-");
    rt_puts(envp && envp[0] ? " envp ok\n" : " envp missing\n");
}
__attribute__((destructor)) static void dtor(void) { rt_puts("fini " S(NAME) "\n"); }
void NAME(void) {}
