/* A pointer in the library's .data.rel.ro (RELATIVE-relocated, then sealed). */
int lib_target = 1;
static int lib_local = 2;
int *const lib_relro_ptr = &lib_local;
int *const *lib_relro_slot(void) { return &lib_relro_ptr; }
