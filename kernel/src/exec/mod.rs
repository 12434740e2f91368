//! Starting programs: validate and map an ELF executable (and its PT_INTERP
//! interpreter), build the initial stack, create the process.
//!
//! Pipeline: resolve path in the file tree (initramfs + tmpfs) → `elf::parse` (header, program headers, every
//! offset bounds-checked) → `elf::load` into a fresh address space (PIE at
//! `PIE_BASE`, interpreter at `INTERP_BASE`, never W+X) → `stack::build`
//! (argv, envp, auxv) → `proc::spawn_user`. Any error drops the half-built
//! address space and returns an errno; nothing here panics on file contents.
pub mod elf;
pub mod stack;

use crate::errno::*;
use crate::abi::{S_IFMT, S_IFREG};
use crate::fs::tree::{self, Body, Inode};
use crate::proc::cred::Cred;
use crate::mm::vm::{AddressSpace, PROT_READ, PROT_WRITE, STACK_SIZE, STACK_TOP};
use crate::mm::{page_up, PAGE};
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

pub const PIE_BASE: u64 = 0x5555_5555_4000;
pub const INTERP_BASE: u64 = 0x7fff_f7a0_0000;

/// The bytes of the regular file `path` names in the file tree (relative to
/// the directory `start`), and its absolute path. The initramfs bytes when the
/// file was never changed; a copy of the tmpfs pages otherwise (a file written
/// at run time, e.g. a program a test just built or a script it made).
/// EACCES for anything but a regular file with an execute bit, as Linux.
/// Also the file's (mode, uid, gid), for set-user-ID / set-group-ID.
fn read_exe(start: &Rc<Inode>, path: &[u8]) -> Result<(Bytes, String, (u32, u32, u32)), Errno> {
    let n = tree::resolve(start, path, true)?;
    let Body::File(data) = &n.body else { return Err(EACCES) };
    if n.mode.get() & S_IFMT != S_IFREG || n.mode.get() & 0o111 == 0 {
        return Err(EACCES);
    }
    let d = data.borrow();
    let bytes = match d.pristine() {
        Some(b) => Bytes::Init(b),
        None => {
            let size = usize::try_from(d.size()).map_err(|_| ENOEXEC)?;
            let mut v = Vec::new();
            v.try_reserve_exact(size).map_err(|_| ENOMEM)?;
            v.resize(size, 0);
            d.read(0, &mut v);
            Bytes::Copy(v)
        }
    };
    Ok((bytes, alloc::format!("/{}", tree::path_of_file(&n)), (n.mode.get(), n.uid.get(), n.gid.get())))
}

/// A program file's content: borrowed from the initrd or copied from tmpfs pages.
enum Bytes {
    Init(&'static [u8]),
    Copy(Vec<u8>),
}

impl core::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Init(b) => b,
            Bytes::Copy(v) => v,
        }
    }
}

pub struct Started {
    pub aspace: AddressSpace,
    pub entry: u64,
    pub sp: u64,
    /// The executable's absolute path, symlinks resolved.
    pub exe: String,
    /// The credentials the new image runs with (set-ID bits of the ELF file applied).
    pub cred: Cred,
}

/// Loads `path` (relative to `cwd`) with `argv`/`envp` into a new address space.
/// A `#!interpreter [arg]` script runs its interpreter with
/// `interpreter [arg] path argv[1..]` (at most 4 levels, as Linux). `cred` are the
/// caller's credentials; the set-ID bits of a script are ignored (as Linux), those of
/// the ELF file that runs count.
pub fn load_program(cwd: &str, path: &[u8], argv: &[Vec<u8>], envp: &[Vec<u8>], cred: Cred) -> Result<Started, Errno> {
    load_level(cwd, path, path, argv, envp, 0, cred)
}

/// The interpreter and optional argument of a `#!` line (first 256 bytes, as Linux).
fn shebang(data: &[u8]) -> Option<Result<(Vec<u8>, Option<Vec<u8>>), Errno>> {
    let rest = data.strip_prefix(b"#!")?;
    let line = &rest[..rest.len().min(254)];
    let Some(end) = line.iter().position(|&c| c == b'\n') else { return Some(Err(ENOEXEC)) };
    let line = &line[..end];
    let blank = |c: &u8| *c == b' ' || *c == b'\t';
    let start = line.iter().position(|c| !blank(c)).unwrap_or(line.len());
    let line = &line[start..];
    let iend = line.iter().position(blank).unwrap_or(line.len());
    if iend == 0 {
        return Some(Err(ENOEXEC));
    }
    let arg = line[iend..].trim_ascii();
    Some(Ok((line[..iend].to_vec(), (!arg.is_empty()).then(|| arg.to_vec()))))
}

fn load_level(cwd: &str, path: &[u8], execfn: &[u8], argv: &[Vec<u8>], envp: &[Vec<u8>], depth: u32, cred: Cred) -> Result<Started, Errno> {
    let (exe, exe_path, (mode, uid, gid)) = read_exe(&tree::cwd_inode(cwd)?, path)?;
    let exe = &exe[..];
    if let Some(sb) = shebang(exe) {
        let (interp, arg) = sb?;
        if depth >= 4 {
            return Err(ELOOP);
        }
        let mut args: Vec<Vec<u8>> = Vec::with_capacity(argv.len() + 2);
        args.push(interp.clone());
        args.extend(arg);
        args.push(path.to_vec());
        args.extend(argv.iter().skip(1).cloned());
        return load_level(cwd, &interp, execfn, &args, envp, depth + 1, cred);
    }
    let img = elf::parse(exe)?;
    let mut asp = AddressSpace::new().ok_or(ENOMEM)?;
    let bias = if img.is_dyn { PIE_BASE.wrapping_sub(img.first_vaddr()) } else { 0 };
    let end = elf::load(&mut asp, exe, &img, bias, &Rc::new(exe_path.clone()))?;
    asp.brk_base = page_up(end).ok_or(ENOEXEC)? + PAGE;
    asp.brk = asp.brk_base;
    let exe_entry = img.entry.wrapping_add(bias);
    let (entry, base) = match img.interp {
        Some((off, len)) => {
            let ipath = &exe[off..off + len];
            let (interp, interp_path, _) = read_exe(&tree::root(), ipath)?;
            let interp = &interp[..];
            let iimg = elf::parse(interp)?;
            if !iimg.is_dyn || iimg.interp.is_some() {
                return Err(ENOEXEC);
            }
            let ibias = INTERP_BASE.wrapping_sub(iimg.first_vaddr());
            elf::load(&mut asp, interp, &iimg, ibias, &Rc::new(interp_path))?;
            (iimg.entry.wrapping_add(ibias), ibias)
        }
        None => (exe_entry, 0),
    };
    asp.add_vma(STACK_TOP - STACK_SIZE, STACK_TOP, PROT_READ | PROT_WRITE);
    let cred = cred.after_exec(mode, uid, gid);
    let info = stack::Info { phdr: img.phdr_vaddr.map_or(0, |v| v.wrapping_add(bias)), phnum: img.phnum, base, entry: exe_entry, execfn, cred };
    let sp = stack::build(&mut asp, argv, envp, &info)?;
    Ok(Started { aspace: asp, entry, sp, exe: exe_path, cred })
}
