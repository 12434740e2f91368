#include "rt.h"
__thread int le_var = 33;                       /* local-exec in the program */
__thread int le_bss;
extern __thread long ie_var;
extern __thread int gd_var;
int *gd_addr(void);
int lib_sum(void);
static unsigned long fs0(void) { unsigned long v; __asm__("mov %%fs:0, %0" : "=r"(v)); return v; }
static unsigned long fs28(void) { unsigned long v; __asm__("mov %%fs:0x28, %0" : "=r"(v)); return v; }
int main(void) {
    rt_putnum(le_var); rt_puts(" "); rt_putnum(le_bss); rt_puts("\n");
    rt_putnum(ie_var); rt_puts("\n");
    rt_putnum(lib_sum()); rt_puts("\n");
    ie_var = 100; *gd_addr() = 200; le_var = 1;
    rt_putnum(lib_sum()); rt_puts("\n");
    rt_puts(&le_var == (int *)0 ? "bad\n" : "");
    /* variant II: TLS below tp */
    rt_puts((unsigned long)&le_var < fs0() && (unsigned long)&ie_var < fs0() ? "below tp\n" : "above tp!\n");
    rt_puts((unsigned long)gd_addr() < fs0() ? "gd static\n" : "gd dynamic\n");
    unsigned long g = fs28();
    rt_puts(g != 0 && (g & 0xff) == 0 ? "canary ok\n" : "canary bad\n");
    rt_puts(fs0() % 64 == 0 ? "tp aligned\n" : "tp misaligned\n");
    return 0;
}
