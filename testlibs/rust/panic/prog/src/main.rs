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

    let _ = panic::take_hook();
    let _last = Noisy("main guard");
    if std::env::args().nth(1).as_deref() == Some("uncaught") {
        let o: Option<u8> = None;
        o.expect("uncaught panic in main");
    }
    println!("done");
}
