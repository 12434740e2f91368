int foo_old(void) { return 1; }
__asm__(".symver foo_old, foo@@VER_1");
int bar(void) { return 3; }
