/* Linux calls that are one system call each (mm, file handles, I/O ports,
   arch_prctl, adjtime, membarrier, quotactl, vhangup, modules, brk/sbrk,
   getdents, posix_close, isastream, get_current_dir_name): the output of the
   vibix_libc build must equal glibc's. Names glibc 2.36 does not have go
   through syscall() there, so the reference is the kernel's own answer. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/io.h>
#include <sys/mman.h>
#include <sys/quota.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef __VIBIX_LIBC__
#include <stropts.h>
#include <sys/membarrier.h>
#else
static int membarrier(int cmd, int flags) { return syscall(SYS_membarrier, cmd, flags, 0); }
static int posix_close(int fd, int flag) {
    if (flag) { errno = EINVAL; return -1; }
    return close(fd);
}
static int isastream(int fd) { return fcntl(fd, F_GETFD) < 0 ? -1 : 0; }
#endif
int arch_prctl(int, unsigned long);
int init_module(void *, unsigned long, const char *);
int delete_module(const char *, unsigned);
#ifndef __VIBIX_LIBC__
int arch_prctl(int c, unsigned long a) { return syscall(SYS_arch_prctl, c, a); }
int init_module(void *i, unsigned long n, const char *p) { return syscall(SYS_init_module, i, n, p); }
int delete_module(const char *n, unsigned f) { return syscall(SYS_delete_module, n, f); }
#endif

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerror(errno));
    else printf("%s: %ld\n", what, r);
    errno = 0;
}

static void mm(void) {
    long pg = sysconf(_SC_PAGESIZE);
    unsigned char *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    unsigned char vec[4] = {9, 9, 9, 9};
    p[0] = 1;
    p[2 * pg] = 1;
    show("mincore", mincore(p, 4 * pg, vec));
    printf("resident: %d %d %d %d\n", vec[0] & 1, vec[1] & 1, vec[2] & 1, vec[3] & 1);
    show("mincore unaligned", mincore(p + 1, pg, vec));
    munmap(p + 3 * pg, pg);
    show("mincore unmapped", mincore(p, 4 * pg, vec));
    show("mlock2", mlock2(p, pg, 0));
    show("mlock2 onfault", mlock2(p + pg, pg, MLOCK_ONFAULT));
    show("mlock2 bad flag", mlock2(p, pg, 0x80));
    show("munlock", munlock(p, 2 * pg));
    show("mlockall 0", mlockall(0));
    show("mlockall bad", mlockall(0x100));
    show("munlockall", munlockall());

    /* remap_file_pages on a shared file mapping: page 0 now shows file page 1. */
    char path[] = "/tmp/vibix-rfp-XXXXXX";
    int fd = mkstemp(path);
    unlink(path);
    char *buf = calloc(2, pg);
    memset(buf, 'a', pg);
    memset(buf + pg, 'b', pg);
    write(fd, buf, 2 * pg);
    char *m = mmap(NULL, 2 * pg, PROT_READ, MAP_SHARED, fd, 0);
    show("remap_file_pages", remap_file_pages(m, pg, 0, 1, 0));
    printf("page0 now: %c\n", m[0]);
    show("remap_file_pages bad", remap_file_pages(m + 1, pg, 0, 1, 0));
    show("sync_file_range", sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER));
    show("sync_file_range bad flags", sync_file_range(fd, 0, 0, 0x100));
    show("sync_file_range ebadf", sync_file_range(-1, 0, 0, 0));
    close(fd);
    free(buf);
}

static void handles(void) {
    struct file_handle *h = malloc(sizeof *h + MAX_HANDLE_SZ);
    int mnt = -1;
    h->handle_bytes = 0;
    show("name_to_handle_at size 0", name_to_handle_at(AT_FDCWD, "/", h, &mnt, 0));
    printf("needed > 0: %d\n", h->handle_bytes > 0);
    h->handle_bytes = MAX_HANDLE_SZ;
    long r = name_to_handle_at(AT_FDCWD, "/etc/passwd", h, &mnt, 0);
    if (r < 0 && errno == EOPNOTSUPP) {
        printf("file handles unsupported here\n");
        errno = 0;
    } else {
        show("name_to_handle_at", r);
        int root = open("/", O_RDONLY | O_DIRECTORY);
        int fd = open_by_handle_at(root, h, O_RDONLY);
        if (fd >= 0) {
            char line[5] = {0};
            read(fd, line, 4);
            printf("open_by_handle_at: reads \"%s\"\n", line);
            close(fd);
        } else {
            show("open_by_handle_at", fd);
        }
        close(root);
    }
    show("name_to_handle_at missing", name_to_handle_at(AT_FDCWD, "/nonexistent/x", h, &mnt, 0));
    show("open_by_handle_at ebadf", open_by_handle_at(-1, h, O_RDONLY));
    free(h);
}

