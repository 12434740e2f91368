/* scanf family conversions, compared with glibc. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    int a = 0, b = 0, n = 0;
    unsigned u = 0;
    long l = 0;
    double d = 0;
    float f = 0;
    char s[32] = "", c = 0, set[32] = "";
    printf("%d ", sscanf("12 34", "%d %d", &a, &b));
    printf("%d %d\n", a, b);
    printf("%d ", sscanf("  -7x0x1f 0777", "%d%c%x %lo", &a, &c, &u, &l));
    printf("%d %c %u %ld\n", a, c, u, l);
    printf("%d ", sscanf("3.25e2 1.5 word", "%lf %f %31s", &d, &f, s));
    printf("%g %g %s\n", d, f, s);
    printf("%d ", sscanf("abc123def", "%[a-z]%d%n", set, &a, &n));
    printf("%s %d %d\n", set, a, n);
    printf("%d ", sscanf("key=value;rest", "%[^=]=%[^;]", s, set));
    printf("%s %s\n", s, set);
    printf("%d\n", sscanf("", "%d", &a));
    printf("%d\n", sscanf("xyz", "%d", &a));
    printf("%d ", sscanf("10 % 20", "%d %% %d", &a, &b));
    printf("%d %d\n", a, b);
    printf("%d ", sscanf("1234567", "%3d%2d", &a, &b));
    printf("%d %d\n", a, b);
    printf("%d ", sscanf("0x10 010 10", "%i %i %i", &a, &b, &n));
    printf("%d %d %d\n", a, b, n);
    printf("%d ", sscanf("inf nan -0.0", "%lf %f %lf", &d, &f, &d));
    printf("%g %g\n", d, f);
    printf("%d ", sscanf("hello world", "%*s %s", s));
    printf("%s\n", s);
    printf("%d ", sscanf("a b", "%c %c", &c, &s[0]));
    printf("%c %c\n", c, s[0]);
    return 0;
}
