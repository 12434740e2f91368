int lib_other(void) { return 1; }
#ifndef NO_SYMS
int lib_counter = 6;
int lib_value(void) { return 5; }
#endif
