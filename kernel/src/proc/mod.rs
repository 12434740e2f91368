//! Processes, threads and the round-robin scheduler.
//!
//! A thread is a kernel stack + saved user state (the `TrapFrame` at the top
//! of that stack) + an FPU area + %fs base. Threads of one process share its
//! address space and descriptor table (clone with CLONE_VM|CLONE_FILES|...).
//! The kernel itself runs as thread 1 of process 1 (the test runner), on the
//! boot stack, without an address space of its own. It is also "init": it
//! adopts orphans and reaps those that end (except its own test processes).
//! Processes: fork/vfork/exec, exit and zombies, wait in `life`; process
//! groups, sessions, stop/continue in `job`.
pub mod cred;
pub mod futex;
pub mod job;
pub mod life;
pub mod load;
pub mod policy;
pub mod usage;

pub use life::{finish_process, reap};

use crate::arch::x86_64::entry::{self, TrapFrame, CURRENT_FPU, KSTACK_TOP};
use crate::arch::x86_64::{cpu, gdt, timer};
use crate::fs::file::FdTable;
use crate::mm::paging;
use crate::mm::vm::AddressSpace;
use crate::sync::Global;
use alloc::boxed::Box;
use alloc::collections::{BTreeMap, VecDeque};
use alloc::rc::Rc;
use core::cell::UnsafeCell;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::sync::atomic::Ordering;

pub const KSTACK_SIZE: usize = 32 * 1024;
pub const KERNEL_PID: u64 = 1;
/// Limits that keep clone/fork loops from exhausting kernel memory (EAGAIN past them).
const MAX_THREADS: usize = 2048;
const RESERVED_FRAMES: usize = 1024;

/// Whether one more thread (kernel stack + FPU area) may be created.
pub fn can_add_thread() -> bool {
    sched().threads.len() < MAX_THREADS && crate::mm::frame::free_count() > RESERVED_FRAMES
}

#[repr(C, align(16))]
pub struct FpuArea(pub [u8; 512]);

