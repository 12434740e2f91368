/* <sys/io.h>: x86 I/O port access (ioperm/iopl and the in/out helpers). */
#ifndef _SYS_IO_H
#define _SYS_IO_H
#include <features.h>
__BEGIN_DECLS
int ioperm(unsigned long, unsigned long, int);
int iopl(int);
#include <bits/io.h>
__END_DECLS
#endif
