//! TLS, x86_64 variant II. Static blocks sit below tp: the program's first, then
//! each initial library's, then the surplus that serves initial-exec TLS of
//! dlopened libraries. Other dlopened TLS is allocated per thread on first
//! `__tls_get_addr`. DTV format (private): dtv[0] = slot count n, dtv[1..=n] =
//! block address per module id (0 = not yet allocated).

use crate::diag::{msg, Msg};
use crate::loader::{Dso, TlsInfo};
use crate::sync::SpinLock;
use alloc::alloc::{alloc_zeroed, dealloc, Layout};
use alloc::vec::Vec;
use vibix_abi::{ThreadHeader, TlsLayout, THREAD_AREA_ALIGN, THREAD_AREA_SIZE};

pub struct Tls {
    /// Module id → its TLS (a copy of the object's, so this lock never needs
    /// the loader state; None once dlclosed). Index 0 unused.
    pub modules: Vec<Option<TlsInfo>>,
    /// Bytes of static TLS used by the initial modules.
    pub initial: usize,
    /// Bytes used including dlopened initial-exec modules.
    pub used: usize,
    pub surplus: usize,
    pub static_size: usize,
    pub align: usize,
    pub stack_guard: usize,
    pub pointer_guard: usize,
    /// Thread pointers of all live threads (for copying images of dlopened static TLS).
    pub threads: Vec<usize>,
}

pub static TLS: SpinLock<Tls> = SpinLock::new(Tls {
    modules: Vec::new(),
    initial: 0,
    used: 0,
    surplus: 0,
    static_size: 0,
    align: THREAD_AREA_ALIGN,
    stack_guard: 0,
    pointer_guard: 0,
    threads: Vec::new(),
});

fn round_up(v: usize, a: usize) -> usize {
    (v + a - 1) & !(a - 1)
}

/// The current thread pointer, or 0 before %fs is set.
pub fn current_tp() -> usize {
    if crate::start::tls_ready() {
        crate::arch::thread_pointer()
    } else {
        0
    }
}

/// Start-up: gives every initial object with PT_TLS a module id and a static offset.
pub fn layout_initial(ns: &mut crate::state::Namespace, surplus: usize) {
    let mut t = TLS.lock();
    t.modules.push(None);
    let mut off = 0usize;
    for k in 0..ns.objs().len() {
        let p = ns.objs()[k];
        if let Some(ref mut ti) = ns.obj_mut(p).tls {
            ti.id = t.modules.len();
            off = round_up(off + ti.memsz, ti.align.next_power_of_two());
            ti.offset = off;
            t.align = t.align.max(ti.align.next_power_of_two());
            t.modules.push(Some(*ti));
        }
    }
    t.initial = off;
    t.used = off;
    t.surplus = surplus;
    t.static_size = round_up(off + surplus, t.align);
}

/// How a dlopened module's TLS must be placed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StaticTls {
    /// Initial-exec code (TPOFF64, DF_STATIC_TLS): only the surplus will do.
    Required,
    /// TLS descriptors only: the surplus when it has room (faster), else dynamic.
    Preferred,
    /// General/local-dynamic only: per-thread blocks on first use.
    No,
}

/// dlopen: gives `d` a module id and, as `want` says, a place in the surplus.
pub fn add_module(d: &mut Dso, want: StaticTls) -> Result<(), Msg> {
    let Some(ref mut ti) = d.tls else { return Ok(()) };
    let mut t = TLS.lock();
    if want != StaticTls::No {
        let a = ti.align.next_power_of_two();
        let off = round_up(t.used + ti.memsz, a);
        if off <= t.initial + t.surplus && a <= t.align {
            t.used = off;
            ti.offset = off;
        } else if want == StaticTls::Required {
            return Err(msg(&[&d.path[..d.path.len() - 1], b": cannot allocate memory in static TLS block (surplus exhausted; raise LD_VIBIX_TLS_SURPLUS)"]));
        }
    }
    ti.id = t.modules.len();
    t.modules.push(Some(*ti));
    Ok(())
}

/// dlopen, once `d` is relocated: every live thread gets its initial image in
/// the static block (the image may hold relocated pointers, so not earlier; a
/// thread created in between copied the unrelocated image and is fixed here).
pub fn publish_static_image(d: &Dso) {
    let Some(ti) = d.tls.filter(|t| t.offset != 0) else { return };
    let t = TLS.lock();
    for &tp in t.threads.iter() {
        // SAFETY: tp - offset .. + memsz lies in that thread's static TLS area.
        unsafe { copy_image(&ti, tp - ti.offset) };
    }
}

/// Start-up, after relocation (including IRELATIVE): the main thread — the
/// only one — gets the initial images of every static TLS module.
pub fn copy_initial_images() {
    let t = TLS.lock();
    let Some(&tp) = t.threads.first() else { return };
    for ti in t.modules.iter().flatten().filter(|t| t.offset != 0) {
        // SAFETY: static block of the main thread's area.
        unsafe { copy_image(ti, tp - ti.offset) };
    }
}

