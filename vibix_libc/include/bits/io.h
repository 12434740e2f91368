/* x86 port I/O (in/out instructions), included by <sys/io.h>. They fault
   unless ioperm/iopl granted the ports. */
#ifndef _BITS_IO_H
#define _BITS_IO_H
static __inline void outb(unsigned char __v, unsigned short __p) { __asm__ volatile("outb %0, %1" : : "a"(__v), "Nd"(__p)); }
static __inline void outw(unsigned short __v, unsigned short __p) { __asm__ volatile("outw %0, %1" : : "a"(__v), "Nd"(__p)); }
static __inline void outl(unsigned int __v, unsigned short __p) { __asm__ volatile("outl %0, %1" : : "a"(__v), "Nd"(__p)); }
static __inline unsigned char inb(unsigned short __p) { unsigned char __v; __asm__ volatile("inb %1, %0" : "=a"(__v) : "Nd"(__p)); return __v; }
static __inline unsigned short inw(unsigned short __p) { unsigned short __v; __asm__ volatile("inw %1, %0" : "=a"(__v) : "Nd"(__p)); return __v; }
static __inline unsigned int inl(unsigned short __p) { unsigned int __v; __asm__ volatile("inl %1, %0" : "=a"(__v) : "Nd"(__p)); return __v; }
static __inline void outb_p(unsigned char __v, unsigned short __p) { outb(__v, __p); outb(0, 0x80); }
static __inline void outw_p(unsigned short __v, unsigned short __p) { outw(__v, __p); outb(0, 0x80); }
static __inline void outl_p(unsigned int __v, unsigned short __p) { outl(__v, __p); outb(0, 0x80); }
static __inline unsigned char inb_p(unsigned short __p) { unsigned char __v = inb(__p); outb(0, 0x80); return __v; }
static __inline unsigned short inw_p(unsigned short __p) { unsigned short __v = inw(__p); outb(0, 0x80); return __v; }
static __inline unsigned int inl_p(unsigned short __p) { unsigned int __v = inl(__p); outb(0, 0x80); return __v; }
static __inline void outsb(unsigned short __p, const void *__a, unsigned long __n) { __asm__ volatile("rep outsb" : "+S"(__a), "+c"(__n) : "d"(__p)); }
static __inline void outsw(unsigned short __p, const void *__a, unsigned long __n) { __asm__ volatile("rep outsw" : "+S"(__a), "+c"(__n) : "d"(__p)); }
static __inline void outsl(unsigned short __p, const void *__a, unsigned long __n) { __asm__ volatile("rep outsl" : "+S"(__a), "+c"(__n) : "d"(__p)); }
static __inline void insb(unsigned short __p, void *__a, unsigned long __n) { __asm__ volatile("rep insb" : "+D"(__a), "+c"(__n) : "d"(__p) : "memory"); }
static __inline void insw(unsigned short __p, void *__a, unsigned long __n) { __asm__ volatile("rep insw" : "+D"(__a), "+c"(__n) : "d"(__p) : "memory"); }
static __inline void insl(unsigned short __p, void *__a, unsigned long __n) { __asm__ volatile("rep insl" : "+D"(__a), "+c"(__n) : "d"(__p) : "memory"); }
#endif
