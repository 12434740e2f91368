//! Panics: caught, with Drop during unwinding, across frames, in threads, nested,
//! with a non-string payload, and finally uncaught (exit code 101 + message).
use std::panic;

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

#[inline(never)]
fn deep(n: u32) -> u32 {
    let _g = Noisy(if n == 0 { "deepest" } else { "deep" });
    if n == 0 {
        panic!("bottom reached");
    }
    deep(n - 1) + 1
}

static QUIET_DROPS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
struct Quiet;
impl Drop for Quiet {
    fn drop(&mut self) {
        QUIET_DROPS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}

#[inline(never)]
fn quiet_deep(n: u32) -> u32 {
    let _g = Quiet;
    if n == 0 {
        panic!("quiet bottom");
    }
    quiet_deep(n - 1) + 1
}

fn main() {
    // Keep the default hook's message off stderr for caught panics, but count them.
    panic::set_hook(Box::new(|info| {
        let msg = info.payload().downcast_ref::<&str>().map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "<non-string>".into());
        println!("hook: {msg}");
    }));

    let r = panic::catch_unwind(|| deep(3));
    println!("caught: {}", r.is_err());

    let r = panic::catch_unwind(|| {
        let _a = Noisy("outer");
        let r2 = panic::catch_unwind(|| {
            let _b = Noisy("inner");
            panic!("inner panic");
        });
        println!("inner caught: {}", r2.is_err());
        panic::panic_any(42u32);
    });
    let payload = r.unwrap_err();
    println!("payload u32: {:?}", payload.downcast_ref::<u32>());

    let h = std::thread::spawn(|| {
        let _t = Noisy("thread local guard");
        let v: Vec<u8> = Vec::new();
        #[allow(unconditional_panic)]
        let x = v[3];
        x
    });
    let e = h.join().unwrap_err();
    println!("thread panicked: {}", e.downcast_ref::<String>().map(|s| s.contains("index out of bounds")).unwrap_or(false));

    // resume_unwind skips the hook.
    let r = panic::catch_unwind(|| panic::resume_unwind(Box::new("resumed")));
    println!("resumed: {:?}", r.unwrap_err().downcast_ref::<&str>());

    // Many threads unwinding at once (the unwinder walks the loader's object list).
    panic::set_hook(Box::new(|_| {}));
    let storm: Vec<_> = (0..8)
        .map(|t| {
            std::thread::spawn(move || {
                (0..200).filter(|i| panic::catch_unwind(|| quiet_deep((i + t) % 5)).is_err()).count()
            })
        })
        .collect();
    let caught: usize = storm.into_iter().map(|h| h.join().unwrap()).sum();
    println!("panic storm: {caught} panics caught in 8 threads, {} drops", QUIET_DROPS.load(std::sync::atomic::Ordering::Relaxed));

    let _ = panic::take_hook();
    let _last = Noisy("main guard");
    if std::env::args().nth(1).as_deref() == Some("uncaught") {
        let o: Option<u8> = None;
        o.expect("uncaught panic in main");
    }
    println!("done");
}
