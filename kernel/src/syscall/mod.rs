//! The Linux x86_64 system-call table (same numbers and structures as Linux,
//! so the userland runs unchanged on the host and on vibix). Anything not in
//! this table returns -ENOSYS and is logged once per number.
mod cred;
mod fd;
mod fs;
pub mod inotify;
pub mod mem;
mod misc;
mod mmsg;
mod mount;
mod net;
pub mod path;
mod poll;
mod process;
mod sendfile;
mod resource;
mod sched;
mod signal;
pub mod signalfd;
mod splice;
mod statfs;
mod sysinfo;
mod process_vm;
mod thread;
mod timex;
mod xattr;
pub mod timerfd;

use crate::arch::x86_64::entry::TrapFrame;
use crate::abi::*;
use crate::errno::*;
use crate::ipc;
use crate::sync::Global;

pub use thread::{read_timespec, write_timespec};

pub type SysResult = Result<i64, Errno>;

static LOGGED: Global<[u64; 8]> = Global::new([0; 8]);

fn enosys(nr: u64) -> SysResult {
    let seen = LOGGED.get();
    let (w, b) = ((nr / 64) as usize, nr % 64);
    if w >= seen.len() || seen[w] & (1 << b) == 0 {
        if w < seen.len() {
            seen[w] |= 1 << b;
        }
        crate::kprintln!("vibix: unsupported syscall {} (pid {}) -> ENOSYS", nr, crate::proc::current().pid);
    }
    Err(ENOSYS)
}

