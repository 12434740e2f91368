//! std::process: spawning children (fork/exec), pipes, exit statuses, env.
use std::io::Write;
use std::process::{Command, Stdio};

fn main() {
    let out = Command::new("echo").args(["hello", "from", "child"]).output().unwrap();
    println!("echo: {:?} status {}", String::from_utf8_lossy(&out.stdout), out.status);
    let st = Command::new("sh").args(["-c", "exit 7"]).status().unwrap();
    println!("sh exit 7: code {:?}", st.code());
    let mut child = Command::new("cat").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"through a pipe\n").unwrap();
    let out = child.wait_with_output().unwrap();
    println!("cat: {:?}", String::from_utf8_lossy(&out.stdout));
    let out = Command::new("sh").args(["-c", "echo $VIBIX_CHILD_VAR; pwd"]).env("VIBIX_CHILD_VAR", "set for child").current_dir("/").output().unwrap();
    println!("env+cwd: {:?}", String::from_utf8_lossy(&out.stdout));
    let e = Command::new("/nonexistent/program").status().unwrap_err();
    println!("missing program: {:?} {}", e.kind(), e);
    let st = Command::new("sh").args(["-c", "kill -TERM $$"]).status().unwrap();
    println!("killed child: code {:?} {}", st.code(), st);
    println!("id nonzero: {}", std::process::id() != 0);
}
