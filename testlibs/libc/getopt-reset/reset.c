/* BSD optreset: setting it to 1 (with optind = 1) restarts getopt on a new
 * argument vector, dropping a half-read option cluster; getopt clears it. */
#define _BSD_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <unistd.h>

static void scan(const char *what, int argc, char **argv, const char *opts) {
    int c;
    printf("%s:", what);
    while ((c = getopt(argc, argv, opts)) != -1)
        printf(" %c", c);
    printf(" | optind=%d optreset=%d\n", optind, optreset);
}

int main(void) {
    char *a1[] = {"p", "-ab", "x", NULL};
    char *a2[] = {"p", "-cd", NULL};
    char *a3[] = {"p", "-ef", "-g", NULL};
    opterr = 0;
    /* Stop inside the cluster "-ab": optind is still 1. */
    int c = getopt(3, a1, "ab");
    printf("first: %c optind=%d\n", c, optind);
    /* Without the reset the scan would go on at the old cluster position. */
    optreset = 1;
    optind = 1;
    scan("after optreset", 2, a2, "cd");
    /* Again mid-cluster, then reset to a vector whose options are at optind 1. */
    optreset = 1;
    optind = 1;
    c = getopt(3, a3, "efg");
    printf("third: %c optind=%d\n", c, optind);
    optreset = 1;
    optind = 1;
    scan("rescan", 3, a3, "efg");
    return 0;
}
