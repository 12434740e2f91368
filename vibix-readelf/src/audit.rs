//! `--audit`: hardening checks on a linked object. Each check is PASS, FAIL or
//! INFO; any FAIL makes the exit status EXIT_AUDIT_FAILED.
//! The load plan (vibix-elf's program-header validator), W^X (segments and sections), RELRO present and covering the GOT,
//! .data.rel.ro, .init/.fini arrays and .dynamic; no TEXTREL (flag or a dynamic
//! relocation into a read-only segment); non-executable stack; BIND_NOW; TLS layout.

use crate::dynobj::{segment_dynamic, DynObj};
use crate::elf::{Elf, SHF_EXECINSTR, SHF_WRITE};
use crate::view::relocs::decode_relr;
use std::fmt::Write;
use vibix_elf::plan::{plan, Limits};
use vibix_elf::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    Pass,
    Fail,
    Info,
}

#[derive(Debug)]
pub struct Check {
    pub status: Status,
    pub name: &'static str,
    pub detail: String,
}

fn check(v: &mut Vec<Check>, ok: bool, name: &'static str, detail: String) {
    v.push(Check { status: if ok { Status::Pass } else { Status::Fail }, name, detail });
}

/// Sections that must be read-only after relocation when RELRO is in use.
const RELRO_SECTIONS: &[&str] = &[".got", ".data.rel.ro", ".init_array", ".fini_array", ".preinit_array", ".dynamic"];

