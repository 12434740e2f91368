//! The parts of `-a` that readelf prints besides the main views: section groups,
//! the (absent) x86_64 unwind decoding, and hash-bucket histograms.

use crate::dynobj::segment_dynamic;
use crate::elf::{table, words, Elf};
use crate::symtab::SymTab;
use std::fmt::Write;
use vibix_elf::*;

const GRP_COMDAT: u32 = 1;

pub fn groups(o: &mut String, elf: &Elf) {
    let mut any = false;
    for (i, s) in elf.shdrs().iter().enumerate() {
        if s.sh_type != SHT_GROUP {
            continue;
        }
        any = true;
        let w = table::<u32>(elf.section_data(s).unwrap_or(&[]));
        let sig = SymTab::from_section(elf, s.sh_link as usize)
            .and_then(|t| {
                let sym = t.syms.get(s.sh_info as usize)?;
                Some(if sym.kind() == STT_SECTION && sym.st_name == 0 {
                    elf.shdrs().get(sym.st_shndx as usize).map(|h| elf.section_label(h)).unwrap_or_default()
                } else {
                    t.name(sym)
                })
            })
            .unwrap_or_else(|| "<corrupt>".into());
        let comdat = if w.first().is_some_and(|f| f & GRP_COMDAT != 0) { "COMDAT " } else { "" };
        let n = w.len().saturating_sub(1);
        let _ = writeln!(o, "\n{comdat}group section [{i:5}] `{}' [{sig}] contains {n} sections:", elf.section_label(s));
        let _ = writeln!(o, "   [Index]    Name");
        for &m in w.iter().skip(1) {
            let name = elf.shdrs().get(m as usize).map(|h| elf.section_label(h)).unwrap_or_else(|| "<corrupt>".into());
            let _ = writeln!(o, "   [{m:5}]   {name}");
        }
    }
    if !any {
        let _ = writeln!(o, "\nThere are no section groups in this file.");
    }
}

pub fn unwind(o: &mut String) {
    let _ = writeln!(o, "No processor specific unwind information to decode");
}

/// Prints one histogram from per-bucket chain lengths.
fn histogram(o: &mut String, title: String, lengths: &[u64]) {
    let n = lengths.len() as f64;
    let max = lengths.iter().copied().max().unwrap_or(0) as usize;
    // Chain lengths are bounded by the table size, so this vector is too.
    let mut counts = vec![0u64; max + 1];
    for &l in lengths {
        counts[l as usize] += 1;
    }
    let nsyms: u64 = lengths.iter().sum();
    if nsyms == 0 {
        return; // readelf prints no histogram for an empty table
    }
    let _ = writeln!(o, "\n{title}");
    let _ = writeln!(o, " Length  Number     % of total  Coverage");
    let _ = writeln!(o, "      0  {:<10} ({:5.1}%)", counts[0], counts[0] as f64 * 100.0 / n);
    let mut covered = 0u64;
    for (j, &c) in counts.iter().enumerate().skip(1) {
        covered += c * j as u64;
        let _ = writeln!(o, "{j:7}  {c:<10} ({:5.1}%)    {:5.1}%", c as f64 * 100.0 / n, covered as f64 * 100.0 / nsyms.max(1) as f64);
    }
}

pub fn histograms(o: &mut String, elf: &Elf) {
    let dy = segment_dynamic(elf);
    let val = |t| dy.iter().find(|d| d.d_tag == t).map(|d| d.d_val);
    if let Some(t) = val(DT_HASH).and_then(|a| elf.bytes_at_vaddr(a)).map(words) {
        if let Some(h) = SysvHash::parse(&t) {
            let nb = h.nbucket();
            let mut lengths = Vec::new();
            // Chains may be cyclic or shared: cap the total walk at a multiple of the table.
            let mut budget = 4 * (h.nbucket() as u64 + h.nchain() as u64) + 16;
            for b in 0..nb {
                let mut i = h.bucket(b);
                let mut len = 0u64;
                while i != 0 && len <= h.nchain() as u64 && budget > 0 {
                    len += 1;
                    budget -= 1;
                    i = h.chain(i).unwrap_or(0);
                }
                lengths.push(len);
            }
            if budget == 0 {
                elf.warn("DT_HASH chains are corrupt (cyclic or shared); no histogram".into());
                return;
            }
            histogram(o, format!("Histogram for bucket list length (total of {nb} bucket{}):", if nb == 1 { "" } else { "s" }), &lengths);
        }
    }
    if let Some(t) = val(DT_GNU_HASH).and_then(|a| elf.bytes_at_vaddr(a)).map(words) {
        if let Some(h) = GnuHash::parse(&t) {
            let nb = h.nbuckets();
            // Distance from each chain entry to its end marker, in one backward pass,
            // so buckets sharing a hostile long chain stay linear.
            let so = h.symoffset();
            let mut chain = Vec::new();
            let mut i = so;
            while let Some(c) = h.chain(i) {
                chain.push(c);
                i = match i.checked_add(1) {
                    Some(n) => n,
                    None => break,
                };
            }
            let mut dist = vec![0u64; chain.len() + 1];
            for j in (0..chain.len()).rev() {
                dist[j] = 1 + if chain[j] & 1 != 0 { 0 } else { dist[j + 1] };
            }
            let lengths: Vec<u64> = (0..nb)
                .map(|b| {
                    let start = h.bucket(b);
                    if start == 0 || start < so {
                        0
                    } else {
                        dist.get((start - so) as usize).copied().unwrap_or(0)
                    }
                })
                .collect();
            let name = elf.shdrs().iter().find(|s| s.sh_type == SHT_GNU_HASH).map(|s| elf.section_label(s)).unwrap_or_else(|| ".gnu.hash".into());
            histogram(o, format!("Histogram for `{name}' bucket list length (total of {nb} bucket{}):", if nb == 1 { "" } else { "s" }), &lengths);
        }
    }
}
