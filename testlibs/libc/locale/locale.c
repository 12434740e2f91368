#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

static void hex(const char *what, const char *s, size_t n) {
    printf("%s:", what);
    for (size_t i = 0; i < n; i++) printf(" %02x", (unsigned char)s[i]);
    printf("\n");
}

static void mb_tests(void) {
    mbstate_t st;
    wchar_t w;
    size_t r;
    memset(&st, 0, sizeof st);
    const char *s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
    /* One character at a time. */
    for (const char *p = s; *p;) {
        r = mbrtowc(&w, p, strlen(p), &st);
        printf("mbrtowc %zu U+%04X\n", r, (unsigned)w);
        if (r == (size_t)-1 || r == (size_t)-2) break;
        p += r;
    }
    /* Byte by byte: (size_t)-2 until the last byte of the euro sign. */
    memset(&st, 0, sizeof st);
    const char *euro = "\xe2\x82\xac";
    for (int i = 0; i < 3; i++) {
        r = mbrtowc(&w, euro + i, 1, &st);
        printf("byte %d: %zd mbsinit=%d\n", i, (ssize_t)r, mbsinit(&st));
    }
    printf("euro U+%04X\n", (unsigned)w);
    /* Invalid sequences: a lone continuation byte, overlong, surrogate, 0xff, a
       truncated sequence followed by ASCII. (Above U+10FFFF glibc decodes, vibix
       says EILSEQ as RFC 3629 does: not compared.) */
    const char *bad[] = {"\x80", "\xc0\xaf", "\xed\xa0\x80", "\xff", "\xe2\x82A"};
    for (int i = 0; i < 5; i++) {
        memset(&st, 0, sizeof st);
        errno = 0;
        r = mbrtowc(&w, bad[i], strlen(bad[i]), &st);
        printf("bad %d: %zd errno=%d\n", i, (ssize_t)r, errno);
    }
    size_t l1 = mbrlen("\xe2\x82\xac", 3, NULL);
    size_t l2 = mbrlen("\xe2\x82", 2, NULL);
    size_t l3 = mbrlen("\xac", 1, NULL);
    printf("mbrlen %zd %zd %zd\n", (ssize_t)l1, (ssize_t)l2, (ssize_t)l3);
    mbrlen(NULL, 0, NULL);
    /* Whole strings. */
    wchar_t ws[16];
    const char *src = s;
    memset(&st, 0, sizeof st);
    r = mbsrtowcs(ws, &src, 16, &st);
    printf("mbsrtowcs %zu src=%s", r, src ? "set" : "NULL");
    for (size_t i = 0; i < r; i++) printf(" %X", (unsigned)ws[i]);
    printf("\n");
    printf("mbsrtowcs count %zu\n", mbsrtowcs(NULL, &(const char *){s}, 0, NULL));
    src = s;
    r = mbsnrtowcs(ws, &src, 5, 16, &st);
    printf("mbsnrtowcs %zu consumed=%td mbsinit=%d\n", r, src - s, mbsinit(&st));
    memset(&st, 0, sizeof st);
    r = mbstowcs(ws, s, 16);
    printf("mbstowcs %zu, limit 2: %zu\n", r, mbstowcs(ws, s, 2));
    char out[32];
    const wchar_t *wsrc = L"x\u00e9\u20ac\U0001F600";
    r = wcsrtombs(out, &wsrc, sizeof out, NULL);
    hex("wcsrtombs", out, r);
    const wchar_t *wstart = L"x\u00e9\u20ac\U0001F600";
    wsrc = wstart;
    r = wcsrtombs(out, &wsrc, 4, NULL);
    printf("wcsrtombs limit 4: %zu consumed=%td\n", r, wsrc - wstart);
    printf("wcstombs count %zu\n", wcstombs(NULL, L"\u00e9\u00e9", 0));
    wsrc = L"ab\u00e9cd";
    r = wcsnrtombs(out, &wsrc, 3, sizeof out, NULL);
    hex("wcsnrtombs 3", out, r);
    errno = 0;
    r = wcrtomb(out, 0xd800, NULL);
    printf("wcrtomb surrogate %zd errno=%d\n", (ssize_t)r, errno);
    r = wcrtomb(out, 0x10FFFF, NULL);
    hex("wcrtomb 10FFFF", out, r);
    int n = wctomb(out, 0x3b1);
    hex("wctomb", out, n);
    printf("mbtowc %d ", mbtowc(&w, "\xce\xb1", 2));
    printf("U+%04X mblen %d %d\n", (unsigned)w, mblen("\xce\xb1", 2), mblen("\xce", 1));
    printf("btowc %X %X wctob %d %d\n", btowc('A'), btowc(0xe9), wctob(L'A'), wctob(0xe9));
}

