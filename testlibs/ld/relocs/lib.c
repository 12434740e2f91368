/* Built -fPIC -shared -ftls-model=initial-exec. Carries RELATIVE, R_X86_64_64,
 * GLOB_DAT, JUMP_SLOT and TPOFF64 relocations of its own. */
int lib_data = 42;
int lib_array[4] = {10, 20, 30, 40};
__thread int lib_tls = 7;

int lib_func(int x) { return x * 2; }
int prog_callback(int x);            /* defined by the program */
int interposed(void) { return 1; }   /* the program's definition must win */

int lib_calls_prog(int x) { return prog_callback(x); }
int lib_uses_interposed(void) { return interposed(); }
int lib_read_data(void) { return lib_data; }
int *lib_tls_addr(void) { return &lib_tls; }

/* R_X86_64_64 against preemptible symbols, one with an addend. */
int *lib_data_ptr = &lib_data;
int *lib_array_ptr = &lib_array[2];
int (*lib_func_ptr)(int) = lib_func;

/* RELATIVE: pointers to local data. */
static const char *const lib_names[] = {"alpha", "beta"};
const char *lib_name(int i) { return lib_names[i]; }
