//! std::thread: 16 spawns with results, names, scoped threads borrowing the stack,
//! thread_local! with destructors (in spawned threads and in main at exit),
//! builder stack sizes, park/unpark, available_parallelism.
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

static DROPS: AtomicUsize = AtomicUsize::new(0);

struct Tracker(&'static str, Cell<u64>);
impl Drop for Tracker {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Ordering::SeqCst);
        if self.0 == "main" {
            // Runs during exit on the main thread (glibc runs these too).
            println!("main-thread TLS destructor ran, value {}", self.1.get());
        }
    }
}

thread_local! {
    static TRACK: Tracker = Tracker(if thread::current().name() == Some("main") { "main" } else { "worker" }, Cell::new(0));
    static PLAIN: RefCell<Vec<u32>> = RefCell::new(Vec::new());
}

fn main() {
    TRACK.with(|t| t.1.set(7));
    let handles: Vec<_> = (0..16u64)
        .map(|i| {
            thread::Builder::new()
                .name(format!("worker-{i}"))
                .spawn(move || {
                    TRACK.with(|t| t.1.set(i));
                    PLAIN.with(|p| p.borrow_mut().extend(0..i as u32));
                    let name = thread::current().name().unwrap().to_string();
                    (i * i, name, PLAIN.with(|p| p.borrow().len()))
                })
                .unwrap()
        })
        .collect();
    let mut sum = 0;
    for (i, h) in handles.into_iter().enumerate() {
        let (sq, name, len) = h.join().unwrap();
        assert_eq!(name, format!("worker-{i}"));
        assert_eq!(len, i);
        sum += sq;
    }
    println!("16 threads joined, sum of squares {sum}");
    println!("worker TLS destructors run: {}", DROPS.load(Ordering::SeqCst));

    let mut data = vec![1u64; 1000];
    let total = AtomicUsize::new(0);
    thread::scope(|s| {
        for chunk in data.chunks_mut(100) {
            let total = &total;
            s.spawn(move || {
                for x in chunk.iter_mut() {
                    *x *= 3;
                }
                total.fetch_add(chunk.iter().sum::<u64>() as usize, Ordering::SeqCst);
            });
        }
    });
    println!("scoped threads total {} (data sum {})", total.load(Ordering::SeqCst), data.iter().sum::<u64>());

    let big = thread::Builder::new().stack_size(8 << 20).spawn(|| {
        let buf = [7u8; 4 << 20];
        buf.iter().map(|&b| b as u64).sum::<u64>()
    }).unwrap().join().unwrap();
    println!("8 MiB stack thread used 4 MiB on stack: {big}");

    let flag = Arc::new(AtomicUsize::new(0));
    let f2 = flag.clone();
    let parked = thread::spawn(move || {
        while f2.load(Ordering::SeqCst) == 0 {
            thread::park();
        }
        "unparked"
    });
    flag.store(1, Ordering::SeqCst);
    parked.thread().unpark();
    println!("park: {}", parked.join().unwrap());

    println!("available_parallelism ok: {}", thread::available_parallelism().map(|n| n.get() >= 1).unwrap_or(false));
    println!("main thread name: {:?}", thread::current().name());
}
