/* fork with copy-on-write memory, wait4/waitid statuses, zombies, orphans,
   SIGCHLD, vfork and clone(CLONE_VM|CLONE_VFORK) sharing memory. Output must
   match glibc on Linux; run again inside vibix by `cargo xtask kernel test`. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../_wait.h"

static int global = 1;
static volatile sig_atomic_t chld_count, chld_pid, chld_code, chld_status;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)uc;
    chld_count++;
    chld_pid = si->si_pid;
    chld_code = si->si_code;
    chld_status = si->si_status;
}

static int maps_have_wx(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    int bad = 0;
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f)) {
        char perms[8];
        if (sscanf(line, "%*s %7s", perms) == 1 && perms[1] == 'w' && perms[2] == 'x')
            bad++;
    }
    fclose(f);
    return bad;
}


/* vfork via the raw system call: the child stores into `global` and leaves
   with _exit(7) without returning (a vfork child must not return). */
static long raw_vfork_store(int *where)
{
    long r;
    __asm__ volatile("mov $58, %%eax\n\t"
                     "syscall\n\t"
                     "test %%rax, %%rax\n\t"
                     "jnz 1f\n\t"
                     "movl $42, (%1)\n\t"
                     "mov $60, %%eax\n\t"
                     "mov $7, %%edi\n\t"
                     "syscall\n\t"
                     "1:"
                     : "=&a"(r)
                     : "r"(where)
                     : "rcx", "r11", "rdi", "memory");
    return r;
}

/* clone(CLONE_VM|CLONE_VFORK|SIGCHLD) on a stack of its own, as glibc's and
   musl's posix_spawn do; the child stores and exits 9. */
static long raw_clone_vm_store(int *where, char *stack_top)
{
    long r;
    register long r10 __asm__("r10") = 0;
    register long r8 __asm__("r8") = 0;
    __asm__ volatile("mov $56, %%eax\n\t"
                     "syscall\n\t"
                     "test %%rax, %%rax\n\t"
                     "jnz 1f\n\t"
                     "movl $99, (%3)\n\t"
                     "mov $60, %%eax\n\t"
                     "mov $9, %%edi\n\t"
                     "syscall\n\t"
                     "1:"
                     : "=&a"(r)
                     : "D"(0x100 | 0x4000 | SIGCHLD), "S"(stack_top), "r"(where), "d"(0), "r"(r10), "r"(r8)
                     : "rcx", "r11", "memory");
    return r;
}

