//! Every way into and out of the kernel: the `syscall` entry, the interrupt and
//! exception stubs, the single return-to-user path (`iretq`), and the kernel
//! stack switch used by the scheduler.
//!
//! Invariants: the kernel runs with interrupts disabled (SFMASK clears IF on
//! `syscall`, every IDT entry is an interrupt gate), so interrupts only arrive
//! from ring 3 (on rsp0, the thread's kernel stack) or inside `cpu::idle_wait`.
//! No Rust code is ever interrupted, so its red zone is never clobbered. The
//! user's FPU/SSE state is saved with `fxsave` on entry and restored on exit,
//! because the kernel (and the prebuilt `core`) uses SSE freely.
use core::sync::atomic::AtomicU64;

/// Saved user registers, in the order the stubs push them.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct TrapFrame {
    pub r15: u64,
    pub r14: u64,
    pub r13: u64,
    pub r12: u64,
    pub r11: u64,
    pub r10: u64,
    pub r9: u64,
    pub r8: u64,
    pub rbp: u64,
    pub rdi: u64,
    pub rsi: u64,
    pub rdx: u64,
    pub rcx: u64,
    pub rbx: u64,
    pub rax: u64,
    /// Interrupt vector, or 0x100 for `syscall`.
    pub vector: u64,
    pub err: u64,
    pub rip: u64,
    pub cs: u64,
    pub rflags: u64,
    pub rsp: u64,
    pub ss: u64,
}
static_assertions::const_assert_eq!(core::mem::size_of::<TrapFrame>(), 176);
static_assertions::const_assert_eq!(core::mem::offset_of!(TrapFrame, cs), 144);

/// Top of the current thread's kernel stack (also TSS.rsp0).
#[no_mangle]
pub static KSTACK_TOP: AtomicU64 = AtomicU64::new(0);
/// Where `syscall_entry` parks the user %rsp while it finds the kernel stack.
#[no_mangle]
static USER_RSP_SCRATCH: AtomicU64 = AtomicU64::new(0);
/// The current thread's 512-byte, 16-aligned `fxsave` area.
#[no_mangle]
pub static CURRENT_FPU: AtomicU64 = AtomicU64::new(0);

extern "C" {
    pub fn syscall_entry();
    pub fn new_thread_start();
    /// Saves callee-saved registers on the current stack, stores %rsp in
    /// `*old_rsp`, loads `new_rsp` and pops the other thread's registers.
    pub fn switch_stacks(old_rsp: *mut u64, new_rsp: u64);
    pub static isr_table: [u64; 48];
}

core::arch::global_asm!(
    r#"
    .macro PUSH_GPRS
    push %rax; push %rbx; push %rcx; push %rdx; push %rsi; push %rdi; push %rbp
    push %r8; push %r9; push %r10; push %r11; push %r12; push %r13; push %r14; push %r15
    .endm
    .macro POP_GPRS
    pop %r15; pop %r14; pop %r13; pop %r12; pop %r11; pop %r10; pop %r9; pop %r8
    pop %rbp; pop %rdi; pop %rsi; pop %rdx; pop %rcx; pop %rbx; pop %rax
    .endm

    .text
    .global syscall_entry
syscall_entry:
    mov %rsp, USER_RSP_SCRATCH(%rip)
    mov KSTACK_TOP(%rip), %rsp
    push $0x1b
    push USER_RSP_SCRATCH(%rip)
    push %r11
    push $0x23
    push %rcx
    push $0
    push $0x100
    PUSH_GPRS
    mov CURRENT_FPU(%rip), %rax
    fxsave64 (%rax)
    mov %rsp, %rdi
    call syscall_dispatch
    jmp return_to_user

    .global return_to_user
return_to_user:
    mov CURRENT_FPU(%rip), %rax
    fxrstor64 (%rax)
    POP_GPRS
    add $16, %rsp
    iretq

    .global new_thread_start
new_thread_start:
    call after_switch
    jmp return_to_user

    .global switch_stacks
switch_stacks:
    push %rbp; push %rbx; push %r12; push %r13; push %r14; push %r15
    mov %rsp, (%rdi)
    mov %rsi, %rsp
    pop %r15; pop %r14; pop %r13; pop %r12; pop %rbx; pop %rbp
    ret

isr_common:
    PUSH_GPRS
    cld
    testb $3, 144(%rsp)
    jz 1f
    mov CURRENT_FPU(%rip), %rax
    fxsave64 (%rax)
    mov %rsp, %rdi
    call trap_from_user
    jmp return_to_user
1:  mov %rsp, %rdi
    mov %rsp, %rbx
    and $-16, %rsp
    call trap_from_kernel
    mov %rbx, %rsp
    POP_GPRS
    add $16, %rsp
    iretq

    .irp n, 0,1,2,3,4,5,6,7,9,15,16,18,19,20,22,23,24,25,26,27,28,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
isr\n:
    push $0
    push $\n
    jmp isr_common
    .endr
    .irp n, 8,10,11,12,13,14,17,21,29,30
isr\n:
    push $\n
    jmp isr_common
    .endr

    .section .rodata.isr_table, "a"
    .balign 8
    .global isr_table
isr_table:
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
    .quad isr\n
    .endr
    .text
"#,
    options(att_syntax)
);
