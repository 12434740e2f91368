//! Every view, --audit and the binding resolver on arbitrary bytes: must not panic or hang.
//! Crashes found here go (minimized) into ../tests/crashers/ once fixed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vibix_readelf::{audit, bindings, cli, dynobj::DynObj, show_views};

fuzz_target!(|data: &[u8]| {
    let opts = cli::parse(&["-a".into(), "-W".into()]).unwrap();
    let (mut o, mut e) = (String::new(), String::new());
    show_views(&mut o, &mut e, "fuzz", data, &opts);
    audit::show(&mut o, &mut e, "fuzz", data);
    if let Ok(d) = DynObj::new("fuzz".into(), data) {
        let _ = bindings::bind_all(std::slice::from_ref(&d));
    }
});
