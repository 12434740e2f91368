//! The x87 `long double` calling convention, which Rust cannot express:
//! long double arguments are passed in memory (16-byte stack slots after the
//! return address, in order) and the result is returned in st(0). These
//! macros make naked exports around Rust functions that take and return the
//! 10-byte values through pointers.

/// The common wrapper: `$setup` moves the arguments into place for `$inner`
/// (it may use rsp+8.. for the caller's stack arguments), `$out` puts the
/// address of a 16-byte result buffer into the register after them; the
/// result is then loaded into st(0).
macro_rules! ld_wrap {
    ($name:ident => $inner:path, $setup:literal, $out:literal) => {
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                $setup,
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
pub(crate) use ld_wrap;

/// `$name(gp args...) -> long double`: `$inner(gp args..., out)`, out in `$out`.
macro_rules! ld_return {
    ($name:ident => $inner:path, $out:literal) => {
        crate::header::math::x87::ld_wrap!($name => $inner, "", $out);
    };
}
pub(crate) use ld_return;

/// `$name(long double x) -> long double`: `$inner(&x, out)`.
macro_rules! ld1 {
    ($name:ident => $inner:path) => {
        crate::header::math::x87::ld_wrap!($name => $inner, "lea rdi, [rsp + 8]", "rsi");
    };
}
pub(crate) use ld1;

/// `$name(long double x, long double y) -> long double`: `$inner(&x, &y, out)`.
macro_rules! ld2 {
    ($name:ident => $inner:path) => {
        crate::header::math::x87::ld_wrap!($name => $inner, "lea rdi, [rsp + 8]\n lea rsi, [rsp + 24]", "rdx");
    };
}
pub(crate) use ld2;

/// `$name(long double x, <integer or pointer>) -> long double`: `$inner(&x, arg, out)`.
macro_rules! ld1g {
    ($name:ident => $inner:path) => {
        crate::header::math::x87::ld_wrap!($name => $inner, "mov rsi, rdi\n lea rdi, [rsp + 8]", "rdx");
    };
}
pub(crate) use ld1g;

/// `$name(long double x, long double y, <pointer>) -> long double`: `$inner(&x, &y, ptr, out)`.
macro_rules! ld2g {
    ($name:ident => $inner:path) => {
        crate::header::math::x87::ld_wrap!(
            $name => $inner, "mov rdx, rdi\n lea rdi, [rsp + 8]\n lea rsi, [rsp + 24]", "rcx");
    };
}
pub(crate) use ld2g;

/// `$name(long double x, <gp args...>) -> <not long double>`: `$inner(&x, gp args...)`
/// (the integer arguments move up one register; a tail call).
macro_rules! ld_arg {
    ($name:ident => $inner:path) => {
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                "mov rdx, rsi",
                "mov rsi, rdi",
                "lea rdi, [rsp + 8]",
                "jmp {f}",
                f = sym $inner,
            )
        }
    };
}
pub(crate) use ld_arg;
