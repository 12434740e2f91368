/* Loaded with dlopen after start-up: its GOT entry for lib_fn is bound then. */
int lib_fn(void);
void *plug_addr(void) { return (void *)lib_fn; }