/// dlclose: forget the module (its id is never reused).
pub fn remove_module(d: &Dso) {
    if let Some(ti) = d.tls {
        let mut t = TLS.lock();
        if let Some(slot) = t.modules.get_mut(ti.id) {
            *slot = None;
        }
        // The surplus is only reused when it was the last allocation.
        if ti.offset != 0 && ti.offset == t.used {
            t.used -= ti.memsz.min(t.used);
        }
    }
}

/// # Safety
/// `dst` must be writable for `ti.memsz` bytes.
unsafe fn copy_image(ti: &TlsInfo, dst: usize) {
    // SAFETY: image is mapped for filesz bytes; dst writable for memsz.
    unsafe {
        core::ptr::copy_nonoverlapping(ti.image as *const u8, dst as *mut u8, ti.filesz);
        core::ptr::write_bytes((dst + ti.filesz) as *mut u8, 0, ti.memsz - ti.filesz);
    }
}

/// Builds the DTV and fills the header of thread `tp`; copies the static
/// images when `copy` (not for the main thread, whose images are copied once
/// relocation is done: see [`copy_initial_images`]).
///
/// # Safety
/// `tp` has `static_size` writable bytes below and a ThreadHeader at it.
unsafe fn init_thread(t: &mut Tls, tp: usize, copy: bool) -> Result<(), ()> {
    let n = t.modules.len() - 1;
    let dtv = new_dtv(n).ok_or(())?;
    for id in 1..=n {
        if let Some(ti) = t.modules[id].filter(|t| t.offset != 0) {
            // SAFETY: static block inside the area.
            unsafe {
                if copy {
                    copy_image(&ti, tp - ti.offset);
                }
                *dtv.add(id) = tp - ti.offset;
            }
        }
    }
    let h = tp as *mut ThreadHeader;
    // SAFETY: the header is ours to fill.
    unsafe {
        (*h).self_ptr = h;
        (*h).thread_self = h;
        (*h).dtv = dtv;
        (*h).stack_guard = t.stack_guard;
        (*h).pointer_guard = t.pointer_guard;
    }
    t.threads.push(tp);
    Ok(())
}

fn dtv_layout(n: usize) -> Layout {
    Layout::array::<usize>(n + 1).unwrap()
}

fn new_dtv(n: usize) -> Option<*mut usize> {
    // SAFETY: non-zero size.
    let p = unsafe { alloc_zeroed(dtv_layout(n)) } as *mut usize;
    if p.is_null() {
        return None;
    }
    // SAFETY: slot 0 holds the count.
    unsafe { *p = n };
    Some(p)
}

/// Start-up: allocates the main thread's area, sets %fs.
pub fn setup_main_thread(random: usize) -> Result<(), Msg> {
    let mut t = TLS.lock();
    if random != 0 {
        // SAFETY: AT_RANDOM points at 16 random bytes.
        let (a, b) = unsafe { ((random as *const usize).read_unaligned(), (random as *const usize).add(1).read_unaligned()) };
        // Low byte zero so string overflows cannot copy the canary out.
        t.stack_guard = a & !0xff;
        t.pointer_guard = b;
    }
    let total = t.static_size + THREAD_AREA_SIZE + t.align;
    // Usually fits in ld-vibix's bss: no mmap at start-up.
    static MAIN_AREA: crate::heap::StaticPages<8192> = crate::heap::StaticPages::new();
    let mem = if total <= 8192 { MAIN_AREA.as_ptr() } else { crate::heap::map_pages((total + 4095) & !4095) };
    if mem.is_null() {
        return Err(msg(&[b"cannot allocate the main thread's TLS"]));
    }
    let tp = round_up(mem as usize + t.static_size, t.align);
    // SAFETY: tp has static_size bytes below and THREAD_AREA_SIZE above, zeroed.
    unsafe {
        init_thread(&mut t, tp, false).map_err(|_| msg(&[b"out of memory for the DTV"]))?;
        crate::arch::set_thread_pointer(tp);
    }
    Ok(())
}

/// `void __vibix_tls_layout(struct TlsLayout *out)`
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vibix_tls_layout(out: *mut TlsLayout) {
    let t = TLS.lock();
    // SAFETY: caller passes a valid TlsLayout.
    unsafe { *out = TlsLayout { static_size: t.static_size, align: t.align } };
}

/// `int __vibix_thread_init(struct ThreadHeader *tp)`
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vibix_thread_init(tp: *mut ThreadHeader) -> i32 {
    let mut t = TLS.lock();
    // SAFETY: libc allocated static_size bytes below tp (ABI contract).
    match unsafe { init_thread(&mut t, tp as usize, true) } {
        Ok(()) => 0,
        Err(()) => 12, // ENOMEM
    }
}

/// In a fork child: the calling thread is the only one left.
pub fn forget_other_threads() {
    let me = crate::arch::thread_pointer();
    TLS.lock().threads.retain(|&tp| tp == me);
}

