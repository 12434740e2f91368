/* Writing into PT_GNU_RELRO after start-up must fault. Each write happens in a
 * forked child (raw syscalls: independent of libc's fork); the parent reports
 * how the child ended. A write to ordinary data is the control. */
#include <stdint.h>
#include <stdio.h>
#include <sys/auxv.h>

struct phdr { uint32_t type, flags; uint64_t offset, vaddr, paddr, filesz, memsz, align; };
#define PT_PHDR 6
#define PT_GNU_RELRO 0x6474e552

extern int lib_target;
int *const *lib_relro_slot(void);

static int plain_data = 1;
static int relro_target = 3;
static int *const relro_ptr = &relro_target;   /* .data.rel.ro of the PIE */

static long sys(long n, long a, long b, long c, long d)
{
    long r;
    register long r10 __asm__("r10") = d;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
                     : "rcx", "r11", "memory");
    return r;
}

static const char *write_in_child(volatile uintptr_t *where)
{
    long pid = sys(57 /* fork */, 0, 0, 0, 0);
    if (pid == 0) {
        *where = 0;
        sys(231 /* exit_group */, 0, 0, 0, 0);
    }
    if (pid < 0)
        return "fork failed";
    int status = 0;
    if (sys(61 /* wait4 */, pid, (long)&status, 0, 0) != pid)
        return "wait4 failed";
    if ((status & 0x7f) == 0)
        return (status >> 8) == 0 ? "no fault" : "exited";
    return (status & 0x7f) == 11 ? "SIGSEGV" : "other signal";
}

static int in_relro(const void *p)
{
    const struct phdr *ph = (const struct phdr *)getauxval(AT_PHDR);
    unsigned long n = getauxval(AT_PHNUM), base = 0;
    for (unsigned long i = 0; i < n; i++)
        if (ph[i].type == PT_PHDR)
            base = (uintptr_t)ph - ph[i].vaddr;
    for (unsigned long i = 0; i < n; i++)
        if (ph[i].type == PT_GNU_RELRO && (uintptr_t)p >= base + ph[i].vaddr &&
            (uintptr_t)p < base + ph[i].vaddr + ph[i].memsz)
            return 1;
    return 0;
}

int main(void)
{
    void *got_slot;
    __asm__("lea lib_target@GOTPCREL(%%rip), %0" : "=r"(got_slot));
    printf("program pointer in RELRO: %d, GOT slot in RELRO: %d\n", in_relro(&relro_ptr),
           in_relro(got_slot));
    printf("pointers intact: %d %d\n", *relro_ptr == 3, **lib_relro_slot() == 2);
    printf("write to plain data: %s\n", write_in_child((volatile uintptr_t *)&plain_data));
    printf("write to program .data.rel.ro: %s\n", write_in_child((volatile uintptr_t *)&relro_ptr));
    printf("write to program GOT: %s\n", write_in_child((volatile uintptr_t *)got_slot));
    printf("write to library .data.rel.ro: %s\n",
           write_in_child((volatile uintptr_t *)lib_relro_slot()));
    return 0;
}
