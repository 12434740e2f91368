/* getopt_long/getopt_long_only against glibc: argument permutation (and '+',
   '-' and POSIXLY_CORRECT), "--", abbreviations, ambiguity, =value, optional
   and required arguments, flag pointers, ':' mode, and glibc's messages (stderr
   is sent to stdout so they are compared too). Plain getopt only where POSIX
   and GNU agree (options first). */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int flag;
static const struct option longs[] = {
    { "verbose", no_argument, NULL, 'v' },
    { "version", no_argument, NULL, 'V' },
    { "output", required_argument, NULL, 'o' },
    { "color", optional_argument, NULL, 'c' },
    { "flag", no_argument, &flag, 7 },
    { "fast", no_argument, NULL, 'f' },
    { "fast-alias", no_argument, NULL, 'f' },
    { NULL, 0, NULL, 0 },
};

enum { PLAIN, LONG, LONG_ONLY };

static void run(const char *title, int mode, const char *opts, const char *args) {
    char buf[512], *argv[32];
    int argc = 0;
    snprintf(buf, sizeof buf, "%s", args);
    argv[argc++] = "prog";
    for (char *t = strtok(buf, " "); t; t = strtok(NULL, " "))
        argv[argc++] = strcmp(t, "<empty>") == 0 ? "" : t;
    argv[argc] = NULL;
    printf("== %s: '%s' %s\n", title, opts, args);
    optind = 0;
    flag = 0;
    int c, idx;
    for (;;) {
        idx = -1;
        if (mode == PLAIN)
            c = getopt(argc, argv, opts);
        else if (mode == LONG)
            c = getopt_long(argc, argv, opts, longs, &idx);
        else
            c = getopt_long_only(argc, argv, opts, longs, &idx);
        if (c == -1)
            break;
        printf("  ret ");
        if (c >= 32 && c < 127)
            printf("'%c'", c);
        else
            printf("%d", c);
        printf(" optind %d optarg %s optopt %d idx %d flag %d\n", optind, optarg ? optarg : "(null)", optopt, idx, flag);
    }
    printf("  end optind %d, argv:", optind);
    for (int i = 1; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    run("plain", PLAIN, "ab:c::", "-a -b x -bY -cZ -c rest");
    run("plain cluster", PLAIN, "ab:", "-ab val -a -- -b");
    run("plain errors", PLAIN, "ab:", "-x -b");
    run("plain colon", PLAIN, ":ab:", "-x -b");
    run("long basic", LONG, "vo:", "--verbose --output=file --output other -v");
    run("long permute", LONG, "vo:", "one --verbose two -o out three --flag four");
    run("long permute dashdash", LONG, "v", "one -v two -- -v three");
    run("long permute end", LONG, "v", "a b c -v");
    run("long only non-options", LONG, "v", "a b c");
    run("long plus", LONG, "+v", "-v one -v");
    run("long inorder", LONG, "-v", "one -v two");
    run("long abbrev", LONG, "", "--verb --out=x --col --col=red --fl");
    run("long ambiguous", LONG, "", "--ver");
    run("long ambiguous same", LONG, "", "--fa");
    run("long exact beats prefix", LONG, "", "--fast");
    run("long unknown", LONG, "", "--nope --nope=1");
    run("long no arg allowed", LONG, "", "--verbose=1");
    run("long missing arg", LONG, "", "--output");
    run("long missing arg colon", LONG, ":", "--output");
    run("long colon unknown", LONG, ":", "--nope -x");
    run("long empty and dash", LONG, "v", "<empty> - -v");
    run("long only", LONG_ONLY, "vo:x", "-verbose -out=f -v -x -vx");
    run("long only ambiguous", LONG_ONLY, "v", "-ver");
    run("long only unknown", LONG_ONLY, "v", "-nope -q");
    run("long only short fallback", LONG_ONLY, "o:c", "-cfoo -o val");
    setenv("POSIXLY_CORRECT", "1", 1);
    run("long POSIXLY_CORRECT", LONG, "v", "-v one -v");
    unsetenv("POSIXLY_CORRECT");
    run("long again after unset", LONG, "v", "one -v");
    return 0;
}
