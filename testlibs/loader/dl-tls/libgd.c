/* General-dynamic TLS in a dlopened library: per-thread blocks via __tls_get_addr. */
__thread long gd_var = 7;
__thread char gd_big[4000] = { 3 };
long *gd_addr(void) { return &gd_var; }
int gd_big0(void) { return gd_big[0]; }
