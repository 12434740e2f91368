/* fopencookie, fgetln, fpurge, gets, tmpnam/tempnam and getpass (on a pty and
   without a terminal): output equals glibc's. glibc has no fgetln/fpurge:
   there they are the documented BSD behaviour built from getline/__fpurge. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef __VIBIX_LIBC__
static char *fgetln(FILE *f, size_t *len) {
    static char *line;
    static size_t cap;
    ssize_t n = getline(&line, &cap, f);
    if (n < 0) return NULL;
    *len = n;
    return line;
}
static int fpurge(FILE *f) { __fpurge(f); return 0; }
#endif

/* --- fopencookie over a small memory file */
struct mem { char data[256]; long len, pos; int writes, reads, closed; };

static ssize_t m_read(void *c, char *buf, size_t n) {
    struct mem *m = c;
    m->reads++;
    long k = m->len - m->pos;
    if (k > (long)n) k = n;
    if (k < 0) k = 0;
    memcpy(buf, m->data + m->pos, k);
    m->pos += k;
    return k;
}
static ssize_t m_write(void *c, const char *buf, size_t n) {
    struct mem *m = c;
    m->writes++;
    if (m->pos + (long)n > (long)sizeof m->data) n = sizeof m->data - m->pos;
    memcpy(m->data + m->pos, buf, n);
    m->pos += n;
    if (m->pos > m->len) m->len = m->pos;
    return n;
}
static int m_seek(void *c, off64_t *off, int whence) {
    struct mem *m = c;
    long base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? m->pos : m->len;
    if (base + *off < 0) return -1;
    m->pos = base + *off;
    *off = m->pos;
    return 0;
}
static int m_close(void *c) {
    ((struct mem *)c)->closed++;
    return 42;
}
static ssize_t w_zero(void *c, const char *b, size_t n) { (void)c; (void)b; (void)n; return 0; }

static void cookies(void) {
    struct mem m = {{0}, 0, 0, 0, 0, 0};
    cookie_io_functions_t io = {m_read, m_write, m_seek, m_close};
    FILE *f = fopencookie(&m, "w+", io);
    printf("fopencookie: %s\n", f ? "ok" : "NULL");
    fprintf(f, "hello %d", 42);
    fputs(" world\n", f);
    printf("buffered: writes=%d len=%ld\n", m.writes, m.len);
    fflush(f);
    printf("flushed: writes=%d data=%.*s", m.writes, (int)m.len, m.data);
    printf("ftell: %ld\n", ftell(f));
    printf("fseek: %d\n", fseek(f, 6, SEEK_SET));
    char word[16] = {0};
    printf("fscanf: %d\n", fscanf(f, "%15s", word));
    printf("read back: %s (read called: %d)\n", word, m.reads > 0);
    rewind(f);
    int c = fgetc(f);
    printf("after rewind: %c\n", c);
    int rc = fseek(f, 0, SEEK_END);
    printf("fseek end: %d ftell %ld\n", rc, ftell(f));
    printf("fseek negative: %d\n", fseek(f, -100, SEEK_SET));
    printf("fileno: %d\n", fileno(f));
    rc = fclose(f);
    printf("fclose: %d closed=%d\n", rc, m.closed);

    /* NULL functions: no read = EOF + error, no write = discarded, no seek =
       fseek fails, no close = 0. */
    cookie_io_functions_t none = {NULL, NULL, NULL, NULL};
    f = fopencookie(&m, "r+", none);
    printf("null read: %d error=%d\n", fgetc(f), ferror(f));
    clearerr(f);
    printf("null write: %d", fputs("gone", f));
    printf(" flush %d error=%d\n", fflush(f), ferror(f));
    printf("null seek: %d\n", fseek(f, 0, SEEK_SET));
    printf("null close: %d\n", fclose(f));

    cookie_io_functions_t zw = {NULL, w_zero, NULL, NULL};
    f = fopencookie(&m, "w", zw);
    fputs("x", f);
    printf("write returning 0: flush %d error=%d\n", fflush(f), ferror(f));
    fclose(f);
    printf("bad mode: %s\n", fopencookie(&m, "z", io) ? "opened" : "NULL");

    /* Reading mode only: writes fail. */
    struct mem r = {"line one\nline two\n", 18, 0, 0, 0, 0};
    f = fopencookie(&r, "r", io);
    char line[64];
    while (fgets(line, sizeof line, f)) printf("cookie line: %s", line);
    printf("write to r stream: %d\n", fputc('x', f));
    fclose(f);
}

static void lines(void) {
    FILE *f = fopen("lines.txt", "w");
    fputs("alpha\n\nbeta gamma\n", f);
    for (int i = 0; i < 5000; i++) fputc('a' + i % 26, f);
    fputs("\nlast-without-newline", f);
    fclose(f);
    f = fopen("lines.txt", "r");
    char *p;
    size_t len;
    while ((p = fgetln(f, &len)) != NULL) {
        if (len > 40) printf("fgetln: %zu bytes, ends %c%c\n", len, p[len - 2], p[len - 1] == '\n' ? '$' : p[len - 1]);
        else printf("fgetln: %zu [%.*s]\n", len, (int)len, p);
    }
    printf("fgetln at end: NULL feof=%d\n", feof(f));
    fclose(f);

    /* fpurge: pending output is dropped, buffered input too. */
    f = fopen("purge.txt", "w");
    fputs("dropped", f);
    printf("fpurge: %d\n", fpurge(f));
    fputs("kept", f);
    fclose(f);
    f = fopen("purge.txt", "r");
    printf("purge.txt: first %c", fgetc(f));
    fpurge(f);
    printf(", after fpurge %d\n", fgetc(f));
    fclose(f);
}

