#include <stdio.h>
int main(void)
{
    puts("hello, world");
    printf("%s %d %x %c %5.2s|%-4d|%ld\n", "printf", -42, 255u, 'z', "abc", 7, 1234567890123L);
    return 0;
}
