/* Timer preemption: the main thread spins on a flag without ever entering the
 * kernel; only a timer interrupt can let the other thread run and set it. */
#include "sys.h"

static volatile int flag;
static char stack[16384] __attribute__((aligned(16)));

/* thread_spawn(fn, stack_top): clone(CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM);
 * the child calls fn on its own stack, then exit(0) (thread only). */
long thread_spawn(void (*fn)(void), void *stack_top);
__asm__(".globl thread_spawn\nthread_spawn:\n"
        " mov %rdi, %r8\n mov $0x50f00, %edi\n mov $56, %eax\n xor %edx, %edx\n xor %r10d, %r10d\n"
        " syscall\n test %rax, %rax\n jnz 1f\n call *%r8\n mov $60, %eax\n xor %edi, %edi\n syscall\n"
        "1: ret\n");

static void worker(void) { flag = 1; }

void start_c(long *sp) {
    (void)sp;
    long tid = thread_spawn(worker, stack + sizeof stack);
    if (tid <= 0) { puts1("clone failed\n"); exit_(1); }
    while (!flag) {} /* no syscall here: needs preemption */
    puts1("preempted: the other thread ran while main was spinning\n");
    exit_(0);
}
