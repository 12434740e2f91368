/* File system calls against glibc on Linux (and again inside vibix). Runs in
   a fresh empty working directory. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Evaluate first, then print (printf's argument order is unspecified). */
#define SHOW(label, expr) do { errno = 0; long r_ = (long)(expr); int e_ = errno; printf("%s %ld errno %d\n", label, r_, e_); } while (0)

static void contents(const char *path) {
    char buf[256] = {0};
    int fd = open(path, O_RDONLY);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    printf("%s: %zd [%s]\n", path, n, buf);
}

static void opens(void) {
    SHOW("open missing", open("f1", O_RDONLY));
    int fd = open("f1", O_CREAT | O_WRONLY, 0666);
    printf("create %d\n", fd >= 0);
    SHOW("write", write(fd, "hello world", 11));
    close(fd);
    SHOW("excl", open("f1", O_CREAT | O_EXCL | O_WRONLY, 0666));
    struct stat st;
    stat("f1", &st);
    printf("mode %o size %ld nlink %ld reg %d\n", st.st_mode & 07777, (long)st.st_size, (long)st.st_nlink, S_ISREG(st.st_mode));
    fd = open("f1", O_WRONLY | O_APPEND);
    lseek(fd, 0, SEEK_SET);
    write(fd, "!", 1);
    SHOW("append offset", lseek(fd, 0, SEEK_CUR));
    SHOW("pwrite append", pwrite(fd, "?", 1, 0));
    close(fd);
    contents("f1");
    fd = open("f1", O_RDWR | O_TRUNC);
    fstat(fd, &st);
    printf("trunc size %ld\n", (long)st.st_size);
    SHOW("pwrite hole", pwrite(fd, "end", 3, 10));
    char buf[16];
    SHOW("pread", pread(fd, buf, sizeof buf, 0));
    printf("hole zeros %d tail %.3s\n", buf[0] == 0 && buf[9] == 0, buf + 10);
    struct iovec iov[2] = {{"ab", 2}, {"cdef", 4}};
    lseek(fd, 0, SEEK_SET);
    SHOW("writev", writev(fd, iov, 2));
    char x[3], y[5];
    struct iovec in[2] = {{x, 3}, {y, 5}};
    SHOW("preadv", preadv(fd, in, 2, 1));
    printf("preadv got %.3s %.2s\n", x, y);
    SHOW("seek end", lseek(fd, 0, SEEK_END));
    SHOW("seek neg", lseek(fd, -100, SEEK_SET));
    SHOW("ftruncate", ftruncate(fd, 4));
    SHOW("size after", lseek(fd, 0, SEEK_END));
    SHOW("ftruncate grow", ftruncate(fd, 8192));
    SHOW("pread grown", pread(fd, buf, 8, 4096));
    SHOW("fsync", fsync(fd));
    SHOW("fdatasync", fdatasync(fd));
    close(fd);
    SHOW("truncate", truncate("f1", 2));
    contents("f1");
    SHOW("write rdonly", write(open("f1", O_RDONLY), "x", 1));
    SHOW("open dir for write", open(".", O_WRONLY));
    SHOW("O_DIRECTORY on file", open("f1", O_RDONLY | O_DIRECTORY));
    SHOW("trailing slash on file", open("f1/", O_RDONLY));
    SHOW("create with slash", open("newdir/", O_CREAT | O_WRONLY, 0644));
}

