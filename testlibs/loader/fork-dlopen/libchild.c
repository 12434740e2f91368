/* What a fork child dlopens. */
static __thread int t = 40;
int child_fn(void) { return t + 2; }
