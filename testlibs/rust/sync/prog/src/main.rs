//! Mutex, Condvar, RwLock, mpsc (unbounded and bounded), Barrier, Once/OnceLock,
//! atomics — under contention from several threads.
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Barrier, Condvar, Mutex, OnceLock, RwLock};
use std::thread;
use std::time::Duration;

static ONCE: OnceLock<String> = OnceLock::new();

fn main() {
    let counter = Arc::new(Mutex::new(0u64));
    let hs: Vec<_> = (0..8).map(|_| {
        let c = counter.clone();
        thread::spawn(move || for _ in 0..20_000 { *c.lock().unwrap() += 1; })
    }).collect();
    hs.into_iter().for_each(|h| h.join().unwrap());
    println!("mutex counter {}", *counter.lock().unwrap());

    // Condvar: bounded queue, 4 producers, 2 consumers.
    let q = Arc::new((Mutex::new((VecDeque::new(), 0usize)), Condvar::new(), Condvar::new()));
    let producers: Vec<_> = (0..4u64).map(|p| {
        let q = q.clone();
        thread::spawn(move || for i in 0..2500u64 {
            let (m, not_full, not_empty) = &*q;
            let mut g = not_full.wait_while(m.lock().unwrap(), |(d, _)| d.len() >= 16).unwrap();
            g.0.push_back(p * 10_000 + i);
            not_empty.notify_one();
        })
    }).collect();
    let consumers: Vec<_> = (0..2).map(|_| {
        let q = q.clone();
        thread::spawn(move || {
            let mut sum = 0u64;
            loop {
                let (m, not_full, not_empty) = &*q;
                let mut g = m.lock().unwrap();
                while g.0.is_empty() && g.1 < 10_000 {
                    g = not_empty.wait(g).unwrap();
                }
                if g.0.is_empty() { not_empty.notify_all(); return sum; }
                sum += g.0.pop_front().unwrap();
                g.1 += 1;
                not_full.notify_one();
                if g.1 == 10_000 { not_empty.notify_all(); }
            }
        })
    }).collect();
    producers.into_iter().for_each(|h| h.join().unwrap());
    let total: u64 = consumers.into_iter().map(|h| h.join().unwrap()).sum();
    println!("condvar queue sum {total}");
    let (m, cv, _) = &*q;
    let r = cv.wait_timeout(m.lock().unwrap(), Duration::from_millis(20)).unwrap();
    println!("wait_timeout timed out: {}", r.1.timed_out());

    let rw = Arc::new(RwLock::new(vec![0u32; 4]));
    let hs: Vec<_> = (0..6).map(|i| {
        let rw = rw.clone();
        thread::spawn(move || {
            for _ in 0..2000 {
                if i % 3 == 0 {
                    let mut w = rw.write().unwrap();
                    for x in w.iter_mut() { *x += 1; }
                } else {
                    let r = rw.read().unwrap();
                    assert!(r.iter().all(|&x| x == r[0]));
                }
            }
        })
    }).collect();
    hs.into_iter().for_each(|h| h.join().unwrap());
    println!("rwlock {:?}", *rw.read().unwrap());

    let (tx, rx) = mpsc::channel();
    for t in 0..5u64 {
        let tx = tx.clone();
        thread::spawn(move || for i in 0..1000 { tx.send(t * 1000 + i).unwrap(); });
    }
    drop(tx);
    let v: Vec<u64> = rx.iter().collect();
    println!("mpsc received {} sum {}", v.len(), v.iter().sum::<u64>());
    let (stx, srx) = mpsc::sync_channel::<u32>(2);
    let h = thread::spawn(move || (0..100).map(|_| srx.recv().unwrap()).sum::<u32>());
    for i in 0..100 { stx.send(i).unwrap(); }
    println!("sync_channel sum {}", h.join().unwrap());
    let (_tx2, rx2) = mpsc::channel::<u8>();
    println!("recv_timeout: {:?}", rx2.recv_timeout(Duration::from_millis(10)));

    let barrier = Arc::new(Barrier::new(8));
    let arrived = Arc::new(AtomicU64::new(0));
    let hs: Vec<_> = (0..8).map(|_| {
        let (b, a) = (barrier.clone(), arrived.clone());
        thread::spawn(move || {
            a.fetch_add(1, Ordering::SeqCst);
            let leader = b.wait().is_leader();
            assert_eq!(a.load(Ordering::SeqCst), 8);
            leader
        })
    }).collect();
    let leaders = hs.into_iter().filter(|_| true).map(|h| h.join().unwrap()).filter(|&l| l).count();
    println!("barrier leaders {leaders}");

    let hs: Vec<_> = (0..4).map(|i| thread::spawn(move || ONCE.get_or_init(|| format!("init by someone {}", i * 0)).clone())).collect();
    let vals: Vec<String> = hs.into_iter().map(|h| h.join().unwrap()).collect();
    println!("oncelock {:?} all equal {}", vals[0], vals.iter().all(|v| v == &vals[0]));

    let poisoned = Arc::new(Mutex::new(1));
    let p2 = poisoned.clone();
    std::panic::set_hook(Box::new(|_| {}));
    let _ = thread::spawn(move || { let _g = p2.lock().unwrap(); panic!("poison"); }).join();
    println!("mutex poisoned: {}", poisoned.is_poisoned());
}