int main(void)
{
    char buf[64];
    int st;
    setvbuf(stdout, NULL, _IONBF, 0);

    /* 1. Copy-on-write: heap, stack, data, an anonymous mapping. */
    char stackbuf[8192];
    memset(stackbuf, 'p', sizeof stackbuf);
    char *heap = malloc(100000);
    memset(heap, 'h', 100000);
    char *map = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(map, 'm', 2 * 4096); /* the third page is never touched before fork */
    pid_t pid = fork();
    if (pid == 0) {
        global = 2;
        stackbuf[100] = 'c';
        heap[50000] = 'c';
        map[4096] = 'c';
        map[2 * 4096] = 'c';
        printf("child sees: global=%d stack=%c heap=%c map=%c,%c,%c\n", global, stackbuf[100], heap[50000], map[0], map[4096], map[2 * 4096]);
        _exit(0);
    }
    waitpid(pid, &st, 0);
    printf("parent after child: global=%d stack=%c heap=%c map=%c,%c,[%d]\n", global, stackbuf[100], heap[50000], map[0], map[4096], map[2 * 4096]);
    /* The parent writes after fork; a second child sees the parent's new value, not the first child's. */
    global = 3;
    heap[50000] = 'P';
    pid = fork();
    if (pid == 0) {
        printf("second child sees: global=%d heap=%c\n", global, heap[50000]);
        heap[50000] = 'x';
        _exit(global);
    }
    global = 4;
    waitpid(pid, &st, 0);
    printf("second child %s; parent global=%d heap=%c\n", describe(st, buf), global, heap[50000]);

    /* 2. W^X holds in a forked child: its map has no W+X page, and a shared
       page made executable then writable again is copied, never W+X. */
    memcpy(map, "\xb8\x2a\x00\x00\x00\xc3", 6); /* mov $42,%eax; ret */
    pid = fork();
    if (pid == 0) {
        int ok = mprotect(map, 4096, PROT_READ | PROT_EXEC) == 0;
        int v = ((int (*)(void))map)();
        int back = mprotect(map, 4096, PROT_READ | PROT_WRITE) == 0;
        map[0] = 0;
        printf("child: rx=%d call=%d rw=%d wx-maps=%d\n", ok, v, back, maps_have_wx());
        _exit(0);
    }
    waitpid(pid, &st, 0);
    printf("parent code byte intact: %d, wx-maps=%d\n", (unsigned char)map[0] == 0xb8, maps_have_wx());

    /* 3. Exit statuses: codes, signals, WNOHANG, waitid. */
    int codes[] = { 0, 1, 42, 255, 256 + 3 };
    for (unsigned i = 0; i < sizeof codes / sizeof *codes; i++) {
        pid = fork();
        if (pid == 0)
            _exit(codes[i]);
        pid_t w = waitpid(pid, &st, 0);
        printf("exit(%d): same pid %d, %s\n", codes[i], w == pid, describe(st, buf));
    }
    int sigs[] = { SIGTERM, SIGKILL, SIGUSR1, SIGABRT, SIGSEGV };
    for (unsigned i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        pid = fork();
        if (pid == 0) {
            if (sigs[i] == SIGSEGV)
                *(volatile int *)8 = 1;
            if (sigs[i] == SIGABRT)
                abort();
            kill(getpid(), sigs[i]);
            pause();
            _exit(100);
        }
        waitpid(pid, &st, 0);
        printf("signal %d: WIFSIGNALED=%d %s\n", sigs[i], WIFSIGNALED(st), describe(st, buf));
    }
    int p2[2];
    pid = fork();
    if (pid == 0) {
        usleep(200000);
        _exit(5);
    }
    pid_t w = waitpid(pid, &st, WNOHANG);
    printf("WNOHANG on a running child: %d\n", w);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    show("waitid WNOWAIT", waitid(P_PID, pid, &si, WEXITED | WNOWAIT));
    printf("pid ok=%d code=%d status=%d signo=%d\n", si.si_pid == pid, si.si_code, si.si_status, si.si_signo);
    memset(&si, 0, sizeof si);
    show("waitid again", waitid(P_ALL, 0, &si, WEXITED));
    printf("pid ok=%d code=%d status=%d\n", si.si_pid == pid, si.si_code, si.si_status);
    show("no children", waitpid(-1, &st, 0));
    show("waitid bad options", waitid(P_ALL, 0, &si, WNOHANG));
    (void)p2;

    /* 4. SIGCHLD to the parent with si_pid/si_code/si_status; a zombie stays until waited for. */
    catch_sigchld(on_chld);
    pid = fork();
    if (pid == 0)
        _exit(17);
    while (!chld_count)
        usleep(1000);
    printf("SIGCHLD: count=%d pid ok=%d code=%s status=%d\n", chld_count, chld_pid == pid, cld_code(chld_code), chld_status);
    show("zombie still there: kill(pid, 0)", kill(pid, 0));
    waitpid(pid, &st, 0);
    show("after wait: kill(pid, 0)", kill(pid, 0));
    chld_count = 0;
    pid = fork();
    if (pid == 0) {
        kill(getpid(), SIGTERM);
        pause();
    }
    while (!chld_count)
        usleep(1000);
    printf("SIGCHLD for a kill: code=%s status=%d\n", cld_code(chld_code), chld_status);
    waitpid(pid, &st, 0);
    signal(SIGCHLD, SIG_DFL);

    /* 5. Orphans are adopted (by init, or a subreaper): the parent changes. */
    pid = fork();
    if (pid == 0) {
        pid_t me = getpid();
        pid_t g = fork();
        if (g == 0) {
            while (getppid() == me)
                usleep(1000);
            printf("grandchild: adopted\n");
            _exit(0);
        }
        _exit(0);
    }
    waitpid(pid, &st, 0);
    usleep(300000);
    printf("middle child %s\n", describe(st, buf));

    /* 6. vfork: the parent sleeps until the child ends, and they share memory. */
    int shared = 0;
    pid = raw_vfork_store(&shared);
    printf("vfork: child wrote %d before the parent resumed\n", shared);
    waitpid(pid, &st, 0);
    printf("vfork child %s\n", describe(st, buf));
    char *stack = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    pid = raw_clone_vm_store(&shared, stack + 65536);
    printf("clone(CLONE_VM|CLONE_VFORK): child wrote %d\n", shared);
    waitpid(pid, &st, 0);
    printf("clone child %s\n", describe(st, buf));
    show("clone with CLONE_SIGHAND but not CLONE_VM", syscall(SYS_clone, SIGCHLD | 0x800, 0, 0, 0, 0));
    show("clone with CLONE_THREAD but not CLONE_SIGHAND", syscall(SYS_clone, 0x10000 | 0x100, 0, 0, 0, 0));

    /* 7. Many forks: the shared frames come back (no leak, no exhaustion). */
    char *big = malloc(4 << 20);
    memset(big, 1, 4 << 20);
    int okc = 0;
    for (int i = 0; i < 200; i++) {
        pid = fork();
        if (pid == 0) {
            big[i * 4096] = 2;
            _exit(big[(i + 1) * 4096] == 1 ? 0 : 1);
        }
        waitpid(pid, &st, 0);
        okc += WIFEXITED(st) && WEXITSTATUS(st) == 0;
    }
    printf("200 forks of a 4 MiB heap: %d ok, parent byte %d\n", okc, big[4096]);

    /* 8. A process using more than half of vibix's 2 GiB forks (copying it could not):
       only the pages the child writes are copied. */
    size_t huge = (size_t)1100 << 20;
    char *h = mmap(NULL, huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (size_t o = 0; o < huge; o += 4096)
        h[o] = 1;
    pid = fork();
    if (pid == 0) {
        for (size_t o = 0; o < huge; o += 64 << 20)
            h[o] = 2;
        _exit(h[4096] == 1 && h[64 << 20] == 2 ? 0 : 1);
    }
    printf("fork with 1100 MiB in use: %s", pid > 0 ? "ok" : "failed");
    waitpid(pid, &st, 0);
    printf(", child %s, parent byte %d\n", describe(st, buf), h[64 << 20]);
    return 0;
}
