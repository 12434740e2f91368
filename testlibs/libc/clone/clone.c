/* glibc's clone() wrapper: fn(arg) runs on the given stack, the child exits
 * with fn's return value; CLONE_VM shares memory, CLONE_VFORK suspends the
 * parent, the *TID flags store ids, NULL fn/stack and bad flags fail. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define STACK (256 * 1024)
static char stack_a[STACK] __attribute__((aligned(16)));

static int shared;
static char text[64];
static pid_t child_tid_seen;
static pid_t parent;
static volatile pid_t clear_tid;

static int child_clear(void *arg) {
    (void)arg;
    return clear_tid == syscall(SYS_gettid) ? 5 : 6;
}

static int child_vm(void *arg) {
    shared = *(int *)arg + 1;
    /* A double through snprintf: needs a 16-byte aligned stack. */
    snprintf(text, sizeof text, "%.3f", 2.5 * shared);
    child_tid_seen = syscall(SYS_gettid);
    return 42;
}

static int child_copy(void *arg) {
    shared = 1000;
    /* Own memory: the parent's `shared` stays; report through the status.
       gettid() is the child's own id even if the parent's was looked up. */
    return (int)(long)arg + (getpid() == gettid() ? 1 : 0) + (getppid() == parent ? 2 : 0);
}

static int child_signal(void *arg) {
    (void)arg;
    raise(SIGUSR1);
    return 0;
}

static void report(const char *what, pid_t pid) {
    int st;
    if (pid < 0) {
        printf("%s: clone failed: %s\n", what, strerror(errno));
        return;
    }
    if (waitpid(pid, &st, __WALL) != pid) {
        printf("%s: waitpid: %s\n", what, strerror(errno));
        return;
    }
    if (WIFEXITED(st))
        printf("%s: exit %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("%s: signal %s\n", what, strsignal(WTERMSIG(st)));
}

static void failure(const char *what, int r) {
    int e = errno;
    printf("%s: %d %s\n", what, r, strerror(e));
    errno = 0;
}

int main(void) {
    int base = 6;
    pid_t ptid = 0, ctid = 0;
    parent = getpid();
    printf("main gettid==getpid %d\n", gettid() == parent);

    /* CLONE_VM | CLONE_VFORK: the parent waits; the child's writes are ours.
       The stack top is deliberately misaligned: clone aligns it. */
    pid_t pid = clone(child_vm, stack_a + STACK - 3,
                      CLONE_VM | CLONE_VFORK | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD, &base, &ptid,
                      NULL, &ctid);
    printf("vm: shared=%d text=%s ptid==pid %d ctid==pid %d child tid==pid %d\n", shared, text, ptid == pid,
           ctid == pid, child_tid_seen == pid);
    report("vm", pid);

    /* No CLONE_VM: a copy of memory (like fork), on its own stack. */
    shared = 0;
    char *heap = malloc(STACK);
    pid = clone(child_copy, heap + STACK, SIGCHLD, (void *)7L);
    report("copy", pid);
    printf("copy: shared=%d\n", shared);
    free(heap);

    /* Shared memory without CLONE_VFORK: CLONE_CHILD_SETTID stores the id
       before fn runs, CLONE_CHILD_CLEARTID zeroes it when the child ends. */
    pid = clone(child_clear, stack_a + STACK, CLONE_VM | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, NULL,
                NULL, NULL, (pid_t *)&clear_tid);
    report("settid/cleartid", pid);
    printf("settid/cleartid: id after exit %d\n", clear_tid);

    /* No exit signal at all: only __WALL (or __WCLONE) waits for it. */
    pid = clone(child_copy, stack_a + STACK, 0, (void *)3L);
    report("no exit signal", pid);

    /* A child killed by a signal. */
    pid = clone(child_signal, stack_a + STACK, SIGCHLD, NULL);
    report("signalled", pid);

    /* Errors: glibc checks fn and stack itself; the kernel checks flags. */
    failure("NULL fn", clone(NULL, stack_a + STACK, SIGCHLD, NULL));
    failure("NULL stack", clone(child_copy, NULL, SIGCHLD, NULL));
    failure("CLONE_SIGHAND without CLONE_VM", clone(child_copy, stack_a + STACK, CLONE_SIGHAND, NULL));
    failure("CLONE_THREAD without CLONE_SIGHAND", clone(child_copy, stack_a + STACK, CLONE_VM | CLONE_THREAD, NULL));
    return 0;
}
