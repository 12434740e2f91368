//! What happens after an entry stub: interrupts and exceptions from user mode
//! (timer preemption, demand paging, faults turned into signals), the
//! idle-time timer tick, the syscall dispatcher hand-off, and signal delivery
//! on every way back to user mode.
use crate::arch::x86_64::entry::TrapFrame;
use crate::arch::x86_64::{cpu, timer};
use crate::mm::vm::Access;
use crate::proc::{self, State};
use crate::signal::{self, Info, SEGV_ACCERR, SEGV_MAPERR};

pub const SIGILL: i32 = 4;
pub const SIGTRAP: i32 = 5;
pub const SIGBUS: i32 = 7;
pub const SIGFPE: i32 = 8;

#[no_mangle]
extern "C" fn trap_from_user(f: &mut TrapFrame) {
    proc::usage::enter_kernel();
    match f.vector {
        timer::TIMER_VECTOR => {
            timer::eoi(f.vector);
            signal::tick();
            proc::load::tick();
            proc::usage::switched(false);
            proc::yield_now();
        }
        14 => {
            proc::usage::fault();
            let addr = cpu::read_cr2();
            let access = if f.err & 0x10 != 0 {
                Access::Exec
            } else if f.err & 2 != 0 {
                Access::Write
            } else {
                Access::Read
            };
            let aspace = proc::current_aspace();
            let mapped = aspace.as_ref().is_some_and(|a| a.vma_at(addr).is_some());
            if !aspace.is_some_and(|a| a.fault(addr, access).is_ok()) {
                signal::force(Info::fault(signal::SIGSEGV, if mapped { SEGV_ACCERR } else { SEGV_MAPERR }, addr));
            }
        }
        39 => {} // spurious IRQ7
        47 => timer::eoi(32),
        // si_code: FPE_INTDIV / FPE_FLTINV, ILL_ILLOPN, TRAP_BRKPT, BUS_ADRALN, SI_KERNEL (#GP).
        0 => signal::force(Info::fault(SIGFPE, 1, f.rip)),
        16 | 19 => signal::force(Info::fault(SIGFPE, 7, f.rip)),
        6 => signal::force(Info::fault(SIGILL, 2, f.rip)),
        3 | 1 => signal::force(Info::fault(SIGTRAP, 1, f.rip)),
        17 => signal::force(Info::fault(SIGBUS, 1, f.rip)),
        _ => signal::force(Info::fault(signal::SIGSEGV, signal::SI_KERNEL, 0)),
    }
    after_user_entry(f, None);
}

/// On the way back to user mode: a thread whose process died meanwhile never
/// returns; otherwise pending signals are taken (`nr`: the syscall that ran).
pub fn after_user_entry(f: &mut TrapFrame, nr: Option<u64>) {
    if proc::current().state != State::Dead {
        signal::deliver(f, nr);
        proc::job::stop_point();
    }
    if proc::current().state == State::Dead {
        proc::schedule();
        unreachable!("a dead thread was scheduled");
    }
    proc::usage::leave_kernel();
}

#[no_mangle]
extern "C" fn trap_from_kernel(f: &mut TrapFrame) {
    match f.vector {
        timer::TIMER_VECTOR => {
            timer::eoi(f.vector);
            signal::tick();
            proc::load::tick();
        }
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
    let nr = f.rax;
    proc::usage::enter_kernel();
    let r = crate::syscall::dispatch(f);
    f.rax = r as u64;
    // rt_sigreturn restored the registers: nothing to restart.
    after_user_entry(f, (nr != 15).then_some(nr));
}
