const char *who(void) { return WHO; }
