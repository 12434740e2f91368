/* Initial-exec TLS in a dlopened library: must come from the static surplus. */
__thread long ie_var = 5;
__thread char ie_pad[64];
long *ie_addr(void) { return &ie_var; }
