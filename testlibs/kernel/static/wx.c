/* W^X: mmap and mprotect must refuse PROT_WRITE|PROT_EXEC with EACCES. */
#include "sys.h"
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define MAP_PRIVATE 2
#define MAP_ANONYMOUS 0x20
#define EACCES 13

void start_c(long *sp) {
    (void)sp;
    long p = sys6(9, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p < 0) { puts1("mmap RW failed\n"); exit_(1); }
    *(volatile char *)p = 1;
    long r = sys3(10, p, 4096, PROT_READ | PROT_WRITE | PROT_EXEC);
    if (r != -EACCES) { puts1("mprotect(W|X) was not refused with EACCES\n"); exit_(2); }
    puts1("mprotect(PROT_WRITE|PROT_EXEC) -> EACCES\n");
    r = sys6(9, 0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (r != -EACCES) { puts1("mmap(W|X) was not refused with EACCES\n"); exit_(3); }
    puts1("mmap(PROT_WRITE|PROT_EXEC) -> EACCES\n");
    r = sys3(10, p, 4096, PROT_READ | PROT_EXEC);
    if (r != 0) { puts1("mprotect(R|X) failed\n"); exit_(4); }
    puts1("mprotect(PROT_READ|PROT_EXEC) -> 0\n");
    exit_(0);
}