/// `void __vibix_thread_exit(struct ThreadHeader *tp)`
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vibix_thread_exit(tp: *mut ThreadHeader) {
    // SAFETY: tp is the exiting thread's header.
    unsafe { crate::dl::free_thread_err(tp) };
    let mut t = TLS.lock();
    let tpu = tp as usize;
    t.threads.retain(|&x| x != tpu);
    // SAFETY: the exiting thread's header and DTV are no longer used by it.
    unsafe {
        let dtv = (*tp).dtv;
        if dtv.is_null() {
            return;
        }
        let n = *dtv;
        for id in 1..=n {
            let b = *dtv.add(id);
            // Blocks outside the static area were allocated by __tls_get_addr.
            if b != 0 && !(b >= tpu - t.static_size && b < tpu) {
                free_block(b);
            }
        }
        dealloc(dtv as *mut u8, dtv_layout(n));
        (*tp).dtv = core::ptr::null_mut();
    }
}

/// A dynamic TLS block is preceded by its layout (size, align) so it can be freed
/// after its module is gone.
fn alloc_block(ti: &TlsInfo) -> usize {
    let a = ti.align.next_power_of_two().max(16);
    let l = Layout::from_size_align(ti.memsz + a, a).unwrap();
    // SAFETY: non-zero size.
    let p = unsafe { alloc_zeroed(l) } as usize;
    if p == 0 {
        return 0;
    }
    let b = p + a;
    // SAFETY: the header words lie in the padding before b.
    unsafe {
        *((b - 16) as *mut usize) = l.size();
        *((b - 8) as *mut usize) = a;
        core::ptr::copy_nonoverlapping(ti.image as *const u8, b as *mut u8, ti.filesz);
    }
    b
}

/// # Safety
/// `b` came from alloc_block.
unsafe fn free_block(b: usize) {
    // SAFETY: header written by alloc_block.
    unsafe {
        let (size, a) = (*((b - 16) as *const usize), *((b - 8) as *const usize));
        dealloc((b - a) as *mut u8, Layout::from_size_align_unchecked(size, a));
    }
}

#[repr(C)]
pub struct TlsIndex {
    pub module: usize,
    pub offset: usize,
}

/// `void *__tls_get_addr(tls_index *)`: general/local-dynamic TLS access.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __tls_get_addr(ti: *const TlsIndex) -> *mut u8 {
    // SAFETY: the compiler passes a valid tls_index; %fs:8 is our DTV.
    unsafe {
        let (m, off) = ((*ti).module, (*ti).offset);
        let tp = crate::arch::thread_pointer() as *mut ThreadHeader;
        let dtv = (*tp).dtv;
        if m <= *dtv {
            let b = *dtv.add(m);
            if b != 0 {
                return (b + off) as *mut u8;
            }
        }
        tls_get_slow(tp, m, off)
    }
}

/// The calling thread's block of module `ti` (dl_iterate_phdr's
/// `dlpi_tls_data`, as glibc): the static block, or the dynamic one once this
/// thread has touched it, else null. Allocates nothing.
pub fn current_block(ti: &TlsInfo) -> *mut u8 {
    if !crate::start::tls_ready() {
        return core::ptr::null_mut();
    }
    let tp = crate::arch::thread_pointer();
    if ti.offset != 0 {
        return (tp - ti.offset) as *mut u8;
    }
    // SAFETY: %fs points at this thread's header; its DTV holds the count in
    // slot 0 and is only changed by this thread.
    unsafe {
        let dtv = (*(tp as *const ThreadHeader)).dtv;
        if dtv.is_null() || ti.id == 0 || ti.id > *dtv {
            return core::ptr::null_mut();
        }
        *dtv.add(ti.id) as *mut u8
    }
}

/// Slow path of the dynamic TLS descriptor resolver (arch asm): the
/// tp-relative address of `off` in module `m`, allocating the block.
pub extern "C" fn tlsdesc_slow(m: usize, off: usize) -> usize {
    let ti = TlsIndex { module: m, offset: off };
    // SAFETY: the descriptor was made for a loaded module's id; %fs is set.
    let a = unsafe { __tls_get_addr(&ti) } as usize;
    a.wrapping_sub(crate::arch::thread_pointer())
}

#[cold]
unsafe fn tls_get_slow(tp: *mut ThreadHeader, m: usize, off: usize) -> *mut u8 {
    let t = TLS.lock();
    // SAFETY: tp is the current thread's header.
    unsafe {
        let mut dtv = (*tp).dtv;
        if m > *dtv {
            let n = t.modules.len() - 1;
            let Some(nd) = new_dtv(n.max(m)) else { crate::diag::die(&msg(&[b"out of memory growing the DTV"])) };
            core::ptr::copy_nonoverlapping(dtv.add(1), nd.add(1), *dtv);
            dealloc(dtv as *mut u8, dtv_layout(*dtv));
            (*tp).dtv = nd;
            dtv = nd;
        }
        let Some(ti) = t.modules.get(m).copied().flatten() else {
            crate::diag::die(&msg(&[b"__tls_get_addr: invalid TLS module id"]))
        };
        let b = if ti.offset != 0 { tp as usize - ti.offset } else { alloc_block(&ti) };
        if b == 0 {
            crate::diag::die(&msg(&[b"out of memory for a TLS block"]));
        }
        *dtv.add(m) = b;
        (b + off) as *mut u8
    }
}
