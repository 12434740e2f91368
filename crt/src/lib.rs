//! C start-up objects for vibix, written as `global_asm!`.
//!
//! `cargo xtask build` compiles this file once per object with
//! `rustc --crate-type=lib --emit=obj --cfg vibix_crt="<name>"`:
//!
//! | cfg     | object     | used for                                  |
//! |---------|------------|-------------------------------------------|
//! | `crt1`  | `crt1.o`   | `_start` of non-PIE executables (`-no-pie`) |
//! | `scrt1` | `Scrt1.o`  | `_start` of PIE executables (the default)  |
//! | `crti`  | `crti.o`   | prologue of `_init`/`_fini` (`.init`/`.fini`) |
//! | `crtn`  | `crtn.o`   | epilogue of `_init`/`_fini`               |
//!
//! Without a `vibix_crt` cfg (a plain `cargo build`/`cargo test`) the crate is
//! empty, so it never injects a second `_start` into a host binary.
//!
//! Start-up contract (see docs/toolchain.md): the kernel or ld-vibix jumps to
//! `_start` with `%rsp` pointing at argc (then argv, envp, auxv) and `%rdx` =
//! the loader's finalizer (0 if none). `_start` calls the glibc-compatible
//! `__libc_start_main(main, argc, argv, init = 0, fini = 0, rtld_fini, stack_end)`
//! with a 16-byte aligned stack; `stack_end` is the original `%rsp` (&argc).
#![no_std]

/// `_start`, parameterised by how `main` and `__libc_start_main` are reached:
/// through the GOT for a PIE, absolute / via the PLT for a non-PIE program.
#[cfg(any(vibix_crt = "crt1", vibix_crt = "scrt1"))]
macro_rules! start {
    ($load_main:literal, $call_start_main:literal) => {
        core::arch::global_asm!(
            ".pushsection .text._start,\"ax\",@progbits",
            ".globl _start",
            ".type _start,@function",
            "_start:",
            ".cfi_startproc",
            // The outermost frame: no return address for unwinders to follow.
            ".cfi_undefined %rip",
            "xor %ebp, %ebp",
            "mov %rdx, %r9", // rtld_fini, 6th argument
            "mov %rsp, %r10", // stack_end = &argc
            "mov (%rsp), %rsi", // argc
            "lea 8(%rsp), %rdx", // argv
            "and $-16, %rsp",
            // Two pushes keep the 16-byte alignment the call needs; the second
            // one is the 7th argument (stack_end).
            "push %rax",
            "push %r10",
            "xor %r8d, %r8d", // fini: libc finds the executable's own
            "xor %ecx, %ecx", // init: DT_INIT/DT_INIT_ARRAY via AT_PHDR
            $load_main,
            $call_start_main,
            // __libc_start_main never returns.
            "hlt",
            ".cfi_endproc",
            ".size _start, . - _start",
            ".popsection",
            options(att_syntax)
        );
    };
}

#[cfg(vibix_crt = "scrt1")]
start!(
    "mov main@GOTPCREL(%rip), %rdi",
    "call *__libc_start_main@GOTPCREL(%rip)"
);

#[cfg(vibix_crt = "crt1")]
start!("mov $main, %rdi", "call __libc_start_main@PLT");

// `_init`/`_fini` are assembled from pieces: crti.o opens the functions, every
// object in between may add code to `.init`/`.fini`, crtn.o closes them. The
// push/pop keeps the stack 16-byte aligned for any call in the middle. Hidden,
// like glibc's: the linker still points DT_INIT/DT_FINI at them.
#[cfg(vibix_crt = "crti")]
core::arch::global_asm!(
    ".pushsection .init,\"ax\",@progbits",
    ".globl _init",
    ".hidden _init",
    ".type _init,@function",
    "_init:",
    "push %rax",
    ".popsection",
    ".pushsection .fini,\"ax\",@progbits",
    ".globl _fini",
    ".hidden _fini",
    ".type _fini,@function",
    "_fini:",
    "push %rax",
    ".popsection",
    options(att_syntax)
);

#[cfg(vibix_crt = "crtn")]
core::arch::global_asm!(
    ".pushsection .init,\"ax\",@progbits",
    "pop %rax",
    "ret",
    ".popsection",
    ".pushsection .fini,\"ax\",@progbits",
    "pop %rax",
    "ret",
    ".popsection",
    options(att_syntax)
);
