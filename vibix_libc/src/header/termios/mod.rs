//! `<termios.h>`: terminal attributes, speeds, line control. The C
//! `struct termios` (glibc's, 60 bytes: 32 control characters and two speed
//! words) is converted to the kernel's (19 control characters) around the
//! TCGETS/TCSETS* ioctls; speeds live in `c_cflag` as B-constants, as on Linux.
use core::ffi::{c_int, c_ulong, c_void};
use rustix::io::Errno;
use static_assertions::const_assert_eq;

use crate::header::sys::misc::ioctl;
use crate::thread::area::fail;

const NCCS: usize = 32;
const KERNEL_NCCS: usize = 19;
const TCGETS: c_ulong = 0x5401;
const TCSETS: c_ulong = 0x5402;
const TCSBRK: c_ulong = 0x5409;
const TCXONC: c_ulong = 0x540A;
const TCFLSH: c_ulong = 0x540B;
const TIOCGPGRP: c_ulong = 0x540F;
const TIOCSPGRP: c_ulong = 0x5410;
const TIOCGWINSZ: c_ulong = 0x5413;
const TIOCSWINSZ: c_ulong = 0x5414;
const TIOCGSID: c_ulong = 0x5429;
const CBAUD: u32 = 0o010017;
const CBAUDEX: u32 = 0o010000;
/// glibc's private `c_iflag` bit for "input speed 0" (= the output speed);
/// never passed to the kernel.
const IBAUD0: u32 = 0o20000000000;

/// glibc's `struct termios`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Termios {
    pub c_iflag: u32,
    pub c_oflag: u32,
    pub c_cflag: u32,
    pub c_lflag: u32,
    pub c_line: u8,
    pub c_cc: [u8; NCCS],
    pub c_ispeed: u32,
    pub c_ospeed: u32,
}
const_assert_eq!(core::mem::size_of::<Termios>(), 60);
const_assert_eq!(core::mem::offset_of!(Termios, c_ispeed), 52);

/// The kernel's `struct termios` (TCGETS/TCSETS).
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct KernelTermios {
    iflag: u32,
    oflag: u32,
    cflag: u32,
    lflag: u32,
    line: u8,
    cc: [u8; KERNEL_NCCS],
}
const_assert_eq!(core::mem::size_of::<KernelTermios>(), 36);

/// POSIX `tcgetattr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tcgetattr(fd: c_int, t: *mut Termios) -> c_int {
    let mut k = KernelTermios::default();
    // SAFETY: TCGETS fills a kernel termios, which k is.
    if unsafe { ioctl(fd, TCGETS, (&mut k as *mut KernelTermios).cast()) } < 0 {
        return -1;
    }
    let mut cc = [0u8; NCCS];
    cc[..KERNEL_NCCS].copy_from_slice(&k.cc);
    let speed = k.cflag & (CBAUD | CBAUDEX);
    let out = Termios { c_iflag: k.iflag, c_oflag: k.oflag, c_cflag: k.cflag, c_lflag: k.lflag, c_line: k.line, c_cc: cc, c_ispeed: speed, c_ospeed: speed };
    // SAFETY: t points at a struct termios (C contract).
    unsafe { t.write(out) };
    0
}

/// POSIX `tcsetattr` (TCSANOW, TCSADRAIN, TCSAFLUSH).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tcsetattr(fd: c_int, act: c_int, t: *const Termios) -> c_int {
    if !(0..=2).contains(&act) {
        return fail(Errno::INVAL, -1);
    }
    // SAFETY: t points at a struct termios.
    let t = unsafe { &*t };
    let mut k = KernelTermios { iflag: t.c_iflag & !IBAUD0, oflag: t.c_oflag, cflag: t.c_cflag, lflag: t.c_lflag, line: t.c_line, cc: [0; KERNEL_NCCS] };
    k.cc.copy_from_slice(&t.c_cc[..KERNEL_NCCS]);
    // SAFETY: TCSETS{,W,F} read a kernel termios, which k is.
    unsafe { ioctl(fd, TCSETS + act as c_ulong, (&mut k as *mut KernelTermios).cast()) }
}

fn valid_speed(s: u32) -> bool {
    s <= 0o17 || (0o010001..=0o010017).contains(&s)
}

/// POSIX `cfgetospeed`: the B-constant in `c_cflag`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cfgetospeed(t: *const Termios) -> u32 {
    // SAFETY: t points at a struct termios.
    unsafe { (*t).c_cflag & (CBAUD | CBAUDEX) }
}

/// POSIX `cfgetispeed`: Linux has one speed for both directions.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cfgetispeed(t: *const Termios) -> u32 {
    // SAFETY: as cfgetospeed.
    unsafe { if (*t).c_iflag & IBAUD0 != 0 { 0 } else { cfgetospeed(t) } }
}

/// POSIX `cfsetospeed` (EINVAL for a value that is not a B-constant).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cfsetospeed(t: *mut Termios, speed: u32) -> c_int {
    if !valid_speed(speed) {
        return fail(Errno::INVAL, -1);
    }
    // SAFETY: t points at a struct termios.
    let t = unsafe { &mut *t };
    t.c_cflag = (t.c_cflag & !(CBAUD | CBAUDEX)) | speed;
    t.c_ospeed = speed;
    0
}

