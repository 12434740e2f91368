//! C variadic functions on stable Rust.
//!
//! Rust cannot define `...` functions on stable, so every variadic export
//! (`printf(fmt, ...)`) is a small assembly trampoline that spills the argument
//! registers into a SysV x86_64 register save area, builds a `va_list` and
//! tail-calls the `v` variant (`vprintf(fmt, ap)`). `VaList` then reads
//! arguments the way `va_arg` does, so C callers of `vprintf` share the code.
use core::ffi::c_void;
use static_assertions::const_assert_eq;

/// The SysV x86_64 `va_list` element (`__builtin_va_list` is `VaListRaw[1]`).
#[repr(C)]
pub struct VaListRaw {
    pub gp_offset: u32,
    pub fp_offset: u32,
    pub overflow_arg_area: *mut u8,
    pub reg_save_area: *mut u8,
}
const_assert_eq!(core::mem::size_of::<VaListRaw>(), 24);

/// A cursor over a C `va_list` (passed to us as a pointer to its element).
pub struct VaList(pub *mut VaListRaw);

impl VaList {
    /// Next INTEGER-class argument (int, long, pointer, size_t, ...), as 64 bits.
    /// Narrower types are read by truncating, as va_arg does.
    #[inline]
    pub fn gp(&mut self) -> u64 {
        // SAFETY: self.0 is a live va_list built by a C caller or our trampolines;
        // reading one slot per argument the caller passed is what va_arg does.
        unsafe {
            let ap = &mut *self.0;
            if ap.gp_offset < 48 {
                let v = (ap.reg_save_area.add(ap.gp_offset as usize) as *const u64).read();
                ap.gp_offset += 8;
                v
            } else {
                let v = (ap.overflow_arg_area as *const u64).read_unaligned();
                ap.overflow_arg_area = ap.overflow_arg_area.add(8);
                v
            }
        }
    }

    /// Next SSE-class argument (`double`; `float` is promoted).
    #[inline]
    pub fn fp(&mut self) -> f64 {
        // SAFETY: as for `gp`; XMM slots are 16 bytes in the save area.
        unsafe {
            let ap = &mut *self.0;
            if ap.fp_offset < 176 {
                let v = (ap.reg_save_area.add(ap.fp_offset as usize) as *const f64).read();
                ap.fp_offset += 16;
                v
            } else {
                let v = (ap.overflow_arg_area as *const f64).read_unaligned();
                ap.overflow_arg_area = ap.overflow_arg_area.add(8);
                v
            }
        }
    }

    /// Next `long double` (x87 80-bit, always passed in memory, 16-aligned):
    /// its 10 bytes.
    pub fn long_double(&mut self) -> [u8; 10] {
        // SAFETY: as for `gp`; MEMORY-class arguments live in the overflow area.
        let bytes = unsafe {
            let ap = &mut *self.0;
            let p = ((ap.overflow_arg_area as usize + 15) & !15) as *mut u8;
            ap.overflow_arg_area = p.add(16);
            (p as *const [u8; 10]).read()
        };
        bytes
    }

    pub fn ptr<T>(&mut self) -> *mut T {
        self.gp() as usize as *mut T
    }
}

/// Defines the exported naked function `$name` as a variadic trampoline to
/// `$target`, where `$fixed` is the number of named (integer/pointer) parameters;
/// the `va_list` pointer becomes argument `$fixed + 1`. (A naked `#[no_mangle]`
/// function, not `global_asm!`, so rustc's version script exports it.)
macro_rules! variadic {
    ($name:ident => $target:path, $fixed:tt) => {
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name() -> core::ffi::c_long {
            core::arch::naked_asm!(
                "sub rsp, 0xd8",
                "mov [rsp], rdi",
                "mov [rsp+8], rsi",
                "mov [rsp+16], rdx",
                "mov [rsp+24], rcx",
                "mov [rsp+32], r8",
                "mov [rsp+40], r9",
                "test al, al",
                "je 2f",
                "movaps [rsp+48], xmm0",
                "movaps [rsp+64], xmm1",
                "movaps [rsp+80], xmm2",
                "movaps [rsp+96], xmm3",
                "movaps [rsp+112], xmm4",
                "movaps [rsp+128], xmm5",
                "movaps [rsp+144], xmm6",
                "movaps [rsp+160], xmm7",
                "2:",
                concat!("mov dword ptr [rsp+176], ", stringify!($fixed), "*8"),
                "mov dword ptr [rsp+180], 48",
                "lea rax, [rsp+0xe0]",
                "mov [rsp+184], rax",
                "mov [rsp+192], rsp",
                "lea rax, [rsp+176]",
                crate::va::variadic!(@arg $fixed),
                "call {t}",
                "add rsp, 0xd8",
                "ret",
                t = sym $target,
            )
        }
    };
    (@arg 0) => { "mov rdi, rax" };
    (@arg 1) => { "mov rsi, rax" };
    (@arg 2) => { "mov rdx, rax" };
    (@arg 3) => { "mov rcx, rax" };
    (@arg 4) => { "mov r8, rax" };
    (@arg 5) => { "mov r9, rax" };
}
pub(crate) use variadic;

/// Opaque pointer type for signatures that take a `va_list`.
pub type VaPtr = *mut VaListRaw;
#[allow(dead_code)]
type _Unused = *mut c_void;
