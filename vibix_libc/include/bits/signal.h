/* <bits/signal.h>: the x86_64 machine context of a signal (from <signal.h>).
   ucontext_t is glibc's layout; its first 304 bytes are what the kernel puts
   on a handler's stack (kernel/src/signal/frame.rs: uc_flags, uc_link,
   uc_stack, the 256-byte mcontext, the first word of uc_sigmask). */
#ifndef _BITS_SIGNAL_H
#define _BITS_SIGNAL_H
#include <signal.h> /* stack_t, sigset_t (a no-op when signal.h includes us) */

typedef long long greg_t;
#define NGREG 23
#define __NGREG 23
typedef greg_t gregset_t[NGREG];

#ifdef _GNU_SOURCE
/* Indices into gregset_t (the kernel's sigcontext order). */
#define REG_R8 0
#define REG_R9 1
#define REG_R10 2
#define REG_R11 3
#define REG_R12 4
#define REG_R13 5
#define REG_R14 6
#define REG_R15 7
#define REG_RDI 8
#define REG_RSI 9
#define REG_RBP 10
#define REG_RBX 11
#define REG_RDX 12
#define REG_RAX 13
#define REG_RCX 14
#define REG_RSP 15
#define REG_RIP 16
#define REG_EFL 17
#define REG_CSGSFS 18
#define REG_ERR 19
#define REG_TRAPNO 20
#define REG_OLDMASK 21
#define REG_CR2 22
#endif

/* The fxsave image, declared twice from one definition: glibc's names
   (_libc_fpstate, for mcontext_t) and the kernel's (_fpstate, <asm/sigcontext.h>). */
#define __VIBIX_FXSAVE_STRUCTS(p) \
    struct p##fpxreg { \
        unsigned short significand[4]; \
        unsigned short exponent; \
        unsigned short __glibc_reserved1[3]; \
    }; \
    struct p##xmmreg { \
        unsigned int element[4]; \
    }; \
    struct p##fpstate { \
        unsigned short cwd; \
        unsigned short swd; \
        unsigned short ftw; \
        unsigned short fop; \
        unsigned long rip; \
        unsigned long rdp; \
        unsigned int mxcsr; \
        unsigned int mxcr_mask; \
        struct p##fpxreg _st[8]; \
        struct p##xmmreg _xmm[16]; \
        unsigned int __glibc_reserved1[24]; \
    };
__VIBIX_FXSAVE_STRUCTS(_libc_)
__VIBIX_FXSAVE_STRUCTS(_)
#undef __VIBIX_FXSAVE_STRUCTS
typedef struct _libc_fpstate *fpregset_t;

typedef struct {
    gregset_t gregs;
    fpregset_t fpregs;
    unsigned long long __reserved1[8];
} mcontext_t;

typedef struct ucontext_t {
    unsigned long uc_flags;
    struct ucontext_t *uc_link;
    stack_t uc_stack;
    mcontext_t uc_mcontext;
    sigset_t uc_sigmask;
    struct _libc_fpstate __fpregs_mem;
    unsigned long long __ssp[4];
} ucontext_t;

struct sigcontext {
    unsigned long r8, r9, r10, r11, r12, r13, r14, r15;
    unsigned long rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, eflags;
    unsigned short cs, gs, fs, __pad0;
    unsigned long err, trapno, oldmask, cr2;
    __extension__ union {
        struct _fpstate *fpstate;
        unsigned long __fpstate_word;
    };
    unsigned long __reserved1[8];
};

#endif