/// POSIX `cfsetispeed`: 0 means "the output speed" (glibc's IBAUD0 mark);
/// otherwise Linux's single speed in `c_cflag`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cfsetispeed(t: *mut Termios, speed: u32) -> c_int {
    // SAFETY: t points at a struct termios.
    let tr = unsafe { &mut *t };
    if speed == 0 {
        tr.c_iflag |= IBAUD0;
        return 0;
    }
    if !valid_speed(speed) {
        return fail(Errno::INVAL, -1);
    }
    tr.c_iflag &= !IBAUD0;
    tr.c_cflag = (tr.c_cflag & !(CBAUD | CBAUDEX)) | speed;
    tr.c_ispeed = speed;
    0
}

/// BSD `cfsetspeed`: both directions.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cfsetspeed(t: *mut Termios, speed: u32) -> c_int {
    // SAFETY: as cfsetospeed.
    unsafe { if cfsetospeed(t, speed) < 0 { -1 } else { cfsetispeed(t, speed) } }
}

/// BSD `cfmakeraw`: no input/output processing, 8-bit characters, one byte per read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cfmakeraw(t: *mut Termios) {
    // SAFETY: t points at a struct termios.
    let t = unsafe { &mut *t };
    // IGNBRK BRKINT PARMRK ISTRIP INLCR IGNCR ICRNL IXON
    t.c_iflag &= !0o3753;
    t.c_oflag &= !0o1; // OPOST
    // ECHO ECHONL ICANON ISIG IEXTEN
    t.c_lflag &= !(0o10 | 0o100 | 0o2 | 0o1 | 0o100000);
    // CSIZE PARENB, then CS8
    t.c_cflag = (t.c_cflag & !(0o60 | 0o400)) | 0o60;
    t.c_cc[6] = 1; // VMIN
    t.c_cc[5] = 0; // VTIME
}

fn int_ioctl(fd: c_int, req: c_ulong, arg: usize) -> c_int {
    // SAFETY: requests taking an integer (not a pointer) argument.
    unsafe { ioctl(fd, req, arg as *mut c_void) }
}

/// POSIX `tcsendbreak`: a break of the default length.
#[unsafe(no_mangle)]
pub extern "C" fn tcsendbreak(fd: c_int, _duration: c_int) -> c_int {
    int_ioctl(fd, TCSBRK, 0)
}

/// POSIX `tcdrain`: waits until all output was transmitted.
#[unsafe(no_mangle)]
pub extern "C" fn tcdrain(fd: c_int) -> c_int {
    crate::thread::cancel::point(|| int_ioctl(fd, TCSBRK, 1))
}

/// POSIX `tcflush` (TCIFLUSH, TCOFLUSH, TCIOFLUSH).
#[unsafe(no_mangle)]
pub extern "C" fn tcflush(fd: c_int, queue: c_int) -> c_int {
    int_ioctl(fd, TCFLSH, queue as usize)
}

/// POSIX `tcflow` (TCOOFF, TCOON, TCIOFF, TCION).
#[unsafe(no_mangle)]
pub extern "C" fn tcflow(fd: c_int, action: c_int) -> c_int {
    int_ioctl(fd, TCXONC, action as usize)
}

fn get_pid(fd: c_int, req: c_ulong) -> c_int {
    let mut p: c_int = 0;
    // SAFETY: the request stores a pid_t at the pointer.
    if unsafe { ioctl(fd, req, (&mut p as *mut c_int).cast()) } < 0 {
        return -1;
    }
    p
}

/// POSIX `tcgetpgrp`.
#[unsafe(no_mangle)]
pub extern "C" fn tcgetpgrp(fd: c_int) -> c_int {
    get_pid(fd, TIOCGPGRP)
}

/// POSIX `tcsetpgrp`.
#[unsafe(no_mangle)]
pub extern "C" fn tcsetpgrp(fd: c_int, pgrp: c_int) -> c_int {
    let mut p = pgrp;
    // SAFETY: TIOCSPGRP reads a pid_t.
    unsafe { ioctl(fd, TIOCSPGRP, (&mut p as *mut c_int).cast()) }
}

/// POSIX `tcgetsid`.
#[unsafe(no_mangle)]
pub extern "C" fn tcgetsid(fd: c_int) -> c_int {
    get_pid(fd, TIOCGSID)
}

/// POSIX 2024 `tcgetwinsize`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tcgetwinsize(fd: c_int, ws: *mut [u16; 4]) -> c_int {
    // SAFETY: ws points at a struct winsize.
    unsafe { ioctl(fd, TIOCGWINSZ, ws.cast()) }
}

/// POSIX 2024 `tcsetwinsize`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tcsetwinsize(fd: c_int, ws: *const [u16; 4]) -> c_int {
    // SAFETY: ws points at a struct winsize (TIOCSWINSZ only reads it).
    unsafe { ioctl(fd, TIOCSWINSZ, ws.cast_mut().cast()) }
}
