/* The library defines lib_fn and takes its address two ways: through the GOT
   (R_X86_64_GLOB_DAT) and in initialised data (R_X86_64_64). */
int lib_fn(void) { return 42; }
void *lib_fn_data = (void *)lib_fn;
void *lib_addr_got(void) { return (void *)lib_fn; }
void *lib_addr_data(void) { return lib_fn_data; }
