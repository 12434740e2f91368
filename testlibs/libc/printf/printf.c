#define _GNU_SOURCE
/* printf family: every common conversion, flags, widths, precisions, and the
   exactly rounded floating point forms, compared with glibc's output. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <stdint.h>
#include <inttypes.h>
#include <errno.h>
#include <limits.h>
#include <math.h>

int main(void)
{
    static const double ds[] = { 0.0, -0.0, 1.0, 0.1, 0.5, 1.5, 2.5, 1e-10, 123456.789, 1e100, 1e-300,
        5e-324, 1.7976931348623157e308, 3.141592653589793, -2.718281828459045, 1e21, 1e22, 0.05, 99.995,
        1.0 / 3.0, 100.0, 1e15, 123.456e-7 };
    static const char *ffmts[] = { "%f", "%.0f", "%.2f", "%.15f", "%e", "%.3e", "%E", "%g", "%.14g",
        "%.17g", "%G", "%#g", "%a", "%.2a", "%10.3f", "%-10.2e|", "%+.4g", "% f", "%010.2f", "%.0e", "%#.0f" };
    char buf[512];
    for (size_t i = 0; i < sizeof ds / sizeof *ds; i++) {
        for (size_t j = 0; j < sizeof ffmts / sizeof *ffmts; j++) {
            snprintf(buf, sizeof buf, ffmts[j], ds[i]);
            printf("[%s] ", buf);
        }
        printf("\n");
    }
    printf("%f %f %f %F %e %g\n", INFINITY, -INFINITY, NAN, INFINITY, -INFINITY, NAN);

    long long vals[] = { 0, 1, -1, 42, -42, 127, 128, 255, 65535, INT_MAX, INT_MIN, LLONG_MAX, LLONG_MIN };
    for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
        long long v = vals[i];
        printf("%d|%5d|%-5d|%05d|%+d|% d|%.3d|%x|%X|%#x|%o|%#o|%u|%lld|%llx|%hhd|%hd|%ld|%zu|%jd|%" PRId64 "\n",
            (int)v, (int)v, (int)v, (int)v, (int)v, (int)v, (int)v, (unsigned)v, (unsigned)v, (unsigned)v,
            (unsigned)v, (unsigned)v, (unsigned)v, v, (unsigned long long)v, (signed char)v, (short)v, (long)v,
            (size_t)v, (intmax_t)v, (int64_t)v);
    }
    printf("%s|%10s|%-10s|%.3s|%c|%5c|%%|%p|%p\n", "hello", "right", "left", "truncate", 'x', 'y', (void *)0,
        (void *)0x1234);
    printf("%*d|%-*d|%.*f|%*.*s|\n", 6, 42, 6, 42, 3, 3.14159, 8, 3, "abcdef");
    int n1 = 0, n2 = 0;
    printf("count%n here%n\n", &n1, &n2);
    printf("n1=%d n2=%d\n", n1, n2);

    /* snprintf truncation and return values. */
    int r = snprintf(buf, 8, "%s", "0123456789");
    printf("r=%d buf=%s\n", r, buf);
    r = snprintf(NULL, 0, "%d-%s", 12345, "abc");
    printf("r=%d\n", r);
    char *dyn = NULL;
    r = asprintf(&dyn, "%s %d %.2f", "asprintf", 7, 2.345);
    printf("r=%d %s\n", r, dyn);
    free(dyn);
    errno = ENOENT;
    printf("%m\n");
    sprintf(buf, "%08.3f|%-8x|%+5d", -3.14159, 0xbeef, 17);
    puts(buf);
    fprintf(stdout, "%s %s\n", "fprintf", "works");
    fputs("fputs\n", stdout);
    putchar('!');
    putchar('\n');
    return 0;
}
