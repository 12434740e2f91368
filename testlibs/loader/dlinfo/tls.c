__thread int tv = 5;
int *tls_addr(void) { return &tv; }
