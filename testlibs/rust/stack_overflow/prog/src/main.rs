//! Stack overflow detection: std installs a SIGSEGV handler on an alternate
//! signal stack and finds each thread's guard page (pthread_getattr_np); an
//! overflow must print "has overflowed its stack" and abort (SIGABRT), on the
//! main thread and on a spawned one — never hang or die silently.
use std::hint::black_box;

#[inline(never)]
fn recurse(n: u64) -> u64 {
    let buf = black_box([n; 64]);
    if n == u64::MAX {
        return 0;
    }
    recurse(n + 1) + buf[3]
}

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("main") => println!("{}", recurse(0)),
        Some("thread") => {
            let t = std::thread::Builder::new().name("deep".into()).stack_size(256 << 10).spawn(|| recurse(0)).unwrap();
            println!("{}", t.join().unwrap());
        }
        _ => println!("usage: overflow main|thread"),
    }
}
