//! glibc's `clone(fn, stack, flags, arg, ... /* ptid, tls, ctid */)`: the raw
//! clone(2) with the child running `fn(arg)` on `stack` and exiting (SYS_exit,
//! this thread only) with its return value.
//!
//! The child starts with nothing but the registers the kernel gives it, so the
//! call is assembly. The three variadic arguments are the C caller's r8, r9
//! and first stack slot; the kernel only looks at them for the flags that name
//! them (CLONE_PARENT_SETTID, CLONE_SETTLS, CLONE_CHILD_SETTID/CLEARTID).
use core::ffi::{c_int, c_void};

use crate::thread::area::set_errno;

const EINVAL: c_int = 22;
const CLONE_VM: c_int = 0x100;
const CLONE_SETTLS: c_int = 0x80000;
const SYS_CLONE: usize = 56;
const SYS_EXIT: usize = 60;

type ChildFn = unsafe extern "C" fn(*mut c_void) -> c_int;

/// `clone`: the new child's id, or -1 with errno (EINVAL for a NULL `fn` or
/// `stack`, as glibc; otherwise the kernel's error).
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clone(f: Option<ChildFn>, stack: *mut u8, flags: c_int, arg: *mut c_void) -> c_int {
    core::arch::naked_asm!(
        // rdi=fn rsi=stack edx=flags rcx=arg r8=ptid r9=tls [rsp+8]=ctid
        "test rdi, rdi",
        "jz 3f",
        "test rsi, rsi",
        "jz 3f",
        // The child's frame on the new stack, 16-byte aligned: fn, arg, flags.
        "and rsi, -16",
        "sub rsi, 32",
        "mov [rsi], rdi",
        "mov [rsi+8], rcx",
        "mov [rsi+16], rdx",
        // clone(flags, stack, ptid, ctid, tls); flags zero-extended (u32).
        "mov edi, edx",
        "mov rdx, r8",
        "mov r10, [rsp+8]",
        "mov r8, r9",
        "mov eax, {sys_clone}",
        "syscall",
        "test rax, rax",
        "jz 2f",
        "jl 4f",
        "ret",
        // Child: rsp is the frame above; no caller frame to return to.
        "2:",
        "xor ebp, ebp",
        "mov rdi, [rsp]",
        "mov rsi, [rsp+8]",
        "mov edx, [rsp+16]",
        "call {child}",
        "ud2",
        "3:",
        "mov rax, -{einval}",
        "4:",
        "mov rdi, rax",
        "jmp {failed}",
        sys_clone = const SYS_CLONE,
        einval = const EINVAL,
        child = sym clone_child,
        failed = sym clone_failed,
    )
}

/// The parent's error path: errno from the kernel's negative result.
extern "C" fn clone_failed(r: isize) -> c_int {
    set_errno((-r) as c_int);
    -1
}

/// Runs in the child on the new stack: `fn(arg)`, then exit with it.
unsafe extern "C" fn clone_child(f: ChildFn, arg: *mut c_void, flags: c_int) -> ! {
    if flags & (CLONE_VM | CLONE_SETTLS) == 0 {
        // A copy of the parent's memory: the cached tid there is the parent's.
        let t = crate::thread::area::current();
        // SAFETY: our own copy of the thread area (no CLONE_VM, same TLS).
        unsafe { (*t).tid.store(0, core::sync::atomic::Ordering::Relaxed) };
    }
    // SAFETY: the C caller's function and argument (clone's contract).
    let code = unsafe { f(arg) };
    // SAFETY: ends this thread of control only, as glibc's clone does.
    unsafe {
        core::arch::asm!("syscall", in("rax") SYS_EXIT, in("rdi") code as isize as usize, options(noreturn));
    }
}
