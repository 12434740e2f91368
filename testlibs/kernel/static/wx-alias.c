/* W^X across aliases of one file: a memfd (and a /tmp file) mapped writable
   in one mapping and executable in another must be refused with EACCES, as
   must turning a written shared mapping executable, writing a file while a
   shared mapping executes it (ETXTBSY), and a shared writable mapping of a
   file mapped executable. Legitimate uses still work: shared mappings see
   each other's writes (also across fork), and a read-only memfd can be
   mapped executable and run. */
#include "sys.h"
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define MAP_SHARED 1
#define MAP_PRIVATE 2
#define EACCES 13
#define ETXTBSY 26
#define O_RDWR 2
#define O_CREAT 0100

static long map(long len, long prot, long flags, long fd) { return sys6(9, 0, len, prot, flags, fd, 0); }

static int step;
static void expect(long got, long want, const char *what) {
    step++;
    if (got != want) {
        puts1("FAILED: ");
        puts1(what);
        puts1("\n");
        exit_(step);
    }
    puts1(what);
    puts1("\n");
}

static void aliases(long fd, const char *kind) {
    puts1(kind);
    puts1(":\n");
    long w = map(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd);
    expect(w > 0, 1, "shared RW mapping");
    *(volatile unsigned char *)w = 0xc3; /* ret */
    expect(map(4096, PROT_READ | PROT_EXEC, MAP_SHARED, fd), -EACCES, "shared R+X while a writable alias exists -> EACCES");
    expect(map(4096, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd), -EACCES, "private R+X while a writable alias exists -> EACCES");
    long r = map(4096, PROT_READ, MAP_SHARED, fd);
    expect(r > 0, 1, "shared R mapping");
    expect(*(volatile unsigned char *)r, 0xc3, "it sees the bytes written through the other mapping");
    expect(sys3(10, r, 4096, PROT_READ | PROT_EXEC), -EACCES, "mprotect(R+X) of the read-only alias -> EACCES");
    expect(sys3(10, w, 4096, PROT_READ | PROT_EXEC), -EACCES, "mprotect(R+X) of the written mapping -> EACCES");
    expect(sys3(10, w, 4096, PROT_READ | PROT_WRITE | PROT_EXEC), -EACCES, "mprotect(W+X) -> EACCES");
    sys3(11, w, 4096, 0);
    sys3(11, r, 4096, 0);
}

void start_c(long *sp) {
    (void)sp;
    long fd = sys3(319, "jit", 0, 0); /* memfd_create */
    expect(fd >= 0, 1, "memfd_create");
    expect(sys3(77, fd, 4096, 0), 0, "ftruncate");
    aliases(fd, "memfd");

    /* No writable alias left: a shared executable mapping is allowed and runs. */
    long x = map(4096, PROT_READ | PROT_EXEC, MAP_SHARED, fd);
    expect(x > 0, 1, "shared R+X with no writable alias");
    ((void (*)(void))x)();
    expect(1, 1, "code in it runs");
    expect(map(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd), -EACCES, "shared RW while an executable alias exists -> EACCES");
    expect(sys3(1, fd, "x", 1), -ETXTBSY, "write(2) to the file while it is mapped executable -> ETXTBSY");
    expect(sys3(77, fd, 0, 0), -ETXTBSY, "ftruncate while it is mapped executable -> ETXTBSY");
    expect(sys3(10, x, 4096, PROT_READ | PROT_WRITE), -EACCES, "mprotect(RW) of the executable shared mapping -> EACCES");
    sys3(11, x, 4096, 0);
    expect(sys3(1, fd, "x", 1), 1, "write(2) after munmap");

    /* A file in /tmp behaves the same. */
    long tf = sys6(257, -100, (long)"/tmp/wx-alias", O_RDWR | O_CREAT, 0600, 0, 0);
    expect(tf >= 0, 1, "open /tmp/wx-alias");
    expect(sys3(77, tf, 4096, 0), 0, "ftruncate");
    aliases(tf, "tmp file");

    /* Shared means shared: a forked child's write is seen by the parent. */
    long s = map(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd);
    *(volatile long *)s = 1;
    long pid = sys3(57, 0, 0, 0); /* fork */
    if (pid == 0) {
        *(volatile long *)s = 42;
        exit_(0);
    }
    int status = -1;
    sys6(61, pid, (long)&status, 0, 0, 0, 0); /* wait4 */
    expect(*(volatile long *)s, 42, "a forked child's store through MAP_SHARED is seen by the parent");
    char buf[8];
    expect(sys6(17, fd, (long)buf, 8, 0, 0, 0), 8, "pread of the file");
    expect(*(long *)buf, 42, "and the file has it too");
    sys3(11, s, 4096, 0);
    exit_(0);
}
