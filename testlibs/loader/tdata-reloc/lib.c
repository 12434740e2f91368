/* A TLS pointer initialised to a static object: .tdata holds a RELATIVE
   relocation target. Built initial-exec (static surplus) and general-dynamic
   (per-thread blocks). */
static int lg = 5;
static __thread int *volatile ltp = &lg; /* volatile: read at run time */
static __thread volatile int lbig[100];
int lib_ok(void) { return ltp == &lg && *ltp == 5 && lbig[99] == 0; }
