/work/wt/libc-locale/vibix_libc/tests-host/target/release/deps/glibc_compare-f353819277309ec4.d: tests/glibc_compare.rs

/work/wt/libc-locale/vibix_libc/tests-host/target/release/deps/glibc_compare-f353819277309ec4: tests/glibc_compare.rs

tests/glibc_compare.rs:
