#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef __VIBIX_LIBC__
/* glibc 2.36 has no strlcat: the BSD definition, for the reference run. */
static size_t ref_strlcat(char *d, const char *s, size_t n) {
    size_t dl = strnlen(d, n), sl = strlen(s);
    if (dl == n) return n + sl;
    size_t c = sl < n - dl - 1 ? sl : n - dl - 1;
    memcpy(d + dl, s, c);
    d[dl + c] = 0;
    return dl + sl;
}
#define strlcat ref_strlcat
#endif

static void q1(void) { puts("quick handler 1"); fflush(stdout); }
static void q2(void) { puts("quick handler 2"); fflush(stdout); }
static void never(void) { puts("atexit handler must not run"); }

int main(void) {
    for (int i = 0; i < 3; i++) { double d = drand48(); long l = lrand48(); printf("drand48 %.17g lrand48 %ld mrand48 %ld\n", d, l, mrand48()); }
    srand48(12345);
    for (int i = 0; i < 3; i++) { double d = drand48(); long l = lrand48(); printf("after srand48: %.17g %ld %ld\n", d, l, mrand48()); }
    unsigned short x[3] = {1, 2, 3};
    for (int i = 0; i < 3; i++) { double d = erand48(x); long l = nrand48(x); printf("erand48 %.17g nrand48 %ld jrand48 %ld\n", d, l, jrand48(x)); }
    printf("xsubi %u %u %u\n", x[0], x[1], x[2]);
    unsigned short s[3] = {0x1111, 0x2222, 0x3333};
    unsigned short *old = seed48(s);
    printf("seed48 old %u %u %u\n", old[0], old[1], old[2]);
    { long l = lrand48(); printf("after seed48 %ld %ld\n", l, mrand48()); }
    unsigned short p[7] = {5, 6, 7, 3, 0, 0, 1};
    lcong48(p);
    for (int i = 0; i < 3; i++) { long l = lrand48(); printf("lcong48 %ld %ld\n", l, mrand48()); }
    unsigned short y[3] = {9, 9, 9};
    printf("lcong48 erand48 %.17g\n", erand48(y));
    srand48(7); /* restores the default multiplier */
    printf("srand48 after lcong48 %ld\n", lrand48());

    long vals[] = {0, 1, 63, 64, 12345678, 0x7fffffff, -1, -123456};
    for (unsigned i = 0; i < sizeof vals / sizeof *vals; i++) {
        char buf[16];
        strcpy(buf, l64a(vals[i]));
        printf("l64a(%ld)=\"%s\" a64l=%ld\n", vals[i], buf, a64l(buf));
    }
    printf("a64l(\"zzzzzzzz\")=%ld a64l(\"./\")=%ld a64l(\"a!b\")=%ld\n", a64l("zzzzzzzz"), a64l("./"), a64l("a!b"));

    char from[] = "abcdefg", to[8];
    memset(to, '-', 7); to[7] = 0;
    swab(from, to, 7);
    printf("swab 7: %s\n", to);
    memset(to, '-', 7);
    volatile ssize_t neg = -2;
    swab(from, to, neg);
    printf("swab -2: %s\n", to);

    const char *tails[] = {"", "xyz", "a long tail string"};
    size_t sizes[] = {0, 1, 4, 6, 10, 30};
    for (unsigned t = 0; t < 3; t++)
        for (unsigned k = 0; k < 6; k++) {
            char d[32] = "head";
            size_t r = strlcat(d, tails[t], sizes[k]);
            printf("strlcat(\"head\", \"%s\", %zu) = %zu \"%s\"\n", tails[t], sizes[k], r, d);
        }

    printf("at_quick_exit %d %d\n", at_quick_exit(q1), at_quick_exit(q2));
    atexit(never);
    int full = 0;
    for (int i = 0; i < 29; i++) full |= at_quick_exit(q1) != 0;
    printf("30 more registered: %s\n", full ? "some refused" : "all");
    fflush(stdout);
    quick_exit(3);
}
