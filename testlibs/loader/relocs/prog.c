#include "rt.h"
extern int lib_data;
extern int *lib_ptr;
int lib_func(int);
int *prog_ptr = &lib_data;           /* R_X86_64_64 against a library symbol */
static const char *msgs[] = { "relative ok\n", "x" }; /* RELATIVE */
int main(int argc, char **argv) {
    rt_puts(msgs[argc > 100]);                        /* RELATIVE in the program */
    rt_putnum(lib_func(1)); rt_puts("\n"); /* JUMP_SLOT */
    rt_putnum(lib_data); rt_puts("\n");    /* GLOB_DAT */
    rt_putnum(*prog_ptr); rt_puts("\n");   /* R_X86_64_64 */
    rt_puts(argv[0][0] ? "argv ok\n" : "argv bad\n");
    return 0;
}
