//! x86_64: the process entry point, R_X86_64_* → [`RelocKind`], the thread pointer.

use vibix_elf as elf;

// Entry: the kernel (or execve of ld-vibix itself) jumps here with %rsp at argc.
// Stage 1 relocates ld-vibix; stage 2 loads everything and returns the program
// entry (rax) and our fini function (rdx), which the program gets in %rdx.
core::arch::global_asm!(
    ".globl _vibix_start",
    ".hidden _vibix_start",
    ".type _vibix_start,@function",
    "_vibix_start:",
    "    xor ebp, ebp",
    "    mov r12, rsp",
    "    and rsp, -16",
    "    lea rdi, [rip + __ehdr_start]",
    "    lea rsi, [rip + _DYNAMIC]",
    "    call {stage1}",
    "    mov rdi, r12",
    "    call {stage2}",
    "    mov rsp, r12",
    "    jmp rax",
    stage1 = sym crate::bootstrap::relocate_self,
    stage2 = sym crate::start::stage2,
);

// TLS descriptor resolver for static TLS (-mtls-dialect=gnu2): called with
// %rax = &descriptor, returns the tp-relative offset stored in its second word.
// Clobbers nothing else, as the TLSDESC convention requires.
core::arch::global_asm!(
    ".globl _vibix_tlsdesc_static",
    ".hidden _vibix_tlsdesc_static",
    "_vibix_tlsdesc_static:",
    "    mov rax, [rax + 8]",
    "    ret",
);

// TLS descriptor resolver for dynamic TLS: the second word packs the module id
// (high 32 bits) and the offset in its block (low 32 bits). Fast path: the
// block is in the DTV. Slow path: every register the caller may hold live
// (integer scratch registers, x87/SSE state via fxsave) is saved around a call
// into `tls::tlsdesc_slow`, which grows the DTV and allocates the block.
// Returns block + offset - tp in %rax; only %rax and the flags change.
core::arch::global_asm!(
    ".globl _vibix_tlsdesc_dynamic",
    ".hidden _vibix_tlsdesc_dynamic",
    "_vibix_tlsdesc_dynamic:",
    "    mov rax, [rax + 8]",
    "    push rcx",
    "    push rdx",
    "    mov rcx, rax",
    "    shr rcx, 32",
    "    mov edx, eax",
    "    mov rax, fs:8",
    "    cmp rcx, [rax]",
    "    ja 2f",
    "    mov rax, [rax + rcx * 8]",
    "    test rax, rax",
    "    jz 2f",
    "    add rax, rdx",
    "    sub rax, fs:0",
    "    pop rdx",
    "    pop rcx",
    "    ret",
    "2:",
    "    push rdi",
    "    push rsi",
    "    push r8",
    "    push r9",
    "    push r10",
    "    push r11",
    "    push rbx",
    "    mov rbx, rsp",
    "    and rsp, -16",
    "    sub rsp, 512",
    "    fxsave [rsp]",
    "    mov rdi, rcx",
    "    mov rsi, rdx",
    "    call {slow}",
    "    fxrstor [rsp]",
    "    mov rsp, rbx",
    "    pop rbx",
    "    pop r11",
    "    pop r10",
    "    pop r9",
    "    pop r8",
    "    pop rsi",
    "    pop rdi",
    "    pop rdx",
    "    pop rcx",
    "    ret",
    slow = sym crate::tls::tlsdesc_slow,
);

unsafe extern "C" {
    static __ehdr_start: elf::Ehdr;
    fn _vibix_tlsdesc_static();
    fn _vibix_tlsdesc_dynamic();
}

/// Address of the static TLS descriptor resolver.
pub fn tlsdesc_static() -> usize {
    _vibix_tlsdesc_static as *const () as usize
}

/// The dynamic TLS descriptor: resolver and argument for offset `off` in module
/// `id`, or None when either does not fit its 32 bits.
pub fn tlsdesc_dynamic(id: usize, off: usize) -> Option<[usize; 2]> {
    if id > u32::MAX as usize || off > u32::MAX as usize {
        return None;
    }
    Some([_vibix_tlsdesc_dynamic as *const () as usize, id << 32 | off])
}

/// Our own load address (the ELF header is the first byte of the first segment).
pub fn self_base() -> usize {
    core::ptr::addr_of!(__ehdr_start) as usize
}

/// One relocation, decoded from its x86_64 number.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RelocKind {
    None,
    /// B + A
    Relative,
    /// S + A
    Abs64,
    /// S (GOT entry / PLT slot)
    GlobDat,
    /// copy st_size bytes of S into the executable
    Copy,
    /// tp-relative offset of a static TLS symbol
    TpOff64,
    /// module id
    DtpMod64,
    /// offset within the module's TLS block
    DtpOff64,
    /// call the resolver at B + A
    IRelative,
    /// TLS descriptor: {resolver, argument}
    TlsDesc,
    Unsupported(u32),
}

pub fn reloc_kind(t: u32) -> RelocKind {
    match t {
        elf::R_X86_64_NONE => RelocKind::None,
        elf::R_X86_64_RELATIVE => RelocKind::Relative,
        elf::R_X86_64_64 => RelocKind::Abs64,
        elf::R_X86_64_GLOB_DAT | elf::R_X86_64_JUMP_SLOT => RelocKind::GlobDat,
        elf::R_X86_64_COPY => RelocKind::Copy,
        elf::R_X86_64_TPOFF64 => RelocKind::TpOff64,
        elf::R_X86_64_DTPMOD64 => RelocKind::DtpMod64,
        elf::R_X86_64_DTPOFF64 => RelocKind::DtpOff64,
        elf::R_X86_64_IRELATIVE => RelocKind::IRelative,
        elf::R_X86_64_TLSDESC => RelocKind::TlsDesc,
        t => RelocKind::Unsupported(t),
    }
}

/// A GOT or PLT slot bound to a symbol's address (GLOB_DAT, JUMP_SLOT): nearly
/// every symbolic relocation, tested before the general [`reloc_kind`] dispatch.
#[inline(always)]
pub fn is_symbol_slot(t: u32) -> bool {
    t == elf::R_X86_64_GLOB_DAT || t == elf::R_X86_64_JUMP_SLOT
}

/// Name for diagnostics.
pub fn reloc_name(t: u32) -> &'static str {
    elf::r_x86_64_name(t).unwrap_or("unknown relocation")
}

/// The current thread pointer (`%fs:0` holds tp itself).
#[inline(always)]
pub fn thread_pointer() -> usize {
    let tp: usize;
    // SAFETY: reads the self pointer of the current thread's ThreadHeader; only
    // called once %fs has been set up.
    unsafe { core::arch::asm!("mov {}, fs:0", out(reg) tp, options(nostack, readonly, preserves_flags)) };
    tp
}

/// Sets `%fs` base for the calling thread.
///
/// # Safety
/// `tp` must point at a valid, initialised ThreadHeader that outlives the thread.
pub unsafe fn set_thread_pointer(tp: usize) {
    // SAFETY: forwarded contract.
    unsafe { crate::sys_rt::set_fs(tp as *mut core::ffi::c_void) };
}
