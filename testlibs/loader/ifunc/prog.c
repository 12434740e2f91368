#include "rt.h"
int call_local(void);
int exported_ifunc(void);
int main(void) {
    rt_putnum(call_local()); rt_puts(" "); rt_putnum(exported_ifunc()); rt_puts("\n");
    int (*p)(void) = exported_ifunc;
    rt_putnum(p()); rt_puts("\n");
    return 0;
}
