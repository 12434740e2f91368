/* <string.h>/<strings.h>/<ctype.h> behaviour, compared with glibc. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <ctype.h>
#include <wchar.h>
#include <wctype.h>

static int sign(int x) { return (x > 0) - (x < 0); }

int main(void)
{
    char buf[256], big[5000];
    const char *s = "The quick brown fox jumps over the lazy dog";
    printf("%zu %zu %zu\n", strlen(""), strlen(s), strnlen(s, 10));
    for (int off = 0; off < 16; off++) {
        memset(big, 'a', sizeof big);
        big[off + 100] = 0;
        printf("%zu ", strlen(big + off));
    }
    printf("\n%d %d %d %d\n", sign(strcmp("abc", "abd")), sign(strcmp("b", "a")), sign(strcmp("", "")),
        sign(strncmp("abcdef", "abcxyz", 3)));
    printf("%d %d %d\n", sign(memcmp("abc\0x", "abc\0y", 5)), sign(strcasecmp("HeLLo", "hello")),
        sign(strncasecmp("ABCd", "abce", 4)));
    strcpy(buf, "hello");
    strcat(buf, ", world");
    strncat(buf, "!!!!", 2);
    printf("%s\n", buf);
    printf("%s|%s|%s\n", strchr(s, 'q'), strrchr(s, 'o'), strstr(s, "lazy"));
    printf("%p %p\n", (void *)strchr(s, 'Z'), (void *)strstr(s, "cat"));
    printf("%zu %zu %s\n", strspn(s, "ehT "), strcspn(s, "xyz"), strpbrk(s, "jx"));
    char tok[] = "a,b,,c;d";
    for (char *t = strtok(tok, ",;"); t; t = strtok(NULL, ",;"))
        printf("[%s]", t);
    printf("\n");
    char sep[] = "x:y::z", *p = sep, *f;
    while ((f = strsep(&p, ":")))
        printf("<%s>", f);
    printf("\n");
    char *d = strdup(s), *nd = strndup(s, 9);
    printf("%s|%s\n", d, nd);
    free(d);
    free(nd);
    memcpy(buf, "0123456789", 11);
    memmove(buf + 2, buf, 8);
    printf("%s\n", buf);
    memcpy(buf, "0123456789", 11);
    memmove(buf, buf + 3, 8);
    printf("%s\n", buf);
    memset(buf, '#', 10);
    buf[10] = 0;
    printf("%s %p\n", buf, memchr(buf, '@', 10));
    strncpy(buf, "abc", 6);
    printf("%d %d %d\n", buf[3], buf[4], buf[5]);
    printf("%s\n", (char *)memmem(s, strlen(s), "fox", 3));
    for (int c = 0; c < 128; c++) {
        int m = (!!isalpha(c) << 0) | (!!isdigit(c) << 1) | (!!isspace(c) << 2) | (!!ispunct(c) << 3) |
            (!!isupper(c) << 4) | (!!islower(c) << 5) | (!!isxdigit(c) << 6) | (!!isprint(c) << 7) |
            (!!iscntrl(c) << 8) | (!!isgraph(c) << 9) | (!!isalnum(c) << 10) | (!!isblank(c) << 11);
        printf("%x%c", m != 0 ? (m & 0xfff) : 0, (c % 16 == 15) ? '\n' : ' ');
    }
    for (int c = 'A'; c <= 'z'; c++)
        putchar(toupper(c));
    for (int c = 'A'; c <= 'z'; c++)
        putchar(tolower(c));
    printf("\n%s\n", strerror(2));
    printf("%s\n", strerror(13));
    printf("%s\n", strerror(9999));
    char eb[64];
    printf("%s\n", strerror_r(22, eb, sizeof eb));
    wchar_t w[32];
    const char *mb = "Wide chars!";
    mbstate_t st = { 0 };
    size_t wn = mbsrtowcs(w, &mb, 32, &st);
    printf("wide: %zu %zu %d %d %d\n", wn, wcslen(w), wcscmp(w, L"Wide chars!"), wcsncmp(w, L"Wider", 3) == 0,
        wcschr(w, L'c') - w);
    char back[32];
    const wchar_t *wp = w;
    printf("back: %zu %s %d %d %c%c\n", wcsrtombs(back, &wp, 32, &st), back, iswalpha(L'x') != 0,
        iswdigit(L'x') != 0, (char)towupper(L'q'), (char)towlower(L'Q'));
    return 0;
}
