//! `<setjmp.h>`: setjmp/longjmp save and restore the callee-saved registers,
//! the stack pointer and the return address (glibc's jmp_buf is 200 bytes:
//! 8 registers, a mask-saved flag and a sigset; sigsetjmp uses the mask).
//!
//! Layout of our buffer: rbx, rbp, r12, r13, r14, r15, rsp (after return), rip,
//! then at byte 64 the "mask saved" flag and at 72 the saved signal mask.

/// C `setjmp`.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setjmp() {
    core::arch::naked_asm!(
        "mov [rdi], rbx",
        "mov [rdi+8], rbp",
        "mov [rdi+16], r12",
        "mov [rdi+24], r13",
        "mov [rdi+32], r14",
        "mov [rdi+40], r15",
        "lea rdx, [rsp+8]",
        "mov [rdi+48], rdx",
        "mov rdx, [rsp]",
        "mov [rdi+56], rdx",
        "mov dword ptr [rdi+64], 0",
        "xor eax, eax",
        "ret",
    )
}

/// BSD `_setjmp` (never saves the mask).
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _setjmp() {
    core::arch::naked_asm!("jmp {}", sym setjmp)
}

/// C `longjmp`.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn longjmp() {
    core::arch::naked_asm!(
        "cmp dword ptr [rdi+64], 0",
        "je 2f",
        // Restore the saved mask: rt_sigprocmask(SIG_SETMASK, &buf[72], NULL, 8).
        "push rdi",
        "push rsi",
        "lea rsi, [rdi+72]",
        "mov edi, 2",
        "xor edx, edx",
        "mov r10d, 8",
        "mov eax, 14",
        "syscall",
        "pop rsi",
        "pop rdi",
        "2:",
        "mov eax, esi",
        "test eax, eax",
        "jnz 3f",
        "inc eax",
        "3:",
        "mov rbx, [rdi]",
        "mov rbp, [rdi+8]",
        "mov r12, [rdi+16]",
        "mov r13, [rdi+24]",
        "mov r14, [rdi+32]",
        "mov r15, [rdi+40]",
        "mov rsp, [rdi+48]",
        "jmp qword ptr [rdi+56]",
    )
}

/// BSD `_longjmp`.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _longjmp() {
    core::arch::naked_asm!("jmp {}", sym longjmp)
}

/// POSIX `siglongjmp`.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn siglongjmp() {
    core::arch::naked_asm!("jmp {}", sym longjmp)
}

/// POSIX `sigsetjmp(env, savemask)`: saves the mask when asked, then setjmp.
/// (glibc's `__sigsetjmp` is the same function.)
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __sigsetjmp() {
    core::arch::naked_asm!(
        "test esi, esi",
        "jz 2f",
        // rt_sigprocmask(SIG_BLOCK, NULL, &buf[72], 8) reads the mask.
        "push rdi",
        "lea rdx, [rdi+72]",
        "xor edi, edi",
        "xor esi, esi",
        "mov r10d, 8",
        "mov eax, 14",
        "syscall",
        "pop rdi",
        // setjmp below clears the flag; set it after via a second entry.
        "mov rax, [rsp]",
        "mov [rdi], rbx",
        "mov [rdi+8], rbp",
        "mov [rdi+16], r12",
        "mov [rdi+24], r13",
        "mov [rdi+32], r14",
        "mov [rdi+40], r15",
        "lea rdx, [rsp+8]",
        "mov [rdi+48], rdx",
        "mov [rdi+56], rax",
        "mov dword ptr [rdi+64], 1",
        "xor eax, eax",
        "ret",
        "2:",
        "jmp {sj}",
        sj = sym setjmp,
    )
}

#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigsetjmp() {
    core::arch::naked_asm!("jmp {}", sym __sigsetjmp)
}