static void names(void) {
    SHOW("mkdir", mkdir("d", 0755));
    SHOW("mkdir again", mkdir("d", 0755));
    SHOW("mkdir nested missing", mkdir("nope/x", 0755));
    SHOW("mkdir under file", mkdir("f1/x", 0755));
    struct stat st;
    stat("d", &st);
    printf("dir mode %o nlink %ld\n", st.st_mode & 07777, (long)st.st_nlink);
    mkdir("d/sub", 0700);
    stat("d", &st);
    printf("dir nlink with sub %ld\n", (long)st.st_nlink);
    SHOW("rename file into dir", rename("f1", "d/f1"));
    SHOW("old gone", access("f1", F_OK));
    SHOW("rename dir into itself", rename("d", "d/sub/d"));
    SHOW("rename file over dir", rename("d/f1", "d/sub"));
    close(open("d/f2", O_CREAT | O_WRONLY, 0600));
    SHOW("rename over file", rename("d/f1", "d/f2"));
    SHOW("renameat2 noreplace", renameat2(AT_FDCWD, "d/f2", AT_FDCWD, "d/f2", RENAME_NOREPLACE));
    close(open("d/f3", O_CREAT | O_WRONLY, 0600));
    SHOW("renameat2 noreplace exists", renameat2(AT_FDCWD, "d/f2", AT_FDCWD, "d/f3", RENAME_NOREPLACE));
    SHOW("rmdir nonempty", rmdir("d"));
    SHOW("rmdir file", rmdir("d/f2"));
    SHOW("unlink dir", unlink("d/sub"));
    SHOW("link", link("d/f2", "hard"));
    stat("hard", &st);
    printf("nlink %ld\n", (long)st.st_nlink);
    SHOW("symlink", symlink("d/f2", "sl"));
    SHOW("symlink exists", symlink("x", "sl"));
    char buf[64] = {0};
    SHOW("readlink", readlink("sl", buf, sizeof buf));
    printf("target %s\n", buf);
    SHOW("readlink file", readlink("hard", buf, sizeof buf));
    lstat("sl", &st);
    printf("lstat link %d size %ld\n", S_ISLNK(st.st_mode), (long)st.st_size);
    SHOW("O_NOFOLLOW", open("sl", O_RDONLY | O_NOFOLLOW));
    SHOW("dangling", open((symlink("missing", "dl"), "dl"), O_RDONLY));
    SHOW("loop", open((symlink("lp", "lp"), "lp"), O_RDONLY));
    /* Directory file descriptors and *at calls. */
    int dfd = open("d", O_RDONLY | O_DIRECTORY);
    SHOW("openat", close(openat(dfd, "new", O_CREAT | O_WRONLY, 0644)));
    SHOW("fstatat", fstatat(dfd, "new", &st, 0));
    SHOW("unlinkat", unlinkat(dfd, "new", 0));
    SHOW("mkdirat", mkdirat(dfd, "m", 0755));
    SHOW("unlinkat removedir", unlinkat(dfd, "m", AT_REMOVEDIR));
    SHOW("fchdir", fchdir(dfd));
    char cwd[4096];
    getcwd(cwd, sizeof cwd);
    printf("cwd ends with /d %d\n", strcmp(cwd + strlen(cwd) - 2, "/d") == 0);
    chdir("..");
    close(dfd);
    /* An unlinked file lives on while open. */
    int fd = open("tmpfile", O_CREAT | O_RDWR, 0600);
    write(fd, "ghost", 5);
    unlink("tmpfile");
    fstat(fd, &st);
    printf("unlinked nlink %ld size %ld\n", (long)st.st_nlink, (long)st.st_size);
    SHOW("read unlinked", pread(fd, buf, 5, 0));
    close(fd);
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void listing(void) {
    mkdir("many", 0755);
    char name[64];
    for (int i = 0; i < 40; i++) {
        snprintf(name, sizeof name, "many/file%02d", i);
        close(open(name, O_CREAT | O_WRONLY, 0644));
    }
    /* Remove entries while reading the directory: every name is seen once. */
    DIR *d = opendir("many");
    struct dirent *e;
    int seen = 0, dots = 0;
    char *names[64];
    int k = 0;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) {
            dots++;
            continue;
        }
        seen++;
        if (k < 64)
            names[k++] = strdup(e->d_name);
        snprintf(name, sizeof name, "many/%s", e->d_name);
        unlink(name);
        if (e->d_type != DT_REG)
            printf("bad d_type %d\n", e->d_type);
    }
    closedir(d);
    qsort(names, k, sizeof names[0], cmp);
    printf("seen %d dots %d first %s last %s\n", seen, dots, names[0], names[k - 1]);
    SHOW("rmdir emptied", rmdir("many"));
}

static void meta(void) {
    int fd = open("m", O_CREAT | O_WRONLY, 0644);
    SHOW("fchmod", fchmod(fd, 0600));
    struct stat st;
    fstat(fd, &st);
    printf("mode %o\n", st.st_mode & 07777);
    SHOW("chmod", chmod("m", 04755));
    stat("m", &st);
    printf("mode %o\n", st.st_mode & 07777);
    struct timespec ts[2] = {{1000000000, 5}, {1234567890, 123456789}};
    SHOW("utimensat", utimensat(AT_FDCWD, "m", ts, 0));
    stat("m", &st);
    printf("atime %ld.%09ld mtime %ld.%09ld\n", (long)st.st_atim.tv_sec, st.st_atim.tv_nsec, (long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    struct timespec omit[2] = {{0, UTIME_OMIT}, {0, UTIME_NOW}};
    SHOW("futimens", futimens(fd, omit));
    fstat(fd, &st);
    printf("atime kept %d mtime now %d\n", st.st_atim.tv_sec == 1000000000, st.st_mtim.tv_sec > 1600000000);
    SHOW("access X_OK", access("m", X_OK));
    chmod("m", 0644);
    SHOW("access W_OK", access("m", W_OK));
    close(fd);
}

static void locks(void) {
    int fd = open("lockme", O_CREAT | O_RDWR, 0644);
    write(fd, "0123456789", 10);
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 5};
    SHOW("setlk", fcntl(fd, F_SETLK, &fl));
    int ready[2], go[2];
    pipe(ready);
    pipe(go);
    pid_t parent = getpid();
    pid_t c = fork();
    if (c == 0) {
        int cfd = open("lockme", O_RDWR);
        struct flock g = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 1};
        fcntl(cfd, F_GETLK, &g);
        printf("child getlk type %d start %ld len %ld pid is parent %d\n", g.l_type, (long)g.l_start, (long)g.l_len, g.l_pid == parent);
        struct flock h = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 5, .l_len = 5};
        SHOW("child setlk free range", fcntl(cfd, F_SETLK, &h));
        struct flock i = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1};
        SHOW("child setlk conflict", fcntl(cfd, F_SETLK, &i));
        write(ready[1], "r", 1);
        SHOW("child setlkw", fcntl(cfd, F_SETLKW, &i));
        _exit(0);
    }
    char b;
    read(ready[0], &b, 1);
    usleep(100000);
    struct flock u = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 6, .l_len = 1};
    fcntl(fd, F_GETLK, &u);
    printf("parent sees child lock %d pid is child %d\n", u.l_type == F_WRLCK, u.l_pid == c);
    /* Closing any descriptor of the file drops the process's locks: the child gets its lock. */
    close(open("lockme", O_RDONLY));
    int st;
    waitpid(c, &st, 0);
    printf("child exit %d\n", WEXITSTATUS(st));
    /* The child is gone: its locks went with it. */
    struct flock w = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
    SHOW("setlk whole after child", fcntl(fd, F_SETLK, &w));
    int ro = open("lockme", O_RDONLY);
    struct flock x = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    SHOW("wrlck on rdonly", fcntl(ro, F_SETLK, &x));
    close(ro);
    /* flock: per open file, conflicts across open files. */
    int a = open("lockme", O_RDONLY), b2 = open("lockme", O_RDONLY);
    SHOW("flock ex", flock(a, LOCK_EX | LOCK_NB));
    SHOW("flock other", flock(b2, LOCK_SH | LOCK_NB));
    SHOW("flock un", flock(a, LOCK_UN));
    SHOW("flock other again", flock(b2, LOCK_SH | LOCK_NB));
    close(a);
    close(b2);
    close(fd);
    (void)ready;
    (void)go;
}

