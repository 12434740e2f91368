/* A library with only zero-initialised (.tbss) TLS and a large alignment. */
__thread int b_bss;
__thread char b_aligned[8] __attribute__((aligned(128)));
char *b_aligned_addr(void) { return b_aligned; }
