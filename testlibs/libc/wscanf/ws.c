/* The wscanf family vs glibc: swscanf with every conversion (numbers, %ls,
   %lc, %l[, narrow %s/%c storing multibyte text, %n, suppression, widths,
   literal matching, EOF), fwscanf from a UTF-8 file, wscanf from stdin,
   vswscanf, in the C.UTF-8 locale and in C. */
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static int vcall(const wchar_t *in, const wchar_t *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vswscanf(in, fmt, ap);
    va_end(ap);
    return r;
}

static void show_w(const char *what, const wchar_t *w) {
    printf("%s:", what);
    for (; *w; w++) printf(" %x", (unsigned)*w);
    printf("\n");
}

static void cases(int utf8) {
    int i = 0, j = 0, n = 0;
    unsigned u = 0;
    long l = 0;
    double d = 0;
    float fl = 0;
    long double ld = 0;
    wchar_t ws[32], ws2[32];
    char s[64], s2[64];
    int r = swscanf(L"  42 -17 0x1f 3.25 1e3 2.5L", L"%d %i %x %lf %f %Lf", &i, &j, &u, &d, &fl, &ld);
    printf("numbers: %d -> %d %d %u %g %g %Lg\n", r, i, j, u, d, (double)fl, ld);
    r = swscanf(L"h\u00e9llo w\u00f6rld", L"%ls %ls", ws, ws2);
    printf("wide strings: %d\n", r);
    show_w("  ws", ws);
    show_w("  ws2", ws2);
    memset(s, 0, sizeof s);
    /* (non-ASCII to narrow only under UTF-8: vibix's C locale encodes U+0080..U+00FF
       as single bytes, glibc's fails; docs/unsupported.md) */
    r = swscanf(utf8 ? L"h\u00e9llo \u20ac5" : L"hello 5", L"%s %s", s, s2);
    printf("narrow strings: %d [%s] [%s] len %zu\n", r, s, s2, strlen(s));
    if (!utf8) {
        r = swscanf(L"ab\u20ac", L"%s", s);
        printf("unencodable: %d [%.2s]\n", r, s);
    }
    wchar_t wc[4] = {0};
    r = swscanf(L"\u00e9xyz", L"%lc%2lc", &wc[0], &wc[1]);
    printf("%%lc: %d %x %x %x\n", r, (unsigned)wc[0], (unsigned)wc[1], (unsigned)wc[2]);
    memset(s, 0, sizeof s);
    r = swscanf(utf8 ? L"\u00e9z" : L"ez", L"%c", s);
    printf("%%c of a non-ASCII char: %d bytes %02x %02x\n", r, (unsigned char)s[0], (unsigned char)s[1]);
    r = swscanf(L"abc\u00e9\u00e8-rest", L"%l[a-z\u00e9\u00e8]-%n%ls", ws, &n, ws2);
    printf("%%l[: %d n=%d\n", r, n);
    show_w("  set", ws);
    show_w("  rest", ws2);
    r = swscanf(L"key=value;", L"%[^=]=%[^;]", s, s2);
    printf("scansets: %d [%s] [%s]\n", r, s, s2);
    r = swscanf(L"12345", L"%2d%*d%n", &i, &n);
    printf("width/suppress: %d %d n=%d\n", r, i, n);
    r = swscanf(L"abc 10", L"abd %d", &i);
    printf("literal mismatch: %d\n", r);
    r = swscanf(L"   ", L"%d", &i);
    printf("EOF: %d\n", r);
    r = swscanf(L"", L"%ls", ws);
    printf("empty: %d\n", r);
    r = swscanf(L"5 % 7", L"%d %% %ld", &i, &l);
    printf("percent: %d %d %ld\n", r, i, l);
    r = vcall(L"9 x", L"%d %lc", &i, &wc[0]);
    printf("vswscanf: %d %d %x\n", r, i, (unsigned)wc[0]);
}

int main(void) {
    printf("-- C\n");
    cases(0);
    if (!setlocale(LC_ALL, "C.UTF-8")) { printf("no C.UTF-8\n"); return 0; }
    printf("-- C.UTF-8\n");
    cases(1);
    FILE *f = fopen("in.txt", "w");
    fputs("7 gr\xc3\xbc\xc3\x9f 2.5\nzweite\n", f);
    fclose(f);
    f = fopen("in.txt", "r");
    int i;
    wchar_t w[16];
    double d;
    int r = fwscanf(f, L"%d %ls %lf", &i, w, &d);
    printf("fwscanf: %d %d %g\n", r, i, d);
    show_w("  word", w);
    wint_t c = fgetwc(f);
    printf("next char %x\n", (unsigned)c);
    r = fwscanf(f, L"%ls", w);
    show_w("  line 2", w);
    printf("at end: %d\n", fwscanf(f, L"%ls", w));
    fclose(f);
    int a = 0, b = 0;
    r = wscanf(L"%d,%d", &a, &b);
    printf("wscanf: %d %d %d\n", r, a, b);
    return 0;
}
