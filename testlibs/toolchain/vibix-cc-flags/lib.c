#include <stdio.h>
int shared_answer(void)
{
    puts("shared");
    return 42;
}
