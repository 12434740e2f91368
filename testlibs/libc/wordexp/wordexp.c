/* wordexp/wordfree against glibc: quoting, parameter expansion forms, field
   splitting with IFS, tilde, globbing, arithmetic, command substitution,
   flags (DOOFFS, APPEND, REUSE, NOCMD, UNDEF) and the error codes.
   Left out where glibc 2.36 departs from POSIX (vibix follows POSIX and the
   shell): "x${SP}y" with SP starting and ending in blanks (glibc keeps x and y
   glued to the first and last fields), variable names inside $((...)), %
   there, ${UNSET:-w} under WRDE_UNDEF (glibc: WRDE_BADVAL), "$EMPTY" (glibc:
   WRDE_NOSPACE) and ${X:?} (glibc crashes). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wordexp.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>

static void show(const char *w, int flags) {
    wordexp_t we;
    int r = wordexp(w, &we, flags);
    printf("[%s] flags %d -> %d", w, flags, r);
    if (r == 0) {
        printf(" (%zu):", we.we_wordc);
        for (size_t i = 0; i < we.we_wordc; i++)
            printf(" <%s>", we.we_wordv[i]);
        if (we.we_wordv[we.we_wordc] != NULL)
            printf(" (no NULL at the end)");
        wordfree(&we);
    }
    printf("\n");
}

int main(void) {
    setenv("A", "alpha", 1);
    setenv("SP", "  one two\tthree  ", 1);
    setenv("EMPTY", "", 1);
    setenv("PATHY", "dir/sub/file.tar.gz", 1);
    setenv("N", "7", 1);
    setenv("HOME", "/home/tester", 1);
    unsetenv("UNSET");
    const char *cases[] = {
        "plain words here", "  leading and trailing  ", "'single quoted $A'", "\"double $A\"",
        "back\\ slash", "a\\$A", "\"esc \\\" \\$A \\x\"", "mixed'q'\"d\"$A", "''", "\"\"", "x''y",
        "$A", "${A}", "${A}x", "$A$A", "$SP", "\"$SP\"", "x${A}y", "$EMPTY", "a${EMPTY}b",
        "$UNSET", "${UNSET:-default}", "${UNSET-dflt}", "${EMPTY:-d}", "${EMPTY-d}", "${A:+set}",
        "${UNSET:+set}", "${EMPTY+set}", "${#A}", "${#UNSET}", "${PATHY%.*}", "${PATHY%%.*}", "${PATHY#*/}",
        "${PATHY##*/}", "${A:-$SP}", "\"${UNSET:-two words}\"", "$((1+2*3))", "$(( (1+2)*3 ))",
        "$(($N-10))", "$((17/5)) $((2-5))", "~", "~/x", "~root", "~nosuchuser12/x", "a~", "*.txt", "sub/*",
        "'*.txt'", "\\*.txt", "b?.txt", "[ab]1.txt", "nomatch*", "$(echo hi there)", "`echo back tick`",
        "\"$(echo 'in quotes')\"", "$(printf 'a\\n\\n')", "a|b", "a;b", "a&b", "a<b", "a>b", "(a)", "{a}",
        "'unterminated", "\"unterminated", "${A", "$(echo", "x\\", "a\nb", "\"a|b;c\"", "'a|b'",
        "$", "a$", "$1", "$#", "${A:=x}", "${NEWV:=made}", "$NEWV",
    };
    int fd = open("a1.txt", O_CREAT | O_WRONLY, 0644); close(fd);
    fd = open("b1.txt", O_CREAT | O_WRONLY, 0644); close(fd);
    fd = open("c2.txt", O_CREAT | O_WRONLY, 0644); close(fd);
    mkdir("sub", 0755);
    fd = open("sub/z", O_CREAT | O_WRONLY, 0644); close(fd);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        show(cases[i], 0);
    show("$(echo no)", WRDE_NOCMD);
    show("\"$(echo no)\"", WRDE_NOCMD);
    show("`echo no`", WRDE_NOCMD);
    show("$UNSET", WRDE_UNDEF);
    show("${UNSET}", WRDE_UNDEF);
    show("$A", WRDE_UNDEF);
    setenv("IFS", ":", 1);
    setenv("C", "a:b::c:", 1);
    show("$C", 0);
    show("x$C", 0);
    show("$SP", 0);
    setenv("IFS", " :", 1);
    setenv("C", " a : b  c: ", 1);
    show("$C", 0);
    setenv("IFS", "", 1);
    show("$SP", 0);
    unsetenv("IFS");

    /* Offsets, append and reuse. */
    wordexp_t we;
    we.we_offs = 2;
    int r = wordexp("one two", &we, WRDE_DOOFFS);
    printf("dooffs %d: c %zu offs %zu [%p %p] %s %s %p\n", r, we.we_wordc, we.we_offs,
           (void *)we.we_wordv[0], (void *)we.we_wordv[1], we.we_wordv[2], we.we_wordv[3], (void *)we.we_wordv[4]);
    r = wordexp("three $A", &we, WRDE_DOOFFS | WRDE_APPEND);
    printf("append %d: c %zu:", r, we.we_wordc);
    for (size_t i = 0; i < we.we_wordc; i++)
        printf(" %s", we.we_wordv[we.we_offs + i]);
    printf(" end %p\n", (void *)we.we_wordv[we.we_offs + we.we_wordc]);
    r = wordexp("fresh", &we, WRDE_DOOFFS | WRDE_REUSE);
    printf("reuse %d: c %zu %s\n", r, we.we_wordc, we.we_wordv[we.we_offs]);
    wordfree(&we);
    r = wordexp("x", &we, 0);
    printf("then %d: c %zu %s\n", r, we.we_wordc, we.we_wordv[0]);
    wordfree(&we);
    return 0;
}