static void devices(void) {
    int fd = open("/dev/null", O_RDWR);
    char buf[8] = "xxxxxxx";
    SHOW("null write", write(fd, "abc", 3));
    SHOW("null read", read(fd, buf, 8));
    close(fd);
    fd = open("/dev/zero", O_RDONLY);
    SHOW("zero read", read(fd, buf, 4));
    printf("zeros %d\n", buf[0] == 0 && buf[3] == 0);
    close(fd);
    fd = open("/dev/full", O_WRONLY);
    SHOW("full write", write(fd, "a", 1));
    close(fd);
    struct stat st;
    stat("/dev/null", &st);
    printf("null chr %d\n", S_ISCHR(st.st_mode));
    char path[] = "/tmp/fsops-XXXXXX";
    fd = mkstemp(path);
    printf("mkstemp %d\n", fd >= 0);
    SHOW("tmp write", write(fd, "t", 1));
    SHOW("tmp unlink", unlink(path));
    close(fd);
}

static void mapping(void) {
    int fd = open("mapped", O_CREAT | O_RDWR, 0644);
    char page[8192];
    for (int i = 0; i < 8192; i++)
        page[i] = 'a' + i % 26;
    write(fd, page, 8192);
    char *p = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, fd, 0);
    printf("map private %d bytes %.5s %c\n", p != MAP_FAILED, p, p[4096]);
    char *q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 4096);
    q[0] = '#';
    char c;
    pread(fd, &c, 1, 4096);
    printf("private write stays private: file %c map %c\n", c, q[0]);
    munmap(p, 8192);
    munmap(q, 4096);
    /* MAP_SHARED: the mapping and the file are the same bytes. */
    char *s = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    s[1] = '1';
    s[4097] = '2';
    char two[2];
    pread(fd, two, 1, 1);
    pread(fd, two + 1, 1, 4097);
    printf("shared store in file: %.2s\n", two);
    pwrite(fd, "W", 1, 2);
    printf("file write in mapping: %c\n", s[2]);
    SHOW("msync", msync(s, 8192, MS_SYNC));
    char *t = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 4096);
    printf("second shared mapping: %c\n", t[1]);
    munmap(t, 4096);
    munmap(s, 8192);
    SHOW("shared write on rdonly fd", mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, open("mapped", O_RDONLY), 0) == MAP_FAILED);
    SHOW("map dir", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, open(".", O_RDONLY), 0) == MAP_FAILED);
    close(fd);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    /* A directory of our own (the working directory may hold an earlier run's files). */
    char work[] = "fsops-XXXXXX";
    if (!mkdtemp(work) || chdir(work) != 0) {
        printf("no working directory: errno %d\n", errno);
        return 1;
    }
    opens();
    names();
    listing();
    meta();
    locks();
    devices();
    mapping();
    chdir("..");
    char cmd[64];
    snprintf(cmd, sizeof cmd, "%s", work);
    /* Leave nothing behind (vibix packs the case's directory into its initramfs). */
    const char *files[] = {"d/f2", "d/f3", "d/sub", "d", "hard", "sl", "dl", "lp", "m", "lockme", "mapped", NULL};
    chdir(work);
    for (int i = 0; files[i]; i++)
        if (unlink(files[i]) != 0 && rmdir(files[i]) != 0)
            printf("cleanup %s: errno %d\n", files[i], errno);
    chdir("..");
    SHOW("cleanup", rmdir(cmd));
    return 0;
}
