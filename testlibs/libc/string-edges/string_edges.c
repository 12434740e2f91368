/* Alignment, length and page-end checks for the string and memory functions:
 * every case compares against a byte-at-a-time reference, and the strings
 * end right before an unmapped guard page, so reading one block too far
 * crashes. Prints one count line per function (identical with glibc). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static const void *ref_memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    for (size_t i = 0; i < n; i++) if (p[i] == (unsigned char)c) return p + i;
    return NULL;
}
static const void *ref_memrchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    while (n--) if (p[n] == (unsigned char)c) return p + n;
    return NULL;
}
static const char *ref_strrchr(const char *s, int c)
{
    const char *last = NULL;
    for (;; s++) { if (*s == (char)c) last = s; if (!*s) return last; }
}
static const char *ref_strchr(const char *s, int c)
{
    for (;; s++) { if (*s == (char)c) return s; if (!*s) return NULL; }
}
static int sign(int x) { return (x > 0) - (x < 0); }
static int ref_memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++) if (x[i] != y[i]) return x[i] - y[i];
    return 0;
}
static int ref_strncmp(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = a[i], y = b[i];
        if (x != y || !x) return x - y;
    }
    return 0;
}

static long failures, checks;
#define CHECK(cond, ...) do { checks++; if (!(cond)) { if (failures++ < 20) { printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } } while (0)

#define MAXLEN 300
static size_t page;
/* SIZE_MAX as a bound, hidden from the compiler's object-size warnings. */
static volatile size_t unbounded_v = (size_t)-1;

/* A buffer whose end is the start of an unmapped page. */
static unsigned char *guarded(void)
{
    unsigned char *m = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) { perror("mmap"); exit(2); }
    if (munmap(m + 2 * page, page)) { perror("munmap"); exit(2); }
    return m + 2 * page; /* one past the last readable byte */
}

