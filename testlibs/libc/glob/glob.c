/* <fnmatch.h> and <glob.h> against glibc: a table of patterns x strings x
   flags, and glob over a small tree (sorting, MARK, NOCHECK, APPEND,
   DOOFFS, PERIOD, NOESCAPE, directories-only patterns, errors). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <fnmatch.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void show(const char *pat, int flags) {
    glob_t g;
    memset(&g, 0, sizeof g);
    int r = glob(pat, flags, NULL, &g);
    /* GLOB_NOSORT gives the directory's order, which is the file system's (ext4 hash
       order on the host, another on vibix's tmpfs): print it sorted, the set must match. */
    if (flags & GLOB_NOSORT)
        qsort(g.gl_pathv + g.gl_offs, g.gl_pathc, sizeof(char *), by_name);
    printf("glob(%s, %#x) = %d:", pat, flags, r);
    for (size_t i = 0; i < g.gl_pathc; i++)
        printf(" %s", g.gl_pathv[g.gl_offs + i]);
    printf("\n");
    if (r == 0 || (flags & GLOB_NOCHECK))
        globfree(&g);
}

static int errs;
static int on_err(const char *p, int e) {
    (void)p;
    (void)e;
    errs++;
    return 0;
}

static int print_err(const char *p, int e) {
    printf("error callback: %s %s\n", p, strerror(e));
    return 0;
}

int main(void) {
    const char *pats[] = {"*", "a*", "*c", "a?c", "[abc]x", "[!abc]x", "[^abc]x", "[a-c]*", "[]]x", "[]-a]x", "[!]]x",
                          "\\*", "a\\?", "*.txt", ".*", "?bc", "[[:alpha:]]*", "[[:digit:][:upper:]]x", "[[:bogus:]]x",
                          "a/*", "a*b", "*/b", "a[/]b", "[a-]x", "[", "a[", "*[", "[\\]]x", "A*", "a*/c", "**c",
                          "a*b*c", "x[", "[z-a]", NULL};
    const char *strs[] = {"abc", "ax", "bx", "dx", "]x", "-x", "*", "a?", "ab", "f.txt", ".hidden", "a/b", "a/c",
                          "a/.b", "aXb", "[", "a[", "Abc", "ABx", "1x", "a/x/c", "abbc", NULL};
    int flags[] = {0, FNM_PATHNAME, FNM_PERIOD, FNM_PATHNAME | FNM_PERIOD, FNM_NOESCAPE, FNM_CASEFOLD, FNM_LEADING_DIR};
    for (int i = 0; pats[i]; i++) {
        printf("%-22s", pats[i]);
        for (int j = 0; strs[j]; j++) {
            putchar(' ');
            for (int k = 0; k < 7; k++)
                putchar(fnmatch(pats[i], strs[j], flags[k]) == 0 ? '1' : '0');
        }
        putchar('\n');
    }

    mkdir("t", 0755);
    chdir("t");
    const char *files[] = {"b.txt", "a.txt", "c.c", ".dot", "A.txt", "sub/x.c", "sub/y.txt", "sub/deep/z.c", "s*r", NULL};
    mkdir("sub", 0755);
    mkdir("sub/deep", 0755);
    mkdir("empty", 0755);
    for (int i = 0; files[i]; i++)
        close(open(files[i], O_CREAT | O_WRONLY, 0644));
    show("*", 0);
    show("*.txt", 0);
    show("*", GLOB_MARK);
    show("*", GLOB_PERIOD);
    show(".*", 0);
    show("*/*.c", 0);
    show("*/*/*", 0);
    show("sub/*", 0);
    show("*/", 0);
    show("nomatch*", 0);
    show("nomatch*", GLOB_NOCHECK);
    show("s\\*r", 0);
    show("s\\*r", GLOB_NOESCAPE);
    show("[ab].txt", 0);
    show("sub", 0);
    show("missing", 0);
    show("sub/deep", GLOB_MARK);
    show("./*.c", 0);
    show("*", GLOB_NOSORT | GLOB_ERR);
    char cwd[4096];
    getcwd(cwd, sizeof cwd);
    char abs[4200];
    snprintf(abs, sizeof abs, "%s/sub/*.c", cwd);
    glob_t g;
    int r = glob(abs, 0, NULL, &g);
    printf("absolute %d %zu %s\n", r, g.gl_pathc, strstr(g.gl_pathv[0], "/t/sub/x.c") ? "ok" : g.gl_pathv[0]);
    globfree(&g);

    g.gl_offs = 2;
    r = glob("*.c", GLOB_DOOFFS, NULL, &g);
    printf("dooffs %d pathc %zu: %p %p %s\n", r, g.gl_pathc, (void *)g.gl_pathv[0], (void *)g.gl_pathv[1], g.gl_pathv[2]);
    r = glob("*.txt", GLOB_DOOFFS | GLOB_APPEND, NULL, &g);
    printf("append %d pathc %zu:", r, g.gl_pathc);
    for (size_t i = 0; i < g.gl_pathc; i++)
        printf(" %s", g.gl_pathv[2 + i]);
    printf(" end %p\n", (void *)g.gl_pathv[2 + g.gl_pathc]);
    globfree(&g);

    chmod("empty", 0);
    errs = 0;
    if (geteuid() != 0) {
        r = glob("empty/*", 0, on_err, &g);
        printf("unreadable %d errs %d\n", r, errs);
        r = glob("empty/*", GLOB_ERR, NULL, &g);
        printf("unreadable GLOB_ERR %d\n", r);
    }
    chmod("empty", 0755);
    /* Regular files are not directories to look into: no error, even with
       GLOB_ERR; a missing directory is reported by its name. */
    show("*/*.c", GLOB_ERR);
    show("a.txt/*", GLOB_ERR);
    errs = 0;
    r = glob("*/*", 0, on_err, &g);
    printf("files at the top: %d errs %d\n", r, errs);
    globfree(&g);
    r = glob("missing/*", 0, print_err, &g);
    printf("missing dir %d\n", r);
    setenv("HOME", "/tmp/home-for-glob", 1);
    show("~", GLOB_TILDE | GLOB_NOCHECK);
    show("~/x", GLOB_TILDE | GLOB_NOCHECK);
    show("~nosuchuser/x", GLOB_TILDE | GLOB_NOCHECK);
    show("~nosuchuser/x", GLOB_TILDE_CHECK | GLOB_NOCHECK);
    show("~root", GLOB_TILDE);
    return 0;
}
