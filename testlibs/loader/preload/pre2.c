int greet(void) { return 3; }
