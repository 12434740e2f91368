/* Fuzz input program: uses every relocation kind against lib.c and has its
   own TLS, init array and RELATIVE data. Prints one line, exits 0. */
#include "rt.h"
extern int lib_data;
extern int *lib_ptr;
int lib_func(int);
int *prog_ptr = &lib_data;               /* R_X86_64_64 */
static const char *msgs[] = {"ok ", "x"}; /* RELATIVE */
static __thread int prog_tls = 3;        /* local-exec TLS */
static int ctor;
__attribute__((constructor)) static void prog_init(void) { ctor = 1; }
int main(int argc, char **argv) {
    rt_puts(msgs[argc > 100]);
    rt_putnum(lib_func(1) + lib_data + *prog_ptr + prog_tls + ctor + (argv[0] != 0));
    rt_puts("\n");
    return 0;
}
