/* TLS descriptors (-mtls-dialect=gnu2) into a block too big for the static
   surplus: dlopen must serve them through the dynamic resolver. */
__thread long counter = 41;
__thread long fresh = 99;
static __thread char big[8192] = {1, 2, 3};

long bump(void) { big[8191]++; return ++counter; }
int image_ok(void) { return big[0] == 1 && big[2] == 3 && big[100] == 0; }
void *counter_addr(void) { return &counter; }

/* The first TLS access of a thread goes through the resolver's slow path (the
   block is allocated): every scratch register and the SSE registers must come
   back unchanged, as the TLSDESC convention promises the compiler. */
int regs_preserved(void) {
    long out[11];
    __asm__ volatile(
        "mov $0x1111, %%rdi\n mov $0x2222, %%rsi\n mov $0x3333, %%rdx\n mov $0x4444, %%rcx\n"
        "mov $0x5555, %%r8\n mov $0x6666, %%r9\n mov $0x7777, %%r10\n mov $0x8888, %%r11\n"
        "mov $0x9999, %%eax\n movq %%rax, %%xmm0\n mov $0xaaaa, %%eax\n movq %%rax, %%xmm15\n"
        "lea fresh@TLSDESC(%%rip), %%rax\n call *fresh@TLSCALL(%%rax)\n add %%fs:0, %%rax\n"
        "mov %%rdi, 0(%%rbx)\n mov %%rsi, 8(%%rbx)\n mov %%rdx, 16(%%rbx)\n mov %%rcx, 24(%%rbx)\n"
        "mov %%r8, 32(%%rbx)\n mov %%r9, 40(%%rbx)\n mov %%r10, 48(%%rbx)\n mov %%r11, 56(%%rbx)\n"
        "movq %%xmm0, 64(%%rbx)\n movq %%xmm15, 72(%%rbx)\n mov %%rax, 80(%%rbx)\n"
        :
        : "b"(out)
        : "rax", "rdi", "rsi", "rdx", "rcx", "r8", "r9", "r10", "r11", "xmm0", "xmm15", "memory", "cc");
    static const long want[10] = {0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0x6666, 0x7777, 0x8888, 0x9999, 0xaaaa};
    for (int i = 0; i < 10; i++)
        if (out[i] != want[i]) return 0;
    return out[10] == (long)&fresh && *(long *)out[10] == 99;
}
