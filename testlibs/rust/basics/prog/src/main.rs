//! stdout/stderr, arguments, environment, current dir/exe, exit codes.
use std::env;
use std::io::{self, BufRead, Write};

fn main() {
    let args: Vec<String> = env::args().collect();
    println!("argc {}", args.len());
    for (i, a) in args.iter().enumerate().skip(1) {
        println!("argv[{i}] = {a:?}");
    }
    let exe = env::current_exe().unwrap();
    println!("current_exe name: {:?}", exe.file_name().unwrap());
    println!("args_os[0] ends with exe name: {}", env::args_os().next().unwrap().to_string_lossy().ends_with(exe.file_name().unwrap().to_str().unwrap()));

    let mut vars: Vec<(String, String)> = env::vars().filter(|(k, _)| k.starts_with("VIBIX_T_")).collect();
    vars.sort();
    println!("env: {vars:?}");
    println!("missing var: {:?}", env::var("VIBIX_T_MISSING"));
    // SAFETY: single-threaded at this point.
    unsafe {
        env::set_var("VIBIX_T_NEW", "fresh value");
        env::remove_var("VIBIX_T_A");
    }
    println!("after set/remove: {:?} {:?}", env::var("VIBIX_T_NEW"), env::var("VIBIX_T_A"));
    println!("cwd is absolute: {}", env::current_dir().unwrap().is_absolute());
    println!("temp_dir: {:?}", env::temp_dir());

    let mut out = io::stdout().lock();
    for i in 0..3 {
        write!(out, "line {i}, ").unwrap();
    }
    writeln!(out).unwrap();
    drop(out);
    eprintln!("to stderr: {}", 42);
    let big: String = (0..20000).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
    println!("{}", big.len());
    io::stdout().write_all(big.as_bytes()).unwrap();
    println!();
    let stdin_lines = io::stdin().lock().lines().count();
    println!("stdin lines: {stdin_lines}");

    match args.get(1).map(String::as_str) {
        Some("exit") => {
            println!("exiting with {}", args[2]);
            std::process::exit(args[2].parse().unwrap())
        }
        Some("abort") => std::process::abort(),
        Some("err") => {
            let e: Result<(), io::Error> = Err(io::Error::new(io::ErrorKind::Other, "main returned an error"));
            e.unwrap_or_else(|e| { eprintln!("Error: {e}"); std::process::exit(1) })
        }
        _ => {}
    }
}