static void class_tests(void) {
    const wint_t cs[] = {'A', 'z', '5', ' ', '\t', '!', 0xe9, 0xc9, 0x3b1, 0x391, 0x436, 0x416, 0x4e2d, 0x3000,
                         0x2028, 0x660, 0xdf, 0x1f600, 0x301, 0x7f, 0xa0, 0x2003};
    for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
        wint_t c = cs[i];
        printf("U+%04X al%d up%d lo%d dg%d sp%d bl%d pu%d pr%d gr%d cn%d an%d xd%d U+%04X U+%04X w%d\n", c,
               !!iswalpha(c), !!iswupper(c), !!iswlower(c), !!iswdigit(c), !!iswspace(c), !!iswblank(c),
               !!iswpunct(c), !!iswprint(c), !!iswgraph(c), !!iswcntrl(c), !!iswalnum(c), !!iswxdigit(c),
               towupper(c), towlower(c), wcwidth(c));
    }
    printf("wctype %d %d\n", !!iswctype(0x3b1, wctype("alpha")), (int)wctype("nonsense"));
    printf("towctrans %X\n", towctrans(0x3b1, wctrans("toupper")));
    printf("wcswidth %d %d\n", wcswidth(L"a\u4e2d\u0301b", 10), wcswidth(L"a\x07", 2));
}

static void *thread_main(void *arg) {
    (void)arg;
    /* A new thread uses the global locale. */
    return (void *)(long)MB_CUR_MAX;
}

int main(void) {
    printf("start %s MB_CUR_MAX=%zu codeset=%s\n", setlocale(LC_ALL, NULL), MB_CUR_MAX, nl_langinfo(CODESET));
    class_tests();
    printf("C btowc(0x41)=%X mbrtowc ascii %zu\n", btowc(0x41), mbrtowc(NULL, "a", 1, NULL));
    printf("set C.UTF-8: %s\n", setlocale(LC_ALL, "C.UTF-8"));
    /* glibc says 6, vibix 4 (the longest UTF-8 sequence): both above 1. */
    printf("MB_CUR_MAX>1: %d codeset=%s\n", MB_CUR_MAX > 1, nl_langinfo(CODESET));
    mb_tests();
    class_tests();
    printf("[%ls] [%8ls] [%-6ls] [%.3ls] [%lc]\n", L"h\u00e9llo", L"\u20ac", L"\u00e9", L"\u00e9\u00e9", (wint_t)0x3b1);
    /* Categories separately, and composite queries. */
    printf("numeric: %s\n", setlocale(LC_NUMERIC, "C"));
    printf("all: %s\n", setlocale(LC_ALL, NULL));
    char *saved = strdup(setlocale(LC_ALL, NULL));
    setlocale(LC_ALL, "C");
    printf("restore: %s\n", setlocale(LC_ALL, saved) ? "ok" : "failed");
    printf("ctype after restore: %s\n", setlocale(LC_CTYPE, NULL));
    free(saved);
    printf("unknown: %s\n", setlocale(LC_ALL, "xx_YY.ISO-8859-1") ? "accepted" : "NULL");
    printf("bad category: %s\n", setlocale(99, "C") ? "accepted" : "NULL");
    printf("POSIX: %s\n", setlocale(LC_ALL, "POSIX"));
    printf("MB_CUR_MAX=%zu\n", MB_CUR_MAX);
    /* newlocale/uselocale: per thread. */
    locale_t u = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
    printf("newlocale %s\n", u ? "ok" : "NULL");
    locale_t old = uselocale(u);
    printf("old is global: %d MB_CUR_MAX>1: %d codeset=%s\n", old == LC_GLOBAL_LOCALE, MB_CUR_MAX > 1, nl_langinfo(CODESET));
    pthread_t t;
    void *res;
    pthread_create(&t, NULL, thread_main, NULL);
    pthread_join(t, &res);
    printf("other thread MB_CUR_MAX=%ld\n", (long)res);
    printf("iswalpha_l %d %d nl_langinfo_l %s\n", !!iswalpha_l(0xe9, u), !!iswalpha(0xe9), nl_langinfo_l(CODESET, u));
    locale_t d = duplocale(u);
    uselocale(LC_GLOBAL_LOCALE);
    printf("back: MB_CUR_MAX=%zu iswalpha_l(dup) %d towupper_l %X\n", MB_CUR_MAX, !!iswalpha_l(0xe9, d), towupper_l(0xe9, d));
    printf("isalpha_l %d toupper_l %c strcoll_l %d\n", !!isalpha_l('a', d), toupper_l('q', d), strcoll_l("a", "b", d) < 0);
    freelocale(d);
    freelocale(u);
    errno = 0;
    printf("newlocale bad: %s errno=%d\n", newlocale(LC_ALL_MASK, "xx_YY", (locale_t)0) ? "ok" : "NULL", errno);
    /* nl_langinfo items. */
    printf("%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s\n", nl_langinfo(D_T_FMT), nl_langinfo(D_FMT), nl_langinfo(T_FMT),
           nl_langinfo(T_FMT_AMPM), nl_langinfo(AM_STR), nl_langinfo(DAY_3), nl_langinfo(ABMON_12),
           nl_langinfo(MON_2), nl_langinfo(RADIXCHAR), nl_langinfo(YESEXPR), nl_langinfo(THOUSEP));
    struct lconv *lc = localeconv();
    printf("lconv [%s] [%s]\n", lc->decimal_point, lc->thousands_sep);
    /* Locale names from the environment. */
    setenv("LC_ALL", "C.UTF-8", 1);
    printf("env: %s MB_CUR_MAX>1: %d\n", setlocale(LC_ALL, ""), MB_CUR_MAX > 1);
    return 0;
}
