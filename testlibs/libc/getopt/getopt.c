/* getopt, getopt_long and getopt_long_only as glibc has them: options after
 * operands are found and argv permuted (busybox: `sed '1,2d' -i input`), '+'
 * and POSIXLY_CORRECT keep strict order, '-' returns operands as option 1,
 * optional arguments, ':' for a missing argument, long options abbreviated,
 * ambiguous and unknown ones, flag pointers, longindex, getopt_long_only's
 * "-name", re-scans with optind = 0 and optind = 1. stderr goes to stdout so
 * the diagnostics are compared too. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int flag;
static const struct option lo[] = {
    {"verbose", no_argument, NULL, 'v'},
    {"file", required_argument, NULL, 'f'},
    {"opt", optional_argument, NULL, 'o'},
    {"color", no_argument, NULL, 'C'},
    {"count", required_argument, NULL, 'N'},
    {"col", no_argument, NULL, 'L'},
    {"flag", no_argument, &flag, 42},
    {"fla-same", no_argument, &flag, 42},
    {NULL, 0, NULL, 0},
};

enum { SHORT, LONG, LONG_ONLY };

static void run(const char *title, int kind, const char *opts, const char *args)
{
    char buf[512], *argv[32];
    int argc = 0;
    strcpy(buf, args);
    argv[argc++] = "prog";
    for (char *t = strtok(buf, " "); t; t = strtok(NULL, " "))
        argv[argc++] = t;
    argv[argc] = NULL;
    printf("== %s: \"%s\" %s\n", title, opts, args);
    optind = 0;
    flag = 0;
    for (int n = 0; n < 40; n++) {
        int li = -1, c;
        if (kind == SHORT)
            c = getopt(argc, argv, opts);
        else if (kind == LONG)
            c = getopt_long(argc, argv, opts, lo, &li);
        else
            c = getopt_long_only(argc, argv, opts, lo, &li);
        if (c == -1)
            break;
        printf("  %3d %c optarg=%s optind=%d optopt=%d li=%d flag=%d\n", c, c > 32 && c < 127 ? c : '.',
               optarg ? optarg : "(null)", optind, optopt, li, flag);
    }
    printf("  end optind=%d argv:", optind);
    for (int i = 1; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    run("permute", SHORT, "ab:c::", "-a file1 -bval -c -cX file2 -b v2 file3");
    run("after operands", SHORT, "in:", "1,2d -i input");
    run("double dash", SHORT, "ab", "x -a -- -b y");
    run("double dash first", SHORT, "ab", "-- -a");
    run("lone dash", SHORT, "ab", "- -a -");
    run("plus", SHORT, "+ab", "-a x -b");
    run("minus", SHORT, "-ab", "-a x -b y");
    run("colon", SHORT, ":ab:", "-x -a -b");
    run("no colon", SHORT, "ab:", "-x -a -b");
    run("cluster", SHORT, "ab:c", "-aab -cbfoo -ca");
    run("colon option char", SHORT, "a:b", "-: -b");
    run("only operands", SHORT, "a", "x y z");
    run("empty", SHORT, "a", "");
    run("long", LONG, "vf:o::", "--verbose x --file=a --file b --opt --opt=y -v -fz y");
    run("long abbrev", LONG, "", "--verb --fi q --col --colo --co --cou 3");
    run("long flag", LONG, "", "--flag --fla");
    run("long errors", LONG, "", "--unknown --verbose=x --color=1 --file");
    run("long colon", LONG, ":", "--file");
    run("long operand order", LONG, "v", "a --verbose b -- --file c");
    run("long plus", LONG, "+v", "a --verbose");
    run("long only", LONG_ONLY, "vf:x", "-verbose -v -f a -file=b -fi c -x -xy -col a");
    run("long only unknown", LONG_ONLY, "v", "-zz -vv --verbose -verbose=1");
    /* A re-scan with optind = 1 instead of 0 (musl and BSD style) after a
     * finished one. */
    {
        char *argv[] = {"prog", "-a", "x", "-b", NULL};
        optind = 0;
        while (getopt(4, argv, "ab") != -1)
            ;
        optind = 1;
        int c, n = 0;
        while ((c = getopt(4, argv, "ab")) != -1)
            printf("  rescan %c optind=%d\n", c, optind), n++;
        printf("  rescan: %d options, optind=%d, argv: %s %s %s\n", n, optind, argv[1], argv[2], argv[3]);
    }
    setenv("POSIXLY_CORRECT", "1", 1);
    run("POSIXLY_CORRECT", SHORT, "ab", "-a x -b");
    run("POSIXLY_CORRECT long", LONG, "v", "--verbose x -v");
    unsetenv("POSIXLY_CORRECT");
    run("after POSIXLY_CORRECT", SHORT, "ab", "-a x -b");
    /* opterr = 0: no messages. */
    opterr = 0;
    run("opterr 0", LONG, "a:", "-x --nope -a");
    return 0;
}
