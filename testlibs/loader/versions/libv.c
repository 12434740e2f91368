int foo_old(void) { return 1; }
int foo_new(void) { return 2; }
__asm__(".symver foo_old, foo@VER_1");
__asm__(".symver foo_new, foo@@VER_2");
int bar(void) { return 3; }
