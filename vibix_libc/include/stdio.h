#ifndef _STDIO_H
#define _STDIO_H
#include <features.h>
#include <bits/types.h>
#include <stdarg.h>

__BEGIN_DECLS

typedef struct _vibix_FILE FILE;
typedef struct { long __pos; long __pad[1]; } fpos_t;

#define BUFSIZ 8192
#define EOF (-1)
#define FOPEN_MAX 1000
#define FILENAME_MAX 4096
#define L_tmpnam 20
#define L_ctermid 9
#define L_cuserid 9
#define TMP_MAX 10000
#define P_tmpdir "/tmp"
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

FILE *fopen(const char *__restrict, const char *__restrict);
FILE *fdopen(int, const char *);
FILE *freopen(const char *__restrict, const char *__restrict, FILE *__restrict);
int fclose(FILE *);
FILE *tmpfile(void);
FILE *fmemopen(void *__restrict, size_t, const char *__restrict);
FILE *open_memstream(char **, size_t *);
int remove(const char *);
int rename(const char *, const char *);
int renameat(int, const char *, int, const char *);

size_t fread(void *__restrict, size_t, size_t, FILE *__restrict);
size_t fwrite(const void *__restrict, size_t, size_t, FILE *__restrict);
int fgetc(FILE *);
int getc(FILE *);
int getchar(void);
int ungetc(int, FILE *);
int fputc(int, FILE *);
int putc(int, FILE *);
int putchar(int);
char *fgets(char *__restrict, int, FILE *__restrict);
char *fgets_unlocked(char *__restrict, int, FILE *__restrict);
int fputs(const char *__restrict, FILE *__restrict);
int puts(const char *);
ssize_t getline(char **__restrict, size_t *__restrict, FILE *__restrict);
ssize_t getdelim(char **__restrict, size_t *__restrict, int, FILE *__restrict);
int getc_unlocked(FILE *);
int getchar_unlocked(void);
int putc_unlocked(int, FILE *);
int putchar_unlocked(int);
int fgetc_unlocked(FILE *);
int fputc_unlocked(int, FILE *);
int fputs_unlocked(const char *, FILE *);
size_t fread_unlocked(void *__restrict, size_t, size_t, FILE *__restrict);
size_t fwrite_unlocked(const void *__restrict, size_t, size_t, FILE *__restrict);
int getw(FILE *);
int putw(int, FILE *);
char *ctermid(char *);
char *cuserid(char *);

int fflush(FILE *);
int fflush_unlocked(FILE *);
int fseek(FILE *, long, int);
int fseeko(FILE *, off_t, int);
long ftell(FILE *);
off_t ftello(FILE *);
void rewind(FILE *);
int fgetpos(FILE *__restrict, fpos_t *__restrict);
int fsetpos(FILE *, const fpos_t *);
#if defined(_LARGEFILE64_SOURCE) || defined(_GNU_SOURCE)
/* x86_64: the large-file type and functions are fpos_t's and the base ones. */
typedef struct { long __pos; long __pad[1]; } fpos64_t;
FILE *fopen64(const char *__restrict, const char *__restrict);
FILE *freopen64(const char *__restrict, const char *__restrict, FILE *__restrict);
FILE *tmpfile64(void);
int fseeko64(FILE *, off64_t, int);
off64_t ftello64(FILE *);
int fgetpos64(FILE *__restrict, fpos64_t *__restrict);
int fsetpos64(FILE *, const fpos64_t *);
#endif
int feof(FILE *);
int ferror(FILE *);
void clearerr(FILE *);
int feof_unlocked(FILE *);
int ferror_unlocked(FILE *);
void clearerr_unlocked(FILE *);
int fileno(FILE *);
int fileno_unlocked(FILE *);
int setvbuf(FILE *__restrict, char *__restrict, int, size_t);
void setbuf(FILE *__restrict, char *__restrict);
void setbuffer(FILE *, char *, size_t);
void setlinebuf(FILE *);
void flockfile(FILE *);
int ftrylockfile(FILE *);
void funlockfile(FILE *);
void perror(const char *);

int printf(const char *__restrict, ...) __attribute__((__format__(__printf__, 1, 2)));
int fprintf(FILE *__restrict, const char *__restrict, ...) __attribute__((__format__(__printf__, 2, 3)));
int sprintf(char *__restrict, const char *__restrict, ...) __attribute__((__format__(__printf__, 2, 3)));
int snprintf(char *__restrict, size_t, const char *__restrict, ...) __attribute__((__format__(__printf__, 3, 4)));
int dprintf(int, const char *__restrict, ...) __attribute__((__format__(__printf__, 2, 3)));
int asprintf(char **, const char *, ...) __attribute__((__format__(__printf__, 2, 3)));
int vprintf(const char *__restrict, va_list);
int vfprintf(FILE *__restrict, const char *__restrict, va_list);
int vsprintf(char *__restrict, const char *__restrict, va_list);
int vsnprintf(char *__restrict, size_t, const char *__restrict, va_list);
int vdprintf(int, const char *__restrict, va_list);
int vasprintf(char **, const char *, va_list);

int scanf(const char *__restrict, ...) __attribute__((__format__(__scanf__, 1, 2)));
int fscanf(FILE *__restrict, const char *__restrict, ...) __attribute__((__format__(__scanf__, 2, 3)));
int sscanf(const char *__restrict, const char *__restrict, ...) __attribute__((__format__(__scanf__, 2, 3)));
int vscanf(const char *__restrict, va_list);
int vfscanf(FILE *__restrict, const char *__restrict, va_list);
int vsscanf(const char *__restrict, const char *__restrict, va_list);

FILE *popen(const char *, const char *);
int pclose(FILE *);

#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE (1 << 1)
#define RENAME_WHITEOUT (1 << 2)
int renameat2(int, const char *, int, const char *, unsigned);

char *tmpnam(char *);
char *tempnam(const char *, const char *);
/* C11 removed gets (it cannot know the buffer's size); declared for older
   standards only, as glibc does. */
#if !defined(__STDC_VERSION__) || __STDC_VERSION__ < 201112L
char *gets(char *);
#endif
#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
char *fgetln(FILE *, size_t *);
int fpurge(FILE *);
#endif
#ifdef _GNU_SOURCE
typedef ssize_t cookie_read_function_t(void *, char *, size_t);
typedef ssize_t cookie_write_function_t(void *, const char *, size_t);
typedef int cookie_seek_function_t(void *, off64_t *, int);
typedef int cookie_close_function_t(void *);
typedef struct _IO_cookie_io_functions_t {
    cookie_read_function_t *read;
    cookie_write_function_t *write;
    cookie_seek_function_t *seek;
    cookie_close_function_t *close;
} cookie_io_functions_t;
FILE *fopencookie(void *__restrict, const char *__restrict, cookie_io_functions_t);
#endif
__END_DECLS
#endif
