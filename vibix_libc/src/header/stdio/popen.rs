//! popen/pclose: `/bin/sh -c command` with a pipe to or from the caller.
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use super::file::{File, F_READ, F_WRITE};
use crate::header::unistd::{close, dup2, execve, fork, pipe2, waitpid};

/// POSIX `popen` ("r" or "w", optionally with "e").
#[unsafe(no_mangle)]
pub unsafe extern "C" fn popen(cmd: *const c_char, mode: *const c_char) -> *mut File {
    // SAFETY: mode is a C string.
    let m = unsafe { *mode } as u8;
    let reading = match m {
        b'r' => true,
        b'w' => false,
        _ => {
            crate::thread::area::set_errno(22);
            return null_mut();
        }
    };
    let mut fds = [0 as c_int; 2];
    // SAFETY: fds has two ints.
    if unsafe { pipe2(fds.as_mut_ptr(), 0o2000000) } < 0 {
        return null_mut();
    }
    let (ours, theirs, target) = if reading { (fds[0], fds[1], 1) } else { (fds[1], fds[0], 0) };
    let pid = fork();
    if pid < 0 {
        close(fds[0]);
        close(fds[1]);
        return null_mut();
    }
    if pid == 0 {
        // Child: the pipe end becomes stdin or stdout (dup2 clears CLOEXEC).
        dup2(theirs, target);
        let argv = [c"sh".as_ptr(), c"-c".as_ptr(), cmd, core::ptr::null()];
        // SAFETY: a valid argv; on failure we only _exit.
        unsafe { execve(c"/bin/sh".as_ptr(), argv.as_ptr(), crate::start::env() as _) };
        crate::header::stdlib::exit::_exit(127);
    }
    close(theirs);
    let f = super::open::new_stream(ours, if reading { F_READ } else { F_WRITE });
    if f.is_null() {
        close(ours);
        return null_mut();
    }
    // SAFETY: f is ours.
    unsafe { (*f).pid = pid };
    f
}

/// POSIX `pclose`: closes the stream and waits for the command.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pclose(f: *mut File) -> c_int {
    // SAFETY: f came from popen.
    unsafe {
        let pid = (*f).pid;
        super::open::fclose(f);
        let mut st = 0;
        loop {
            if waitpid(pid, &mut st, 0) >= 0 {
                return st;
            }
            if crate::thread::area::errno() != 4 {
                return -1;
            }
        }
    }
}
