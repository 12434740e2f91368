//! The one narrow ABI between `ld-vibix` (the loader) and `vibix_libc`.
//!
//! x86_64 uses TLS variant II: the thread pointer (`%fs` base, "tp") points at the
//! thread area below; static TLS blocks of all modules sit directly *below* tp,
//! followed (further down) by the surplus reserved for `dlopen`ed initial-exec TLS.
//!
//! ```text
//!   low addresses                                               high addresses
//!   | surplus | module N TLS | ... | module 1 TLS | ThreadHeader + libc thread state |
//!                                                 ^ tp = %fs:0
//!   <------------- static_size (tls_layout) ----->  <----- THREAD_AREA_SIZE ------>
//! ```
//!
//! Who does what:
//! * ld-vibix lays out static TLS, allocates the main thread's area, fills in
//!   `ThreadHeader` (self pointer, dtv, stack guard from AT_RANDOM) and sets `%fs`.
//! * vibix_libc owns everything in the thread area after `ThreadHeader` (errno, tid,
//!   pthread state). For a new thread it allocates `static_size + THREAD_AREA_SIZE`
//!   (aligned as `tls_layout` says), zeroes it, and calls [`VIBIX_THREAD_INIT`] to
//!   copy the TLS images and build the DTV; on thread exit it calls
//!   [`VIBIX_THREAD_EXIT`].
//! * ld-vibix exports the `dl*` family, `dl_iterate_phdr` and `__tls_get_addr`
//!   itself (they need the caller's address or the DTV); libc only declares them
//!   in `<dlfcn.h>` / `<link.h>`.
#![no_std]

use static_assertions::{const_assert, const_assert_eq};

/// What `%fs:0` points at. Offsets are fixed by the x86_64 psABI (`%fs:0` is tp
/// itself) and by what compilers emit (`%fs:0x28` is the stack protector canary).
#[repr(C)]
pub struct ThreadHeader {
    /// `%fs:0`: tp itself, so `mov %fs:0, %rax` yields the thread pointer.
    pub self_ptr: *mut ThreadHeader,
    /// `%fs:8`: the dynamic thread vector; its format is private to ld-vibix.
    pub dtv: *mut usize,
    /// `%fs:16`: glibc keeps its thread descriptor here; we mirror `self_ptr`.
    pub thread_self: *mut ThreadHeader,
    /// `%fs:0x18`: `reserved0[0]` is private to ld-vibix (the thread's dlerror
    /// state, freed by `__vibix_thread_exit`); `reserved0[1]` is unused. libc must
    /// leave both alone (they start zeroed).
    pub reserved0: [usize; 2],
    /// `%fs:0x28`: gcc/clang `-fstack-protector` canary.
    pub stack_guard: usize,
    /// `%fs:0x30`: pointer mangling guard (glibc compatible slot).
    pub pointer_guard: usize,
    pub reserved1: [usize; 1],
}

const_assert_eq!(core::mem::size_of::<ThreadHeader>(), 64);
const_assert_eq!(core::mem::offset_of!(ThreadHeader, self_ptr), 0);
const_assert_eq!(core::mem::offset_of!(ThreadHeader, dtv), 8);
const_assert_eq!(core::mem::offset_of!(ThreadHeader, thread_self), 16);
const_assert_eq!(core::mem::offset_of!(ThreadHeader, stack_guard), 0x28);
const_assert_eq!(core::mem::offset_of!(ThreadHeader, pointer_guard), 0x30);

/// Bytes at and above tp that belong to the thread: `ThreadHeader` first, then
/// libc's per-thread state (which must fit: libc asserts this at compile time).
pub const THREAD_AREA_SIZE: usize = 1024;
/// tp is aligned to at least this (and to the largest TLS block alignment).
pub const THREAD_AREA_ALIGN: usize = 64;
const_assert!(THREAD_AREA_SIZE >= core::mem::size_of::<ThreadHeader>());

/// Static TLS geometry, filled by [`VIBIX_TLS_LAYOUT`].
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct TlsLayout {
    /// Bytes below tp: every static TLS block plus the surplus, rounded up to `align`.
    pub static_size: usize,
    /// Required alignment of tp (a power of two, at least `THREAD_AREA_ALIGN`).
    pub align: usize,
}
const_assert_eq!(core::mem::size_of::<TlsLayout>(), 16);

/// `void __vibix_tls_layout(struct TlsLayout *out)` — exported by ld-vibix.
pub const VIBIX_TLS_LAYOUT: &str = "__vibix_tls_layout";
/// `int __vibix_thread_init(struct ThreadHeader *tp)` — exported by ld-vibix.
/// `tp` points into zeroed memory with `static_size` bytes below it; ld-vibix copies
/// every static TLS image, builds the DTV and fills the header (self pointers,
/// stack guard). Returns 0, or an errno value (ENOMEM).
pub const VIBIX_THREAD_INIT: &str = "__vibix_thread_init";
/// `void __vibix_thread_exit(struct ThreadHeader *tp)` — exported by ld-vibix;
/// frees the DTV and dynamically allocated TLS blocks of a finished thread.
pub const VIBIX_THREAD_EXIT: &str = "__vibix_thread_exit";

/// `void __vibix_fork_prepare(void)` — exported by ld-vibix. libc's `fork()`
/// calls it after the `pthread_atfork` prepare handlers and before taking its
/// own locks (constructors run under the loader lock may call malloc), then
/// [`VIBIX_FORK_PARENT`] or [`VIBIX_FORK_CHILD`] right after the system call,
/// before its own handlers. The loader's locks are held across the fork, so
/// the child's dlopen/dlsym cannot find one held by a thread it does not have.
pub const VIBIX_FORK_PREPARE: &str = "__vibix_fork_prepare";
/// `void __vibix_fork_parent(void)` — exported by ld-vibix; see [`VIBIX_FORK_PREPARE`].
pub const VIBIX_FORK_PARENT: &str = "__vibix_fork_parent";
/// `void __vibix_fork_child(void)` — exported by ld-vibix; see [`VIBIX_FORK_PREPARE`].
pub const VIBIX_FORK_CHILD: &str = "__vibix_fork_child";

/// The soname of the loader; libc has it as DT_NEEDED.
pub const LDSO_SONAME: &str = "ld-vibix.so.1";
/// The soname of vibix_libc.
pub const LIBC_SONAME: &str = "libc.so";

/// glibc/gcc sonames that ld-vibix serves with vibix libraries (as musl does), so
/// binaries linked against glibc can run. `(requested, served_by)`.
pub const SONAME_ALIASES: &[(&str, &str)] = &[
    ("libc.so.6", LIBC_SONAME),
    ("libm.so.6", LIBC_SONAME),
    ("libpthread.so.0", LIBC_SONAME),
    ("libdl.so.2", LIBC_SONAME),
    ("librt.so.1", LIBC_SONAME),
    ("libutil.so.1", LIBC_SONAME),
    ("libgcc_s.so.1", LIBC_SONAME),
    ("ld-linux-x86-64.so.2", LDSO_SONAME),
];