static void dents(void) {
    mkdir("d", 0755);
    close(open("d/one", O_CREAT | O_WRONLY, 0644));
    close(open("d/two", O_CREAT | O_WRONLY, 0644));
    int fd = open("d", O_RDONLY | O_DIRECTORY);
    char buf[4096];
    long n = getdents64(fd, buf, sizeof buf);
    int count = 0, one = 0, two = 0;
    for (long off = 0; off < n;) {
        struct dirent *d = (struct dirent *)(buf + off);
        count++;
        one |= strcmp(d->d_name, "one") == 0 && d->d_type == DT_REG;
        two |= strcmp(d->d_name, "two") == 0;
        off += d->d_reclen;
    }
    printf("getdents64: %d entries, one=%d two=%d\n", count, one, two);
    show("getdents64 at end", getdents64(fd, buf, sizeof buf));
    lseek(fd, 0, SEEK_SET);
    show("getdents64 tiny buffer", getdents64(fd, buf, 8));
    show("getdents64 ebadf", getdents64(-1, buf, sizeof buf));
    show("getdents64 enotdir", getdents64(0, buf, sizeof buf));
    close(fd);
#ifdef __VIBIX_LIBC__
    /* musl's name for the same records (glibc has no public getdents). */
    fd = open("d", O_RDONLY | O_DIRECTORY);
    n = getdents(fd, (struct dirent *)buf, sizeof buf);
    count = 0;
    for (long off = 0; off < n; off += ((struct dirent *)(buf + off))->d_reclen) count++;
    printf("getdents64: %d entries, one=%d two=%d\n", count, one, two);
    close(fd);
#else
    printf("getdents64: %d entries, one=%d two=%d\n", count, one, two);
#endif
}

static void machine(void) {
    unsigned long fs = 0, self;
    __asm__("mov %%fs:0, %0" : "=r"(self));
    show("arch_prctl ARCH_GET_FS", arch_prctl(0x1003, (unsigned long)&fs));
    printf("fs base is the thread pointer: %d\n", fs == self);
    show("arch_prctl bad code", arch_prctl(0x9999, 0));
    show("arch_prctl get cpuid", arch_prctl(0x1011, 0));
    show("ioperm off", ioperm(0x80, 1, 0));
    show("ioperm out of range", ioperm(0x10000, 8, 0));
    show("iopl 4", iopl(4));
    struct timeval old = {99, 99};
    show("adjtime query", adjtime(NULL, &old));
    printf("outstanding: %ld.%06ld\n", (long)old.tv_sec, (long)old.tv_usec);
    long mb = membarrier(0 /* MEMBARRIER_CMD_QUERY */, 0);
    printf("membarrier query: %s\n", mb < 0 ? strerror(errno) : (mb & 1) ? "global" : "no global");
    show("membarrier bad", membarrier(0x12345, 0));
    struct dqblk dq;
    show("quotactl missing device", quotactl(QCMD(Q_GETQUOTA, USRQUOTA), "/nonexistent-dev", 0, (char *)&dq));
    show("delete_module absent", delete_module("vibix_no_such_module", O_NONBLOCK));
    show("init_module bad image", init_module("junk", 4, ""));
}

static void process(void) {
    /* vhangup in a child with no controlling terminal. */
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        _exit(vhangup() == 0 ? 0 : errno);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("vhangup without a terminal: %d\n", WEXITSTATUS(st));

    void *b0 = sbrk(0);
    void *b1 = sbrk(0);
    printf("sbrk(0) stable: %d, non-null: %d\n", b0 == b1, b0 != NULL && b0 != (void *)-1);
    void *old = sbrk(4096);
    printf("sbrk(4096) returns old break: %d\n", old == b0);
    char *q = (char *)old;
    q[0] = 'x';
    q[4095] = 'y';
    printf("new memory usable: %c%c\n", q[0], q[4095]);
    printf("sbrk(0) moved: %ld\n", (long)((char *)sbrk(0) - (char *)b0));
    show("sbrk(-4096) back", sbrk(-4096) == (char *)b0 + 4096 ? 0 : -1);
    show("brk(same)", brk(b0));
    printf("break restored: %d\n", sbrk(0) == b0);
    show("brk(low)", brk((void *)4096)); /* refused by the kernel; glibc reports success */
    printf("break unchanged: %d\n", sbrk(0) == b0);
    errno = 0;
    void *huge = sbrk((intptr_t)1 << 46);
    printf("sbrk huge: %s %s\n", huge == (void *)-1 ? "-1" : "ok", strerror(errno));

    int fd = open("/dev/null", O_RDONLY);
    show("isastream", isastream(fd));
    show("posix_close", posix_close(fd, 0));
    show("isastream closed", isastream(fd));
    show("posix_close closed", posix_close(fd, 0));
    fd = open("/dev/null", O_RDONLY);
    show("posix_close bad flag", posix_close(fd, 7));
    close(fd);
}

static void cwd(void) {
    mkdir("real", 0755);
    symlink("real", "link");
    chdir("link");
    char *top = getcwd(NULL, 0);
    size_t tl = strlen(top) - strlen("/real");
    char pwd[4096];
    snprintf(pwd, sizeof pwd, "%.*s/link", (int)tl, top);
    setenv("PWD", pwd, 1);
    char *n = get_current_dir_name();
    printf("PWD kept: %s\n", n + tl);
    free(n);
    setenv("PWD", "/", 1);
    n = get_current_dir_name();
    printf("stale PWD ignored: %s\n", n + tl);
    free(n);
    unsetenv("PWD");
    n = get_current_dir_name();
    printf("no PWD: %s\n", n + tl);
    free(n);
    free(top);
    chdir("..");
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    mm();
    handles();
    dents();
    machine();
    process();
    cwd();
    return 0;
}
