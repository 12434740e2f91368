//! Pipes: a bounded byte buffer shared by a read end and a write end, each an
//! `End` object behind its own open file (so O_NONBLOCK is per end, shared by
//! dup'd descriptors). Readers block while the buffer is empty and a writer
//! exists (EOF once none does); writers block while it is full. A write of at
//! most PIPE_BUF bytes is atomic. Writing with no reader left gives SIGPIPE
//! and EPIPE. Every state change notifies the pipe's wait key.
//!
//! A FIFO (mknod S_IFIFO) is an inode whose opens reach one pipe object
//! while any end is open (`Fifo::open`, with Linux's waits for the other
//! side); tee and vmsplice work on the buffer directly (`tee`, `End::vmsplice`).
use crate::abi::S_IFIFO;
use super::special::{block_until, new_key, notify, Special, POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM};
use crate::errno::*;
use crate::mm::uaccess;
use crate::mm::vm::Access;
use alloc::collections::VecDeque;
use alloc::rc::Rc;
use core::any::Any;
use alloc::rc::Weak;
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
    /// How many times a read / write end was opened (a FIFO opener waits for the other count to move).
    opens: Cell<[u64; 2]>,
    key: u64,
}

pub struct End {
    pipe: Rc<Pipe>,
    read: bool,
    write: bool,
    nonblock: Cell<bool>,
}

impl Pipe {
    fn empty() -> Rc<Pipe> {
        Rc::new(Pipe { buf: RefCell::new(VecDeque::new()), readers: Cell::new(0), writers: Cell::new(0), opens: Cell::new([0; 2]), key: new_key() })
    }
}

impl End {
    /// A new end of `pipe` (counted as a reader and/or writer).
    fn attach(pipe: &Rc<Pipe>, read: bool, write: bool, nonblock: bool) -> Rc<End> {
        let mut o = pipe.opens.get();
        if read {
            pipe.readers.set(pipe.readers.get() + 1);
            o[0] += 1;
        }
        if write {
            pipe.writers.set(pipe.writers.get() + 1);
            o[1] += 1;
        }
        pipe.opens.set(o);
        notify(pipe.key);
        Rc::new(End { pipe: pipe.clone(), read, write, nonblock: Cell::new(nonblock) })
    }
}

impl End {
    /// Whether this end writes (an O_RDWR FIFO end also reads).
    pub fn writes(&self) -> bool {
        self.write
    }
}

/// A new pipe: (read end, write end).
pub fn new(nonblock: bool) -> (Rc<End>, Rc<End>) {
    let pipe = Pipe::empty();
    (End::attach(&pipe, true, false, nonblock), End::attach(&pipe, false, true, nonblock))
}

/// The pipe object of a FIFO inode, alive while some end of it is open
/// (Linux drops the buffer with the last close, so the next opener starts empty).
#[derive(Default)]
pub struct Fifo(RefCell<Weak<Pipe>>);

impl Fifo {
    /// open(2) of the FIFO: O_RDONLY waits for a writer, O_WRONLY for a reader
    /// (with O_NONBLOCK: a reader does not wait, a writer without a reader is ENXIO),
    /// O_RDWR never waits. A signal ends the wait (the open restarts or fails EINTR).
    pub fn open(&self, read: bool, write: bool, nonblock: bool) -> Result<Rc<End>, Errno> {
        let pipe = self.0.borrow().upgrade().unwrap_or_else(|| {
            let p = Pipe::empty();
            *self.0.borrow_mut() = Rc::downgrade(&p);
            p
        });
        if write && !read && nonblock && pipe.readers.get() == 0 {
            return Err(ENXIO);
        }
        let before = pipe.opens.get();
        let end = End::attach(&pipe, read, write, nonblock);
        if read && write || nonblock {
            return Ok(end);
        }
        // Wait until the other side exists or has been opened since we came.
        let (other, idx) = if read { (&pipe.writers, 1) } else { (&pipe.readers, 0) };
        block_until(pipe.key, false, None, crate::signal::ERESTARTSYS, || (other.get() > 0 || pipe.opens.get()[idx] != before[idx]).then_some(Ok(())))?;
        Ok(end)
    }
}

/// tee(2): copies up to `len` bytes from the front of `src`'s pipe into
/// `dst`'s without consuming them. Waits (unless `nonblock`) for data in
/// `src` and room in `dst`; 0 when `src` is empty with no writer left.
pub fn tee(src: &End, dst: &End, len: usize, nonblock: bool) -> Result<usize, Errno> {
    if !src.read || !dst.write {
        return Err(EBADF);
    }
    if Rc::ptr_eq(&src.pipe, &dst.pipe) {
        return Err(EINVAL);
    }
    let (a, b) = (&src.pipe, &dst.pipe);
    if len == 0 {
        return Ok(0);
    }
    // Two pipes' state matters (data in one, room in the other): wake on any notification.
    let n = block_until(super::special::ANY, nonblock, None, crate::signal::ERESTARTSYS, || {
        let avail = a.buf.borrow().len();
        if avail == 0 {
            return (a.writers.get() == 0).then_some(Ok(0));
        }
        if b.readers.get() == 0 {
            return Some(Err(EPIPE));
        }
        let k = avail.min(len).min(b.room());
        if k == 0 {
            return None; // `dst` is full until its reader drains it
        }
        let bytes: alloc::vec::Vec<u8> = a.buf.borrow().iter().take(k).copied().collect();
        b.buf.borrow_mut().extend(bytes);
        Some(Ok(k))
    });
    match n {
        Ok(k) => {
            if k > 0 {
                notify(b.key);
            }
            Ok(k)
        }
        Err(EPIPE) => {
            crate::signal::send_sigpipe();
            Err(EPIPE)
        }
        Err(e) => Err(e),
    }
}

impl Pipe {
    fn room(&self) -> usize {
        CAPACITY - self.buf.borrow().len()
    }
}

impl Special for End {
    fn read(&self, buf: u64, len: usize, nonblock: bool) -> Result<usize, Errno> {
        if !self.read {
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
        let mut r = 0;
        if self.write {
            r |= if p.room() >= PIPE_BUF { POLLOUT | POLLWRNORM } else { 0 };
            if p.readers.get() == 0 {
                r |= POLLERR;
            }
        }
        if self.read {
            r |= if p.buf.borrow().is_empty() { 0 } else { POLLIN | POLLRDNORM };
            if p.writers.get() == 0 {
                r |= POLLHUP;
            }
        }
        r
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
        let n = if self.read { self.pipe.buf.borrow().len() as i32 } else { 0 };
        uaccess::write(arg, &n)?;
        Ok(0)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Drop for End {
    fn drop(&mut self) {
        if self.read {
            self.pipe.readers.set(self.pipe.readers.get() - 1);
        }
        if self.write {
            self.pipe.writers.set(self.pipe.writers.get() - 1);
        }
        notify(self.pipe.key);
    }
}
