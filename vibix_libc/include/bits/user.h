/* <bits/user.h>: x86_64 register sets as ptrace and core files hold them
   (from <sys/user.h>). */
#ifndef _BITS_USER_H
#define _BITS_USER_H

struct user_fpregs_struct {
    unsigned short cwd, swd, ftw, fop;
    unsigned long long rip, rdp;
    unsigned int mxcsr, mxcr_mask;
    unsigned int st_space[32];
    unsigned int xmm_space[64];
    unsigned int padding[24];
};

struct user_regs_struct {
    unsigned long long r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
    unsigned long long rax, rcx, rdx, rsi, rdi, orig_rax, rip, cs, eflags, rsp, ss;
    unsigned long long fs_base, gs_base, ds, es, fs, gs;
};

struct user {
    struct user_regs_struct regs;
    int u_fpvalid;
    struct user_fpregs_struct i387;
    unsigned long long u_tsize, u_dsize, u_ssize;
    unsigned long long start_code, start_stack;
    long long signal;
    int reserved;
    struct user_regs_struct *u_ar0;
    struct user_fpregs_struct *u_fpstate;
    unsigned long long magic;
    char u_comm[32];
    unsigned long long u_debugreg[8];
};

#define ELF_NGREG 27
typedef unsigned long long elf_greg_t;
typedef elf_greg_t elf_gregset_t[ELF_NGREG];
typedef struct user_fpregs_struct elf_fpregset_t;

#endif
