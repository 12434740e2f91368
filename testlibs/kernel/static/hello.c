/* Smallest user program: prints its argv and checks the initial stack. */
#include "sys.h"

void start_c(long *sp) {
    long argc = sp[0];
    char **argv = (char **)(sp + 1);
    if (((unsigned long)sp & 15) != 0) { puts1("misaligned stack\n"); exit_(1); }
    puts1("hello from ring 3\n");
    for (long i = 0; i < argc; i++) { puts1(argv[i]); puts1("\n"); }
    exit_(0);
}
