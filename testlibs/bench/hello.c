/* Benchmark (a): the smallest useful dynamically linked C program. */
#include <stdio.h>

int main(void)
{
    puts("hello, world");
    return 0;
}
