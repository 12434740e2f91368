/* Unbuffered output, so the order of lines is the order of calls even across
 * libraries and during exit (no stdio buffering or flushing order involved). */
#include <string.h>
#include <unistd.h>

static void say(const char *who, const char *what, int argc, char **argv, char **envp)
{
    char buf[256];
    size_t n = 0;
    for (const char *s = who; *s && n < 100; s++) buf[n++] = *s;
    buf[n++] = ':';
    buf[n++] = ' ';
    for (const char *s = what; *s && n < 200; s++) buf[n++] = *s;
    if (argv) {
        const char *p = " argc=";
        while (*p) buf[n++] = *p++;
        buf[n++] = (char)('0' + argc % 10);
        p = " argv[1]=";
        while (*p) buf[n++] = *p++;
        for (const char *s = argc > 1 ? argv[1] : "-"; *s && n < 240; s++) buf[n++] = *s;
        p = envp && envp == argv + argc + 1 ? " envp ok" : " envp BAD";
        while (*p) buf[n++] = *p++;
    }
    buf[n++] = '\n';
    write(1, buf, n);
}
