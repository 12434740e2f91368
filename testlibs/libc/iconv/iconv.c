#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

static void conv(const char *to, const char *from, const char *in, size_t n, size_t outsz) {
    iconv_t cd = iconv_open(to, from);
    if (cd == (iconv_t)-1) {
        printf("%s<-%s: open failed errno=%d\n", to, from, errno);
        return;
    }
    char out[128];
    char *ip = (char *)in, *op = out;
    size_t il = n, ol = outsz;
    errno = 0;
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    printf("%s<-%s r=%zd errno=%d inleft=%zu:", to, from, (ssize_t)r, r == (size_t)-1 ? errno : 0, il);
    for (char *p = out; p < op; p++) printf(" %02x", (unsigned char)*p);
    printf("\n");
    iconv_close(cd);
}

int main(void) {
    const char *u = "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
    const char *tos[] = {"UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-32LE", "UTF-32BE", "UCS-4", "WCHAR_T",
                         "UTF-8", "utf8"};
    for (int i = 0; i < 10; i++) conv(tos[i], "UTF-8", u, strlen(u), 128);
    conv("ISO-8859-1", "UTF-8", "a\xc3\xa9", 3, 128);
    conv("ISO-8859-1", "UTF-8", u, strlen(u), 128);
    conv("ASCII", "UTF-8", u, strlen(u), 128);
    /* (glibc transliterates some symbols, such as the euro sign to "EUR"; vibix writes '?'.) */
    conv("US-ASCII//TRANSLIT", "UTF-8", "A\xc3\xa9\xf0\x9f\x98\x80z", 8, 128);
    conv("ASCII//IGNORE", "UTF-8", "a\xc3\xa9z", 4, 128);
    conv("UTF-8", "ISO-8859-1", "caf\xe9 \xff", 6, 128);
    conv("UTF-8", "UTF-16", "\xff\xfe" "A\0\xe9\0", 6, 128);
    conv("UTF-8", "UTF-16", "\xfe\xff\0A\0\xe9", 6, 128);
    conv("UTF-8", "UTF-16BE", "\xd8\x3d\xde\x00", 4, 128);
    conv("UTF-8", "UTF-16LE", "\x3d\xd8\x00\xde", 4, 128);
    conv("UTF-8", "UTF-16LE", "\x00\xdc", 2, 128); /* lone low surrogate */
    conv("UTF-8", "UTF-16LE", "\x3d\xd8", 2, 128); /* incomplete pair */
    conv("UTF-8", "UTF-32LE", "\x00\x00\x11\x00", 4, 128);
    conv("UTF-8", "UTF-8", "ab\xe2\x82", 4, 128); /* incomplete */
    conv("UTF-8", "UTF-8", "ab\xc0\xaf", 4, 128); /* invalid */
    conv("UTF-8", "UTF-8", "abcdef", 6, 3);       /* E2BIG */
    conv("UTF-16", "UTF-8", "ab", 2, 3);          /* BOM plus one unit does not fit */
    conv("UTF-8", "ASCII", "a\x80", 2, 128);
    conv("UTF-8", "latin1", "\xe9", 1, 128);
    conv("UTF-8", "no-such-charset", "a", 1, 128);
    /* Chunked input: a character split over two calls. */
    iconv_t cd = iconv_open("UTF-16LE", "UTF-8");
    char out[16], *op = out;
    size_t ol = sizeof out;
    char *ip = (char *)"\xe2\x82\xac";
    size_t il = 2;
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    printf("chunk1 r=%zd errno=%d inleft=%zu out=%td\n", (ssize_t)r, errno, il, op - out);
    il = 3;
    r = iconv(cd, &ip, &il, &op, &ol);
    printf("chunk2 r=%zd inleft=%zu out=%td %02x %02x\n", (ssize_t)r, il, op - out, (unsigned char)out[0],
           (unsigned char)out[1]);
    printf("reset %zd\n", (ssize_t)iconv(cd, NULL, NULL, NULL, NULL));
    iconv_close(cd);
    return 0;
}
