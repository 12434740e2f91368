//! Pipe buffer calls: tee (copy between two pipes without consuming) and
//! vmsplice (user memory into a pipe's write end, or out of a read end),
//! both over fs/pipe.rs. Descriptors that are not pipes are EBADF for
//! vmsplice and EINVAL for tee, as Linux.
use super::SysResult;
use crate::abi::O_NONBLOCK;
use crate::errno::*;
use crate::fs::file::Kind;
use crate::fs::pipe::{self, End};
use crate::fs::special::Special;
use crate::proc;
use alloc::rc::Rc;

const SPLICE_F_NONBLOCK: u32 = 2;
/// SPLICE_F_MOVE | NONBLOCK | MORE | GIFT.
const SPLICE_F_ALL: u32 = 0xf;

/// The pipe end behind `fd` and whether its open file is O_NONBLOCK.
fn end(fd: i64, not_pipe: Errno) -> Result<(Rc<dyn Special>, bool), Errno> {
    let f = proc::current_proc().fds.get(fd)?.file.clone();
    match &f.kind {
        Kind::Special(s) if s.as_any().is::<End>() => Ok((s.clone(), f.status.get() & O_NONBLOCK != 0)),
        _ => Err(not_pipe),
    }
}

fn as_end(s: &Rc<dyn Special>) -> &End {
    s.as_any().downcast_ref::<End>().expect("checked by `end`")
}

pub fn tee(fd_in: i64, fd_out: i64, len: u64, flags: u32) -> SysResult {
    if flags & !SPLICE_F_ALL != 0 {
        return Err(EINVAL);
    }
    let (a, _) = end(fd_in, EINVAL)?;
    let (b, _) = end(fd_out, EINVAL)?;
    let len = len.min(isize::MAX as u64) as usize;
    Ok(pipe::tee(as_end(&a), as_end(&b), len, flags & SPLICE_F_NONBLOCK != 0)? as i64)
}

pub fn vmsplice(fd: i64, iov: u64, cnt: u64, flags: u32) -> SysResult {
    if flags & !SPLICE_F_ALL != 0 {
        return Err(EINVAL);
    }
    let (s, nb) = end(fd, EBADF)?;
    let iov = super::fs::iovecs(iov, cnt)?;
    let e = as_end(&s);
    let nonblock = nb || flags & SPLICE_F_NONBLOCK != 0;
    let mut done = 0usize;
    for (base, len) in iov {
        let r = if e.writes() { e.write(base, len as usize, nonblock) } else { e.read(base, len as usize, nonblock) };
        match r {
            Ok(n) => {
                done += n;
                if n < len as usize {
                    break;
                }
            }
            Err(err) if done == 0 => return Err(err),
            Err(_) => break,
        }
    }
    Ok(done as i64)
}
