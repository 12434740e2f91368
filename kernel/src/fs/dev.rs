//! Character devices of /dev: null (reads EOF, swallows writes), zero (reads
//! zeros), full (reads zeros, writes ENOSPC); random and urandom are the
//! getrandom generator (`rng::RandomDevice`).
use super::special::{Special, POLLIN, POLLOUT};
use super::tree::Dev;
use crate::errno::*;
use crate::mm::uaccess;
use crate::mm::vm::Access;
use alloc::rc::Rc;
use core::any::Any;

pub struct Device(pub Dev);

/// The object an open of device `d` gets.
pub fn open(d: Dev) -> Rc<dyn Special> {
    match d {
        Dev::Random => Rc::new(crate::rng::RandomDevice),
        d => Rc::new(Device(d)),
    }
}

impl Special for Device {
    fn read(&self, buf: u64, len: usize, _nonblock: bool) -> Result<usize, Errno> {
        if self.0 == Dev::Null {
            return Ok(0);
        }
        uaccess::slice(buf, len, Access::Write)?.fill(0);
        Ok(len)
    }

    fn write(&self, buf: u64, len: usize, _nonblock: bool) -> Result<usize, Errno> {
        uaccess::slice(buf, len, Access::Read)?;
        if self.0 == Dev::Full {
            return Err(ENOSPC);
        }
        Ok(len)
    }

    fn poll(&self) -> u16 {
        POLLIN | POLLOUT
    }

    fn mode(&self) -> u32 {
        0o020666
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