impl FpuArea {
    /// The state `fninit` + default MXCSR give: x87 control word 0x37f, MXCSR 0x1f80.
    pub fn initial() -> Box<Self> {
        let mut a = Box::new(FpuArea([0; 512]));
        a.0[0..2].copy_from_slice(&0x37fu16.to_le_bytes());
        a.0[24..28].copy_from_slice(&0x1f80u32.to_le_bytes());
        a.0[28..32].copy_from_slice(&0xffffu32.to_le_bytes());
        a
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Block {
    Futex { pid: u64, addr: u64, bitset: u32 },
    Sleep,
    WaitProc(u64),
    /// wait4/waitid: a state change of any child of this process.
    WaitChild(u64),
    /// A stopped process's thread, until SIGCONT (or SIGKILL).
    Stopped,
    /// vfork's parent, until child `pid` execs or ends.
    Vfork(u64),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum State {
    Runnable,
    Blocked(Block),
    Dead,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Wake {
    Normal,
    Timeout,
}

pub struct Thread {
    pub tid: u64,
    pub pid: u64,
    _kstack: Option<Box<[u8]>>,
    kstack_top: u64,
    saved_rsp: u64,
    pub fpu: Box<FpuArea>,
    pub fs_base: u64,
    pub state: State,
    pub deadline: Option<u64>,
    pub wake: Wake,
    pub clear_child_tid: u64,
    pub sigmask: u64,
    pub altstack: [u64; 3],
    pub sig: crate::signal::ThreadSig,
    pub cpu: usage::CpuClock,
    /// Scheduling policy and priority (sched_setscheduler), inherited by new threads.
    pub policy: policy::Policy,
    /// The thread's name (PR_SET_NAME; exec sets the file's base name).
    pub comm: [u8; 16],
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExitStatus {
    Code(i32),
    Signal(i32),
}

/// An address space, shared by the threads of a process and, after
/// clone(CLONE_VM) without CLONE_THREAD (vfork), by parent and child.
pub type SharedAspace = Rc<UnsafeCell<AddressSpace>>;

/// A stop or continue the parent has not collected with wait yet.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Notice {
    Stopped(i32),
    Continued,
}

pub struct Process {
    pub pid: u64,
    pub pgid: u64,
    pub sid: u64,
    /// Whether it has called execve (setpgid on it from the parent is EACCES then).
    pub execed: bool,
    /// Job control: stopped by SIGSTOP/SIGTSTP/SIGTTIN/SIGTTOU until SIGCONT.
    pub stopped: bool,
    pub notice: Option<Notice>,
    /// vfork: the parent's thread that sleeps until this child execs or ends.
    pub vfork_parent: Option<u64>,
    /// The signal the parent gets when this process ends (SIGCHLD; clone's CSIGNAL).
    pub exit_signal: i32,
    /// Ended and reaped by nobody's wait (init's orphans, SIGCHLD ignored).
    pub autoreap: bool,
    pub name: String,
    /// Absolute path of the executable (what /proc/self/exe names).
    pub exe: String,
    /// The process that waits for this one (the kernel runner for test programs).
    pub parent: u64,
    pub aspace: Option<SharedAspace>,
    pub fds: FdTable,
    pub threads: Vec<u64>,
    pub exit: Option<ExitStatus>,
    /// rt_sigaction records (handler, flags, restorer, mask), indexed by signal.
    pub sigactions: [[u64; 4]; 65],
    /// The runner's copy of everything written to fd 1.
    pub capture: Option<Vec<u8>>,
    /// The same for fd 2 (the runner checks expected lines in it).
    pub capture_err: Vec<u8>,
    /// The process whose `capture` gets this one's console output (inherited, so
    /// orphans of a test still write into its capture).
    pub capture_to: u64,
    pub cwd: String,
    pub sig: crate::signal::ProcSig,
    pub res: usage::Resources,
    pub cred: cred::Cred,
    /// The execution domain personality(2) set (kept across fork and exec).
    pub persona: u32,
    /// Supplementary group ids (setgroups), sorted.
    pub groups: Vec<u32>,
}

pub struct Sched {
    pub threads: BTreeMap<u64, Box<Thread>>,
    pub procs: BTreeMap<u64, Box<Process>>,
    runq: VecDeque<u64>,
    pub current: u64,
    next_id: u64,
    /// Ended processes to free once no thread of theirs runs (`life::reap_autoreaped`).
    pub reap: Vec<u64>,
}

static SCHED: Global<Option<Sched>> = Global::new(None);

pub fn sched() -> &'static mut Sched {
    SCHED.get().as_mut().expect("scheduler not initialised")
}

pub fn current() -> &'static mut Thread {
    let s = sched();
    s.threads.get_mut(&s.current).expect("current thread exists")
}

pub fn current_proc() -> &'static mut Process {
    let pid = current().pid;
    sched().procs.get_mut(&pid).expect("current process exists")
}

pub fn current_aspace() -> Option<&'static mut AddressSpace> {
    aspace_of(current_proc())
}

/// The address space of `p`.
pub fn aspace_of(p: &Process) -> Option<&'static mut AddressSpace> {
    // SAFETY: one CPU and no preemption in the kernel: the kernel touches one address
    // space at a time and keeps no reference across a call that replaces `p.aspace`.
    p.aspace.as_ref().map(|a| unsafe { &mut *a.get() })
}

pub fn share_aspace(a: AddressSpace) -> SharedAspace {
    Rc::new(UnsafeCell::new(a))
}

/// Makes the running boot context thread 1 of the kernel process.
pub fn init(boot_stack_top: u64) {
    let fpu = FpuArea::initial();
    CURRENT_FPU.store(&*fpu as *const FpuArea as u64, Ordering::Relaxed);
    let t = Thread {
        tid: 1,
        pid: KERNEL_PID,
        _kstack: None,
        kstack_top: boot_stack_top,
        saved_rsp: 0,
        fpu,
        fs_base: 0,
        state: State::Runnable,
        deadline: None,
        wake: Wake::Normal,
        clear_child_tid: 0,
        sigmask: 0,
        altstack: [0, 2, 0],
        sig: Default::default(),
        cpu: usage::CpuClock::started(),
        policy: Default::default(),
        comm: policy::comm_from(b"kernel"),
    };
    let p = new_process(KERNEL_PID, String::from("kernel"), None);
    let mut s = Sched { threads: BTreeMap::new(), procs: BTreeMap::new(), runq: VecDeque::new(), current: 1, next_id: 2, reap: Vec::new() };
    s.threads.insert(1, Box::new(t));
    s.procs.insert(KERNEL_PID, p);
    *SCHED.get() = Some(s);
}

