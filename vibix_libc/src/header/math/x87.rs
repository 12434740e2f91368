//! The x87 `long double` calling convention, which Rust cannot express:
//! long double arguments are passed in memory (16-byte stack slots after the
//! return address, in order) and the result is returned in st(0). These
//! macros make naked exports around Rust functions that take and return the
//! 10-byte values through pointers.

/// `$name(gp args...) -> long double`: calls `$inner(gp args..., out)` with
/// `out` (a 16-byte stack buffer) in register `$out`, then loads it into st(0).
macro_rules! ld_return {
    ($name:ident => $inner:path, $out:literal) => {
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                "sub rsp, 24",
                concat!("mov ", $out, ", rsp"),
                "call {f}",
                "fld tbyte ptr [rsp]",
                "add rsp, 24",
                "ret",
                f = sym $inner,
            )
        }
    };
}
pub(crate) use ld_return;
