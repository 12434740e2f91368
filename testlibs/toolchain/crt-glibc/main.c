#include <stdint.h>
#include <stdio.h>
#include <string.h>

extern char **environ;
static int ctor_ran;

__attribute__((constructor)) static void ctor(void) { ctor_ran = 1; }

static int aligned(void)
{
    /* gcc trusts the ABI here and does not realign: a misaligned _start shows. */
    __attribute__((aligned(16))) volatile char buf[16];
    return ((uintptr_t)buf & 15) == 0;
}

int main(int argc, char **argv, char **envp)
{
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%s\n", i, i == 0 ? (strrchr(argv[0], '/') ? "prog" : "?") : argv[i]);
    printf("argv[argc]=%s\n", argv[argc] ? "non-null" : "null");
    printf("envp=argv+argc+1: %s\n", envp == argv + argc + 1 ? "yes" : "no");
    printf("environ[0]=%s\n", environ[0]);
    printf("ctor ran: %d\n", ctor_ran);
    printf("stack aligned: %d\n", aligned());
    return 42;
}
