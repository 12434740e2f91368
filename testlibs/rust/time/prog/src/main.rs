//! std::time: monotonic Instant, SystemTime vs the epoch, sleeps of known length.
use std::thread::sleep;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn main() {
    let t0 = Instant::now();
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    println!("after 2020: {}", now.as_secs() > 1_577_836_800);
    let mut prev = Instant::now();
    let mut monotonic = true;
    for _ in 0..100_000 {
        let t = Instant::now();
        monotonic &= t >= prev;
        prev = t;
    }
    println!("monotonic: {monotonic}");
    for ms in [1u64, 20, 100] {
        let s = Instant::now();
        sleep(Duration::from_millis(ms));
        let e = s.elapsed();
        println!("sleep {ms} ms: at least {}, below +2 s {}", e >= Duration::from_millis(ms), e < Duration::from_millis(ms + 2000));
    }
    let st = SystemTime::now();
    sleep(Duration::from_millis(10));
    println!("SystemTime advanced: {}", st.elapsed().map(|d| d >= Duration::from_millis(9)).unwrap_or(false));
    println!("checked_add: {:?}", UNIX_EPOCH.checked_add(Duration::from_secs(86400)).map(|t| t.duration_since(UNIX_EPOCH).unwrap()));
    println!("duration math: {:?}", Duration::from_millis(1500) * 3 / 2);
    println!("total under 10 s: {}", t0.elapsed() < Duration::from_secs(10));
}
