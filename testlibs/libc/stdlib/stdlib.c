/* stdlib: strtol/strtod family, qsort/bsearch, rand, environment, malloc. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdint.h>
#include <limits.h>

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

struct rec { int key; int order; };
static int cmp_rec(const void *a, const void *b)
{
    return ((const struct rec *)a)->key - ((const struct rec *)b)->key;
}

int main(void)
{
    const char *ints[] = { "0", "42", "-42", "  +17xyz", "0x1fz", "0777", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616", "abc",
        "-0x10", "z", "  -  5" };
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
        char *end;
        errno = 0;
        long v = strtol(ints[i], &end, 0);
        int e1 = errno;
        errno = 0;
        unsigned long u = strtoul(ints[i], NULL, 0);
        int e2 = errno;
        long b36 = strtol(ints[i], NULL, 36);
        printf("%s -> %ld (end %td, errno %d) %lu (errno %d) %ld %d\n", ints[i], v, end - ints[i], e1, u, e2, b36,
            atoi(ints[i]));
    }
    const char *fl[] = { "3.14159", "1e308", "1e309", "-1e-320", "1e-400", "0x1.8p1", "inf", "-nan", ".5e1x",
        "123456789012345678901234567890", "2.2250738585072011e-308", "  -0.0", "1e", "e5" };
    for (size_t i = 0; i < sizeof fl / sizeof *fl; i++) {
        char *end;
        errno = 0;
        double d = strtod(fl[i], &end);
        int e = errno;
        float f = strtof(fl[i], NULL);
        printf("%s -> %.17g %a (end %td, errno %d) %.9g %g\n", fl[i], d, d, end - fl[i], e, f, atof(fl[i]));
    }
    int arr[200];
    srand(12345);
    for (int i = 0; i < 200; i++)
        arr[i] = rand() % 1000;
    qsort(arr, 200, sizeof(int), cmp_int);
    for (int i = 0; i < 200; i += 20)
        printf("%d ", arr[i]);
    int key = arr[77];
    int *found = bsearch(&key, arr, 200, sizeof(int), cmp_int);
    printf("\nfound %d\n", found ? *found : -1);
    struct rec recs[50];
    for (int i = 0; i < 50; i++) {
        recs[i].key = (i * 7) % 5;
        recs[i].order = i;
    }
    qsort(recs, 50, sizeof *recs, cmp_rec);
    for (int i = 0; i < 50; i++)
        printf("%d:%d ", recs[i].key, recs[i].order);
    srandom(1);
    printf("\nrandom: %ld %ld %ld\n", random(), random(), random());
    srand(42);
    printf("rand: %d %d %d\n", rand(), rand(), rand());

    printf("HOME=%s\n", getenv("HOME"));
    printf("missing=%p\n", (void *)getenv("NO_SUCH_VAR"));
    setenv("VIBIX_A", "1", 0);
    setenv("VIBIX_A", "2", 0);
    printf("A=%s\n", getenv("VIBIX_A"));
    setenv("VIBIX_A", "3", 1);
    printf("A=%s\n", getenv("VIBIX_A"));
    putenv("VIBIX_B=bee");
    printf("B=%s\n", getenv("VIBIX_B"));
    unsetenv("VIBIX_A");
    printf("A=%p\n", (void *)getenv("VIBIX_A"));
    printf("setenv bad: %d %d\n", setenv("A=B", "x", 1), errno);

    /* malloc: many sizes, contents preserved across realloc, alignment. */
    void *ptrs[500];
    unsigned long sum = 0;
    for (int i = 0; i < 500; i++) {
        size_t n = (i * 37) % 3000 + (i % 7 == 0 ? 300000 : 0);
        ptrs[i] = malloc(n);
        if (!ptrs[i]) return 1;
        memset(ptrs[i], i & 0xff, n);
        if ((uintptr_t)ptrs[i] % 16) return 2;
    }
    for (int i = 0; i < 500; i += 2) {
        size_t n = (i * 37) % 3000 + (i % 7 == 0 ? 300000 : 0);
        ptrs[i] = realloc(ptrs[i], n * 2 + 1);
        unsigned char *c = ptrs[i];
        for (size_t k = 0; k < n; k++)
            sum += c[k] != (i & 0xff);
    }
    for (int i = 0; i < 500; i++)
        free(ptrs[i]);
    printf("malloc mismatches: %lu\n", sum);
    void *al;
    printf("posix_memalign: %d ", posix_memalign(&al, 4096, 100));
    printf("%d\n", (int)((uintptr_t)al % 4096));
    free(al);
    int *z = calloc(1000, sizeof(int));
    int nz = 0;
    for (int i = 0; i < 1000; i++)
        nz += z[i] != 0;
    printf("calloc nonzero: %d\n", nz);
    free(z);
    printf("%d %ld %lld %d %d\n", abs(-5), labs(-6L), llabs(-7LL), div(17, 5).quot, div(17, 5).rem);
    return 0;
}
