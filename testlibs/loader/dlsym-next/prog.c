#include "rt.h"
#include "dl.h"
int real_fn(int);
int main(void) {
    rt_putnum(real_fn(21)); rt_puts("\n");
    int (*p)(int) = (int (*)(int))dlsym(RTLD_NEXT, "real_fn");   /* from the program: first after it */
    rt_putnum(p ? p(1) : -1); rt_puts("\n");
    rt_puts(dlsym(RTLD_NEXT, "no_such") == 0 && dlerror() ? "next miss ok\n" : "next miss bad\n");
    return 0;
}
