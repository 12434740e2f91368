/* Same soname, no version definitions at all (like vibix's libc). */
int foo(void) { return 20; }
int bar(void) { return 30; }
