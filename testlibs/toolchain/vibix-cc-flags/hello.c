#include <stdio.h>
#ifdef USE_FROM_I
#include "fromi.h"
int shared_answer(void);
#else
#define FROM_I 0
static int shared_answer(void) { return 0; }
#endif
int main(void)
{
    printf("hello %d %d\n", FROM_I, shared_answer());
    return 0;
}
