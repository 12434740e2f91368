#ifndef _PTY_H
#define _PTY_H
/* Pseudo-terminal pairs: vibix_libc/src/header/pty. */
#include <features.h>
#include <bits/types.h>
#include <termios.h>
#include <sys/ioctl.h>
__BEGIN_DECLS
int openpty(int *, int *, char *, const struct termios *, const struct winsize *);
pid_t forkpty(int *, char *, const struct termios *, const struct winsize *);
__END_DECLS
#endif
