#include "rt.h"
#include "dl.h"
int foo(void); int bar(void);
int main(void) {
    rt_putnum(foo()); rt_puts(" "); rt_putnum(bar()); rt_puts("\n");
    void *h = dlopen("libv.so", RTLD_NOW | RTLD_NOLOAD);
    int (*o)(void) = (int (*)(void))dlvsym(h, "foo", "VER_1");
    int (*n)(void) = (int (*)(void))dlvsym(h, "foo", "VER_2");
    int (*d)(void) = (int (*)(void))dlsym(h, "foo");
    rt_putnum(o ? o() : -1); rt_puts(" "); rt_putnum(n ? n() : -1); rt_puts(" "); rt_putnum(d ? d() : -1); rt_puts("\n");
    rt_puts(dlvsym(h, "foo", "VER_9") == 0 ? "no VER_9\n" : "VER_9 bound (unversioned object)\n");
    return 0;
}
