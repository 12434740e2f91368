/* ecvt/fcvt/gcvt and random's state API (initstate/setstate) against glibc.
   With the argument "exact", prints the ecvt cases where glibc's digits are
   wrong (it scales in binary floating point); run.sh checks those against
   expected-exact (the exact decimal expansions). */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void e(double x, int n) {
    int d = 99, s = 99;
    char *r = ecvt(x, n, &d, &s);
    printf("ecvt(%.17g, %d) = \"%s\" decpt %d sign %d\n", x, n, r, d, s);
}
static void f(double x, int n) {
    int d = 99, s = 99;
    char *r = fcvt(x, n, &d, &s);
    printf("fcvt(%.17g, %d) = \"%s\" decpt %d sign %d\n", x, n, r, d, s);
}
static void g(double x, int n) {
    char buf[64];
    printf("gcvt(%.17g, %d) = \"%s\"\n", x, n, gcvt(x, n, buf));
}

static void cvt(void) {
    const double xs[] = {0.0, -0.0, 1.0, 123.456, -123.456, 0.0123, 0.0001, 0.5, 1.5, 2.5, 0.125,
                         3.14159265358979, 1e22, 123456789.0, 1e-5, 6.02214076e23, -2.75, 1e300,
                         5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 42.0};
    const int ens[] = {-1, 0, 1, 3, 6, 10, 15};
    const int fns[] = {-5, -2, -1, 0, 1, 2, 5, 10, 17, 25};
    const int gns[] = {-1, 0, 1, 2, 6, 10, 17, 30};
    for (unsigned i = 0; i < sizeof xs / sizeof *xs; i++) {
        for (unsigned j = 0; j < sizeof ens / sizeof *ens; j++)
            if (xs[i] < 1e300) e(xs[i], ens[j]); /* glibc: one digit too many */
        for (unsigned j = 0; j < sizeof fns / sizeof *fns; j++)
            if (fns[j] >= 0 || fabs(xs[i]) < 1e16) f(xs[i], fns[j]); /* glibc scales by 0.1 */
        for (unsigned j = 0; j < sizeof gns / sizeof *gns; j++) g(xs[i], gns[j]);
    }
    const double special[] = {INFINITY, -INFINITY, NAN};
    for (unsigned i = 0; i < 3; i++) {
        e(special[i], 0);
        e(special[i], 4);
        f(special[i], 2);
        g(special[i], 4);
    }
    /* ecvt and fcvt each have their static buffer (glibc). */
    int d, s;
    char *a = ecvt(1.25, 3, &d, &s);
    char *b = fcvt(7.5, 1, &d, &s);
    printf("separate buffers: %d \"%s\" \"%s\"\n", a != b, a, b);
}

static void seq(const char *what, int n) {
    printf("%s:", what);
    for (int i = 0; i < n; i++) printf(" %ld", random());
    printf("\n");
}

static void states(void) {
    seq("default", 5);
    srandom(7);
    seq("srandom(7)", 5);
    printf("rand: %d %d\n", rand(), rand());

    static char s8[8], s31[31], s32[32], s64[64], s128[128], s256[256], s300[300];
    struct { char *buf; size_t n; } sizes[] = {{s8, 8}, {s31, 31}, {s32, 32}, {s64, 64},
                                                {s128, 128}, {s256, 256}, {s300, 300}};
    char *first = NULL;
    for (unsigned i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        char *old = initstate(42, sizes[i].buf, sizes[i].n);
        if (i == 0) first = old;
        char name[64];
        snprintf(name, sizeof name, "initstate(42, %zu)", sizes[i].n);
        seq(name, 8);
        srandom(123);
        snprintf(name, sizeof name, "  srandom(123) in %zu", sizes[i].n);
        seq(name, 4);
    }
    /* Resume earlier states where they stopped, and the original one. */
    char *prev = setstate(s64);
    printf("setstate returns the previous buffer: %d\n", prev == s300);
    seq("s64 resumed", 4);
    setstate(s8);
    seq("s8 resumed", 4);
    setstate(s64);
    seq("s64 again", 4);
    setstate(first);
    seq("original resumed", 4);
    printf("rand follows random: %d\n", rand());

    errno = 0;
    char tiny[7];
    printf("initstate(7 bytes): %s errno %s\n", initstate(1, tiny, sizeof tiny) ? "buffer" : "NULL",
           errno == EINVAL ? "EINVAL" : "other");
    seq("unchanged after the failure", 2);
    /* A state that records an impossible type is refused. */
    int bogus[2] = {7, 0}; /* 7 % 5 = 2, rear index 1 < 15 is valid... */
    int bad[2] = {-1, 0};
    printf("setstate(bad): %s\n", setstate((char *)bad) ? "buffer" : "NULL");
    (void)bogus;
    seq("still the original", 2);
}

static void exact(void) {
    e(99.5, 15);
    e(9.999, 1);
    e(9.999, 3);
    e(123.456, 17);
    e(99.5, 17);
    e(1e300, 1);
    e(5e-324, 17);
    e(0.1, 17);
    e(1e300, 6);
    e(1e300, 0);
    f(6.02214076e23, -5);
    f(6.02214076e23, -1);
    f(1e300, -2);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "exact") == 0) {
        exact();
        return 0;
    }
    cvt();
    states();
    return 0;
}
