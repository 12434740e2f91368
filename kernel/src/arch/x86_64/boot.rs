//! PVH entry: QEMU enters `pvh_start` in 32-bit protected mode with paging off
//! and `%ebx` = physical address of `hvm_start_info`. This stub builds
//! throw-away page tables (identity + direct map of 4 GiB + the kernel at
//! -2 GiB, 2 MiB pages), turns on long mode, SSE and NX, and calls
//! `kmain(start_info)` on the boot stack. `mm::paging` replaces these tables
//! with W^X ones before anything else runs.

core::arch::global_asm!(
    r#"
    .section .note.Xen, "a", @note
    .balign 4
    .long 4            /* namesz: "Xen\0" */
    .long 4            /* descsz */
    .long 18           /* XEN_ELFNOTE_PHYS32_ENTRY */
    .asciz "Xen"
    .long pvh_start
    .balign 4

    .section .boot.text, "ax"
    .code32
    .global pvh_start
pvh_start:
    cli
    cld
    mov %ebx, %esi                 /* keep start_info */

    /* zero the boot tables (7 pages) */
    mov $boot_tables, %edi
    xor %eax, %eax
    mov $(7 * 1024), %ecx
    rep stosl

    /* boot_pd[0..2048]: 4 GiB of 2 MiB pages, P|RW|PS */
    mov $boot_pd, %edi
    xor %ecx, %ecx
1:  mov %ecx, %eax
    shl $21, %eax
    or $0x83, %eax
    mov %eax, (%edi,%ecx,8)
    mov %ecx, %eax
    shr $11, %eax
    mov %eax, 4(%edi,%ecx,8)
    inc %ecx
    cmp $2048, %ecx
    jne 1b

    /* pdpt_lo[0..4] -> the four PDs */
    mov $boot_pdpt_lo, %edi
    mov $boot_pd, %eax
    or $3, %eax
    mov %eax, 0(%edi)
    add $4096, %eax
    mov %eax, 8(%edi)
    add $4096, %eax
    mov %eax, 16(%edi)
    add $4096, %eax
    mov %eax, 24(%edi)
    /* pdpt_hi[510] -> first PD (kernel at -2 GiB = physical 0) */
    mov $boot_pdpt_hi, %edi
    mov $boot_pd, %eax
    or $3, %eax
    mov %eax, (510*8)(%edi)
    /* pml4[0] and pml4[256] -> pdpt_lo, pml4[511] -> pdpt_hi */
    mov $boot_pml4, %edi
    mov $boot_pdpt_lo, %eax
    or $3, %eax
    mov %eax, 0(%edi)
    mov %eax, (256*8)(%edi)
    mov $boot_pdpt_hi, %eax
    or $3, %eax
    mov %eax, (511*8)(%edi)

    /* CR4: PAE | OSFXSR | OSXMMEXCPT */
    mov %cr4, %eax
    or $((1 << 5) | (1 << 9) | (1 << 10)), %eax
    mov %eax, %cr4
    mov $boot_pml4, %eax
    mov %eax, %cr3
    /* EFER: LME | NXE (SCE is set later with the syscall MSRs) */
    mov $0xC0000080, %ecx
    rdmsr
    or $((1 << 8) | (1 << 11)), %eax
    wrmsr
    /* CR0: PG | WP | NE | MP | PE, clear EM */
    mov %cr0, %eax
    and $~(1 << 2), %eax
    or $((1 << 31) | (1 << 16) | (1 << 5) | (1 << 1) | 1), %eax
    mov %eax, %cr0

    lgdt boot_gdt_ptr
    ljmp $0x08, $boot_long

    .code64
boot_long:
    mov $0x10, %eax
    mov %eax, %ds
    mov %eax, %es
    mov %eax, %ss
    xor %eax, %eax
    mov %eax, %fs
    mov %eax, %gs
    mov %esi, %edi                 /* zero-extends: rdi = start_info */
    movabs $boot_stack_top, %rsp
    movabs $kmain, %rax
    xor %ebp, %ebp
    call *%rax
2:  hlt
    jmp 2b

    .balign 16
boot_gdt:
    .quad 0
    .quad 0x00af9a000000ffff       /* 0x08: 64-bit code */
    .quad 0x00cf92000000ffff       /* 0x10: data */
boot_gdt_ptr:
    .word boot_gdt_ptr - boot_gdt - 1
    .long boot_gdt

    .balign 4096
boot_tables:
boot_pml4:    .skip 4096
boot_pdpt_lo: .skip 4096
boot_pdpt_hi: .skip 4096
boot_pd:      .skip 4096 * 4

    .section .bss.boot_stack, "aw", @nobits
    .balign 16
    .global boot_stack_bottom
boot_stack_bottom:
    .skip 65536
    .global boot_stack_top
boot_stack_top:
    .text
"#,
    options(att_syntax)
);
