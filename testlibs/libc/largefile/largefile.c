/* The *64 large-file names under _LARGEFILE64_SOURCE (or _GNU_SOURCE): every
 * one is declared with its 64-bit types (struct stat64, struct dirent64,
 * fpos64_t, off64_t) and works on offsets past 4 GiB, as in glibc.
 * fallocate64, scandir64 & co. and nftw64 need _GNU_SOURCE in glibc. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#define BIG ((off64_t)5 << 30) /* 5 GiB: needs 64-bit offsets */

static void check(const char *what, long r) {
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static int walked;
static int count_ftw(const char *p, const struct stat64 *st, int flag) {
    (void)p;
    walked += flag == FTW_F && st->st_size == 3;
    return 0;
}
#ifdef _GNU_SOURCE
static int count_nftw(const char *p, const struct stat64 *st, int flag, struct FTW *f) {
    (void)p;
    walked += (flag == FTW_F && st->st_size == 3) * 10 + (f->level > 1) * 100;
    return 0;
}
static int no_dots(const struct dirent64 *e) { return e->d_name[0] != '.'; }
#endif

int main(void) {
    printf("sizes: stat64 %zu (stat %zu) st_size@%zu st_blocks@%zu; dirent64 %zu d_name@%zu; fpos64_t %zu; "
           "off64_t %zu ino64_t %zu blkcnt64_t %zu\n",
           sizeof(struct stat64), sizeof(struct stat), offsetof(struct stat64, st_size),
           offsetof(struct stat64, st_blocks), sizeof(struct dirent64), offsetof(struct dirent64, d_name),
           sizeof(fpos64_t), sizeof(off64_t), sizeof(ino64_t), sizeof(blkcnt64_t));

    /* Descriptors past 4 GiB. */
    int fd = open64("big", O_CREAT | O_RDWR | O_TRUNC | O_LARGEFILE, 0644);
    check("pwrite64 at 5 GiB", pwrite64(fd, "tail", 4, BIG));
    struct stat64 st;
    check("fstat64", fstat64(fd, &st));
    printf("size %lld\n", (long long)st.st_size);
    check("lseek64 end - 1 GiB (>> 32)", lseek64(fd, -((off64_t)1 << 30), SEEK_END) >> 32);
    char buf[16] = {0};
    check("pread64", pread64(fd, buf, 4, BIG));
    printf("read %s\n", buf);
    check("ftruncate64 to 6 GiB", ftruncate64(fd, (off64_t)6 << 30));
    check("stat64", stat64("big", &st));
    printf("size >> 30 = %lld\n", (long long)(st.st_size >> 30));
    check("truncate64 to 5 GiB + 2", truncate64("big", BIG + 2));
    check("fstatat64", fstatat64(AT_FDCWD, "big", &st, 0));
    printf("size - 5 GiB = %lld\n", (long long)(st.st_size - BIG));
    struct iovec iov[2] = {{"ab", 2}, {"cd", 2}};
    check("pwritev64", pwritev64(fd, iov, 2, BIG));
    char x[2], y[2];
    struct iovec rv[2] = {{x, 2}, {y, 2}};
    check("preadv64", preadv64(fd, rv, 2, BIG));
    printf("preadv64 got %.2s|%.2s\n", x, y);
    check("lockf64 F_TLOCK", lockf64(fd, F_TLOCK, 0));
    check("lockf64 F_ULOCK", lockf64(fd, F_ULOCK, 0));
    check("posix_fadvise64", posix_fadvise64(fd, 0, BIG, POSIX_FADV_SEQUENTIAL));
    close(fd);

    /* A small file: fallocate, mmap, sendfile. */
    fd = creat64("small", 0644);
    check("creat64 write", write(fd, "0123456789", 10));
    close(fd);
    fd = openat64(AT_FDCWD, "small", O_RDWR);
    check("posix_fallocate64", posix_fallocate64(fd, 0, 8192));
#ifdef _GNU_SOURCE
    check("fallocate64", fallocate64(fd, 0, 0, 12288) == 0 ? 0 : (errno == EOPNOTSUPP ? 0 : -1));
#endif
    check("fstat64 after fallocate", fstat64(fd, &st));
    printf("size %lld\n", (long long)st.st_size);
    pwrite64(fd, "page2", 5, 4096);
    char *m = mmap64(NULL, 4096, PROT_READ, MAP_SHARED, fd, 4096);
    printf("mmap64 at 4096: %.5s\n", m == MAP_FAILED ? "FAIL" : m);
    munmap(m, 4096);
    int out = open64("copy", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    off64_t off = 2;
    check("sendfile64", sendfile64(out, fd, &off, 5));
    printf("offset after %lld\n", (long long)off);
    close(out);
    close(fd);
    symlink("small", "link");
    check("lstat64 link", lstat64("link", &st));
    printf("is link %d\n", S_ISLNK(st.st_mode));

    /* stdio. */
    FILE *f = fopen64("big", "r+");
    check("fseeko64 5 GiB", fseeko64(f, BIG, SEEK_SET));
    check("ftello64 >> 30", ftello64(f) >> 30);
    fpos64_t pos;
    check("fgetpos64", fgetpos64(f, &pos));
    fseeko64(f, 0, SEEK_SET);
    check("fsetpos64", fsetpos64(f, &pos));
    check("getc", getc(f));
    f = freopen64("copy", "r", f);
    check("freopen64 then fgets", fgets(buf, sizeof buf, f) ? (long)strlen(buf) : -1);
    printf("copy holds %s\n", buf);
    fclose(f);
    f = tmpfile64();
    fputs("tmp", f);
    check("tmpfile64 ftello64", ftello64(f));
    fclose(f);

    /* Directories. */
    mkdir("d", 0755);
    mkdir("d/sub", 0755);
    const char *names[] = {"d/b", "d/a", "d/c", "d/sub/z"};
    for (int i = 0; i < 4; i++) {
        FILE *w = fopen64(names[i], "w");
        fputs("abc", w);
        fclose(w);
    }
    DIR *d = opendir("d");
    int n = 0;
    struct dirent64 *e;
    while ((e = readdir64(d)))
        n += e->d_name[0] != '.';
    printf("readdir64: %d names\n", n);
    rewinddir(d);
    struct dirent64 ent, *res;
    n = 0;
    while (readdir64_r(d, &ent, &res) == 0 && res)
        n += res == &ent && ent.d_name[0] != '.';
    printf("readdir64_r: %d names\n", n);
    closedir(d);
#ifdef _GNU_SOURCE
    struct dirent64 **list;
    n = scandir64("d", &list, no_dots, alphasort64);
    printf("scandir64 alphasort64:");
    for (int i = 0; i < n; i++) {
        printf(" %s", list[i]->d_name);
        free(list[i]);
    }
    printf("\n");
    free(list);
    n = scandir64("d", &list, no_dots, versionsort64);
    printf("scandir64 versionsort64: %d\n", n);
    for (int i = 0; i < n; i++)
        free(list[i]);
    free(list);
#endif
    walked = 0;
    check("ftw64", ftw64("d", count_ftw, 4));
    printf("ftw64 files of 3 bytes: %d\n", walked);
    walked = 0;
#ifdef _GNU_SOURCE
    check("nftw64", nftw64("d", count_nftw, 4, FTW_PHYS));
    printf("nftw64 score: %d\n", walked);
#endif
    unlink("big");
    return 0;
}
