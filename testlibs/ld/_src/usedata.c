#include <stdio.h>
extern int lib_counter;
int main(void)
{
    printf("%d\n", lib_counter);
    return 0;
}
