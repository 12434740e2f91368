__thread long desc_var = 17;
static __thread int desc_local[10] = { 0, 4 };
long get_var(void) { return desc_var + desc_local[1]; }
void set_var(long v) { desc_var = v; desc_local[1] = 0; }
