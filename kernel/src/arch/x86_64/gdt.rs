//! GDT and TSS. Selector layout is fixed by `syscall`/`sysret` (STAR):
//! kernel code 0x08, kernel data 0x10, user data 0x18|3, user code 0x20|3.
use core::arch::asm;
use core::cell::UnsafeCell;

pub const KERNEL_CS: u16 = 0x08;
pub const KERNEL_DS: u16 = 0x10;
pub const USER_DS: u16 = 0x18 | 3;
pub const USER_CS: u16 = 0x20 | 3;
const TSS_SEL: u16 = 0x28;

#[repr(C, packed)]
struct Tss {
    _r0: u32,
    rsp: [u64; 3],
    _r1: u64,
    ist: [u64; 7],
    _r2: u64,
    _r3: u16,
    iomap: u16,
}
static_assertions::const_assert_eq!(core::mem::size_of::<Tss>(), 104);

struct Tables {
    gdt: [u64; 7],
    tss: Tss,
    df_stack: [u8; 16384],
}

struct TablesCell(UnsafeCell<Tables>);
// SAFETY: one CPU; the tables are written at init and by `set_rsp0` with interrupts off.
unsafe impl Sync for TablesCell {}

static TABLES: TablesCell = TablesCell(UnsafeCell::new(Tables {
    gdt: [0, 0x00af9a000000ffff, 0x00cf92000000ffff, 0x00cff2000000ffff, 0x00affa000000ffff, 0, 0],
    tss: Tss { _r0: 0, rsp: [0; 3], _r1: 0, ist: [0; 7], _r2: 0, _r3: 0, iomap: 104 },
    df_stack: [0; 16384],
}));

/// IST index used for double faults and NMIs (a known-good stack).
pub const IST_EMERGENCY: u8 = 1;

pub fn init() {
    let t = TABLES.0.get();
    // SAFETY: called once at boot with interrupts off; nothing else references TABLES yet.
    unsafe {
        let tss_addr = core::ptr::addr_of!((*t).tss) as u64;
        let limit = (core::mem::size_of::<Tss>() - 1) as u64;
        (*t).gdt[5] = limit | (tss_addr & 0xff_ffff) << 16 | 0x89 << 40 | ((tss_addr >> 24) & 0xff) << 56;
        (*t).gdt[6] = tss_addr >> 32;
        let df_top = core::ptr::addr_of!((*t).df_stack) as u64 + 16384;
        (*t).tss.ist[IST_EMERGENCY as usize - 1] = df_top & !15;
        let ptr: [u64; 2] = [(7 * 8 - 1) as u64 | ((core::ptr::addr_of!((*t).gdt) as u64) << 16), core::ptr::addr_of!((*t).gdt) as u64 >> 48];
        asm!(
            "lgdt [{p}]",
            "push {cs}", "lea {tmp}, [rip + 2f]", "push {tmp}", "retfq", "2:",
            "mov ds, {ds:e}", "mov es, {ds:e}", "mov ss, {ds:e}",
            "ltr {tss:x}",
            p = in(reg) ptr.as_ptr(),
            cs = in(reg) KERNEL_CS as u64, ds = in(reg) KERNEL_DS as u32,
            tss = in(reg) TSS_SEL, tmp = out(reg) _,
        );
    }
}

/// The stack the CPU switches to on an interrupt or exception from ring 3.
pub fn set_rsp0(top: u64) {
    // SAFETY: single CPU, interrupts off in the kernel: no concurrent access.
    unsafe { core::ptr::write_unaligned(core::ptr::addr_of_mut!((*TABLES.0.get()).tss.rsp[0]), top) }
}
