#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int via_v(char *buf, size_t n, const char *f, ...) {
    va_list ap;
    va_start(ap, f);
    int r = vsnprintf(buf, n, f, ap);
    va_end(ap);
    return r;
}

int main(void) {
    char buf[256];
    /* Reordering: what translated messages do. */
    printf("%2$s %1$s!\n", "world", "hello");
    printf("%3$d-%1$d-%2$d\n", 1, 2, 3);
    /* Mixed argument classes in any order: ints, doubles, strings, long long, pointers. */
    printf("%4$.3f|%1$lld|%3$s|%2$c|%1$llx\n", 1234567890123LL, 'Z', "str", 2.71828);
    printf("%2$g %1$d %2$e %1$05d\n", 42, 0.125);
    /* The same argument used twice, and width/precision from arguments. */
    printf("[%1$*2$d] [%1$-*2$d] [%3$.*2$f]\n", 7, 6, 3.14159265);
    printf("[%1$*3$.*2$s]\n", "abcdefgh", 3, 10);
    /* More than six integer and eight floating arguments (stack-passed ones). */
    printf("%10$d %9$d %8$d %7$d %6$d %5$d %4$d %3$d %2$d %1$d\n", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    printf("%10$.1f %1$.1f %5$.1f %9$.1f\n", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
    printf("%2$d %4$.2f %1$d %3$.2f %6$s %5$d\n", 11, 22, 0.5, 0.25, 33, "six");
    /* %n$n stores the count. */
    int count = -1;
    printf("abc%2$s%1$n|\n", &count, "de");
    printf("count=%d\n", count);
    /* snprintf, sprintf, asprintf, dprintf, fprintf and vsnprintf. */
    int r = snprintf(buf, sizeof buf, "%2$s=%1$d", 5, "five");
    printf("snprintf %d [%s]\n", r, buf);
    r = snprintf(buf, 4, "%2$s=%1$d", 5, "five");
    printf("snprintf trunc %d [%s]\n", r, buf);
    sprintf(buf, "%3$c%2$c%1$c", 'a', 'b', 'c');
    printf("sprintf [%s]\n", buf);
    char *a = NULL;
    r = asprintf(&a, "%2$x/%1$o", 8, 255);
    printf("asprintf %d [%s]\n", r, a);
    free(a);
    fflush(stdout);
    dprintf(1, "dprintf %2$s %1$s\n", "b", "a");
    fprintf(stdout, "fprintf %1$s%1$s\n", "twice");
    r = via_v(buf, sizeof buf, "%3$s %2$s %1$s", "c", "b", "a");
    printf("vsnprintf %d [%s]\n", r, buf);
    /* Long double positional argument. */
    printf("%2$Lg %1$d\n", 9, (long double)1.5);
    /* %% in a positional format. */
    printf("%1$d%% of %2$d\n", 50, 200);
    return 0;
}
