#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H
#include <features.h>
#include <bits/ioctl.h>
__BEGIN_DECLS
struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; };
#define TCGETS 0x5401
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define FIONREAD 0x541B
#define FIONBIO 0x5421
#define FIOCLEX 0x5451
#define FIONCLEX 0x5450
int ioctl(int, unsigned long, ...);
__END_DECLS
#endif
