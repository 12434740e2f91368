/* The libc section of `cargo xtask bench`: one program, built for vibix, glibc
 * and musl alike, that runs one benchmark per invocation.
 *
 *   libc NAME once      run the body once and check it
 *   libc NAME count     run the body once without the check (for callgrind:
 *                       --toggle-collect=bench_body --toggle-collect=bench_thread;
 *                       valgrind computes long double with 64 bits, so musl's
 *                       printf/strtod give wrong digits under it)
 *   libc NAME time MS   repeat set-up + body for about MS ms, print the
 *                       minimum ns per operation
 *   libc NAME smoke     small sizes, one checked run (CI)
 *   libc list           the benchmark names, one per line
 *
 * Output: `NAME OPS MIN_NS` (MIN_NS 0 unless timed). Every body's result is
 * checked outside the measured part; a wrong result exits 1. Library calls go
 * through volatile function pointers so no compiler replaces them with
 * builtins. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static size_t (*volatile f_strlen)(const char *) = strlen;
static void *(*volatile f_memchr)(const void *, int, size_t) = memchr;
static char *(*volatile f_strchr)(const char *, int) = strchr;
static int (*volatile f_memcmp)(const void *, const void *, size_t) = memcmp;
static void *(*volatile f_memcpy)(void *, const void *, size_t) = memcpy;
static int (*volatile f_snprintf)(char *, size_t, const char *, ...) = snprintf;
static double (*volatile f_strtod)(const char *, char **) = strtod;

static int smoke;
static size_t size;   /* bytes per call (string benchmarks) */
static long calls;    /* calls per body */
static char *buf_a, *buf_b;
static long result;

static void die(const char *what)
{
    fprintf(stderr, "libc bench: wrong result: %s\n", what);
    exit(1);
}

static uint64_t rng = 88172645463325252ull;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* ---- string functions: `size` bytes, the byte looked for at the end ---- */
static void setup_bytes(void)
{
    free(buf_a);
    free(buf_b);
    buf_a = malloc(size + 64);
    buf_b = malloc(size + 64);
    for (size_t i = 0; i < size + 64; i++)
        buf_a[i] = buf_b[i] = 'a' + i % 23;
    buf_a[size - 1] = buf_b[size - 1] = 'z';
    buf_a[size] = buf_b[size] = 0;
    calls = smoke ? 10 : size >= 65536 ? 200 : 2000;
}

static void body_strlen(void) { for (long i = 0; i < calls; i++) result += f_strlen(buf_a); }
static void check_strlen(void) { if (result != calls * (long)size) die("strlen"); }
static void body_memchr(void) { for (long i = 0; i < calls; i++) result += (char *)f_memchr(buf_a, 'z', size) - buf_a; }
static void body_strchr(void) { for (long i = 0; i < calls; i++) result += f_strchr(buf_a, 'z') - buf_a; }
static void check_find(void) { if (result != calls * (long)(size - 1)) die("memchr/strchr"); }
static void body_memcmp(void) { for (long i = 0; i < calls; i++) result |= f_memcmp(buf_a, buf_b, size); }
static void check_memcmp(void) { if (result != 0) die("memcmp"); }
static void body_memcpy(void) { for (long i = 0; i < calls; i++) f_memcpy(buf_b + (i & 7), buf_a, size); }
static void check_memcpy(void) { if (memcmp(buf_b + ((calls - 1) & 7), buf_a, size)) die("memcpy"); }

/* ---- malloc/free: a ring of live blocks, sizes 16..1039 ---- */
#define RING 64
static long mf_ops;
static void *mf_loop(long ops)
{
    void *ring[RING] = {0};
    uint64_t r = (uint64_t)(uintptr_t)&ring | 1;
    for (long i = 0; i < ops; i++) {
        r = r * 6364136223846793005ull + 1442695040888963407ull;
        unsigned slot = (unsigned)(r >> 58) % RING;
        free(ring[slot]);
        size_t n = 16 + (r >> 40) % 1024;
        ring[slot] = malloc(n);
        if (!ring[slot])
            die("malloc");
        ((char *)ring[slot])[n - 1] = 1;
    }
    for (int i = 0; i < RING; i++)
        free(ring[i]);
    return NULL;
}
static void setup_malloc(void) { mf_ops = smoke ? 1000 : 200000; calls = mf_ops; }
static void body_malloc(void) { mf_loop(mf_ops); }

