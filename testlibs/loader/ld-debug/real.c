int greet(void) { return 1; }
