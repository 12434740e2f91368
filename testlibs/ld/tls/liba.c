/* Initial-exec TLS in a library (-ftls-model=initial-exec): TPOFF64 against
 * exported and against module-local TLS symbols. */
__thread int a_tls = 11;
__thread long a_big[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
static __thread int a_private __attribute__((aligned(32))) = 33;
static __thread int a_private_bss;

int *a_tls_addr(void) { return &a_tls; }
int a_get(void) { return a_tls; }
int a_private_get(void) { return a_private + a_private_bss; }
void *a_private_addr(void) { return &a_private; }
void a_private_bump(void) { a_private_bss++; }
