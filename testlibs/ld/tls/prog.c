/* Local-exec TLS in the program (no relocations), initial-exec TLS of two
 * libraries (TPOFF64), variant II layout: everything below the thread pointer. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

__thread int t_init = 100;
__thread int t_zero;
__thread char t_aligned[32] __attribute__((aligned(64))) = "aligned";

extern __thread int a_tls;
extern __thread long a_big[16];
extern __thread int b_bss;
int *a_tls_addr(void);
int a_get(void);
int a_private_get(void);
void *a_private_addr(void);
void a_private_bump(void);
char *b_aligned_addr(void);

static uintptr_t tp(void)
{
    uintptr_t p;
    __asm__("mov %%fs:0, %0" : "=r"(p));
    return p;
}

static int below_tp(const void *p, size_t n)
{
    return (uintptr_t)p + n <= tp() && (uintptr_t)p > tp() - (1u << 20);
}

static int disjoint(const void *a, size_t an, const void *b, size_t bn)
{
    uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
    return x + an <= y || y + bn <= x;
}

int main(void)
{
    printf("program: t_init=%d t_zero=%d t_aligned=%s\n", t_init, t_zero, t_aligned);
    printf("program: t_aligned 64-aligned: %d\n", (int)((uintptr_t)t_aligned % 64 == 0));
    printf("liba: a_tls=%d a_big[15]=%ld private=%d\n", a_tls, a_big[15], a_private_get());
    printf("liba: private 32-aligned: %d\n", (int)((uintptr_t)a_private_addr() % 32 == 0));
    printf("liba: same address from both modules: %d\n", &a_tls == a_tls_addr());
    a_tls = 12;
    a_private_bump();
    t_zero = 3;
    printf("writes: a_get()=%d private=%d t_zero=%d\n", a_get(), a_private_get(), t_zero);
    printf("libb: b_bss=%d b_aligned 128-aligned: %d\n", b_bss,
           (int)((uintptr_t)b_aligned_addr() % 128 == 0));
    printf("tp: self pointer: %d, 64-aligned: %d\n", *(uintptr_t *)tp() == tp(),
           (int)(tp() % 64 == 0));
    printf("variant II (below tp): %d %d %d %d\n", below_tp(&t_init, 4), below_tp(a_big, sizeof a_big),
           below_tp(&b_bss, 4), below_tp(b_aligned_addr(), 8));
    printf("blocks disjoint: %d %d %d\n", disjoint(t_aligned, 32, a_big, sizeof a_big),
           disjoint(a_big, sizeof a_big, b_aligned_addr(), 8),
           disjoint(t_aligned, 32, b_aligned_addr(), 8));
    errno = 0;
    int r = close(-1);
    printf("errno: close(-1)=%d EBADF=%d, errno in the thread area above tp: %d\n", r, errno == EBADF,
           (uintptr_t)&errno > tp() && (uintptr_t)&errno < tp() + 1024);
    return 0;
}
