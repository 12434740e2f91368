//! Run-time choice between the SSE2 and AVX2 versions of a string function:
//! the exported function jumps through a pointer that starts at a resolver;
//! the first call asks [`crate::cpu::avx2`] (CPUID, once per process) and
//! swaps the chosen version in. Later calls cost one indirect jump, and
//! start-up none.

/// `impl_slot!(SLOT, first, fn(args) -> ret, sse2, avx2)`: a static `SLOT` with
/// the version to call, initially `first`, which picks, stores and calls it.
macro_rules! impl_slot {
    ($slot:ident, $first:ident, ($($a:ident: $t:ty),*) -> $r:ty, $sse2:path, $avx2:path) => {
        static $slot: core::sync::atomic::AtomicPtr<()> = core::sync::atomic::AtomicPtr::new($first as *mut ());

        unsafe extern "C" fn $first($($a: $t),*) -> $r {
            let f: unsafe extern "C" fn($($t),*) -> $r = if crate::cpu::avx2() { $avx2 } else { $sse2 };
            $slot.store(f as *mut (), core::sync::atomic::Ordering::Relaxed);
            // SAFETY: the caller's contract is the function's; AVX2 only when available.
            unsafe { f($($a),*) }
        }
    };
}

/// Calls the version in `SLOT` (see [`impl_slot`]).
macro_rules! call_slot {
    ($slot:ident, ($($a:ident: $t:ty),*) -> $r:ty) => {{
        let p = $slot.load(core::sync::atomic::Ordering::Relaxed);
        // SAFETY: the slot only ever holds functions of this signature.
        let f: unsafe extern "C" fn($($t),*) -> $r = unsafe { core::mem::transmute(p) };
        // SAFETY: same contract as the caller's.
        unsafe { f($($a),*) }
    }};
}

pub(super) use {call_slot, impl_slot};
