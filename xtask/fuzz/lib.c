/* Fuzz input library: data and function symbols, TLS (initial-exec, so a
   TPOFF64 relocation), constructors/destructors, versioned exports. */
#include "rt.h"
int lib_data = 42;
int *lib_ptr = &lib_data;                /* R_X86_64_64 */
static int hidden = 7;
int *lib_rel = &hidden;                  /* RELATIVE */
__attribute__((tls_model("initial-exec"))) __thread int lib_tls = 5;
static int inited;
__attribute__((constructor)) static void lib_init(void) { inited = 1; }
__attribute__((destructor)) static void lib_fini(void) { rt_puts("fini\n"); }
int lib_func(int x) { return x + *lib_ptr + *lib_rel + inited + lib_tls; }