#define THREADS 8
__attribute__((noinline)) void *bench_thread(void *arg) { return mf_loop((long)(intptr_t)arg); }
static void setup_malloc8(void) { mf_ops = smoke ? 500 : 50000; calls = mf_ops * THREADS; }
static void body_malloc8(void)
{
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        if (pthread_create(&t[i], NULL, bench_thread, (void *)(intptr_t)mf_ops))
            die("pthread_create");
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
}
static void check_nothing(void) {}

/* ---- qsort of random ints ---- */
static int *q_src, *q_work;
static long q_n;
static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static void setup_qsort(void)
{
    q_n = smoke ? 10000 : 1000000;
    if (!q_src) {
        q_src = malloc(q_n * sizeof(int));
        q_work = malloc(q_n * sizeof(int));
        for (long i = 0; i < q_n; i++)
            q_src[i] = (int)(next() >> 33) - (1 << 30);
    }
    memcpy(q_work, q_src, q_n * sizeof(int));
    calls = 1;
}
static void body_qsort(void) { qsort(q_work, q_n, sizeof(int), cmp_int); }
static void check_qsort(void)
{
    long sum_a = 0, sum_b = 0;
    for (long i = 0; i < q_n; i++) {
        if (i && q_work[i - 1] > q_work[i])
            die("qsort order");
        sum_a += q_work[i];
        sum_b += q_src[i];
    }
    if (sum_a != sum_b)
        die("qsort contents");
}

/* ---- printf and strtod ---- */
#define NUMS 1000
static double nums[NUMS];
static char texts[NUMS][32];
static void setup_nums(void)
{
    calls = smoke ? 50 : NUMS;
    for (long i = 0; i < calls; i++) {
        /* Mantissas of every length, exponents from 1e-30 to 1e30. */
        double m = (double)(next() >> 11) / (double)(1ull << 53);
        int e = (int)(next() % 61) - 30;
        double p = 1;
        for (int k = 0; k < (e < 0 ? -e : e); k++)
            p *= 10;
        nums[i] = e < 0 ? m / p : m * p;
        snprintf(texts[i], sizeof texts[i], "%.17g", nums[i]);
    }
}
static void body_g17(void) { for (long i = 0; i < calls; i++) f_snprintf(texts[i], 32, "%.17g", nums[i]); }
static void check_g17(void)
{
    for (long i = 0; i < calls; i++)
        if (strtod(texts[i], NULL) != nums[i])
            die("%.17g round trip");
}
static double parsed[NUMS];
static void body_strtod(void) { for (long i = 0; i < calls; i++) parsed[i] = f_strtod(texts[i], NULL); }
static void check_strtod(void)
{
    for (long i = 0; i < calls; i++)
        if (parsed[i] != nums[i])
            die("strtod");
}
static char line[128];
static void setup_ints(void) { calls = smoke ? 50 : 2000; }
static void body_ints(void)
{
    for (long i = 0; i < calls; i++)
        result += f_snprintf(line, sizeof line, "%d %ld %x %s:%5u", (int)i - 1000, i * 1234567, (unsigned)i, "name", (unsigned)i);
}
static void check_ints(void)
{
    char want[128];
    sprintf(want, "%d %ld %x %s:%5u", (int)calls - 1001, (calls - 1) * 1234567, (unsigned)calls - 1, "name", (unsigned)calls - 1);
    if (strcmp(line, want))
        die("snprintf");
}

