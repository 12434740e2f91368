/* zlib round trip: compress a few MiB of mixed data at several levels,
   decompress, compare; checksums and sizes; gzip file write and read back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "zlib.h"

int main(void)
{
    const size_t n = 3 << 20;
    unsigned char *src = malloc(n);
    unsigned seed = 1;
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245 + 12345;
        /* text-like runs plus noise, so the levels differ. */
        src[i] = (i / 4096) % 3 == 0 ? (unsigned char)(seed >> 16) : (unsigned char)("lorem ipsum dolor sit amet "[(i * 7 + (i >> 10)) % 27]);
    }
    printf("zlib %s\n", zlibVersion());
    printf("crc32=%08lx adler32=%08lx\n", crc32(0, src, n), adler32(1, src, n));
    for (int level = 0; level <= 9; level += 3) {
        uLongf clen = compressBound(n);
        unsigned char *c = malloc(clen);
        if (compress2(c, &clen, src, n, level) != Z_OK) return 1;
        uLongf dlen = n;
        unsigned char *d = malloc(n);
        int r = uncompress(d, &dlen, c, clen);
        printf("level %d: %lu -> %lu bytes, crc=%08lx, round trip %s\n", level, (unsigned long)n, (unsigned long)clen,
            crc32(0, c, clen), r == Z_OK && dlen == n && memcmp(d, src, n) == 0 ? "ok" : "FAILED");
        free(c);
        free(d);
    }
    gzFile gz = gzopen("data.gz", "wb9");
    gzwrite(gz, src, n);
    gzprintf(gz, "trailer %d %s\n", 42, "end");
    gzclose(gz);
    gz = gzopen("data.gz", "rb");
    unsigned char *back = malloc(n + 100);
    int got = gzread(gz, back, n + 100);
    gzclose(gz);
    printf("gz read %d bytes, same=%d, trailer=%.*s", got, memcmp(back, src, n) == 0, got - (int)n, (char *)back + n);
    FILE *f = fopen("data.gz", "rb");
    fseek(f, 0, SEEK_END);
    printf("gz file size %ld\n", ftell(f));
    fclose(f);
    remove("data.gz");
    return 0;
}
