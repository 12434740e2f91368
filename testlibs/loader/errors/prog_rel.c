/* RELATIVE relocations in the program: a table of pointers to its own data. */
static int v[2];
int *ptrs[2] = {&v[0], &v[1]};
int main(void) { return *ptrs[0] + *ptrs[1]; }
