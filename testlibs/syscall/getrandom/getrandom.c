#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "../../signal/_sys.h"

#define SYS_GETRANDOM 318
#define GRND_NONBLOCK 1
#define GRND_RANDOM 2
#define GRND_INSECURE 4

static int popcount(const unsigned char *b, int n) {
    int c = 0;
    for (int i = 0; i < n; i++)
        c += __builtin_popcount(b[i]);
    return c;
}

int main(void) {
    static unsigned char a[4096], b[4096];
    long r1 = rsys(SYS_GETRANDOM, (long)a, sizeof a, 0, 0);
    long r2 = rsys(SYS_GETRANDOM, (long)b, sizeof b, GRND_NONBLOCK, 0);
    printf("getrandom: %ld, nonblock: %ld\n", r1, r2);
    printf("the two differ: %d\n", memcmp(a, b, sizeof a) != 0);
    int ones = popcount(a, sizeof a);
    /* 32768 bits: a fair source gives 16384 +- ~90 (sigma); 1000 is > 10 sigma. */
    printf("bit balance within 1000 of half: %d\n", ones > 16384 - 1000 && ones < 16384 + 1000);
    int same = 0;
    for (int i = 0; i + 8 <= (int)sizeof a; i += 8)
        same += memcmp(a + i, a, 8) == 0;
    printf("no repeated 8-byte words: %d\n", same == 1);
    printf("GRND_RANDOM: %ld\n", rsys(SYS_GETRANDOM, (long)a, 16, GRND_RANDOM | GRND_NONBLOCK, 0));
    printf("GRND_INSECURE: %ld\n", rsys(SYS_GETRANDOM, (long)a, 16, GRND_INSECURE, 0));
    printf("RANDOM|INSECURE: %s\n", rsys(SYS_GETRANDOM, (long)a, 16, GRND_RANDOM | GRND_INSECURE, 0) == -EINVAL ? "EINVAL" : "?");
    printf("unknown flag: %s\n", rsys(SYS_GETRANDOM, (long)a, 16, 0x40, 0) == -EINVAL ? "EINVAL" : "?");
    printf("bad buffer: %s\n", rsys(SYS_GETRANDOM, 0x10, 16, 0, 0) == -EFAULT ? "EFAULT" : "?");
    printf("zero length: %ld\n", rsys(SYS_GETRANDOM, (long)a, 0, 0, 0));
    int fd = open("/dev/urandom", O_RDONLY);
    memset(a, 0, 64);
    long n = fd >= 0 ? read(fd, a, 64) : -1;
    long n2 = fd >= 0 ? read(fd, b, 64) : -1;
    printf("/dev/urandom: read %ld and %ld, nonzero %d, the two differ %d\n", n, n2, popcount(a, 64) > 0, memcmp(a, b, 64) != 0);
    close(fd);
    fd = open("/dev/random", O_RDONLY);
    printf("/dev/random: read %ld\n", fd >= 0 ? (long)read(fd, a, 16) : -1L);
    close(fd);
    return 0;
}
