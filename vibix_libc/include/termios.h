#ifndef _TERMIOS_H
#define _TERMIOS_H
/* Terminal control: vibix_libc/src/header/termios. */
#include <features.h>
#include <bits/types.h>
#include <bits/termios.h>
__BEGIN_DECLS
struct winsize;
speed_t cfgetospeed(const struct termios *);
speed_t cfgetispeed(const struct termios *);
int cfsetospeed(struct termios *, speed_t);
int cfsetispeed(struct termios *, speed_t);
int tcgetattr(int, struct termios *);
int tcsetattr(int, int, const struct termios *);
int tcgetwinsize(int, struct winsize *);
int tcsetwinsize(int, const struct winsize *);
int tcsendbreak(int, int);
int tcdrain(int);
int tcflush(int, int);
int tcflow(int, int);
pid_t tcgetsid(int);
void cfmakeraw(struct termios *);
int cfsetspeed(struct termios *, speed_t);
__END_DECLS
#endif
