//! Starting programs: validate and map an ELF executable (and its PT_INTERP
//! interpreter), build the initial stack, create the process.
//!
//! Pipeline: resolve path → `elf::parse` (header, program headers, every
//! offset bounds-checked) → `elf::load` into a fresh address space (PIE at
//! `PIE_BASE`, interpreter at `INTERP_BASE`, never W+X) → `stack::build`
//! (argv, envp, auxv) → `proc::spawn_user`. Any error drops the half-built
//! address space and returns an errno; nothing here panics on file contents.
pub mod elf;
pub mod stack;

use crate::errno::*;
use crate::fs::initramfs::{self, S_IFMT, S_IFREG};
use crate::mm::vm::{AddressSpace, PROT_READ, PROT_WRITE, STACK_SIZE, STACK_TOP};
use crate::mm::{page_up, PAGE};
use alloc::string::String;
use alloc::vec::Vec;

pub const PIE_BASE: u64 = 0x5555_5555_4000;
pub const INTERP_BASE: u64 = 0x7fff_f7a0_0000;

fn node(cwd: &str, path: &[u8]) -> Result<&'static initramfs::Node, Errno> {
    let n = initramfs::node(initramfs::resolve(cwd, path, true)?);
    if n.mode & S_IFMT != S_IFREG {
        return Err(EACCES);
    }
    Ok(n)
}

pub struct Started {
    pub aspace: AddressSpace,
    pub entry: u64,
    pub sp: u64,
    /// The executable's absolute path, symlinks resolved.
    pub exe: String,
}

/// Loads `path` (relative to `cwd`) with `argv`/`envp` into a new address space.
/// A `#!interpreter [arg]` script runs its interpreter with
/// `interpreter [arg] path argv[1..]` (at most 4 levels, as Linux).
pub fn load_program(cwd: &str, path: &[u8], argv: &[Vec<u8>], envp: &[Vec<u8>]) -> Result<Started, Errno> {
    load_level(cwd, path, path, argv, envp, 0)
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

fn load_level(cwd: &str, path: &[u8], execfn: &[u8], argv: &[Vec<u8>], envp: &[Vec<u8>], depth: u32) -> Result<Started, Errno> {
    let exe_node = node(cwd, path)?;
    let exe = exe_node.data;
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
        return load_level(cwd, &interp, execfn, &args, envp, depth + 1);
    }
    let img = elf::parse(exe)?;
    let mut asp = AddressSpace::new().ok_or(ENOMEM)?;
    let bias = if img.is_dyn { PIE_BASE.wrapping_sub(img.first_vaddr()) } else { 0 };
    let end = elf::load(&mut asp, exe, &img, bias, &alloc::rc::Rc::new(alloc::format!("/{}", exe_node.path)))?;
    asp.brk_base = page_up(end).ok_or(ENOEXEC)? + PAGE;
    asp.brk = asp.brk_base;
    let exe_entry = img.entry.wrapping_add(bias);
    let (entry, base) = match img.interp {
        Some((off, len)) => {
            let ipath = &exe[off..off + len];
            let inode = node("", ipath)?;
            let interp = inode.data;
            let iimg = elf::parse(interp)?;
            if !iimg.is_dyn || iimg.interp.is_some() {
                return Err(ENOEXEC);
            }
            let ibias = INTERP_BASE.wrapping_sub(iimg.first_vaddr());
            elf::load(&mut asp, interp, &iimg, ibias, &alloc::rc::Rc::new(alloc::format!("/{}", inode.path)))?;
            (iimg.entry.wrapping_add(ibias), ibias)
        }
        None => (exe_entry, 0),
    };
    asp.add_vma(STACK_TOP - STACK_SIZE, STACK_TOP, PROT_READ | PROT_WRITE);
    let info = stack::Info { phdr: img.phdr_vaddr.map_or(0, |v| v.wrapping_add(bias)), phnum: img.phnum, base, entry: exe_entry, execfn };
    let sp = stack::build(&mut asp, argv, envp, &info)?;
    Ok(Started { aspace: asp, entry, sp, exe: alloc::format!("/{}", exe_node.path) })
}
