/* atexit order, buffered output flushed by exit(), destructors, exit status. */
#include <stdio.h>
#include <stdlib.h>

static void h1(void) { printf("atexit 1\n"); }
static void h2(void) { printf("atexit 2 (registered second, runs first)\n"); }
__attribute__((constructor)) static void ctor(void) { printf("constructor\n"); }
__attribute__((destructor)) static void dtor(void) { printf("destructor\n"); }

int main(int argc, char **argv)
{
    (void)argv;
    atexit(h1);
    atexit(h2);
    printf("main, argc=%d, no newline at end", argc);
    exit(argc + 40);
}
