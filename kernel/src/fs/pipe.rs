//! Pipes: a bounded byte buffer shared by a read end and a write end, each an
//! `End` object behind its own open file (so O_NONBLOCK is per end, shared by
//! dup'd descriptors). Readers block while the buffer is empty and a writer
//! exists (EOF once none does); writers block while it is full. A write of at
//! most PIPE_BUF bytes is atomic. Writing with no reader left gives SIGPIPE
//! and EPIPE. Every state change notifies the pipe's wait key.
use crate::abi::S_IFIFO;
use super::special::{block_until, new_key, notify, Special, POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM};
use crate::errno::*;
use crate::mm::uaccess;
use crate::mm::vm::Access;
use alloc::collections::VecDeque;
use alloc::rc::Rc;
use core::any::Any;
use core::cell::{Cell, RefCell};

/// POSIX: writes of at most this many bytes are not interleaved with others.
pub const PIPE_BUF: usize = 4096;
/// Buffer size (Linux's default pipe capacity).
pub const CAPACITY: usize = 65536;
const FIONREAD: u64 = 0x541b;

pub struct Pipe {
    buf: RefCell<VecDeque<u8>>,
    readers: Cell<usize>,
    writers: Cell<usize>,
    key: u64,
}

pub struct End {
    pipe: Rc<Pipe>,
    write: bool,
    nonblock: Cell<bool>,
}

/// A new pipe: (read end, write end).
pub fn new(nonblock: bool) -> (Rc<End>, Rc<End>) {
    let pipe = Rc::new(Pipe { buf: RefCell::new(VecDeque::new()), readers: Cell::new(1), writers: Cell::new(1), key: new_key() });
    let r = Rc::new(End { pipe: pipe.clone(), write: false, nonblock: Cell::new(nonblock) });
    let w = Rc::new(End { pipe, write: true, nonblock: Cell::new(nonblock) });
    (r, w)
}

impl Pipe {
    fn room(&self) -> usize {
        CAPACITY - self.buf.borrow().len()
    }
}

impl Special for End {
    fn read(&self, buf: u64, len: usize, nonblock: bool) -> Result<usize, Errno> {
        if self.write {
            return Err(EBADF);
        }
        let p = &self.pipe;
        let n = block_until(p.key, nonblock, None, crate::signal::ERESTARTSYS, || {
            let avail = p.buf.borrow().len();
            if avail == 0 && len > 0 {
                // EOF only once no writer is left; otherwise wait.
                return (p.writers.get() == 0).then_some(Ok(0));
            }
            let k = avail.min(len);
            // Validate the destination before taking bytes out of the buffer.
            let dst = match uaccess::slice(buf, k, Access::Write) {
                Ok(d) => d,
                Err(e) => return Some(Err(e)),
            };
            for (d, s) in dst.iter_mut().zip(p.buf.borrow_mut().drain(..k)) {
                *d = s;
            }
            Some(Ok(k))
        })?;
        if n > 0 {
            notify(p.key);
        }
        Ok(n)
    }

    fn write(&self, buf: u64, len: usize, nonblock: bool) -> Result<usize, Errno> {
        if !self.write {
            return Err(EBADF);
        }
        let p = &self.pipe;
        let mut done = 0;
        loop {
            let r = block_until(p.key, nonblock, None, crate::signal::ERESTARTSYS, || {
                if p.readers.get() == 0 {
                    return Some(Err(EPIPE));
                }
                let left = len - done;
                let room = p.room();
                // Small writes go in whole or wait; large ones take what fits.
                if room == 0 || (left <= PIPE_BUF && room < left) {
                    return None;
                }
                let k = left.min(room);
                let src = match uaccess::slice(buf + done as u64, k, Access::Read) {
                    Ok(s) => s,
                    Err(e) => return Some(Err(e)),
                };
                p.buf.borrow_mut().extend(src.iter().copied());
                Some(Ok(k))
            });
            match r {
                Ok(k) => {
                    notify(p.key);
                    done += k;
                    if done == len {
                        return Ok(done);
                    }
                }
                Err(EPIPE) => {
                    crate::signal::send_sigpipe();
                    return if done > 0 { Ok(done) } else { Err(EPIPE) };
                }
                // Interrupted or would block after some bytes: report those.
                Err(_) if done > 0 => return Ok(done),
                Err(e) => return Err(e),
            }
        }
    }

    fn poll(&self) -> u16 {
        let p = &self.pipe;
        if self.write {
            let mut r = if p.room() >= PIPE_BUF { POLLOUT | POLLWRNORM } else { 0 };
            if p.readers.get() == 0 {
                r |= POLLERR;
            }
            r
        } else {
            let mut r = if p.buf.borrow().is_empty() { 0 } else { POLLIN | POLLRDNORM };
            if p.writers.get() == 0 {
                r |= POLLHUP;
            }
            r
        }
    }

    fn mode(&self) -> u32 {
        S_IFIFO | 0o600
    }

    fn nonblocking(&self) -> Option<bool> {
        Some(self.nonblock.get())
    }

    fn set_nonblocking(&self, on: bool) {
        self.nonblock.set(on);
    }

    fn ioctl(&self, req: u64, arg: u64) -> Result<i64, Errno> {
        if req != FIONREAD {
            return Err(ENOTTY);
        }
        let n = if self.write { 0 } else { self.pipe.buf.borrow().len() as i32 };
        uaccess::write(arg, &n)?;
        Ok(0)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Drop for End {
    fn drop(&mut self) {
        let c = if self.write { &self.pipe.writers } else { &self.pipe.readers };
        c.set(c.get() - 1);
        notify(self.pipe.key);
    }
}
