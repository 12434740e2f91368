/* dlopened and dlclosed in a loop by two threads: mapping, relocation, a
   dynamic TLS block and a constructor keep the loader's locks busy. */
static __thread int scratch[256];
static int inits;
__attribute__((constructor)) static void init(void) { inits++; }
int ham(void) { return scratch[inits & 255]++ + inits; }
