/* getw/putw, fread_unlocked/fwrite_unlocked, ctermid, cuserid, getsubopt,
   lchmod and ulimit against glibc. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <ulimit.h>
#include <unistd.h>

int main(void) {
    FILE *f = tmpfile();
    int p1 = putw(1, f);
    int p2 = putw(-2, f);
    int p3 = putw(0x12345678, f);
    printf("putw: %d %d %d\n", p1, p2, p3);
    rewind(f);
    int a = getw(f);
    int b = getw(f);
    int c = getw(f);
    int d = getw(f);
    printf("getw: %d %d %x, then %d eof %d\n", a, b, c, d, feof(f));
    rewind(f);
    char buf[16] = { 0 };
    flockfile(f);
    printf("fwrite_unlocked %zu\n", fwrite_unlocked("abcdefgh", 2, 4, f));
    rewind(f);
    printf("fread_unlocked %zu '%s'\n", fread_unlocked(buf, 3, 5, f), buf);
    funlockfile(f);
    fclose(f);

    char t[L_ctermid];
    printf("ctermid %s %s same %d\n", ctermid(NULL), ctermid(t), ctermid(t) == t);
    char u[L_cuserid];
    char *cu = cuserid(u);
    printf("cuserid %s %d, static %s\n", cu ? cu : "(null)", cu == u, cuserid(NULL));

    char *const tokens[] = { "ro", "rw", "size", "name", NULL };
    char opts[] = "ro,rw=1,size=10,bogus=3,,name,size=";
    char *p = opts, *v;
    while (*p) {
        int i = getsubopt(&p, tokens, &v);
        printf("getsubopt %d value %s rest '%s'\n", i, v ? v : "(null)", p);
    }

    /* lchmod: a file changes, a symbolic link cannot (Linux links have no mode). */
    FILE *g = fopen("plain", "w");
    fclose(g);
    symlink("plain", "link");
    struct stat sb;
    int r = lchmod("plain", 0640);
    stat("plain", &sb);
    printf("lchmod file %d mode %o\n", r, sb.st_mode & 0777);
    errno = 0;
    r = lchmod("link", 0600);
    int e = errno;
    stat("plain", &sb);
    printf("lchmod link %d %s, target mode %o\n", r, strerror(e), sb.st_mode & 0777);
    errno = 0;
    r = lchmod("missing", 0600);
    printf("lchmod missing %d %s\n", r, strerror(errno));
    unlink("link");
    unlink("plain");

    errno = 0;
    long l = ulimit(UL_GETFSIZE);
    printf("ulimit get %ld errno %d\n", l, errno);
    errno = 0;
    l = ulimit(99);
    printf("ulimit bad %ld %s\n", l, strerror(errno));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        long s = ulimit(UL_SETFSIZE, 1000L);
        printf("child: set %ld get %ld\n", s, ulimit(UL_GETFSIZE));
        fflush(stdout);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    return 0;
}
