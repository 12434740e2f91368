//! Backtraces: std::backtrace::Backtrace in-program, and RUST_BACKTRACE=1 on an
//! uncaught panic, both must name our functions.
use std::backtrace::Backtrace;

#[inline(never)]
fn level_three(panic: bool) -> String {
    if panic {
        panic!("panicking in level_three");
    }
    Backtrace::force_capture().to_string()
}

#[inline(never)]
fn level_two(panic: bool) -> String {
    let s = level_three(panic);
    std::hint::black_box(s)
}

#[inline(never)]
fn level_one(panic: bool) -> String {
    let s = level_two(panic);
    std::hint::black_box(s)
}

fn main() {
    let bt = level_one(false);
    for name in ["backtrace::level_three", "backtrace::level_two", "backtrace::level_one", "backtrace::main"] {
        println!("{name}: {}", bt.contains(name));
    }
    let frames = bt.lines().filter(|l| l.trim_start().chars().next().is_some_and(|c| c.is_ascii_digit())).count();
    println!("at least 5 frames: {}", frames >= 5);
    if std::env::args().nth(1).as_deref() == Some("panic") {
        let t = std::thread::Builder::new().name("bt-thread".into()).spawn(|| level_one(true)).unwrap();
        let _ = t.join();
        level_one(true);
    }
}
