#include "rt.h"
#include "dl.h"
void x(void);
int main(void) {
    x();
    rt_puts("main\n");
    void *h = dlopen("libd.so", RTLD_NOW);   /* needs libe.so (new) and libc_.so (new too) */
    if (!h) { rt_puts(dlerror()); rt_puts("\n"); return 1; }
    dlclose(h);
    rt_puts("closed\n");
    return 0;
}
