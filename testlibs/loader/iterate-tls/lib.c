/* General-dynamic TLS too big for glibc's optional static TLS (512 bytes),
   so both loaders give it per-thread blocks allocated on first use. */
__thread int lib_v = 42;
__thread char lib_pad[4096];
int *lib_addr(void) { return &lib_v; }