int main(void)
{
    page = (size_t)sysconf(_SC_PAGESIZE);
    unsigned char *end = guarded(), *end2 = guarded();
    static unsigned char src[2 * MAXLEN + 64], dst[2 * MAXLEN + 64], want[2 * MAXLEN + 64];
    long per[12] = {0};
    size_t unbounded = unbounded_v;

    for (size_t len = 0; len <= MAXLEN; len++) {
        /* String of len bytes + NUL ending exactly at the guard page. */
        char *s = (char *)end - len - 1;
        for (size_t i = 0; i < len; i++) s[i] = 'a' + (i * 7 + len) % 26;
        s[len] = 0;
        CHECK(strlen(s) == len, "strlen len %zu", len); per[0]++;
        CHECK(strnlen(s, len + 5) == len && strnlen(s, len / 2) == len / 2, "strnlen %zu", len); per[0]++;
        /* A bound far past the terminator (POSIX allows it): nothing after the
         * terminator's page may be read, whatever the alignment. */
        CHECK(strnlen(s, len + 300) == len && strnlen(s, unbounded) == len, "strnlen past end %zu", len); per[0]++;
        CHECK(memchr(s, 0, len + 300) == s + len && memchr(s, 0, unbounded) == s + len, "memchr past end %zu", len); per[0]++;
        /* strdup scans with such a bound too. */
        char *dup = strdup(s);
        CHECK(dup && strcmp(dup, s) == 0, "strdup %zu", len); per[0]++;
        free(dup);
        /* Every position as the searched byte, and one absent byte. */
        for (size_t k = 0; k <= len; k++) {
            int c = k < len ? (unsigned char)s[k] : '#';
            CHECK(strchr(s, c) == ref_strchr(s, c), "strchr len %zu k %zu", len, k);
            CHECK(strrchr(s, c) == ref_strrchr(s, c), "strrchr len %zu k %zu", len, k);
            CHECK(memchr(s, c, len) == ref_memchr(s, c, len), "memchr len %zu k %zu", len, k);
            /* C11 7.24.5.1: memchr stops at the first occurrence, so n may run past the object. */
            CHECK(k == len || memchr(s, c, len + 300) == ref_memchr(s, c, len), "memchr n past end %zu %zu", len, k);
            CHECK(memrchr(s, c, len) == ref_memrchr(s, c, len), "memrchr len %zu k %zu", len, k);
            CHECK(strchrnul(s, c) == (ref_strchr(s, c) ? ref_strchr(s, c) : s + len), "strchrnul %zu %zu", len, k);
            per[1] += 6;
        }
        CHECK(strchr(s, 0) == s + len && strrchr(s, 0) == s + len, "strchr NUL len %zu", len);
        /* Comparisons: the other string ends at the other guard page, at every offset of a difference. */
        char *t = (char *)end2 - len - 1;
        memcpy(t, s, len + 1);
        CHECK(strcmp(s, t) == 0 && strncmp(s, t, len + 3) == 0 && memcmp(s, t, len) == 0, "equal len %zu", len);
        for (size_t k = 0; k < len; k++) {
            char save = t[k];
            for (int delta = -1; delta <= 1; delta += 2) {
                t[k] = (char)(save + delta * 3);
                CHECK(sign(strcmp(s, t)) == sign(ref_strncmp(s, t, (size_t)-1)), "strcmp len %zu k %zu", len, k);
                CHECK(sign(strncmp(s, t, len)) == sign(ref_strncmp(s, t, len)), "strncmp len %zu k %zu", len, k);
                CHECK(sign(strncmp(s, t, k)) == 0, "strncmp prefix len %zu k %zu", len, k);
                CHECK(sign(memcmp(s, t, len)) == sign(ref_memcmp(s, t, len)), "memcmp len %zu k %zu", len, k);
                CHECK((bcmp(s, t, len) != 0) == (ref_memcmp(s, t, len) != 0), "bcmp len %zu k %zu", len, k);
                per[2] += 5;
            }
            /* High bytes compare as unsigned char. */
            t[k] = (char)0xE0;
            CHECK(sign(strcmp(s, t)) == -1 && sign(memcmp(t, s, len)) == 1, "unsigned len %zu k %zu", len, k);
            t[k] = save;
        }
        /* A shorter string against a longer one (terminator versus byte). */
        if (len > 0) {
            char *u = (char *)end2 - len;
            memcpy(u, s, len - 1);
            u[len - 1] = 0;
            CHECK(strcmp(u, s) < 0 && strcmp(s, u) > 0, "prefix len %zu", len);
        }
    }

    /* memcpy / memmove / memset at every alignment and length, with guard bytes around. */
    for (size_t len = 0; len <= MAXLEN; len++) {
        for (size_t da = 0; da < 16; da += (len < 80 ? 1 : 5)) {
            for (size_t sa = 0; sa < 16; sa += (len < 80 ? 3 : 7)) {
                for (size_t i = 0; i < sizeof src; i++) { src[i] = (unsigned char)(i * 13 + 1); dst[i] = 0x55; }
                memcpy(want, dst, sizeof dst);
                for (size_t i = 0; i < len; i++) want[16 + da + i] = src[sa + i];
                memcpy(dst + 16 + da, src + sa, len);
                CHECK(memcmp(dst, want, sizeof dst) == 0, "memcpy len %zu da %zu sa %zu", len, da, sa);
                memset(dst, 0x55, sizeof dst);
                memmove(dst + 16 + da, src + sa, len);
                CHECK(ref_memcmp(dst, want, sizeof dst) == 0, "memmove len %zu da %zu sa %zu", len, da, sa);
                memset(dst, 0x55, sizeof dst);
                memcpy(want, dst, sizeof dst);
                for (size_t i = 0; i < len; i++) want[da + 8 + i] = 0xA7;
                memset(dst + da + 8, 0xA7, len);
                CHECK(ref_memcmp(dst, want, sizeof dst) == 0, "memset len %zu da %zu", len, da);
                per[3] += 3;
            }
            /* Overlapping moves both ways inside one buffer. */
            for (long shift = -40; shift <= 40; shift += 7) {
                for (size_t i = 0; i < sizeof src; i++) src[i] = (unsigned char)(i * 29 + 3);
                memcpy(want, src, sizeof src);
                size_t from = 100 + da, to = (size_t)((long)from + shift);
                unsigned char tmp[2 * MAXLEN];
                for (size_t i = 0; i < len; i++) tmp[i] = want[from + i];
                for (size_t i = 0; i < len; i++) want[to + i] = tmp[i];
                memmove(src + to, src + from, len);
                CHECK(ref_memcmp(src, want, sizeof src) == 0, "memmove overlap len %zu shift %ld", len, shift);
                per[4]++;
            }
        }
    }
    /* memcpy right up to the guard page. */
    for (size_t len = 0; len <= MAXLEN; len++) {
        memset(end - len, 0x11, len);
        memcpy(end2 - len, end - len, len);
        CHECK(ref_memcmp(end2 - len, end - len, len) == 0, "memcpy at page end %zu", len);
    }

    printf("strlen/strnlen: %ld\nsearch: %ld\ncompare: %ld\ncopy/fill: %ld\noverlap: %ld\n",
           per[0], per[1], per[2], per[3], per[4]);
    printf("%s (%ld failures)\n", failures ? "FAILED" : "ok", failures);
    return failures != 0;
}
