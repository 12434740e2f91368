#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <pthread.h>

#ifdef __GLIBC__
/* glibc lacks musl's read-buffer accessors: the same through glibc's FILE,
   as gnulib does. */
static size_t __freadahead(FILE *f) { return f->_IO_read_end - f->_IO_read_ptr; }
static const char *__freadptr(FILE *f, size_t *n) {
    if (f->_IO_read_ptr >= f->_IO_read_end) return NULL;
    *n = f->_IO_read_end - f->_IO_read_ptr;
    return f->_IO_read_ptr;
}
static void __freadptrinc(FILE *f, size_t n) { f->_IO_read_ptr += n; }
static void __fseterr(FILE *f) { f->_flags |= _IO_ERR_SEEN; }
#endif

static const char *freadptr_str(FILE *f, size_t *n) {
    *n = 0;
    const char *p = __freadptr(f, n);
    return p;
}

static void *locker(void *arg) {
    FILE *f = arg;
    /* With FSETLOCKING_BYCALLER set by main, fputs must not wait for main's
       flockfile: it finishes while main still holds the lock. */
    fputs("from thread\n", f);
    return NULL;
}

int main(void) {
    FILE *f = fopen("t.txt", "w+");
    if (!f) return 1;
    printf("new: readable %d writable %d reading %d writing %d pending %zu\n",
           __freadable(f) != 0, __fwritable(f) != 0, __freading(f) != 0, __fwriting(f) != 0, __fpending(f));
    fputs("hello world\n", f);
    printf("after write: reading %d writing %d pending %zu bufsize>0 %d lbf %d\n",
           __freading(f) != 0, __fwriting(f) != 0, __fpending(f), __fbufsize(f) > 0, __flbf(f) != 0);
    fflush(f);
    printf("after flush: pending %zu writing %d\n", __fpending(f), __fwriting(f) != 0);
    fputs("discard me", f);
    printf("before purge: pending %zu\n", __fpending(f));
    __fpurge(f);
    printf("after purge: pending %zu\n", __fpending(f));
    rewind(f);
    /* (after a seek glibc counts a stream with a buffer as reading, musl not) */
    printf("after rewind: writing %d\n", __fwriting(f) != 0);
    int c = fgetc(f);
    size_t n;
    const char *p = freadptr_str(f, &n);
    printf("after getc '%c': reading %d writing %d readahead %zu ptr %.*s|\n", c, __freading(f) != 0,
           __fwriting(f) != 0, __freadahead(f), p ? (int)n : 0, p ? p : "");
    __freadptrinc(f, 5);
    printf("after inc: next '%c' readahead %zu\n", fgetc(f), __freadahead(f));
    __fpurge(f);
    printf("after read purge: readahead %zu\n", __freadahead(f));
    printf("error before %d", ferror(f) != 0);
    __fseterr(f);
    printf(" after %d\n", ferror(f) != 0);
    fclose(f);

    FILE *r = fopen("t.txt", "r");
    printf("read-only: readable %d writable %d reading %d writing %d\n", __freadable(r) != 0,
           __fwritable(r) != 0, __freading(r) != 0, __fwriting(r) != 0);
    fclose(r);
    FILE *w = fopen("t2.txt", "w");
    printf("write-only: readable %d writable %d reading %d writing %d\n", __freadable(w) != 0,
           __fwritable(w) != 0, __freading(w) != 0, __fwriting(w) != 0);

    /* line buffering and _flushlbf */
    static char lbuf[256];
    setvbuf(w, lbuf, _IOLBF, sizeof lbuf);
    printf("line-buffered: lbf %d bufsize %zu\n", __flbf(w) != 0, __fbufsize(w));
    fputs("partial", w);
    printf("pending before _flushlbf %zu", __fpending(w));
    _flushlbf();
    printf(" after %zu\n", __fpending(w));

    /* __fsetlocking */
    printf("locking: query %d", __fsetlocking(w, FSETLOCKING_QUERY));
    printf(" set bycaller -> %d", __fsetlocking(w, FSETLOCKING_BYCALLER));
    printf(" query %d\n", __fsetlocking(w, FSETLOCKING_QUERY));
    setvbuf(w, NULL, _IONBF, 0);
    flockfile(w);
    pthread_t t;
    pthread_create(&t, NULL, locker, w);
    pthread_join(t, NULL); /* would deadlock if fputs took the lock */
    funlockfile(w);
    printf("set internal -> %d\n", __fsetlocking(w, FSETLOCKING_INTERNAL));
    fclose(w);
    FILE *in = fopen("t2.txt", "r");
    char line[64];
    while (fgets(line, sizeof line, in)) printf("t2: %s", line);
    fclose(in);
    return 0;
}
