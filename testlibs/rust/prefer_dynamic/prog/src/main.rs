//! Hello world linked against the toolchain's libstd-*.so (-C prefer-dynamic),
//! with a thread, a thread_local, a caught panic and an uncaught one.
use std::cell::Cell;
thread_local!(static N: Cell<u32> = const { Cell::new(1) });

fn main() {
    println!("hello from a dynamically linked std");
    let h = std::thread::spawn(|| {
        N.with(|n| n.set(n.get() + 41));
        N.with(|n| n.get())
    });
    println!("thread returned {}, main's tls {}", h.join().unwrap(), N.with(|n| n.get()));
    let r = std::panic::catch_unwind(|| panic!("caught in libstd.so"));
    println!("caught: {}", r.is_err());
    let t = std::thread::spawn(|| panic!("thread panic"));
    println!("thread join is_err: {}", t.join().is_err());
    let libstd_mapped = std::fs::read_to_string("/proc/self/maps").unwrap().contains("/libstd-");
    println!("libstd-*.so mapped: {libstd_mapped}");
    if std::env::args().nth(1).as_deref() == Some("uncaught") {
        panic!("uncaught from main");
    }
}
