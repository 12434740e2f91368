#include "rt.h"
extern int lib_data;
extern char lib_str[16];
int get_lib_data(void);
int main(void) {
    rt_putnum(lib_data); rt_puts(" "); rt_puts(lib_str); rt_puts("\n");
    lib_data = 99;
    rt_putnum(get_lib_data()); rt_puts("\n");
    return 0;
}