fn new_process(pid: u64, name: String, aspace: Option<SharedAspace>) -> Box<Process> {
    Box::new(Process {
        pid,
        pgid: pid,
        sid: pid,
        execed: false,
        stopped: false,
        notice: None,
        vfork_parent: None,
        exit_signal: crate::signal::SIGCHLD,
        autoreap: false,
        name,
        exe: String::new(),
        parent: KERNEL_PID,
        aspace,
        fds: FdTable::with_console(),
        threads: Vec::new(),
        exit: None,
        sigactions: [[0; 4]; 65],
        capture: None,
        capture_err: Vec::new(),
        capture_to: 0,
        cwd: String::new(),
        sig: Default::default(),
        res: Default::default(),
        cred: Default::default(),
        persona: 0,
        groups: Vec::new(),
    })
}

/// Creates a runnable thread of `pid` that enters user mode with `frame`.
pub fn new_thread(pid: u64, frame: TrapFrame, fs_base: u64, fpu: Box<FpuArea>) -> u64 {
    let s = sched();
    let tid = s.next_id;
    s.next_id += 1;
    // Like Linux's copy_process: the creator's name and scheduling attributes.
    let (policy, comm) = s.threads.get(&s.current).map_or_else(Default::default, |t| (t.policy.on_fork(), t.comm));
    let mut stack = vec![0u8; KSTACK_SIZE].into_boxed_slice();
    let top = (stack.as_mut_ptr() as u64 + KSTACK_SIZE as u64) & !15;
    let frame_at = top - core::mem::size_of::<TrapFrame>() as u64;
    // SAFETY: `frame_at` and the 7 words below it lie inside the fresh stack.
    unsafe {
        (frame_at as *mut TrapFrame).write(frame);
        ((frame_at - 8) as *mut u64).write(entry::new_thread_start as *const () as u64);
    }
    let t = Thread {
        tid,
        pid,
        _kstack: Some(stack),
        kstack_top: top,
        saved_rsp: frame_at - 56,
        fpu,
        fs_base,
        state: State::Runnable,
        deadline: None,
        wake: Wake::Normal,
        clear_child_tid: 0,
        sigmask: 0,
        altstack: [0, 2, 0],
        sig: Default::default(),
        cpu: usage::CpuClock::started(),
        policy,
        comm,
    };
    s.threads.insert(tid, Box::new(t));
    s.procs.get_mut(&pid).expect("thread's process exists").threads.push(tid);
    s.runq.push_back(tid);
    tid
}

/// A new process whose first thread starts at `entry` with stack `sp`.
pub fn spawn_user(name: String, aspace: AddressSpace, entry: u64, sp: u64, capture: bool) -> u64 {
    let s = sched();
    let pid = s.next_id;
    let mut p = new_process(pid, name, Some(share_aspace(aspace)));
    // Like a command of a shell without job control: in init's group and session.
    (p.pgid, p.sid) = (KERNEL_PID, KERNEL_PID);
    if capture {
        p.capture = Some(Vec::new());
        p.capture_to = pid;
    }
    s.procs.insert(pid, p);
    let frame = TrapFrame { rip: entry, rsp: sp, cs: gdt::USER_CS as u64, ss: gdt::USER_DS as u64, rflags: 0x202, ..Default::default() };
    let tid = new_thread(pid, frame, 0, FpuArea::initial());
    debug_assert_eq!(tid, pid);
    pid
}

