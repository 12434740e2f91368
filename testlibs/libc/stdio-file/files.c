/* FILE streams: fopen modes, buffering, seek/tell, ungetc, fgets/getline,
   tmpfile, fmemopen, open_memstream, fdopen, freopen, remove/rename. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>

int main(void)
{
    FILE *f = fopen("a.txt", "w");
    if (!f) return 1;
    for (int i = 0; i < 1000; i++)
        fprintf(f, "line %d %s\n", i, i % 3 ? "abc" : "defghij");
    fputs("no newline at end", f);
    printf("ftell after write: %ld\n", ftell(f));
    printf("fclose: %d\n", fclose(f));

    f = fopen("a.txt", "r");
    char buf[128];
    int lines = 0;
    while (fgets(buf, sizeof buf, f))
        lines++;
    printf("lines=%d last=[%s] eof=%d err=%d\n", lines, buf, feof(f), ferror(f));
    rewind(f);
    printf("getc: %c%c%c\n", getc(f), fgetc(f), getc(f));
    ungetc('X', f);
    printf("after ungetc: %c%c\n", getc(f), getc(f));
    fseek(f, -10, SEEK_END);
    printf("tail: [%s] pos=%ld\n", fgets(buf, sizeof buf, f), ftell(f));
    fseek(f, 100, SEEK_SET);
    size_t n = fread(buf, 1, 20, f);
    buf[n] = 0;
    printf("fread %zu [%s] ftell=%ld\n", n, buf, ftell(f));
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long total = 0;
    fseek(f, 0, SEEK_SET);
    while ((len = getline(&line, &cap, f)) > 0)
        total += len;
    printf("getline total %ld\n", total);
    free(line);
    fclose(f);

    f = fopen("a.txt", "a+");
    fputs("\nappended", f);
    fseek(f, 0, SEEK_SET);
    printf("a+ first: %c\n", fgetc(f));
    fclose(f);
    f = fopen("a.txt", "r+");
    fseek(f, 5, SEEK_SET);
    fputc('#', f);
    fseek(f, 0, SEEK_SET);
    printf("r+: [%s]", fgets(buf, sizeof buf, f));
    fclose(f);

    printf("missing: %p errno=%d\n", (void *)fopen("does/not/exist", "r"), errno);
    printf("bad mode: %p\n", (void *)fopen("a.txt", "z"));

    FILE *t = tmpfile();
    fprintf(t, "temporary %d", 42);
    rewind(t);
    int v = 0;
    printf("tmpfile: %d ", fscanf(t, "temporary %d", &v));
    printf("%d\n", v);
    fclose(t);

    char mem[64] = "memory stream contents";
    FILE *m = fmemopen(mem, sizeof mem, "r");
    char w1[32], w2[32];
    printf("fmemopen: %d ", fscanf(m, "%31s %31s", w1, w2));
    printf("%s|%s\n", w1, w2);
    fclose(m);

    char *ms = NULL;
    size_t mslen = 0;
    FILE *o = open_memstream(&ms, &mslen);
    for (int i = 0; i < 100; i++)
        fprintf(o, "%d,", i);
    fflush(o);
    printf("memstream len=%zu ", mslen);
    fclose(o);
    printf("%.20s...%s\n", ms, ms + mslen - 6);
    free(ms);
    /* The size is the position (POSIX), also after seeking back and
       overwriting; at fclose the buffer ends there. */
    o = open_memstream(&ms, &mslen);
    fputs("hello 42", o);
    fseek(o, 2, SEEK_SET);
    fputs("XY", o);
    fflush(o);
    printf("memstream overwrite: len=%zu [%.8s]\n", mslen, ms);
    fseek(o, 3, SEEK_SET);
    fclose(o);
    printf("memstream closed at 3: len=%zu [%s]\n", mslen, ms);
    free(ms);

    int fd = open("b.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    FILE *fdf = fdopen(fd, "w");
    setvbuf(fdf, NULL, _IOFBF, 16);
    fprintf(fdf, "via fdopen with a small buffer: %s\n", "0123456789abcdef0123456789");
    fclose(fdf);
    printf("rename: %d\n", rename("b.txt", "c.txt"));
    f = fopen("c.txt", "r");
    printf("%s", fgets(buf, sizeof buf, f));
    fclose(f);
    printf("remove: %d %d\n", remove("c.txt"), remove("c.txt"));
    printf("remove errno: %d\n", errno);

    if (!freopen("d.txt", "w", stdout)) return 3;
    printf("this goes to d.txt\n");
    fflush(stdout);
    f = fopen("d.txt", "r");
    fgets(buf, sizeof buf, f);
    fclose(f);
    fprintf(stderr, "%s", buf);
    remove("a.txt");
    remove("d.txt");
    return 0;
}
