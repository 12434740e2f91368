#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints a byte run with NULs and non-printables escaped. */
static void show(const char *tag, const char *s, size_t n) {
    unsigned long sum = 0;
    for (size_t i = 0; i < n; i++) sum = sum * 31 + (unsigned char)s[i];
    printf("%s len=%zu sum=%lx [", tag, n, sum);
    for (size_t i = 0; i < n && i < 24; i++) {
        unsigned char c = s[i];
        if (c >= 32 && c < 127) putchar(c); else printf("\\%o", c);
    }
    printf("%s]\n", n > 24 ? "..." : "");
}

static void write_input(const char *path) {
    FILE *f = fopen(path, "w");
    fputs("short\n", f);
    fputs("\n", f);
    for (int i = 0; i < 10000; i++) fputc('a' + i % 26, f); /* longer than BUFSIZ */
    fputc('\n', f);
    fwrite("nul\0inside\0line\n", 1, 16, f);
    for (int i = 0; i < 4090; i++) fputc('x', f); /* a line across the buffer edge */
    fputs("edge\n", f);
    fputs("tabs\tand\rcr\n", f);
    fputs("last line without newline", f);
    fclose(f);
}

/* fgets into arrays of several sizes: the result and what is left. */
static void by_fgets(const char *path, int size, int unbuffered) {
    FILE *f = fopen(path, "r");
    if (unbuffered) setvbuf(f, NULL, _IONBF, 0);
    char *buf = malloc(size + 1);
    memset(buf, '#', size + 1);
    printf("fgets size=%d%s\n", size, unbuffered ? " unbuffered" : "");
    int lines = 0;
    for (;;) {
        memset(buf, '#', size + 1);
        if (!fgets(buf, size, f)) break;
        /* fgets returns no length: over a '#'-filled array its terminator is
           the last NUL (the line itself may hold NULs). */
        size_t n = size - 1;
        while (n > 0 && buf[n] != '\0') n--;
        if (buf[size] != '#') printf("  wrote past the array\n");
        if (lines < 12 || n > 100 || memchr(buf, 0, n)) show("  line", buf, n);
        lines++;
    }
    printf("  %d calls, feof=%d ferror=%d\n", lines, feof(f), ferror(f));
    free(buf);
    fclose(f);
}

static void by_getdelim(const char *path, int delim) {
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    printf("getdelim delim=%d\n", delim);
    while ((n = getdelim(&line, &cap, delim, f)) != -1) {
        if (cap < (size_t)n + 1 || line[n] != '\0') printf("  bad capacity or terminator\n");
        show("  rec", line, n);
    }
    printf("  end feof=%d\n", feof(f));
    free(line);
    fclose(f);
}

static void mixed(const char *path) {
    FILE *f = fopen(path, "r");
    char buf[64];
    printf("mixed\n");
    int c = getc(f);
    ungetc('S', f);
    ungetc('Z', f); /* two pushed back: the second may not fit in the buffer */
    printf("  getc=%c\n", c);
    if (fgets(buf, sizeof buf, f)) show("  after ungetc", buf, strlen(buf));
    char b3[3];
    size_t r = fread(b3, 1, 1, f);
    printf("  fread %zu\n", r);
    if (fgets(buf, 1, f)) printf("  size 1 -> \"%s\"\n", buf);
    if (fgets(buf, 2, f)) show("  size 2", buf, strlen(buf));
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, f);
    show("  getline", line, n);
    c = getc(f);
    printf("  next getc=%d\n", c);
    free(line);
    fclose(f);
}

static void empty(const char *path) {
    FILE *f = fopen(path, "w");
    fclose(f);
    f = fopen(path, "r");
    char buf[8] = "keep";
    char *r = fgets(buf, sizeof buf, f);
    printf("empty: fgets=%s buf=%s feof=%d\n", r ? "ptr" : "NULL", buf, feof(f));
    char *line = NULL;
    size_t cap = 0;
    printf("empty: getline=%zd\n", getline(&line, &cap, f));
    free(line);
    fclose(f);
}

int main(void) {
    const char *path = "lines.txt";
    write_input(path);
    int sizes[] = {2, 5, 16, 4096, 20000};
    for (unsigned i = 0; i < sizeof sizes / sizeof *sizes; i++) by_fgets(path, sizes[i], 0);
    by_fgets(path, 16, 1);
    by_getdelim(path, '\n');
    by_getdelim(path, 0);
    by_getdelim(path, 'x');
    mixed(path);
    empty("empty.txt");
    return 0;
}
