//! The libgcc_s unwinding interface (`_Unwind_RaiseException`, `_Unwind_Resume`,
//! `_Unwind_Backtrace`, `_Unwind_Get*`/`_Unwind_Set*`, ...).
//!
//! Rust std built for the gnu target imports these from `libgcc_s.so.1`, which
//! ld-vibix serves with this library. The DWARF CFI unwinder itself is the
//! `unwinding` crate (its `#[no_mangle]` functions become our exports); this module
//! only tells it where the `.eh_frame_hdr` of the object containing a pc is, by
//! walking the loaded objects with ld-vibix's `dl_iterate_phdr` and looking for
//! the `PT_LOAD` that contains the pc and the object's `PT_GNU_EH_FRAME`.
//!
//! We use the crate's `fde-custom` finder instead of its `fde-phdr-dl` one because
//! the latter pulls in the `libc` crate, whose `#[link(name = "c")]` attributes
//! would make the C library link against the host's C library.

use core::ffi::{c_char, c_int, c_void};

use static_assertions::const_assert_eq;
use unwinding::custom_eh_frame_finder::{
    set_custom_eh_frame_finder, EhFrameFinder, FrameInfo, FrameInfoKind,
};

use vibix_elf::{Phdr, PT_GNU_EH_FRAME, PT_LOAD};

/// The leading, always-present fields of `struct dl_phdr_info` (`<link.h>`);
/// `dl_iterate_phdr` passes the full size, we never read beyond these.
#[repr(C)]
struct DlPhdrInfo {
    dlpi_addr: u64,
    dlpi_name: *const c_char,
    dlpi_phdr: *const Phdr,
    dlpi_phnum: u16,
}
const_assert_eq!(core::mem::offset_of!(DlPhdrInfo, dlpi_phnum), 24);

type PhdrCallback = unsafe extern "C" fn(*mut DlPhdrInfo, usize, *mut c_void) -> c_int;

extern "C" {
    /// Exported by ld-vibix (vibix_libc has it as DT_NEEDED); holds the loader's
    /// lock while it walks, so objects cannot be unmapped under us.
    fn dl_iterate_phdr(callback: Option<PhdrCallback>, data: *mut c_void) -> c_int;
}

struct Search {
    pc: usize,
    found: Option<FrameInfo>,
}

/// Looks at one loaded object: if a `PT_LOAD` segment contains the pc, reports
/// that object's `.eh_frame_hdr` and stops the walk.
unsafe extern "C" fn visit_object(info: *mut DlPhdrInfo, _size: usize, data: *mut c_void) -> c_int {
    // SAFETY: `data` is the `Search` passed by `find` below, alive for the walk;
    // `info` and its program headers are provided by the loader for this call.
    let (search, info) = unsafe { (&mut *data.cast::<Search>(), &*info) };
    if info.dlpi_phdr.is_null() {
        return 0;
    }
    // SAFETY: the loader guarantees `dlpi_phnum` headers at `dlpi_phdr`.
    let phdrs = unsafe { core::slice::from_raw_parts(info.dlpi_phdr, info.dlpi_phnum as usize) };
    let base = info.dlpi_addr as usize;
    let mut text = None;
    let mut eh_frame_hdr = None;
    for ph in phdrs {
        let start = base.wrapping_add(ph.p_vaddr as usize);
        match ph.p_type {
            PT_LOAD if (start..start.wrapping_add(ph.p_memsz as usize)).contains(&search.pc) => {
                text = Some(start)
            }
            PT_GNU_EH_FRAME => eh_frame_hdr = Some(start),
            _ => {}
        }
    }
    match (text, eh_frame_hdr) {
        (Some(text), Some(hdr)) => {
            search.found = Some(FrameInfo { text_base: Some(text), kind: FrameInfoKind::EhFrameHdr(hdr) });
            1
        }
        // The pc is in this object but it has no unwind tables: stop looking.
        (Some(_), None) => 1,
        _ => 0,
    }
}

struct PhdrFinder;

// SAFETY: `find` only reports `.eh_frame_hdr` addresses of objects that are mapped
// (found through the loader's own list) and contain `pc`.
unsafe impl EhFrameFinder for PhdrFinder {
    fn find(&self, pc: usize) -> Option<FrameInfo> {
        let mut search = Search { pc, found: None };
        // SAFETY: the callback matches the C prototype and only uses `search`,
        // which outlives the call.
        unsafe { dl_iterate_phdr(Some(visit_object), (&raw mut search).cast()) };
        search.found
    }
}

static FINDER: PhdrFinder = PhdrFinder;

/// Installs the finder; runs from vibix_libc's `.init_array`, before any program
/// code can throw. A second call (cannot happen) would be refused harmlessly.
extern "C" fn install_finder() {
    let _ = set_custom_eh_frame_finder(&FINDER);
}

#[used]
#[unsafe(link_section = ".init_array")]
static INSTALL_FINDER: extern "C" fn() = install_finder;
