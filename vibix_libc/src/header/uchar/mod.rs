//! `<uchar.h>`: C11 char16_t/char32_t conversions in the calling thread's
//! locale. char32_t is UTF-32 like wchar_t; char16_t is UTF-16, so characters
//! above U+FFFF take two calls: mbrtoc16 hands out the high surrogate and keeps
//! the low one in the `mbstate_t` (returning (size_t)-3 for it next time);
//! c16rtomb keeps a high surrogate until its low half arrives.
use core::ffi::c_char;

use crate::header::wchar::mbconv::{mbrtowc, wcrtomb, MbState, Wchar, EILSEQ, ERR, INCOMPLETE};
use crate::thread::area::set_errno;

/// `MbState::n` marker: `bytes[0..2]` hold a pending UTF-16 unit (little-endian).
const PENDING_UNIT: u8 = 0x80;
/// (size_t)-3: a unit from an earlier character, no input consumed.
const FROM_STATE: usize = usize::MAX - 2;

static mut MBRTOC16_ST: MbState = MbState { n: 0, bytes: [0; 7] };
static mut C16RTOMB_ST: MbState = MbState { n: 0, bytes: [0; 7] };
static mut MBRTOC32_ST: MbState = MbState { n: 0, bytes: [0; 7] };
static mut C32RTOMB_ST: MbState = MbState { n: 0, bytes: [0; 7] };

fn own(ps: *mut MbState, st: *mut MbState) -> *mut MbState {
    if ps.is_null() { st } else { ps }
}

fn pending(st: &MbState) -> Option<u16> {
    (st.n == PENDING_UNIT).then(|| u16::from_le_bytes([st.bytes[0], st.bytes[1]]))
}

fn keep(st: &mut MbState, unit: u16) {
    *st = MbState::default();
    st.n = PENDING_UNIT;
    st.bytes[..2].copy_from_slice(&unit.to_le_bytes());
}

/// C11 `mbrtoc16`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbrtoc16(pc: *mut u16, s: *const c_char, n: usize, ps: *mut MbState) -> usize {
    let ps = own(ps, &raw mut MBRTOC16_ST);
    // SAFETY: ps is the caller's mbstate_t or our static one.
    let st = unsafe { &mut *ps };
    if s.is_null() {
        // As mbrtoc16(NULL, "", 1, ps): back to the initial state.
        *st = MbState::default();
        return 0;
    }
    if let Some(low) = pending(st) {
        *st = MbState::default();
        if !pc.is_null() {
            // SAFETY: pc writable.
            unsafe { *pc = low };
        }
        return FROM_STATE;
    }
    let mut w: Wchar = 0;
    // SAFETY: forwarded; st holds no pending unit, so it is mbrtowc's state.
    let r = unsafe { mbrtowc(&mut w, s, n, ps) };
    if r >= INCOMPLETE {
        return r;
    }
    let c = w as u32;
    let unit = if c > 0xffff {
        let v = c - 0x10000;
        keep(st, 0xdc00 | (v & 0x3ff) as u16);
        0xd800 | (v >> 10) as u16
    } else {
        c as u16
    };
    if !pc.is_null() {
        // SAFETY: pc writable.
        unsafe { *pc = unit };
    }
    r
}

/// C11 `c16rtomb`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn c16rtomb(s: *mut c_char, c: u16, ps: *mut MbState) -> usize {
    let ps = own(ps, &raw mut C16RTOMB_ST);
    // SAFETY: ps is the caller's mbstate_t or our static one.
    let st = unsafe { &mut *ps };
    if s.is_null() {
        // As c16rtomb(buf, 0, ps): one byte, back to the initial state.
        *st = MbState::default();
        return 1;
    }
    let high = pending(st);
    *st = MbState::default();
    let full = match (high, c) {
        (None, 0xd800..=0xdbff) => {
            keep(st, c);
            return 0;
        }
        (Some(h), 0xdc00..=0xdfff) => 0x10000 + (((h as u32) & 0x3ff) << 10) + ((c as u32) & 0x3ff),
        (None, 0xdc00..=0xdfff) | (Some(_), _) => {
            set_errno(EILSEQ);
            return ERR;
        }
        (None, _) => c as u32,
    };
    // SAFETY: s has MB_CUR_MAX bytes (caller contract).
    unsafe { wcrtomb(s, full as Wchar, ps) }
}

/// C11 `mbrtoc32` (char32_t is UTF-32 as wchar_t is).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbrtoc32(pc: *mut u32, s: *const c_char, n: usize, ps: *mut MbState) -> usize {
    // SAFETY: forwarded; char32_t and wchar_t have the same size.
    unsafe { mbrtowc(pc as *mut Wchar, s, n, own(ps, &raw mut MBRTOC32_ST)) }
}

/// C11 `c32rtomb`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn c32rtomb(s: *mut c_char, c: u32, ps: *mut MbState) -> usize {
    // SAFETY: forwarded.
    unsafe { wcrtomb(s, c as Wchar, own(ps, &raw mut C32RTOMB_ST)) }
}
