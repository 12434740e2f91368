//! The Linux x86_64 `rt_sigframe` a handler runs on, and rt_sigreturn.
//!
//! Layout at the handler's %rsp (16-byte aligned minus 8, as after a call):
//! `pretcode` (sa_restorer, the handler's return address), `struct ucontext`
//! (uc_flags, uc_link, uc_stack, the 256-byte sigcontext = glibc's gregs +
//! fpregs pointer, uc_sigmask), `siginfo_t`; the 512-byte fxsave image lies
//! above it, 64-byte aligned, and `sigcontext.fpstate` points at it.
use crate::abi::MINSIGSTKSZ;
use super::{Info, SA_ONSTACK, SA_RESTORER, UNBLOCKABLE};
use crate::arch::x86_64::entry::TrapFrame;
use crate::arch::x86_64::gdt;
use crate::errno::*;
use crate::mm::uaccess;
use crate::mm::vm::USER_TOP;
use crate::proc::{self, FpuArea};
use crate::sync::Global;

const UC_OFF: usize = 8;
const MCTX_OFF: usize = UC_OFF + 40;
const MASK_OFF: usize = UC_OFF + 296;
const INFO_OFF: usize = UC_OFF + 304;
const FRAME_SIZE: usize = INFO_OFF + 128;
const FPU_SIZE: u64 = 512;
const RED_ZONE: u64 = 128;
/// uc_flags: UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS (as Linux without xsave).
const UC_FLAGS: u64 = 2 | 4;
pub const SS_ONSTACK: u64 = 1;
pub const SS_DISABLE: u64 = 2;
pub const SS_AUTODISARM: u64 = 1 << 31;
/// rflags bits a sigreturn may change: CF PF AF ZF SF TF DF OF, AC, RF.
const FIX_EFLAGS: u64 = 0x1 | 0x4 | 0x10 | 0x40 | 0x80 | 0x100 | 0x400 | 0x800 | 0x4_0000 | 0x1_0000;

static_assertions::const_assert_eq!(FRAME_SIZE, 440);
// The C view of this frame (vibix_libc/include/bits/signal.h, glibc's ucontext_t):
// offsetof(ucontext_t, uc_mcontext) and offsetof(ucontext_t, uc_sigmask).
static_assertions::const_assert_eq!(MCTX_OFF - UC_OFF, 40);
static_assertions::const_assert_eq!(MASK_OFF - UC_OFF, 296);

/// The general registers in sigcontext (= glibc's REG_R8..REG_RIP, REG_EFL) order.
fn gregs(f: &TrapFrame) -> [u64; 18] {
    [f.r8, f.r9, f.r10, f.r11, f.r12, f.r13, f.r14, f.r15, f.rdi, f.rsi, f.rbp, f.rbx, f.rdx, f.rax, f.rcx, f.rsp, f.rip, f.rflags]
}

/// Whether `sp` lies on the current thread's alternate signal stack.
pub fn on_altstack(sp: u64) -> bool {
    let [base, flags, size] = proc::current().altstack;
    flags & SS_DISABLE == 0 && size != 0 && sp > base && sp - base <= size
}

/// MXCSR bits the CPU accepts (fxrstor with others set would #GP in the kernel).
fn mxcsr_mask() -> u32 {
    static MASK: Global<u32> = Global::new(0);
    let m = MASK.get();
    if *m == 0 {
        let mut area = FpuArea([0; 512]);
        // SAFETY: fxsave64 writes 512 bytes to a 16-byte aligned buffer we own.
        unsafe { core::arch::asm!("fxsave64 [{}]", in(reg) area.0.as_mut_ptr(), options(nostack)) };
        let v = u32::from_le_bytes([area.0[28], area.0[29], area.0[30], area.0[31]]);
        *m = if v == 0 { 0xffbf } else { v };
    }
    *m
}

fn put(buf: &mut [u8], off: usize, v: u64) {
    buf[off..off + 8].copy_from_slice(&v.to_le_bytes());
}

fn get(buf: &[u8], off: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&buf[off..off + 8]);
    u64::from_le_bytes(w)
}

