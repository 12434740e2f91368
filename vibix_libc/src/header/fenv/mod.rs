//! `<fenv.h>` over both floating-point units x86_64 programs use: SSE
//! (MXCSR, doubles and floats) and the x87 (control/status words, long
//! double). Flags are read from both and cleared in both; the rounding mode
//! is set in both. `fenv_t` has glibc's layout: the 28-byte x87 environment
//! (`fnstenv`) followed by MXCSR.
use core::arch::asm;
use core::ffi::c_int;

pub const FE_INVALID: c_int = 0x01;
pub const FE_DIVBYZERO: c_int = 0x04;
pub const FE_OVERFLOW: c_int = 0x08;
pub const FE_UNDERFLOW: c_int = 0x10;
pub const FE_INEXACT: c_int = 0x20;
pub const FE_ALL_EXCEPT: c_int = 0x3d;
/// Every x87 exception mask bit (FE_ALL_EXCEPT plus the denormal one).
const ALL_MASKS: u16 = 0x3f;
const ROUND_MASK: c_int = 0xc00;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct FEnv {
    control: u16,
    _r1: u16,
    status: u16,
    _r2: u16,
    tags: u16,
    _r3: u16,
    ip: u32,
    cs: u16,
    opcode: u16,
    data: u32,
    ds: u16,
    _r5: u16,
    mxcsr: u32,
}
static_assertions::const_assert_eq!(core::mem::size_of::<FEnv>(), 32);
static_assertions::const_assert_eq!(core::mem::offset_of!(FEnv, mxcsr), 28);

/// `FE_DFL_ENV`.
const DFL_ENV: *const FEnv = usize::MAX as *const FEnv;

fn stmxcsr() -> u32 {
    let mut v = 0u32;
    // SAFETY: stores MXCSR into a local.
    unsafe { asm!("stmxcsr [{}]", in(reg) &mut v, options(nostack)) };
    v
}

fn ldmxcsr(v: u32) {
    // SAFETY: loads a valid MXCSR value (reserved bits come from stmxcsr).
    unsafe { asm!("ldmxcsr [{}]", in(reg) &v, options(nostack)) };
}

fn fnstenv() -> FEnv {
    let mut e = core::mem::MaybeUninit::<FEnv>::zeroed();
    // SAFETY: fnstenv writes 28 bytes; fldenv restores the exception masks it sets.
    unsafe {
        asm!("fnstenv [{0}]", "fldenv [{0}]", in(reg) e.as_mut_ptr(), options(nostack));
        e.assume_init()
    }
}

fn fldenv(e: &FEnv) {
    // SAFETY: e holds an x87 environment from fnstenv (or a default one).
    unsafe { asm!("fldenv [{}]", in(reg) e, options(nostack)) };
}

fn x87_status() -> u16 {
    let s: u16;
    // SAFETY: reads the x87 status word.
    unsafe { asm!("fnstsw ax", out("ax") s, options(nostack, nomem)) };
    s
}

/// C `feclearexcept`.
#[unsafe(no_mangle)]
pub extern "C" fn feclearexcept(e: c_int) -> c_int {
    let e = (e & FE_ALL_EXCEPT) as u16;
    let mut env = fnstenv();
    env.status &= !e;
    fldenv(&env);
    ldmxcsr(stmxcsr() & !(e as u32));
    0
}

/// C `fetestexcept`.
#[unsafe(no_mangle)]
pub extern "C" fn fetestexcept(e: c_int) -> c_int {
    ((x87_status() as u32 | stmxcsr()) as c_int) & e & FE_ALL_EXCEPT
}

/// C `feraiseexcept`: sets the flags in the x87 status word and lets `fwait`
/// deliver any unmasked one (as glibc does), one at a time in C's order.
#[unsafe(no_mangle)]
pub extern "C" fn feraiseexcept(e: c_int) -> c_int {
    for bit in [FE_INVALID, FE_DIVBYZERO, FE_OVERFLOW, FE_UNDERFLOW, FE_INEXACT] {
        if e & bit != 0 {
            let mut env = fnstenv();
            env.status |= bit as u16;
            fldenv(&env);
            // SAFETY: fwait only reports pending x87 exceptions.
            unsafe { asm!("fwait", options(nostack, nomem)) };
        }
    }
    0
}

/// C `fegetexceptflag` (`fexcept_t` is an unsigned short).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fegetexceptflag(flagp: *mut u16, e: c_int) -> c_int {
    // SAFETY: flagp is writable.
    unsafe { *flagp = fetestexcept(e) as u16 };
    0
}

/// C `fesetexceptflag`: sets the flags without raising them.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fesetexceptflag(flagp: *const u16, e: c_int) -> c_int {
    let e = (e & FE_ALL_EXCEPT) as u16;
    // SAFETY: flagp is readable.
    let f = unsafe { *flagp } & e;
    let mut env = fnstenv();
    env.status = (env.status & !e) | f;
    fldenv(&env);
    ldmxcsr((stmxcsr() & !(e as u32)) | f as u32);
    0
}

/// C `fegetround`.
#[unsafe(no_mangle)]
pub extern "C" fn fegetround() -> c_int {
    fnstenv().control as c_int & ROUND_MASK
}

/// C `fesetround`: both units; non-zero for an unknown mode.
#[unsafe(no_mangle)]
pub extern "C" fn fesetround(r: c_int) -> c_int {
    if r & !ROUND_MASK != 0 {
        return 1;
    }
    let mut env = fnstenv();
    env.control = (env.control & !(ROUND_MASK as u16)) | r as u16;
    fldenv(&env);
    ldmxcsr((stmxcsr() & !0x6000) | ((r as u32) << 3));
    0
}

/// C `fegetenv`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fegetenv(envp: *mut FEnv) -> c_int {
    let mut env = fnstenv();
    env.mxcsr = stmxcsr();
    // SAFETY: envp is writable.
    unsafe { *envp = env };
    0
}

/// C `fesetenv` (`FE_DFL_ENV`: round to nearest, everything masked, no flags).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fesetenv(envp: *const FEnv) -> c_int {
    let env = if envp == DFL_ENV {
        let mut d = fnstenv();
        d.control = 0x037f;
        d.status = 0;
        d.tags = 0xffff;
        d.mxcsr = 0x1f80;
        d
    } else {
        // SAFETY: envp points at an environment from fegetenv/feholdexcept.
        unsafe { *envp }
    };
    fldenv(&env);
    ldmxcsr(env.mxcsr);
    0
}

/// C `feholdexcept`: saves the environment, clears the flags, masks all traps.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn feholdexcept(envp: *mut FEnv) -> c_int {
    // SAFETY: forwarded.
    unsafe { fegetenv(envp) };
    let mut env = fnstenv();
    env.status &= !(FE_ALL_EXCEPT as u16);
    env.control |= ALL_MASKS;
    fldenv(&env);
    ldmxcsr((stmxcsr() & !(FE_ALL_EXCEPT as u32)) | 0x1f80);
    0
}

/// C `feupdateenv`: installs `envp`, then raises the flags that were set.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn feupdateenv(envp: *const FEnv) -> c_int {
    let raised = fetestexcept(FE_ALL_EXCEPT);
    // SAFETY: forwarded.
    unsafe { fesetenv(envp) };
    feraiseexcept(raised);
    0
}
