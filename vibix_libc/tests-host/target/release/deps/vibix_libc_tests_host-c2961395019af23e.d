/work/wt/libc-locale/vibix_libc/tests-host/target/release/deps/vibix_libc_tests_host-c2961395019af23e.d: src/lib.rs src/../../src/num/mod.rs src/../../src/num/big.rs src/../../src/num/dec2flt.rs src/../../src/num/flt2dec.rs src/../../src/fmt/mod.rs src/../../src/fmt/printf.rs src/../../src/fmt/float.rs src/../../src/fmt/mb.rs src/../../src/fmt/positional.rs src/../../src/fmt/spec.rs

/work/wt/libc-locale/vibix_libc/tests-host/target/release/deps/libvibix_libc_tests_host-c2961395019af23e.rlib: src/lib.rs src/../../src/num/mod.rs src/../../src/num/big.rs src/../../src/num/dec2flt.rs src/../../src/num/flt2dec.rs src/../../src/fmt/mod.rs src/../../src/fmt/printf.rs src/../../src/fmt/float.rs src/../../src/fmt/mb.rs src/../../src/fmt/positional.rs src/../../src/fmt/spec.rs

/work/wt/libc-locale/vibix_libc/tests-host/target/release/deps/libvibix_libc_tests_host-c2961395019af23e.rmeta: src/lib.rs src/../../src/num/mod.rs src/../../src/num/big.rs src/../../src/num/dec2flt.rs src/../../src/num/flt2dec.rs src/../../src/fmt/mod.rs src/../../src/fmt/printf.rs src/../../src/fmt/float.rs src/../../src/fmt/mb.rs src/../../src/fmt/positional.rs src/../../src/fmt/spec.rs

src/lib.rs:
src/../../src/num/mod.rs:
src/../../src/num/big.rs:
src/../../src/num/dec2flt.rs:
src/../../src/num/flt2dec.rs:
src/../../src/fmt/mod.rs:
src/../../src/fmt/printf.rs:
src/../../src/fmt/float.rs:
src/../../src/fmt/mb.rs:
src/../../src/fmt/positional.rs:
src/../../src/fmt/spec.rs:
