/* The demo `cargo xtask run` compiles with vibix-cc and runs through ld-vibix. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int counter;
__attribute__((constructor)) static void init(void) { counter = 41; }

int main(int argc, char **argv)
{
    printf("Hello from vibix_libc, started by ld-vibix!\n");
    for (int i = 0; i < argc; i++)
        printf("  argv[%d] = \"%s\"\n", i, argv[i]);
    char *buf = malloc(64);
    if (!buf)
        return 1;
    snprintf(buf, 64, "%s-%d-%x", "constructor", counter + 1, 0xbeef);
    printf("  malloc'd string: %s (%zu bytes)\n", buf, strlen(buf));
    free(buf);
    const char *home = getenv("HOME");
    printf("  HOME is %s\n", home ? "set" : "unset");
    return 0;
}
