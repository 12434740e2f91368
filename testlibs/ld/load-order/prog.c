#include <stdio.h>
const char *who(void);
const char *x_calls_who(void);
int main(void)
{
    printf("program sees who() from %s\n", who());
    printf("libx sees who() from %s\n", x_calls_who());
    return 0;
}