pub fn audit(elf: &Elf, dynobj: Option<&DynObj>) -> Vec<Check> {
    let mut v = Vec::new();
    let phdrs = elf.phdrs();
    let loads: Vec<&Phdr> = phdrs.iter().filter(|p| p.p_type == PT_LOAD).collect();

    // W^X.
    let wx_segs: Vec<String> = phdrs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.p_type != PT_GNU_STACK && p.p_flags & PF_W != 0 && p.p_flags & PF_X != 0)
        .map(|(i, p)| format!("segment {i} ({})", crate::names::segment_type(p.p_type)))
        .collect();
    let wx_secs: Vec<String> = elf
        .shdrs()
        .iter()
        .filter(|s| s.sh_flags & SHF_WRITE != 0 && s.sh_flags & SHF_EXECINSTR != 0)
        .map(|s| format!("section {}", elf.section_name(s)))
        .collect();
    let wx: Vec<String> = wx_segs.into_iter().chain(wx_secs).collect();
    check(&mut v, wx.is_empty(), "W^X", if wx.is_empty() { "no segment or section is writable and executable".into() } else { format!("writable and executable: {}", wx.join(", ")) });

    // The load plan: the one program-header validator ld-vibix and the kernel use.
    let is_prog = elf.eh.e_type == ET_EXEC || phdrs.iter().any(|p| p.p_type == PT_INTERP);
    let lim = if is_prog { Limits::PROGRAM } else { Limits::LIBRARY };
    match plan(&elf.eh, phdrs, elf.data.len() as u64, &lim) {
        Ok(p) => check(&mut v, true, "load plan", format!("{} PT_LOAD segment(s), [{:#x}, {:#x}): loadable by ld-vibix and the kernel", p.nsegments, p.lo, p.hi)),
        Err(e) => check(&mut v, false, "load plan", format!("refused by ld-vibix and the kernel: {}", e.message())),
    }

    // Executable stack.
    match phdrs.iter().find(|p| p.p_type == PT_GNU_STACK) {
        Some(p) => check(&mut v, p.p_flags & PF_X == 0, "stack", if p.p_flags & PF_X == 0 { "PT_GNU_STACK is not executable".into() } else { "PT_GNU_STACK requests an executable stack".into() }),
        None => check(&mut v, false, "stack", "no PT_GNU_STACK: the stack defaults to executable".into()),
    }

    let dy = segment_dynamic(elf);
    let val = |t| dy.iter().find(|d| d.d_tag == t).map(|d| d.d_val);
    let has_dynamic = !dy.is_empty();

    // RELRO.
    let relro = phdrs.iter().find(|p| p.p_type == PT_GNU_RELRO);
    let bind_now = val(DT_BIND_NOW).is_some()
        || val(DT_FLAGS).is_some_and(|f| f & DF_BIND_NOW != 0)
        || val(DT_FLAGS_1).is_some_and(|f| f & DF_1_NOW != 0);
    match relro {
        None if has_dynamic => check(&mut v, false, "RELRO", "no PT_GNU_RELRO: GOT and .data.rel.ro stay writable".into()),
        None => v.push(Check { status: Status::Info, name: "RELRO", detail: "no PT_GNU_RELRO (static object without dynamic relocations)".into() }),
        Some(r) => {
            let (lo, hi) = (r.p_vaddr, r.p_vaddr.saturating_add(r.p_memsz));
            let mut names: Vec<&str> = RELRO_SECTIONS.to_vec();
            if bind_now {
                names.push(".got.plt");
            }
            let mut outside = Vec::new();
            let mut covered = Vec::new();
            for s in elf.shdrs() {
                let n = elf.section_name(s);
                if !names.contains(&n.as_str()) || s.sh_size == 0 || s.sh_flags & SHF_WRITE == 0 {
                    continue;
                }
                let end = s.sh_addr.saturating_add(s.sh_size);
                if s.sh_addr >= lo && end <= hi {
                    covered.push(n);
                } else {
                    outside.push(format!("{n} [{:#x}, {end:#x})", s.sh_addr));
                }
            }
            // Section-independent: GOT slots (GLOB_DAT, and JUMP_SLOT under BIND_NOW)
            // are what RELRO exists to protect; this also works on stripped objects.
            if let Some(d) = dynobj {
                let got: Vec<u64> = d
                    .relocs
                    .iter()
                    .filter(|r| r.kind() == R_X86_64_GLOB_DAT || (bind_now && r.kind() == R_X86_64_JUMP_SLOT))
                    .map(|r| r.r_offset)
                    .filter(|&a| a < lo || a.saturating_add(8) > hi)
                    .collect();
                if let Some(first) = got.first() {
                    outside.push(format!("{} GOT slot(s) (first at {first:#x})", got.len()));
                }
            }
            let detail = if outside.is_empty() {
                format!("[{lo:#x}, {hi:#x}) covers {}", if covered.is_empty() { "(no sections listed)".into() } else { covered.join(" ") })
            } else {
                format!("[{lo:#x}, {hi:#x}) does not cover {}", outside.join(", "))
            };
            check(&mut v, outside.is_empty(), "RELRO", detail);
        }
    }

    if has_dynamic {
        check(&mut v, bind_now, "BIND_NOW", if bind_now { "DF_BIND_NOW/DF_1_NOW set: no lazy binding".into() } else { "missing BIND_NOW: .got.plt stays writable for lazy binding".into() });
        // TEXTREL: the flag, or any dynamic relocation whose target is in a non-writable segment.
        let flag = val(DT_TEXTREL).is_some() || val(DT_FLAGS).is_some_and(|f| f & DF_TEXTREL != 0);
        let mut ro_targets = 0usize;
        let mut first = None;
        if let Some(d) = dynobj {
            let targets = d.relocs.iter().map(|r| r.r_offset).chain(decode_relr(&d.relr));
            for t in targets {
                let seg = loads.iter().find(|p| t >= p.p_vaddr && t - p.p_vaddr < p.p_memsz);
                if seg.is_some_and(|p| p.p_flags & PF_W == 0) {
                    ro_targets += 1;
                    first.get_or_insert(t);
                }
            }
        }
        let ok = !flag && ro_targets == 0;
        let detail = match (flag, first) {
            (false, None) => "no text relocations".into(),
            (true, None) => "DT_TEXTREL set".into(),
            (f, Some(a)) => format!("{}{ro_targets} dynamic relocation(s) patch read-only segments (first at {a:#x})", if f { "DT_TEXTREL set; " } else { "" }),
        };
        check(&mut v, ok, "TEXTREL", detail);
    }

    // TLS layout and the models the relocations imply.
    match phdrs.iter().find(|p| p.p_type == PT_TLS) {
        None => v.push(Check { status: Status::Info, name: "TLS", detail: "no PT_TLS segment".into() }),
        Some(t) => {
            let mut models = Vec::new();
            if let Some(d) = dynobj {
                let count = |k: u32| d.relocs.iter().filter(|r| r.kind() == k).count();
                let ie = count(R_X86_64_TPOFF64);
                let gd = count(R_X86_64_DTPMOD64);
                let desc = count(R_X86_64_TLSDESC);
                if ie > 0 {
                    models.push(format!("initial-exec ({ie} R_X86_64_TPOFF64)"));
                }
                if gd > 0 {
                    models.push(format!("dynamic ({gd} R_X86_64_DTPMOD64)"));
                }
                if desc > 0 {
                    models.push(format!("TLS descriptors ({desc} R_X86_64_TLSDESC)"));
                }
            }
            if val(DT_FLAGS).is_some_and(|f| f & DF_STATIC_TLS != 0) {
                models.push("DF_STATIC_TLS".into());
            }
            if models.is_empty() {
                models.push(if elf.eh.e_type == ET_EXEC || elf.is_pie() { "local-exec".into() } else { "no dynamic TLS relocations".into() });
            }
            let align_ok = t.p_align == 0 || t.p_align.is_power_of_two();
            let size_ok = t.p_filesz <= t.p_memsz;
            let detail = format!(
                "size {:#x} (init image {:#x}), align {:#x}; model: {}",
                t.p_memsz,
                t.p_filesz,
                t.p_align,
                models.join(", ")
            );
            if align_ok && size_ok {
                v.push(Check { status: Status::Info, name: "TLS", detail });
            } else {
                check(&mut v, false, "TLS", format!("{detail}; bad {}", if align_ok { "sizes" } else { "alignment" }));
            }
        }
    }
    v
}

pub fn show(o: &mut String, err: &mut String, name: &str, data: &[u8]) -> i32 {
    let elf = match Elf::parse(data) {
        Ok(e) => e,
        Err(e) => {
            let _ = writeln!(err, "vibix-readelf: Error: {name}: {e}");
            return crate::EXIT_ERROR;
        }
    };
    if elf.eh.e_type != ET_EXEC && elf.eh.e_type != ET_DYN {
        let _ = writeln!(err, "vibix-readelf: Error: {name}: --audit needs an executable or shared object");
        return crate::EXIT_ERROR;
    }
    let dynobj = DynObj::new(name.to_string(), data).ok();
    let checks = audit(&elf, dynobj.as_ref());
    let _ = writeln!(o, "\nAudit of '{name}':");
    let mut failed = 0;
    for c in &checks {
        let s = match c.status {
            Status::Pass => "PASS",
            Status::Fail => {
                failed += 1;
                "FAIL"
            }
            Status::Info => "INFO",
        };
        let _ = writeln!(o, "  {s}  {:<9} {}", c.name, c.detail);
    }
    let _ = writeln!(o, "Result: {}", if failed == 0 { "all checks passed".to_string() } else { format!("{failed} check(s) failed") });
    if failed > 0 {
        crate::EXIT_AUDIT_FAILED
    } else {
        0
    }
}
