#include "rt.h"
#include "dl.h"
long get_var(void); void set_var(long);
int main(void) {
    rt_putnum(get_var()); rt_puts("\n");
    set_var(5);
    rt_putnum(get_var()); rt_puts("\n");
    void *h = dlopen("libdesc2.so", RTLD_NOW);
    if (!h) { rt_puts(dlerror()); rt_puts("\n"); return 1; }
    long (*g)(void) = (long (*)(void))dlsym(h, "get_var");
    rt_putnum(g()); rt_puts("\n");
    return 0;
}
