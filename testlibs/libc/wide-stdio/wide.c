#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

int main(void) {
    if (!setlocale(LC_ALL, "C.UTF-8")) return 1;
    /* stdout is used only through wide functions (it becomes wide-oriented). */
    wprintf(L"fwide(stdout)=%d\n", fwide(stdout, 0));
    wprintf(L"[%ls] [%8ls] [%-8ls|] [%.2ls] [%s] [%6s] [%.3s]\n", L"h\u00e9llo", L"\u20ac\u00e9", L"\u4e2d",
            L"\u00e9\u00e8\u00ea", "caf\xc3\xa9", "\xc3\xa9t\xc3\xa9", "\xc3\xa9t\xc3\xa9s");
    wprintf(L"[%c] [%lc] [%3lc] [%-3lc|]\n", 'x', (wint_t)0x3b1, (wint_t)0x20ac, (wint_t)0x4e2d);
    wprintf(L"%d %5.2f %e %x %#o %+d %p\n", 42, 3.14159, 12345.678, 255u, 8u, 7, (void *)0);
    wprintf(L"%2$ls=%1$d %3$s\n", 5, L"\u00fcber", "ok");
    int n = -1;
    wprintf(L"\u00e9\u00e8%n|\n", &n);
    wprintf(L"count %d\n", n);
    wchar_t buf[64];
    int r = swprintf(buf, 64, L"%ls-%d-%s", L"\u0391\u0392", 12, "\xce\xb3");
    wprintf(L"swprintf %d [%ls] len %zu\n", r, buf, wcslen(buf));
    r = swprintf(buf, 4, L"%s", "abcdef");
    wprintf(L"swprintf overflow %d\n", r < 0);
    r = swprintf(buf, 64, L"%s", "bad\xff");
    wprintf(L"swprintf bad mb %d errno=%d\n", r, errno);

    /* Files. */
    const char *path = "wide.txt";
    FILE *f = fopen(path, "w");
    wprintf(L"fwide new %d\n", fwide(f, 0));
    fputwc(0x20ac, f);
    fputws(L" line \u00e9\n", f);
    fwprintf(f, L"%ls %d\n", L"\u4e2d\u6587", 99);
    putwc(L'z', f);
    wprintf(L"fwide after %d\n", fwide(f, 0));
    fclose(f);
    f = fopen(path, "r");
    wint_t c = fgetwc(f);
    wprintf(L"first U+%04X\n", (unsigned)c);
    wprintf(L"ungetwc %d\n", ungetwc(c, f) == c);
    wchar_t line[32];
    while (fgetws(line, 32, f)) wprintf(L"line [%ls] %zu\n", line, wcslen(line));
    wprintf(L"eof %d\n", feof(f) != 0);
    fclose(f);
    /* Byte size of what was written. */
    f = fopen(path, "rb");
    fseek(f, 0, SEEK_END);
    wprintf(L"bytes %ld\n", ftell(f));
    fclose(f);
    /* Invalid and truncated UTF-8 input. */
    f = fopen(path, "w");
    fputs("a\xff" "b\xe2\x82", f);
    fclose(f);
    f = fopen(path, "r");
    for (int i = 0; i < 5; i++) {
        errno = 0;
        c = fgetwc(f);
        wprintf(L"read %d: %lX errno=%d err=%d\n", i, (unsigned long)c, errno, ferror(f) != 0);
        if (c == WEOF && !ferror(f)) break;
        if (c == WEOF) {
            clearerr(f);
            fgetc(f);
        }
    }
    fclose(f);
    remove(path);
    /* Numbers and wcsftime. */
    wchar_t *end;
    long l = wcstol(L"  \u3000-1234xyz", &end, 10);
    wprintf(L"wcstol %ld rest [%ls]\n", l, end);
    wprintf(L"wcstoul %lu %llu %lld\n", wcstoul(L"ff", NULL, 16), wcstoull(L"18446744073709551615", NULL, 10),
            wcstoll(L"-9223372036854775808", NULL, 0));
    wprintf(L"wcstoimax %jd %ju\n", wcstoimax(L"0x7f", NULL, 0), wcstoumax(L"0777", NULL, 0));
    double d = wcstod(L"3.25e2\u00e9", &end);
    wprintf(L"wcstod %g rest [%ls] %g\n", d, end, (double)wcstof(L"0.5", NULL));
    l = wcstol(L"\u00e9", &end, 10);
    wprintf(L"none %ld %d\n", l, *end == 0xe9);
    struct tm tm = {.tm_year = 124, .tm_mon = 6, .tm_mday = 14, .tm_hour = 9, .tm_min = 5, .tm_wday = 0, .tm_yday = 195};
    size_t k = wcsftime(buf, 64, L"\u00e9 %Y-%m-%d %H:%M %A %j \u4e2d", &tm);
    wprintf(L"wcsftime %zu [%ls]\n", k, buf);
    wprintf(L"wcsftime small %zu\n", wcsftime(buf, 5, L"%Y-%m-%d", &tm));
    return 0;
}