/// Builds the frame for `info` with action `act` = [handler, flags, restorer,
/// mask] and points `f` at the handler. `old_mask` is saved for sigreturn.
pub fn setup(f: &mut TrapFrame, info: &Info, act: &[u64; 4], old_mask: u64) -> Result<(), Errno> {
    if act[1] & SA_RESTORER == 0 {
        return Err(EFAULT); // x86_64 handlers return through sa_restorer only
    }
    let t = proc::current();
    let [ss_base, ss_flags, ss_size] = t.altstack;
    let use_alt = act[1] & SA_ONSTACK != 0 && ss_flags & SS_DISABLE == 0 && ss_size != 0 && !on_altstack(f.rsp);
    let top = if use_alt { ss_base.wrapping_add(ss_size) } else { f.rsp.wrapping_sub(RED_ZONE) };
    let fpstate = top.wrapping_sub(FPU_SIZE) & !63;
    let sp = (fpstate.wrapping_sub(FRAME_SIZE as u64) & !15).wrapping_sub(8);
    if sp >= top || (use_alt && sp < ss_base) || (!use_alt && on_altstack(f.rsp) && !on_altstack(sp)) {
        return Err(EFAULT);
    }
    let mut b = [0u8; FRAME_SIZE];
    put(&mut b, 0, act[2]);
    put(&mut b, UC_OFF, UC_FLAGS);
    put(&mut b, UC_OFF + 16, ss_base);
    // uc_stack: the stack settings sigreturn puts back (SS_AUTODISARM clears them meanwhile).
    let cur_flags = if ss_flags & SS_DISABLE != 0 { SS_DISABLE } else { ss_flags & SS_AUTODISARM };
    put(&mut b, UC_OFF + 24, cur_flags);
    put(&mut b, UC_OFF + 32, ss_size);
    for (i, r) in gregs(f).iter().enumerate() {
        put(&mut b, MCTX_OFF + 8 * i, *r);
    }
    // cs, gs, fs, ss as four u16s.
    put(&mut b, MCTX_OFF + 144, f.cs | (f.ss << 48));
    put(&mut b, MCTX_OFF + 152, f.err);
    put(&mut b, MCTX_OFF + 160, f.vector.min(255));
    put(&mut b, MCTX_OFF + 168, old_mask);
    put(&mut b, MCTX_OFF + 176, if info.signo == super::SIGSEGV { info.w16 } else { 0 });
    put(&mut b, MCTX_OFF + 184, fpstate);
    put(&mut b, MASK_OFF, old_mask);
    b[INFO_OFF..].copy_from_slice(&info.to_bytes());
    uaccess::copy_out(fpstate, &t.fpu.0)?;
    uaccess::copy_out(sp, &b)?;

    let t = proc::current();
    t.fpu.0 = FpuArea::initial().0; // the handler starts with a clean FPU state
    if use_alt && ss_flags & SS_AUTODISARM != 0 {
        t.altstack = [0, SS_DISABLE, 0];
    }
    f.rsp = sp;
    f.rip = act[0];
    f.rdi = info.signo as u64;
    // Linux passes &info and &uc whether or not SA_SIGINFO is set.
    f.rsi = sp + INFO_OFF as u64;
    f.rdx = sp + UC_OFF as u64;
    f.rax = 0;
    f.rflags &= !(0x100 | 0x400 | 0x4_0000); // TF, DF, AC
    Ok(())
}

/// rt_sigreturn: restores the registers, FPU state and mask saved by
/// `setup`. The restorer's `ret` popped pretcode, so the frame is at rsp-8.
/// A frame that cannot be read or restored kills the process with SIGSEGV.
pub fn sigreturn(f: &mut TrapFrame) -> i64 {
    match restore(f) {
        Ok(rax) => rax as i64,
        Err(_) => {
            let p = proc::current_proc();
            crate::kprintln!("vibix: pid {} ({}): bad rt_sigreturn frame at {:#x}", p.pid, p.name, f.rsp.wrapping_sub(8));
            super::kill_process(p.pid, super::SIGSEGV);
            0
        }
    }
}

fn restore(f: &mut TrapFrame) -> Result<u64, Errno> {
    let sp = f.rsp.wrapping_sub(8);
    let b = uaccess::copy_in(sp, FRAME_SIZE)?;
    let g: [u64; 18] = core::array::from_fn(|i| get(&b, MCTX_OFF + 8 * i));
    let (rip, rsp) = (g[16], g[15]);
    if rip >= USER_TOP || rsp >= USER_TOP {
        return Err(EFAULT); // iretq to a non-canonical address would fault in the kernel
    }
    let fpstate = get(&b, MCTX_OFF + 184);
    let mut fpu = FpuArea::initial().0;
    if fpstate != 0 {
        fpu.copy_from_slice(&uaccess::copy_in(fpstate, FPU_SIZE as usize)?);
        let mxcsr = u32::from_le_bytes([fpu[24], fpu[25], fpu[26], fpu[27]]) & mxcsr_mask();
        fpu[24..28].copy_from_slice(&mxcsr.to_le_bytes());
    }
    [f.r8, f.r9, f.r10, f.r11, f.r12, f.r13, f.r14, f.r15] = [g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]];
    [f.rdi, f.rsi, f.rbp, f.rbx, f.rdx, f.rax, f.rcx] = [g[8], g[9], g[10], g[11], g[12], g[13], g[14]];
    f.rsp = rsp;
    f.rip = rip;
    f.rflags = (f.rflags & !FIX_EFLAGS) | (g[17] & FIX_EFLAGS) | 0x200;
    f.cs = gdt::USER_CS as u64;
    f.ss = gdt::USER_DS as u64;
    // uc_stack back, unless we are still on the alternate stack (Linux ignores that case too).
    let (ss_sp, ss_flags, ss_size) = (get(&b, UC_OFF + 16), get(&b, UC_OFF + 24) & 0xffff_ffff, get(&b, UC_OFF + 32));
    let on = on_altstack(rsp);
    let t = proc::current();
    if !on {
        if ss_flags & SS_DISABLE != 0 {
            t.altstack = [0, SS_DISABLE, 0];
        } else if ss_size >= MINSIGSTKSZ && ss_flags & !SS_AUTODISARM == 0 {
            t.altstack = [ss_sp, ss_flags, ss_size];
        }
    }
    t.fpu.0 = fpu;
    t.sigmask = get(&b, MASK_OFF) & !UNBLOCKABLE;
    Ok(f.rax)
}
