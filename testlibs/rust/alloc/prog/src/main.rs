//! std::alloc through the System allocator: large, zeroed, over-aligned, realloc,
//! and many small allocations from several threads.
use std::alloc::{alloc, alloc_zeroed, dealloc, realloc, Layout, System, GlobalAlloc};
use std::thread;

fn main() {
    // 256 MiB, touched page by page.
    let mut v = vec![0u8; 256 << 20];
    for i in (0..v.len()).step_by(4096) {
        v[i] = (i >> 12) as u8;
    }
    let s: u64 = v.iter().step_by(4096).map(|&b| b as u64).sum();
    println!("256 MiB vec touched, checksum {s}");
    drop(v);

    unsafe {
        let l = Layout::from_size_align(64 << 20, 4096).unwrap();
        let p = alloc_zeroed(l);
        assert!(!p.is_null());
        let all_zero = (0..l.size()).step_by(1009).all(|i| *p.add(i) == 0);
        println!("64 MiB alloc_zeroed all zero: {all_zero}, page aligned {}", p as usize % 4096 == 0);
        dealloc(p, l);

        for shift in 3..=21 {
            let align = 1usize << shift;
            for size in [1usize, align / 2 + 1, align, 3 * align + 5] {
                let l = Layout::from_size_align(size.max(1), align).unwrap();
                let p = alloc(l);
                assert!(!p.is_null(), "alloc {size} align {align}");
                assert_eq!(p as usize % align, 0, "alignment {align}");
                p.write_bytes(0xab, l.size());
                let np = realloc(p, l, l.size() * 2 + 100);
                assert!(!np.is_null());
                assert_eq!(np as usize % align, 0, "realloc keeps alignment {align}");
                assert!((0..l.size()).all(|i| *np.add(i) == 0xab), "realloc kept contents");
                dealloc(np, Layout::from_size_align(l.size() * 2 + 100, align).unwrap());
            }
        }
        println!("aligned alloc/realloc 8 B .. 2 MiB ok");
        let l = Layout::from_size_align(100, 8).unwrap();
        let p = System.alloc(l);
        let p2 = System.realloc(p, l, 50 << 20);
        *p2.add((50 << 20) - 1) = 1;
        System.dealloc(p2, Layout::from_size_align(50 << 20, 8).unwrap());
        println!("System realloc 100 B -> 50 MiB ok");
    }

    let hs: Vec<_> = (0..8).map(|t| thread::spawn(move || {
        let mut keep: Vec<Vec<u64>> = Vec::new();
        for i in 0..20_000usize {
            let n = (i * 31 + t) % 200 + 1;
            keep.push(vec![i as u64; n]);
            if keep.len() > 100 { keep.swap_remove((i * 7) % 100); }
        }
        keep.iter().map(|v| v.len()).sum::<usize>()
    })).collect();
    let total: usize = hs.into_iter().map(|h| h.join().unwrap()).sum();
    println!("threaded small allocations, kept elements {total}");
    let b: Box<[u8]> = vec![7u8; 1 << 30].into_boxed_slice();
    println!("1 GiB box: {}", b[(1 << 30) - 1]);
}
