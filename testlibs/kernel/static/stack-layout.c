/* The initial stack as Linux lays it out: the argv strings, then the envp
 * strings, then the AT_EXECFN string, each right after the other, then 8
 * zero bytes at the page-aligned top; AT_RANDOM and AT_PLATFORM below the
 * strings. Checked for the runner's exec and again after an execve of itself
 * whose environment ends right at the top (a string scan that reads past the
 * last terminator faults there). */
#include "sys.h"
#define AT_NULL 0
#define AT_RANDOM 25
#define AT_PLATFORM 15
#define AT_EXECFN 31

static int same(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

static void fail(const char *what) {
    puts1("FAIL: ");
    puts1(what);
    puts1("\n");
    exit_(1);
}

void start_c(long *sp) {
    long argc = sp[0];
    char **argv = (char **)(sp + 1), **envp = argv + argc + 1, **e = envp;
    while (*e) e++;
    unsigned long *aux = (unsigned long *)(e + 1);
    unsigned long random = 0, platform = 0;
    const char *execfn = 0;
    for (; aux[0] != AT_NULL; aux += 2) {
        if (aux[0] == AT_RANDOM) random = aux[1];
        if (aux[0] == AT_PLATFORM) platform = aux[1];
        if (aux[0] == AT_EXECFN) execfn = (const char *)aux[1];
    }
    if (!execfn || !random || !platform) fail("AT_EXECFN, AT_RANDOM or AT_PLATFORM missing");
    if ((unsigned long)sp & 15) fail("%rsp is not 16-byte aligned");
    /* Each string starts right after the previous one's terminator. */
    const char *next = argv[0];
    for (long i = 0; i < argc; i++) {
        if (argv[i] != next) fail("argv strings are not contiguous");
        next += slen(argv[i]) + 1;
    }
    for (char **p = envp; *p; p++) {
        if (*p != next) fail("envp strings do not follow the argv strings");
        next += slen(*p) + 1;
    }
    if (execfn != next) fail("AT_EXECFN does not follow the last envp string");
    if (!same(execfn, argv[0])) fail("AT_EXECFN is not the path that was executed");
    const unsigned char *top = (const unsigned char *)execfn + slen(execfn) + 1;
    for (int i = 0; i < 8; i++)
        if (top[i]) fail("the 8 bytes above AT_EXECFN are not zero");
    if (((unsigned long)top + 8) & 4095) fail("AT_EXECFN + 8 zero bytes do not end at a page boundary");
    if (random + 16 > (unsigned long)argv[0] || platform >= (unsigned long)argv[0])
        fail("AT_RANDOM / AT_PLATFORM are not below the strings");
    if (!same((const char *)platform, "x86_64")) fail("AT_PLATFORM is not x86_64");
    puts1(argc == 1 ? "first exec: " : "after execve: ");
    puts1("argv, envp, AT_EXECFN contiguous up to 8 zero bytes at the stack top\n");
    if (argc == 1) {
        /* Again through execve, with an environment of odd lengths. */
        char *args[] = {argv[0], "again", 0};
        char *env[] = {"A=1", "LONGER_NAME=some value that is not 16-byte sized", "Z=", 0};
        long r = sys3(59, argv[0], args, env);
        (void)r;
        fail("execve failed");
    }
    exit_(0);
}