/* ---- stdio: lines through a FILE ---- */
static const char *path = "libc-bench-stdio.tmp";
static void setup_stdio(void) { calls = smoke ? 100 : 20000; }
static void body_write(void)
{
    FILE *f = fopen(path, "w");
    if (!f)
        die("fopen w");
    for (long i = 0; i < calls; i++)
        fputs("the quick brown fox jumps over the lazy dog 0123456789 abcdefghi\n", f);
    fclose(f);
}
static void check_write(void)
{
    FILE *f = fopen(path, "r");
    fseek(f, 0, SEEK_END);
    if (ftell(f) != calls * 65)
        die("stdio write size");
    fclose(f);
}
static void setup_read(void)
{
    setup_stdio();
    body_write();
}
static void body_read(void)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("fopen r");
    char l[128];
    while (fgets(l, sizeof l, f))
        result++;
    fclose(f);
}
static void check_read(void) { if (result != calls) die("stdio read lines"); }

struct bench {
    const char *name;
    size_t size;
    void (*setup)(void), (*body)(void), (*check)(void);
};

static const struct bench benches[] = {
    {"strlen-16", 16, setup_bytes, body_strlen, check_strlen},
    {"strlen-64", 64, setup_bytes, body_strlen, check_strlen},
    {"strlen-1k", 1024, setup_bytes, body_strlen, check_strlen},
    {"memchr-16", 16, setup_bytes, body_memchr, check_find},
    {"memchr-1k", 1024, setup_bytes, body_memchr, check_find},
    {"strchr-16", 16, setup_bytes, body_strchr, check_find},
    {"strchr-1k", 1024, setup_bytes, body_strchr, check_find},
    {"memcmp-16", 16, setup_bytes, body_memcmp, check_memcmp},
    {"memcmp-1k", 1024, setup_bytes, body_memcmp, check_memcmp},
    {"memcpy-16", 16, setup_bytes, body_memcpy, check_memcpy},
    {"memcpy-1k", 1024, setup_bytes, body_memcpy, check_memcpy},
    {"memcpy-64k", 65536, setup_bytes, body_memcpy, check_memcpy},
    {"malloc-free", 0, setup_malloc, body_malloc, check_nothing},
    {"malloc-free-8t", 0, setup_malloc8, body_malloc8, check_nothing},
    {"qsort-1m", 0, setup_qsort, body_qsort, check_qsort},
    {"printf-g17", 0, setup_nums, body_g17, check_g17},
    {"strtod", 0, setup_nums, body_strtod, check_strtod},
    {"snprintf-int", 0, setup_ints, body_ints, check_ints},
    {"stdio-write", 0, setup_stdio, body_write, check_write},
    {"stdio-read", 0, setup_read, body_read, check_read},
};

/* The measured part; callgrind collects only inside it (and bench_thread). */
__attribute__((noinline)) void bench_body(const struct bench *b) { b->body(); }

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "list")) {
        for (size_t i = 0; i < sizeof benches / sizeof *benches; i++)
            puts(benches[i].name);
        return 0;
    }
    if (argc < 3) {
        fputs("usage: libc NAME once|count|smoke|time MS\n", stderr);
        return 2;
    }
    const struct bench *b = NULL;
    for (size_t i = 0; i < sizeof benches / sizeof *benches; i++)
        if (!strcmp(benches[i].name, argv[1]))
            b = &benches[i];
    if (!b) {
        fprintf(stderr, "libc bench: no benchmark `%s`\n", argv[1]);
        return 2;
    }
    smoke = !strcmp(argv[2], "smoke");
    int check = strcmp(argv[2], "count") != 0;
    size = b->size;
    double budget = !strcmp(argv[2], "time") && argc > 3 ? atof(argv[3]) * 1e6 : 0;
    double best = 0, start = now_ns();
    int reps = 0;
    do {
        b->setup();
        result = 0;
        double t0 = now_ns();
        bench_body(b);
        double t = now_ns() - t0;
        if (check)
            b->check();
        if (reps == 0 || t < best)
            best = t;
        reps++;
    } while (budget > 0 && (reps < 3 || now_ns() - start < budget));
    remove(path);
    printf("%s %ld %.2f\n", b->name, calls, budget > 0 ? best / calls : 0.0);
    return 0;
}
