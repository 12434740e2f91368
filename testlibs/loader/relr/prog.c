#include "rt.h"
long check(void);
static int x;
int *mine[100] = { &x, &x, 0, &x };
int main(void) {
    rt_puts("bad pointers: "); rt_putnum(check()); rt_puts("\n");
    rt_puts(mine[0] == &x && mine[3] == &x && !mine[2] ? "program ok\n" : "program bad\n");
    return 0;
}
