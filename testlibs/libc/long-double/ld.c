#include <errno.h>
#include <float.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next(void) {
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 0x2545F4914F6CDD1Dull;
}

static long double make(uint64_t mant, unsigned se) {
    long double x = 0;
    memcpy(&x, &mant, 8);
    memcpy((char *)&x + 8, &se, 2);
    return x;
}

static void show(long double x) {
    printf("%La|%.3La|%Le|%.20Le|%Lg|%.18Lg|%#.0Le\n", x, x, x, x, x, x, x);
}

int main(void) {
    long double fixed[] = {0.0L, -0.0L, 1.0L, 0.1L, 1.0L / 3, 2.5L, 0.5L, 1e4000L, 1e-4000L, LDBL_MAX, LDBL_MIN,
                           LDBL_TRUE_MIN, LDBL_EPSILON, 123456789.987654321L, 9.5L, 0.05L, 99.995L,
                           18446744073709551615.0L, 1e19L, 1e20L};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        show(fixed[i]);
        printf("%Lf|%.0Lf|%.30Lf|%20.4Lf|%-+12.2Lf|%012.3Lf\n", fixed[i], fixed[i], fixed[i], fixed[i], fixed[i],
               fixed[i]);
    }
    printf("%.5000Lf\n", LDBL_TRUE_MIN);
    printf("%Lf\n", LDBL_MAX);
    printf("%.60Le\n", LDBL_TRUE_MIN);
    printf("%Lf %Le %La %LF %LA\n", make(0x8000000000000000ull, 0x7fff), make(0xc000000000000000ull, 0xffff),
           make(0xc000000000000000ull, 0x7fff), make(0x8000000000000000ull, 0xffff),
           make(0x8000000000000000ull, 0x7fff));
    /* Random values: normal ones of every exponent, and subnormals. */
    for (int i = 0; i < 3000; i++) {
        uint64_t m = next() | 0x8000000000000000ull;
        unsigned e = next() % 0x7ffe + 1;
        if (i % 10 == 0) e = 16383 + (int)(next() % 200) - 100;
        if (i % 97 == 0) {
            e = 0;
            m >>= next() % 64;
        }
        long double x = make(m, e | (i & 1 ? 0x8000 : 0));
        printf("%.25Le %La %.10Lg", x, x, x);
        if (e > 16383 - 70 && e < 16383 + 70) printf(" %.25Lf", x);
        printf("\n");
    }
    /* strtold: random digit strings (long ones too), round trip of %.21Lg. */
    char buf[600];
    for (int i = 0; i < 3000; i++) {
        int nd = 1 + next() % (i % 50 == 0 ? 400 : 25);
        char *p = buf;
        if (next() & 1) *p++ = '-';
        for (int k = 0; k < nd; k++) {
            *p++ = '0' + next() % 10;
            if (k == 0 && next() % 3 == 0) *p++ = '.';
        }
        p += sprintf(p, "e%d", (int)(next() % 9900) - 4950);
        errno = 0;
        char *end;
        long double x = strtold(buf, &end);
        printf("%s -> %La %d %td\n", buf, x, errno, end - buf);
    }
    const char *special[] = {"0x1.fffffffffffffffep+16383", "0x1p-16445", "0x1p-16446", "0x1.8p-16446",
                             "1.18973149535723176505e+4932", "1.18973149535723176508575932662800702e4932",
                             "3.6451995318824746025e-4951", "1.82259976594123730126e-4951",
                             "1.82259976594123730127e-4951", "inf", "-Infinity", "nan", "nan(123)", "  +12.5e",
                             "0x", "0x.8p1", ".5", "1e", "abc", "1.5000000000000000000000000000000000001",
                             "1.00000000000000000005421010862427522170037264004349708557128906250",
                             "1.00000000000000000016263032587282566510111792013049125671386718750",
                             "1e-5000", "1e5000", "0.000000000000000000000000000001e-4920"};
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++) {
        errno = 0;
        char *end;
        long double x = strtold(special[i], &end);
        printf("[%s] -> %La %.21Le errno=%d used=%td\n", special[i], x, x, errno, end - special[i]);
    }
    long double a, b;
    int n = sscanf("3.14159265358979323846264338 -0x1.8p-3", "%Lf %Lg", &a, &b);
    printf("sscanf %d %.25Lg %La\n", n, a, b);
    return 0;
}