fn switch_to(next: u64) {
    let s = sched();
    let prev = s.current;
    if prev == next {
        return;
    }
    if let Some(t) = s.threads.get_mut(&prev) {
        usage::stop(t);
    }
    let n = s.threads.get_mut(&next).expect("next thread exists");
    n.cpu.restart();
    KSTACK_TOP.store(n.kstack_top, Ordering::Relaxed);
    gdt::set_rsp0(n.kstack_top);
    CURRENT_FPU.store(&*n.fpu as *const FpuArea as u64, Ordering::Relaxed);
    // SAFETY: FS_BASE is only the user's TLS pointer; the kernel does not use %fs.
    unsafe { cpu::wrmsr(cpu::MSR_FS_BASE, n.fs_base) };
    let cr3 = s.procs.get(&n.pid).and_then(|p| aspace_of(p)).map_or(paging::kernel_pml4(), |a| a.pml4);
    if cpu::read_cr3() != cr3 {
        // SAFETY: every PML4 maps the kernel half.
        unsafe { cpu::write_cr3(cr3) };
    }
    let new_rsp = n.saved_rsp;
    let prev_slot = &mut s.threads.get_mut(&prev).expect("previous thread exists").saved_rsp as *mut u64;
    s.current = next;
    // SAFETY: both stacks belong to live threads (dead ones are reaped only after switching away).
    unsafe { entry::switch_stacks(prev_slot, new_rsp) };
    after_switch();
}

/// Runs on the new thread right after a switch: frees threads that died.
#[no_mangle]
pub extern "C" fn after_switch() {
    let s = sched();
    let cur = s.current;
    s.threads.retain(|&tid, t| tid == cur || t.state != State::Dead);
    life::reap_autoreaped();
}

/// Picks the next runnable thread and switches to it; idles while none is.
pub fn schedule() {
    loop {
        wake_expired();
        let s = sched();
        while let Some(t) = s.runq.pop_front() {
            if s.threads.get(&t).is_some_and(|t| t.state == State::Runnable) {
                switch_to(t);
                return;
            }
        }
        // Idle time is nobody's: the clock of the (blocked) current thread restarts after.
        if let Some(t) = s.threads.get_mut(&s.current) {
            usage::stop(t);
        }
        cpu::idle_wait();
        if let Some(t) = sched().threads.get_mut(&sched().current) {
            t.cpu.restart();
        }
    }
}

/// Gives up the CPU but stays runnable (sched_yield, timer preemption).
pub fn yield_now() {
    let s = sched();
    s.runq.push_back(s.current);
    schedule();
}

/// Blocks the current thread until woken or until `deadline` (monotonic ns).
pub fn block(b: Block, deadline: Option<u64>) -> Wake {
    usage::switched(true);
    let t = current();
    t.state = State::Blocked(b);
    t.deadline = deadline;
    t.wake = Wake::Normal;
    schedule();
    current().wake
}

pub fn wake(tid: u64, why: Wake) {
    let s = sched();
    if let Some(t) = s.threads.get_mut(&tid) {
        if matches!(t.state, State::Blocked(_)) {
            t.state = State::Runnable;
            t.deadline = None;
            t.wake = why;
            s.runq.push_back(tid);
        }
    }
}

fn wake_expired() {
    let now = timer::monotonic_ns();
    let due: Vec<u64> = sched().threads.values().filter(|t| matches!(t.state, State::Blocked(_)) && t.deadline.is_some_and(|d| d <= now)).map(|t| t.tid).collect();
    for tid in due {
        wake(tid, Wake::Timeout);
    }
}

/// The current thread ends (exit(2)); the last one ends the process.
pub fn exit_thread(code: i32) -> ! {
    let t = current();
    let (tid, pid, ctid) = (t.tid, t.pid, t.clear_child_tid);
    if ctid != 0 && crate::mm::uaccess::write(ctid, &0u32).is_ok() {
        futex::wake(futex::key(pid, ctid, false), 1, !0);
    }
    t.state = State::Dead;
    let p = current_proc();
    usage::retire(p, current());
    p.threads.retain(|&x| x != tid);
    if p.threads.is_empty() {
        finish_process(pid, ExitStatus::Code(code & 0xff));
    }
    schedule();
    unreachable!("a dead thread was scheduled");
}

