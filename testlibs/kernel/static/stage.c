/* vibix-stage OPS-FILE: puts a case's scratch directory back into the state it
 * had when the host run checked the next program (a case may rebuild or delete
 * files between two checked runs). One operation a line, tab-separated:
 *   rm PATH | rmdir PATH | mkdir PATH | ln PATH TARGET | put PATH BLOB
 * (put copies the initramfs file BLOB to PATH). Stops at the first failure. */
#include "sys.h"

#define AT_FDCWD (-100)
#define AT_REMOVEDIR 0x200
#define O_WRONLY 1
#define O_CREAT 0100
#define O_TRUNC 01000

static char ops[1 << 16];
static char buf[1 << 16];

static void die(const char *what, const char *path, long err) {
    char num[24];
    int i = sizeof num - 1;
    num[i] = 0;
    unsigned long e = (unsigned long)-err;
    do { num[--i] = (char)('0' + e % 10); e /= 10; } while (e);
    sys3(1, 2, "vibix-stage: ", 13);
    sys3(1, 2, what, slen(what));
    sys3(1, 2, " ", 1);
    sys3(1, 2, path, slen(path));
    sys3(1, 2, ": errno ", 8);
    sys3(1, 2, num + i, slen(num + i));
    sys3(1, 2, "\n", 1);
    exit_(1);
}

static int eq(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

static void put(const char *path, const char *blob) {
    long in = sys6(257, AT_FDCWD, (long)blob, 0, 0, 0, 0);
    if (in < 0) die("open", blob, in);
    long out = sys6(257, AT_FDCWD, (long)path, O_WRONLY | O_CREAT | O_TRUNC, 0755, 0, 0);
    if (out < 0) die("create", path, out);
    for (;;) {
        long n = sys3(0, in, buf, sizeof buf);
        if (n < 0) die("read", blob, n);
        if (n == 0) break;
        for (long done = 0; done < n;) {
            long w = sys3(1, out, buf + done, n - done);
            if (w <= 0) die("write", path, w);
            done += w;
        }
    }
    sys3(3, in, 0, 0);
    sys3(3, out, 0, 0);
}

void start_c(long *sp) {
    if (sp[0] != 2) { puts1("usage: vibix-stage OPS-FILE\n"); exit_(2); }
    const char *file = ((char **)(sp + 1))[1];
    long fd = sys6(257, AT_FDCWD, (long)file, 0, 0, 0, 0);
    if (fd < 0) die("open", file, fd);
    long len = 0;
    for (long n; (n = sys3(0, fd, ops + len, sizeof ops - 1 - len)) > 0;) len += n;
    if (len == sizeof ops - 1) die("too long", file, -27);
    ops[len] = 0;
    for (char *line = ops; *line;) {
        char *f[3] = {line, 0, 0};
        int nf = 1;
        char *p = line;
        for (; *p && *p != '\n'; p++)
            if (*p == '\t' && nf < 3) { *p = 0; f[nf++] = p + 1; }
        if (*p) *p++ = 0;
        line = p;
        long r = 0;
        if (eq(f[0], "rm") && nf == 2) r = sys3(263, AT_FDCWD, f[1], 0);
        else if (eq(f[0], "rmdir") && nf == 2) r = sys3(263, AT_FDCWD, f[1], AT_REMOVEDIR);
        else if (eq(f[0], "mkdir") && nf == 2) r = sys3(258, AT_FDCWD, f[1], 0755);
        else if (eq(f[0], "ln") && nf == 3) r = sys3(266, f[2], AT_FDCWD, f[1]);
        else if (eq(f[0], "put") && nf == 3) put(f[1], f[2]);
        else die("bad operation", f[0], -22);
        if (r < 0) die(f[0], f[1], r);
    }
    exit_(0);
}
