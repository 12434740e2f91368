/* <bits/link.h>: the word size of this target's ELF types (from <link.h>). */
#ifndef _BITS_LINK_H
#define _BITS_LINK_H
#define ElfW(type) Elf64_##type
#define ELFW(type) ELF64_##type
#define __ELF_NATIVE_CLASS 64
#endif
