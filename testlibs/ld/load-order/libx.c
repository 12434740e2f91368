const char *who(void);
const char *x_calls_who(void) { return who(); }
