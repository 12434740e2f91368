//! `cargo xtask run`'s program on vibix: a dynamically linked Rust std hello
//! world that starts a thread (PT_INTERP = ld-vibix, libc = vibix_libc).
use std::thread;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    println!("hello, world from Rust std on vibix (args: {:?})", &args[1..]);
    let t = thread::Builder::new()
        .name("worker".into())
        .spawn(|| {
            let sum: u64 = (1..=100).sum();
            format!("hello from thread {:?}, 1+..+100 = {sum}", thread::current().name().unwrap_or("?"))
        })
        .expect("spawn");
    println!("{}", t.join().expect("join"));
}
