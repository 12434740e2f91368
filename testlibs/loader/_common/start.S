/* _start for loader tests: calls main(argc, argv, envp), then the loader's
   fini function (passed in %rdx), then exit(main's result). */
    .text
    .globl _start
_start:
    xor %ebp, %ebp
    mov %rdx, %r15          /* rtld fini */
    mov (%rsp), %rdi
    lea 8(%rsp), %rsi
    lea 8(%rsi,%rdi,8), %rdx
    and $-16, %rsp
    call main
    mov %eax, %r14d
    test %r15, %r15
    jz 1f
    call *%r15
1:  mov %r14d, %edi
    mov $231, %eax
    syscall
    .section .note.GNU-stack,"",@progbits
