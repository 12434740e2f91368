/* An absolute address stored in .text: needs a text relocation. */
int tr_data = 5;
__asm__(".text\n.globl tr_ptr\ntr_ptr: .quad tr_data\n");
int needed_sym(void) { return 1; }