pub fn dispatch(f: &mut TrapFrame) -> i64 {
    let a = [f.rdi, f.rsi, f.rdx, f.r10, f.r8, f.r9];
    let nr = f.rax;
    let r = match nr {
        0 => fs::read(a[0] as i64, a[1], a[2]),
        1 => fs::write(a[0] as i64, a[1], a[2]),
        2 => path::openat(AT_FDCWD, a[0], a[1] as u32, a[2] as u32),
        3 => fd::close(a[0] as i64),
        4 => fs::fstatat(AT_FDCWD, a[0], a[1], 0),
        5 => fs::fstat(a[0] as i64, a[1]),
        6 => fs::fstatat(AT_FDCWD, a[0], a[1], AT_SYMLINK_NOFOLLOW),
        7 => poll::poll(a[0], a[1], a[2] as i32 as i64),
        8 => fs::lseek(a[0] as i64, a[1] as i64, a[2] as u32),
        9 => mem::mmap(a[0], a[1], a[2] as u32, a[3] as u32, a[4] as i32 as i64, a[5]),
        10 => mem::mprotect(a[0], a[1], a[2] as u32),
        11 => mem::munmap(a[0], a[1]),
        12 => mem::brk(a[0]),
        13 => signal::rt_sigaction(a[0], a[1], a[2], a[3]),
        14 => signal::rt_sigprocmask(a[0] as u32, a[1], a[2], a[3]),
        15 => signal::rt_sigreturn(f),
        16 => fs::ioctl(a[0] as i64, a[1], a[2]),
        17 => fs::pread(a[0] as i64, a[1], a[2], a[3] as i64),
        18 => fs::pwrite(a[0] as i64, a[1], a[2], a[3] as i64),
        19 => fs::readv(a[0] as i64, a[1], a[2], None),
        20 => fs::writev(a[0] as i64, a[1], a[2], None),
        21 => path::faccessat(AT_FDCWD, a[0], a[1] as u32, 0),
        22 => fd::pipe2(a[0], 0),
        23 => poll::select(a[0] as i32, a[1], a[2], a[3], a[4]),
        24 => {
            crate::proc::yield_now();
            Ok(0)
        }
        25 => mem::mremap(a[0], a[1], a[2], a[3] as u32, a[4]),
        26 => mem::msync(a[0], a[1], a[2] as u32),
        28 => mem::madvise(a[0], a[1], a[2]),
        32 => fd::dup(a[0] as i64),
        33 => fd::dup3(a[0] as i64, a[1] as i64, 0, true),
        34 => signal::pause(),
        35 => misc::nanosleep(a[0], a[1]),
        36 => signal::getitimer(a[0] as u32, a[1]),
        37 => signal::alarm(a[0] as u32 as u64),
        38 => signal::setitimer(a[0] as u32, a[1], a[2]),
        39 => Ok(crate::proc::current().pid as i64),
        60 => crate::proc::exit_thread(a[0] as i32),
        41 => net::socket(a[0] as u32, a[1] as u32, a[2] as u32),
        42 => net::connect(a[0] as i32 as i64, a[1], a[2] as u32),
        43 => net::accept4(a[0] as i32 as i64, a[1], a[2], 0),
        44 => net::sendto(a[0] as i32 as i64, a[1], a[2], a[3] as u32, a[4], a[5] as u32),
        45 => net::recvfrom(a[0] as i32 as i64, a[1], a[2], a[3] as u32, a[4], a[5]),
        46 => net::sendmsg(a[0] as i32 as i64, a[1], a[2] as u32),
        47 => net::recvmsg(a[0] as i32 as i64, a[1], a[2] as u32),
        48 => net::shutdown(a[0] as i32 as i64, a[1] as u32),
        49 => net::bind(a[0] as i32 as i64, a[1], a[2] as u32),
        50 => net::listen(a[0] as i32 as i64, a[1] as i32),
        51 => net::getsockname(a[0] as i32 as i64, a[1], a[2]),
        52 => net::getpeername(a[0] as i32 as i64, a[1], a[2]),
        53 => net::socketpair(a[0] as u32, a[1] as u32, a[2] as u32, a[3]),
        54 => net::setsockopt(a[0] as i32 as i64, a[1] as i32, a[2] as i32, a[3], a[4] as u32),
        55 => net::getsockopt(a[0] as i32 as i64, a[1] as i32, a[2] as i32, a[3], a[4]),
        56 => thread::clone(f, a[0], a[1], a[2], a[3], a[4]),
        57 => process::fork(f),
        58 => process::vfork(f),
        59 => process::execveat(f, AT_FDCWD, a[0], a[1], a[2], 0),
        61 => process::wait4(a[0] as i32 as i64, a[1], a[2] as u32, a[3]),
        109 => process::setpgid(a[0] as i32 as i64, a[1] as i32 as i64),
        111 => process::getpgid(0),
        112 => process::setsid(),
        121 => process::getpgid(a[0] as i32 as i64),
        124 => process::getsid(a[0] as i32 as i64),
        247 => process::waitid(a[0] as u32, a[1], a[2], a[3] as u32, a[4]),
        322 => process::execveat(f, a[0] as i32 as i64, a[1], a[2], a[3], a[4] as u32),
        62 => signal::kill(a[0] as i32 as i64, a[1] as i32),
        63 => misc::uname(a[0]),
        72 => fd::fcntl(a[0] as i64, a[1] as u32, a[2]),
        73 => path::flock(a[0] as i64, a[1] as u32),
        74 | 75 => fs::fsync(a[0] as i64),
        76 => path::truncate(a[0], a[1] as i64),
        77 => fs::ftruncate(a[0] as i64, a[1] as i64),
        79 => path::getcwd(a[0], a[1]),
        80 => path::chdir(a[0]),
        81 => path::fchdir(a[0] as i64),
        82 => path::renameat2(AT_FDCWD, a[0], AT_FDCWD, a[1], 0),
        83 => path::mkdirat(AT_FDCWD, a[0], a[1] as u32),
        84 => path::unlinkat(AT_FDCWD, a[0], AT_REMOVEDIR),
        85 => path::openat(AT_FDCWD, a[0], O_CREAT | O_WRONLY | O_TRUNC, a[1] as u32),
        86 => path::linkat(AT_FDCWD, a[0], AT_FDCWD, a[1], 0),
        87 => path::unlinkat(AT_FDCWD, a[0], 0),
        88 => path::symlinkat(a[0], AT_FDCWD, a[1]),
        89 => path::readlinkat(AT_FDCWD, a[0], a[1], a[2]),
        90 => path::fchmodat(AT_FDCWD, a[0], a[1] as u32, 0),
        91 => path::fchmod(a[0] as i64, a[1] as u32),
        92 => path::fchownat(AT_FDCWD, a[0], a[1] as u32, a[2] as u32, 0),
        93 => path::fchown(a[0] as i64, a[1] as u32, a[2] as u32),
        94 => path::fchownat(AT_FDCWD, a[0], a[1] as u32, a[2] as u32, AT_SYMLINK_NOFOLLOW),
        95 => Ok(0o022),
        96 => misc::gettimeofday(a[0]),
        97 => resource::getrlimit(a[0] as u32, a[1]),
        98 => resource::getrusage(a[0] as i32, a[1]),
        100 => resource::times(a[0]),
        140 => resource::getpriority(a[0] as u32, a[1]),
        141 => resource::setpriority(a[0] as u32, a[1], a[2] as i32),
        160 => resource::setrlimit(a[0] as u32, a[1]),
        102 => cred::get(cred::Ids::User, 0),
        104 => cred::get(cred::Ids::Group, 0),
        105 => cred::set(cred::Ids::User, a[0] as u32),
        106 => cred::set(cred::Ids::Group, a[0] as u32),
        107 => cred::get(cred::Ids::User, 1),
        108 => cred::get(cred::Ids::Group, 1),
        113 => cred::setre(cred::Ids::User, a[0] as u32, a[1] as u32),
        114 => cred::setre(cred::Ids::Group, a[0] as u32, a[1] as u32),
        117 => cred::setres(cred::Ids::User, a[0] as u32, a[1] as u32, a[2] as u32),
        119 => cred::setres(cred::Ids::Group, a[0] as u32, a[1] as u32, a[2] as u32),
        110 => process::getppid(),
        118 => cred::getres(cred::Ids::User, a[0], a[1], a[2]),
        120 => cred::getres(cred::Ids::Group, a[0], a[1], a[2]),
        127 => signal::rt_sigpending(a[0], a[1]),
        128 => signal::rt_sigtimedwait(a[0], a[1], a[2], a[3]),
        129 => signal::sigqueueinfo(a[0] as i32 as i64, None, a[1] as i32, a[2]),
        130 => signal::rt_sigsuspend(a[0], a[1]),
        131 => signal::sigaltstack(f, a[0], a[1]),
        157 => misc::prctl(a[0], a[1]),
        158 => thread::arch_prctl(a[0], a[1]),
        186 => Ok(crate::proc::current().tid as i64),
        200 => signal::tkill(a[0] as i32 as i64, a[1] as i32),
        201 => misc::time(a[0]),
        202 => thread::futex(a[0], a[1] as u32, a[2] as u32, a[3], a[5] as u32),
        213 => poll::epoll_create(a[0] as i32),
        232 => poll::epoll_wait(a[0] as i32 as i64, a[1], a[2] as i32, a[3] as i32),
        233 => poll::epoll_ctl(a[0] as i32 as i64, a[1] as u32, a[2] as i32 as i64, a[3]),
        142 => sched::setscheduler(a[0] as i32 as i64, None, a[1]),
        143 => sched::getparam(a[0] as i32 as i64, a[1]),
        144 => sched::setscheduler(a[0] as i32 as i64, Some(a[1] as u32), a[2]),
        145 => sched::getscheduler(a[0] as i32 as i64),
        146 => sched::get_priority_max(a[0] as u32),
        147 => sched::get_priority_min(a[0] as u32),
        148 => sched::rr_get_interval(a[0] as i32 as i64, a[1]),
        203 => sched::setaffinity(a[0] as i32 as i64, a[1], a[2]),
        204 => sched::getaffinity(a[0] as i32 as i64, a[1], a[2]),
        309 => sched::getcpu(a[0], a[1]),
        135 => process::personality(a[0] as u32),
        99 => sysinfo::sysinfo(a[0]),
        165 => mount::mount(a[0], a[1], a[2], a[3], a[4]),
        166 => mount::umount2(a[0], a[1] as u32),
        133 => path::mknodat(AT_FDCWD, a[0], a[1] as u32, a[2]),
        259 => path::mknodat(a[0] as i32 as i64, a[1], a[2] as u32, a[3]),
        276 => splice::tee(a[0] as i32 as i64, a[1] as i32 as i64, a[2], a[3] as u32),
        278 => splice::vmsplice(a[0] as i32 as i64, a[1], a[2], a[3] as u32),
        221 => fs::fadvise64(a[0] as i32 as i64, a[1] as i64, a[2] as i64, a[3] as u32),
        299 => mmsg::recvmmsg(a[0] as i32 as i64, a[1], a[2] as u32 as u64, a[3] as u32, a[4]),
        307 => mmsg::sendmmsg(a[0] as i32 as i64, a[1], a[2] as u32 as u64, a[3] as u32),
        115 => cred::getgroups(a[0] as i32, a[1]),
        116 => cred::setgroups(a[0] as i32, a[1]),
        122 => cred::setfs(cred::Ids::User, a[0] as u32),
        123 => cred::setfs(cred::Ids::Group, a[0] as u32),
        310 => process_vm::process_vm(a[0] as i32 as i64, a[1], a[2], a[3], a[4], a[5], false),
        311 => process_vm::process_vm(a[0] as i32 as i64, a[1], a[2], a[3], a[4], a[5], true),
        188 => xattr::setxattr(xattr::Of::Path { path: a[0], follow: true }, a[1], a[2], a[3], a[4] as u32),
        189 => xattr::setxattr(xattr::Of::Path { path: a[0], follow: false }, a[1], a[2], a[3], a[4] as u32),
        190 => xattr::setxattr(xattr::Of::Fd(a[0] as i32 as i64), a[1], a[2], a[3], a[4] as u32),
        191 => xattr::getxattr(xattr::Of::Path { path: a[0], follow: true }, a[1], a[2], a[3]),
        192 => xattr::getxattr(xattr::Of::Path { path: a[0], follow: false }, a[1], a[2], a[3]),
        193 => xattr::getxattr(xattr::Of::Fd(a[0] as i32 as i64), a[1], a[2], a[3]),
        194 => xattr::listxattr(xattr::Of::Path { path: a[0], follow: true }, a[1], a[2]),
        195 => xattr::listxattr(xattr::Of::Path { path: a[0], follow: false }, a[1], a[2]),
        196 => xattr::listxattr(xattr::Of::Fd(a[0] as i32 as i64), a[1], a[2]),
        197 => xattr::removexattr(xattr::Of::Path { path: a[0], follow: true }, a[1]),
        198 => xattr::removexattr(xattr::Of::Path { path: a[0], follow: false }, a[1]),
        199 => xattr::removexattr(xattr::Of::Fd(a[0] as i32 as i64), a[1]),
        159 => timex::adjtimex(a[0]),
        305 => timex::clock_adjtime(a[0] as u32, a[1]),
        217 => path::getdents64(a[0] as i64, a[1], a[2]),
        218 => thread::set_tid_address(a[0]),
        228 => misc::clock_gettime(a[0] as u32, a[1]),
        229 => misc::clock_getres(a[0] as u32, a[1]),
        230 => misc::clock_nanosleep(a[0] as u32, a[1] as u32, a[2], a[3]),
        231 => thread::exit_group(a[0] as i32),
        234 => signal::tgkill(a[0] as i32 as i64, a[1] as i32 as i64, a[2] as i32),
        162 => Ok(0), // sync: the tree is in memory
        235 => path::utimes(AT_FDCWD, a[0], a[1]),
        257 => path::openat(a[0] as i32 as i64, a[1], a[2] as u32, a[3] as u32),
        258 => path::mkdirat(a[0] as i32 as i64, a[1], a[2] as u32),
        260 => path::fchownat(a[0] as i32 as i64, a[1], a[2] as u32, a[3] as u32, a[4] as u32),
        261 => path::utimes(a[0] as i32 as i64, a[1], a[2]),
        263 => path::unlinkat(a[0] as i32 as i64, a[1], a[2] as u32),
        264 => path::renameat2(a[0] as i32 as i64, a[1], a[2] as i32 as i64, a[3], 0),
        265 => path::linkat(a[0] as i32 as i64, a[1], a[2] as i32 as i64, a[3], a[4] as u32),
        266 => path::symlinkat(a[0], a[1] as i32 as i64, a[2]),
        268 => path::fchmodat(a[0] as i32 as i64, a[1], a[2] as u32, 0),
        280 => path::utimensat(a[0] as i32 as i64, a[1], a[2], a[3] as u32),
        285 => fs::fallocate(a[0] as i64, a[1] as u32, a[2] as i64, a[3] as i64),
        295 => fs::readv(a[0] as i64, a[1], a[2], Some(a[3] as i64)),
        296 => fs::writev(a[0] as i64, a[1], a[2], Some(a[3] as i64)),
        306 => fs::fsync(a[0] as i64),
        316 => path::renameat2(a[0] as i32 as i64, a[1], a[2] as i32 as i64, a[3], a[4] as u32),
        319 => path::memfd_create(a[0], a[1] as u32),
        262 => fs::fstatat(a[0] as i32 as i64, a[1], a[2], a[3] as u32),
        267 => path::readlinkat(a[0] as i32 as i64, a[1], a[2], a[3]),
        269 => path::faccessat(a[0] as i32 as i64, a[1], a[2] as u32, 0),
        439 => path::faccessat(a[0] as i32 as i64, a[1], a[2] as u32, a[3] as u32),
        271 => poll::ppoll(a[0], a[1], a[2], a[3], a[4]),
        270 => poll::pselect6(a[0] as i32, a[1], a[2], a[3], a[4], a[5]),
        281 => poll::epoll_pwait(a[0] as i32 as i64, a[1], a[2] as i32, a[3] as i32, a[4], a[5]),
        284 => poll::eventfd2(a[0] as u32, 0),
        288 => net::accept4(a[0] as i32 as i64, a[1], a[2], a[3] as u32),
        290 => poll::eventfd2(a[0] as u32, a[1] as u32),
        291 => poll::epoll_create1(a[0] as u32),
        273 => Ok(0), // set_robust_list: robust futexes are not cleaned up on exit
        293 => fd::pipe2(a[0], a[1] as u32),
        297 => signal::sigqueueinfo(a[0] as i32 as i64, Some(a[1] as i32 as i64), a[2] as i32, a[3]),
        292 => fd::dup3(a[0] as i64, a[1] as i64, a[2] as u32, false),
        302 => resource::prlimit64(a[0], a[1] as u32, a[2], a[3]),
        318 => misc::getrandom(a[0], a[1], a[2] as u32),
        332 => fs::statx(a[0] as i32 as i64, a[1], a[2] as u32, a[4]),
        SYS_STATFS => statfs::statfs(a[0], a[1]),
        SYS_FSTATFS => statfs::fstatfs(a[0] as i32 as i64, a[1]),
        SYS_TIMERFD_CREATE => timerfd::timerfd_create(a[0] as u32, a[1] as u32),
        SYS_TIMERFD_SETTIME => timerfd::timerfd_settime(a[0] as i32 as i64, a[1] as u32, a[2], a[3]),
        SYS_TIMERFD_GETTIME => timerfd::timerfd_gettime(a[0] as i32 as i64, a[1]),
        SYS_SIGNALFD => signalfd::signalfd4(a[0] as i32 as i64, a[1], a[2], 0),
        SYS_SIGNALFD4 => signalfd::signalfd4(a[0] as i32 as i64, a[1], a[2], a[3] as u32),
        SYS_INOTIFY_INIT => inotify::inotify_init1(0),
        SYS_INOTIFY_INIT1 => inotify::inotify_init1(a[0] as u32),
        SYS_INOTIFY_ADD_WATCH => inotify::inotify_add_watch(a[0] as i32 as i64, a[1], a[2] as u32),
        SYS_INOTIFY_RM_WATCH => inotify::inotify_rm_watch(a[0] as i32 as i64, a[1] as i32),
        SYS_TIMER_CREATE => crate::signal::timers::timer_create(a[0] as u32, a[1], a[2]),
        SYS_TIMER_SETTIME => crate::signal::timers::timer_settime(a[0] as i32 as i64, a[1] as u32, a[2], a[3]),
        SYS_TIMER_GETTIME => crate::signal::timers::timer_gettime(a[0] as i32 as i64, a[1]),
        SYS_TIMER_GETOVERRUN => crate::signal::timers::timer_getoverrun(a[0] as i32 as i64),
        SYS_TIMER_DELETE => crate::signal::timers::timer_delete(a[0] as i32 as i64),
        SYS_SHMGET => ipc::shm::shmget(a[0] as i32, a[1], a[2] as u32),
        SYS_SHMAT => ipc::shm::shmat(a[0] as i32 as i64, a[1], a[2] as u32),
        SYS_SHMDT => ipc::shm::shmdt(a[0]),
        SYS_SHMCTL => ipc::shm::shmctl(a[0] as i32 as i64, a[1] as u32, a[2]),
        SYS_SEMGET => ipc::sem::semget(a[0] as i32, a[1] as i32 as i64, a[2] as u32),
        SYS_SEMOP => ipc::sem::semtimedop(a[0] as i32 as i64, a[1], a[2], 0),
        SYS_SEMTIMEDOP => ipc::sem::semtimedop(a[0] as i32 as i64, a[1], a[2], a[3]),
        SYS_SEMCTL => ipc::sem::semctl(a[0] as i32 as i64, a[1] as i32 as i64, a[2] as u32, a[3]),
        SYS_MSGGET => ipc::msg::msgget(a[0] as i32, a[1] as u32),
        SYS_MSGSND => ipc::msg::msgsnd(a[0] as i32 as i64, a[1], a[2], a[3] as u32),
        SYS_MSGRCV => ipc::msg::msgrcv(a[0] as i32 as i64, a[1], a[2], a[3] as i64, a[4] as u32),
        SYS_MSGCTL => ipc::msg::msgctl(a[0] as i32 as i64, a[1] as u32, a[2]),
        SYS_MQ_OPEN => ipc::mqueue::mq_open(a[0], a[1] as u32, a[2] as u32, a[3]),
        SYS_MQ_UNLINK => ipc::mqueue::mq_unlink(a[0]),
        SYS_MQ_TIMEDSEND => ipc::mqueue::mq_timedsend(a[0] as i32 as i64, a[1], a[2], a[3] as u32, a[4]),
        SYS_MQ_TIMEDRECEIVE => ipc::mqueue::mq_timedreceive(a[0] as i32 as i64, a[1], a[2], a[3], a[4]),
        SYS_MQ_NOTIFY => ipc::mqueue::mq_notify(a[0] as i32 as i64, a[1]),
        SYS_MQ_GETSETATTR => ipc::mqueue::mq_getsetattr(a[0] as i32 as i64, a[1], a[2]),
        SYS_SENDFILE => sendfile::sendfile(a[0] as i32 as i64, a[1] as i32 as i64, a[2], a[3]),
        _ => enosys(nr),
    };
    match r {
        Ok(v) => v,
        Err(e) => -e,
    }
}
