#define _GNU_SOURCE
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static void dump(const char *what, const wchar_t *b, size_t n) {
    printf("%s: size %zu wcslen %zu [", what, n, wcslen(b));
    for (size_t i = 0; i < n; i++) printf(i ? " %x" : "%x", (unsigned)b[i]);
    printf("] terminated %d\n", b[n] == 0);
}

static void run(void) {
    wchar_t *buf = NULL;
    size_t size = 99;
    FILE *f = open_wmemstream(&buf, &size);
    printf("open %s\n", f ? "ok" : "failed");
    printf("fwide %d\n", fwide(f, 0) > 0);
    fwprintf(f, L"%ls=%d;", L"x\u00e9\u20ac\U0001F600", 42);
    fflush(f);
    dump("after fwprintf", buf, size);
    fputwc(L'\u00df', f);
    fputws(L" end", f);
    fflush(f);
    dump("after fputwc/fputws", buf, size);
    printf("ftell %ld\n", ftell(f));
    fseek(f, 2, SEEK_SET);
    fflush(f);
    printf("after fseek(2): size %zu\n", size);
    fputwc(L'Z', f);
    fflush(f);
    dump("overwritten", buf, size);
    fclose(f);
    printf("fclose: size %zu\n", size);
    free(buf);
    f = open_wmemstream(&buf, &size);
    for (int i = 0; i < 200; i++) fputwc(L'a' + i % 26, f);
    fwprintf(f, L"%d", 12345);
    fclose(f);
    printf("grown: size %zu last %x wcslen %zu\n", size, (unsigned)buf[size - 1], wcslen(buf));
    free(buf);
}

int main(void) {
    printf("C.UTF-8 %d\n", setlocale(LC_ALL, "C.UTF-8") != NULL);
    run();
    printf("C:\n");
    setlocale(LC_ALL, "C");
    wchar_t *buf;
    size_t size;
    FILE *f = open_wmemstream(&buf, &size);
    fputws(L"plain ascii", f);
    fclose(f);
    dump("C locale", buf, size);
    free(buf);
    return 0;
}
