//! Reports which loader and C library are mapped into this very process.
use std::fs;

fn main() {
    let maps = fs::read_to_string("/proc/self/maps").unwrap();
    let mut files: Vec<&str> = maps.lines().filter_map(|l| l.split_whitespace().nth(5)).filter(|p| p.starts_with('/')).collect();
    files.sort();
    files.dedup();
    let glibc: Vec<&&str> = files.iter().filter(|f| {
        let base = f.rsplit('/').next().unwrap();
        base.starts_with("libc.so.6") || base.starts_with("libc-2") || base.starts_with("ld-linux")
            || base.starts_with("libgcc_s") || base.starts_with("libpthread") || base.starts_with("libm.so.6")
            || base.starts_with("libdl")
    }).collect();
    println!("glibc objects mapped: {glibc:?}");
    let vibix: Vec<&str> = files.iter().map(|f| f.rsplit('/').next().unwrap()).filter(|b| *b == "ld-vibix.so.1" || *b == "libc.so").collect();
    println!("vibix objects mapped: {vibix:?}");
    let wx = maps.lines().filter(|l| l.split_whitespace().nth(1).is_some_and(|p| p.contains('w') && p.contains('x'))).count();
    println!("writable+executable mappings: {wx}");
    let t = std::thread::spawn(|| 1).join().unwrap();
    println!("thread ok {t}");
}