static int only_name_chars(const char *s) {
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9'))) return 0;
    return 1;
}

static void names(void) {
    char buf[L_tmpnam];
    char *a = tmpnam(NULL), *b;
    printf("tmpnam static: %.9s+%zu chars, name chars %d\n", a, strlen(a) - 9, only_name_chars(a + 9));
    char keep[L_tmpnam];
    strcpy(keep, a);
    b = tmpnam(buf);
    printf("tmpnam(buf) returns buf: %d, differs: %d\n", b == buf, strcmp(keep, buf) != 0);
    struct stat st;
    printf("names free: %d\n", stat(keep, &st) < 0 && stat(buf, &st) < 0);

    char *t = tempnam("/nonexistent-dir", "ab");
    printf("tempnam bad dir: %.7s+%zu\n", t, strlen(t) - 7);
    free(t);
    mkdir("tdir", 0700);
    t = tempnam("tdir/", "toolongprefix");
    printf("tempnam: %.10s+%zu\n", t, strlen(t) - 10);
    free(t);
    t = tempnam("tdir", NULL);
    printf("tempnam default prefix: %.9s+%zu\n", t, strlen(t) - 9);
    free(t);
    setenv("TMPDIR", "tdir", 1);
    t = tempnam("/tmp", "x");
    printf("TMPDIR first: %.6s+%zu\n", t, strlen(t) - 6);
    free(t);
    setenv("TMPDIR", "/nonexistent-dir", 1);
    t = tempnam(NULL, "y");
    printf("bad TMPDIR: %.6s+%zu\n", t, strlen(t) - 6);
    free(t);
    unsetenv("TMPDIR");
}

char *gets(char *); /* <stdio.h> has it only before C11 (run.sh checks that) */
static void old_gets(void) {
    /* gets reads stdin: give it a pipe. */
    int p[2];
    pipe(p);
    write(p[1], "first line\n\nno newline", 22);
    close(p[1]);
    dup2(p[0], 0);
    close(p[0]);
    char line[64];
    while (gets(line)) printf("gets: [%s]\n", line);
    printf("gets at end: feof=%d\n", feof(stdin));
    clearerr(stdin);
}

static void show_bytes(const char *what, const char *s, long n) {
    printf("%s: \"", what);
    for (long i = 0; i < n; i++) {
        if (s[i] == '\r') printf("\\r");
        else if (s[i] == '\n') printf("\\n");
        else putchar(s[i]);
    }
    printf("\"\n");
}

static void pass_on_pty(void) {
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) || unlockpt(master)) {
        printf("no pty\n");
        return;
    }
    char slave[128];
    strcpy(slave, ptsname(master));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        int s = open(slave, O_RDWR); /* becomes the controlling terminal */
        if (s < 0) _exit(3);
        char *pw = getpass("Password: ");
        printf("getpass: [%s]\n", pw ? pw : "(null)");
        _exit(0);
    }
    char seen[512];
    long n = 0;
    /* Type only once the prompt is there: getpass flushes earlier input. */
    while (n < 10 || memcmp(seen + n - 10, "Password: ", 10) != 0) {
        long r = read(master, seen + n, sizeof seen - n);
        if (r <= 0) break;
        n += r;
    }
    show_bytes("pty before typing", seen, n);
    write(master, "s3cret\n", 7);
    n = 0;
    for (;;) {
        long r = read(master, seen + n, sizeof seen - n);
        if (r <= 0) break; /* EIO once the child closed the slave */
        n += r;
    }
    int st;
    waitpid(pid, &st, 0);
    show_bytes("pty after typing", seen, n);
    printf("child status %d\n", WEXITSTATUS(st));
    close(master);
}

static void pass_without_tty(void) {
    int in[2], err[2];
    pipe(in);
    pipe(err);
    write(in[1], "pw-from-stdin\nnext line\n", 24);
    close(in[1]);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        setsid(); /* no controlling terminal: /dev/tty cannot be opened */
        dup2(in[0], 0);
        dup2(err[1], 2);
        char *pw = getpass("Secret? ");
        printf("no tty getpass: [%s]\n", pw);
        char rest[64];
        printf("stdin continues: %s", fgets(rest, sizeof rest, stdin));
        _exit(0);
    }
    close(err[1]);
    char e[128];
    long n = read(err[0], e, sizeof e);
    waitpid(pid, NULL, 0);
    show_bytes("stderr", e, n < 0 ? 0 : n);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    cookies();
    lines();
    names();
    pass_on_pty();
    pass_without_tty();
    old_gets();
    return 0;
}
