//! What happens after an entry stub: interrupts and exceptions from user mode
//! (timer preemption, demand paging, fatal faults), the idle-time timer tick,
//! and the syscall dispatcher hand-off.
use crate::arch::x86_64::entry::TrapFrame;
use crate::arch::x86_64::{cpu, timer};
use crate::mm::vm::Access;
use crate::proc::{self, ExitStatus, State};

pub const SIGILL: i32 = 4;
pub const SIGTRAP: i32 = 5;
pub const SIGBUS: i32 = 7;
pub const SIGFPE: i32 = 8;
pub const SIGSEGV: i32 = 11;

#[no_mangle]
extern "C" fn trap_from_user(f: &mut TrapFrame) {
    match f.vector {
        timer::TIMER_VECTOR => {
            timer::eoi(f.vector);
            proc::yield_now();
        }
        14 => {
            let addr = cpu::read_cr2();
            let access = if f.err & 0x10 != 0 {
                Access::Exec
            } else if f.err & 2 != 0 {
                Access::Write
            } else {
                Access::Read
            };
            let ok = proc::current_aspace().is_some_and(|a| a.fault(addr, access).is_ok());
            if !ok {
                fatal(f, SIGSEGV, addr);
            }
        }
        39 => {} // spurious IRQ7
        47 => timer::eoi(32),
        0 | 16 | 19 => fatal(f, SIGFPE, 0),
        6 => fatal(f, SIGILL, 0),
        3 | 1 => fatal(f, SIGTRAP, 0),
        17 => fatal(f, SIGBUS, 0),
        _ => fatal(f, SIGSEGV, 0),
    }
    after_user_entry();
}

/// A thread whose process died meanwhile never returns to user mode.
pub fn after_user_entry() {
    if proc::current().state == State::Dead {
        proc::schedule();
        unreachable!("a dead thread was scheduled");
    }
}

/// Faults are not delivered as signals: the process is terminated as if by
/// the default action (documented in docs/kernel.md).
fn fatal(f: &TrapFrame, sig: i32, addr: u64) {
    let p = proc::current_proc();
    crate::kprintln!(
        "vibix: pid {} ({}): signal {} (vector {}, err {:#x}) at rip {:#x}, addr {:#x}, rsp {:#x}",
        p.pid, p.name, sig, f.vector, f.err, f.rip, addr, f.rsp
    );
    proc::finish_process(p.pid, ExitStatus::Signal(sig));
}

#[no_mangle]
extern "C" fn trap_from_kernel(f: &mut TrapFrame) {
    match f.vector {
        timer::TIMER_VECTOR => timer::eoi(f.vector),
        39 => {}
        47 => timer::eoi(32),
        _ => panic!(
            "kernel exception {} err {:#x} at rip {:#x} cr2 {:#x} rsp {:#x}",
            f.vector, f.err, f.rip, cpu::read_cr2(), f.rsp
        ),
    }
}

#[no_mangle]
extern "C" fn syscall_dispatch(f: &mut TrapFrame) {
    let r = crate::syscall::dispatch(f);
    f.rax = r as u64;
    after_user_entry();
}
