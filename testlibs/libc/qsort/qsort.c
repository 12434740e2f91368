/* qsort/qsort_r: every length up to 300 and some large ones, element sizes 1
 * to 40 bytes, few distinct keys (ties: the order of equal elements must be
 * glibc's, i.e. stable), sorted/reversed/random input. Prints one checksum
 * line per size (identical with glibc) and checks order itself too. Every
 * pointer the comparator gets must be an element of the array being sorted or
 * of a buffer the sort owns, never one past the end (busybox's ls sorts an array
 * of pointers and dereferences them: reading past the end crashed it). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x853c49e6748fea9bull;
static uint32_t next(void)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng >> 33);
}

static size_t esize;
static int calls;
static const unsigned char *cur_base;
static size_t cur_n;
static long past_end;
/* A pointer at or just past the end of the array being sorted. */
static void check_ptr(const void *p)
{
    const unsigned char *q = p;
    if (cur_base && q >= cur_base + cur_n * esize && q < cur_base + (cur_n + 1) * esize)
        past_end++;
}
/* The key is the first byte (or the first int for 4/8-byte elements); the rest records the original position. */
static int key_of(const unsigned char *p)
{
    if (esize >= 4) {
        int k;
        memcpy(&k, p, sizeof k);
        return k;
    }
    return p[0];
}
static int cmp(const void *a, const void *b)
{
    calls++;
    check_ptr(a);
    check_ptr(b);
    int x = key_of(a), y = key_of(b);
    return (x > y) - (x < y);
}
static int cmp_r(const void *a, const void *b, void *arg)
{
    (*(int *)arg)++;
    return -cmp(a, b); /* descending */
}

int main(void)
{
    static const size_t sizes[] = {1, 2, 3, 4, 8, 12, 16, 24, 40};
    static const size_t bigs[] = {1000, 4097, 65536};
    unsigned char *buf = malloc(65536 * 40);
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        esize = sizes[s];
        uint64_t sum = 0;
        long bad = 0;
        for (size_t t = 0; t < 300 + 3; t++) {
            size_t n = t < 300 ? t : bigs[t - 300];
            for (int pattern = 0; pattern < 3; pattern++) {
                int keys = esize >= 4 ? (t % 3 == 0 ? 5 : 1000000) : 7;
                for (size_t i = 0; i < n; i++) {
                    unsigned char *e = buf + i * esize;
                    int k = pattern == 0 ? (int)(next() % keys) - keys / 2 : pattern == 1 ? (int)i : -(int)i;
                    for (size_t b = 0; b < esize; b++)
                        e[b] = (unsigned char)(i >> (8 * (b % 4)));
                    if (esize >= 4)
                        memcpy(e, &k, sizeof k);
                    else
                        e[0] = (unsigned char)k;
                }
                int r = 0;
                cur_base = buf;
                cur_n = n;
                if (pattern == 2 && esize >= 4)
                    qsort_r(buf, n, esize, cmp_r, &r);
                else
                    qsort(buf, n, esize, cmp);
                cur_base = NULL;
                for (size_t i = 1; i < n; i++) {
                    int c = cmp(buf + (i - 1) * esize, buf + i * esize);
                    if (pattern == 2 && esize >= 4 ? c < 0 : c > 0)
                        bad++;
                }
                for (size_t i = 0; i < n * esize; i++)
                    sum = sum * 1099511628211ull + buf[i];
            }
        }
        printf("size %2zu: checksum %016llx, %ld out of order\n", esize, (unsigned long long)sum, bad);
    }
    printf("comparator called with the element past the end: %ld times\n", past_end);
    free(buf);
    return 0;
}
