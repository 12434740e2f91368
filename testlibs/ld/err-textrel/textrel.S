/* A library whose code needs a relocation (DT_TEXTREL): the absolute address
 * of `counter` is patched into .text. A W^X loader must refuse it. */
    .text
    .globl lib_value
    .type lib_value, @function
lib_value:
    movabs $counter, %rax
    movl (%rax), %eax
    ret
    .size lib_value, . - lib_value

    .data
    .globl counter
counter:
    .long 5
    .section .note.GNU-stack, "", @progbits
