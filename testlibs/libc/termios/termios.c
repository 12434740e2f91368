/* <termios.h> and pseudo-terminals against glibc: attributes of a new pty,
   cfmakeraw, speeds, tcsetattr round trips, canonical vs raw input, window
   size, line control calls, error numbers, openpty/forkpty/login_tty. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <utmp.h>

static void show(const char *what, const struct termios *t) {
    printf("%s: i %o o %o c %o l %o vmin %d vtime %d veof %d vintr %d ispeed %o ospeed %o\n", what, t->c_iflag,
           t->c_oflag, t->c_cflag, t->c_lflag, t->c_cc[VMIN], t->c_cc[VTIME], t->c_cc[VEOF], t->c_cc[VINTR],
           cfgetispeed(t), cfgetospeed(t));
}

static int readall(int fd, char *buf, int n) {
    int got = 0;
    while (got < n) {
        int r = read(fd, buf + got, n - got);
        if (r <= 0)
            break;
        got += r;
    }
    buf[got] = 0;
    return got;
}

int main(void) {
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    printf("openpt %d grant %d unlock %d\n", m >= 0, grantpt(m), unlockpt(m));
    char name[64];
    printf("ptsname_r %d prefix %d\n", ptsname_r(m, name, sizeof name), strncmp(name, "/dev/pts/", 9) == 0);
    printf("ptsname same %d\n", strcmp(ptsname(m), name) == 0);
    printf("ptsname_r small %d\n", ptsname_r(m, name, 5));
    int s = open(ptsname(m), O_RDWR | O_NOCTTY);
    printf("slave open %d isatty %d\n", s >= 0, isatty(s));
    close(s);
    close(m);

    struct termios t;
    struct winsize ws = {24, 80, 0, 0}, got;
    char pname[64];
    int sl;
    printf("openpty %d\n", openpty(&m, &sl, pname, NULL, &ws));
    printf("name prefix %d\n", strncmp(pname, "/dev/pts/", 9) == 0);
    printf("tcgetattr %d\n", tcgetattr(sl, &t));
    show("default", &t);
    ioctl(sl, TIOCGWINSZ, &got);
    printf("winsize %d %d\n", got.ws_row, got.ws_col);
#ifndef __VIBIX_LIBC__ /* POSIX 2024; glibc 2.36 has only the ioctls */
#define tcgetwinsize(fd, w) ioctl(fd, TIOCGWINSZ, w)
#define tcsetwinsize(fd, w) ioctl(fd, TIOCSWINSZ, w)
#endif
    int n = tcgetwinsize(sl, &got);
    printf("tcgetwinsize %d %d\n", n, got.ws_col);
    ws.ws_col = 132;
    printf("tcsetwinsize %d\n", tcsetwinsize(sl, &ws));
    tcgetwinsize(m, &got);
    printf("cols via master %d\n", got.ws_col);

    /* canonical input: a line is delivered at newline, echo goes back to master */
    write(m, "hello\n", 6);
    char buf[64];
    n = read(sl, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("canon read %d %s", n, buf);
    n = readall(m, buf, 7);
    printf("echo %d %d\n", n, memcmp(buf, "hello\r\n", 7) == 0);

    struct termios raw = t;
    cfmakeraw(&raw);
    show("raw", &raw);
    printf("set raw %d\n", tcsetattr(sl, TCSANOW, &raw));
    struct termios back;
    tcgetattr(sl, &back);
    show("back", &back);
    write(m, "ab", 2);
    n = readall(sl, buf, 2);
    printf("raw read %d %s\n", n, buf);
    write(sl, "x\n", 2);
    n = readall(m, buf, 2);
    printf("raw out %d %d\n", n, buf[1] == '\n');

    printf("ospeed B9600 %d ispeed 0 %d\n", cfsetospeed(&raw, B9600), cfsetispeed(&raw, 0));
    show("9600", &raw);
    printf("speed B115200 %d\n", cfsetspeed(&raw, B115200));
    show("115200", &raw);
    errno = 0;
    n = cfsetospeed(&raw, 12345);
    printf("bad speed %d errno %d\n", n, errno);
    printf("set 38400 %d %d\n", cfsetispeed(&raw, B38400), tcsetattr(sl, TCSADRAIN, &raw));
    tcgetattr(sl, &back);
    show("38400", &back);
    errno = 0;
    n = tcsetattr(sl, 7, &raw);
    printf("bad action %d errno %d\n", n, errno);
    printf("drain %d flush %d %d flow %d %d break %d\n", tcdrain(sl), tcflush(sl, TCIFLUSH), tcflush(m, TCIOFLUSH),
           tcflow(sl, TCOOFF), tcflow(sl, TCOON), tcsendbreak(sl, 0));
    errno = 0;
    n = tcflush(sl, 9);
    printf("bad flush %d errno %d\n", n, errno);

    int fd = open("file", O_CREAT | O_RDWR, 0600);
    errno = 0;
    n = tcgetattr(fd, &t);
    printf("file tcgetattr %d errno %d\n", n, errno);
    errno = 0;
    n = grantpt(fd);
    printf("file grantpt %d errno %d\n", n, errno);
    printf("file ptsname_r %d\n", ptsname_r(fd, name, sizeof name));
    errno = 0;
    n = tcgetpgrp(fd);
    printf("file tcgetpgrp %d errno %d\n", n, errno);
    errno = 0;
    n = posix_openpt(O_RDWR | O_APPEND);
    printf("openpt O_APPEND %d errno %d\n", n, errno);
    close(m);
    close(sl);

    /* forkpty: the child's stdout is the slave; it is a session leader */
    int fm;
    fflush(stdout);
    pid_t c = forkpty(&fm, NULL, NULL, NULL);
    if (c == 0) {
        printf("child sid-ok %d pgrp-ok %d tty %d\n", tcgetsid(0) == getpid(), tcgetpgrp(1) == getpgrp(), isatty(1));
        fflush(stdout);
        _exit(3);
    }
    n = readall(fm, buf, 40);
    int st;
    waitpid(c, &st, 0);
    char *nl = strchr(buf, '\r');
    if (nl)
        *nl = 0;
    printf("from child: %s\n", buf);
    printf("child exit %d\n", WEXITSTATUS(st));

    /* login_tty in a child on a fresh pair */
    openpty(&m, &sl, NULL, NULL, NULL);
    fflush(stdout);
    c = fork();
    if (c == 0) {
        close(m);
        if (login_tty(sl) != 0)
            _exit(9);
        printf("login_tty ok %d\n", tcgetsid(2) == getpid());
        fflush(stdout);
        _exit(0);
    }
    close(sl);
    n = readall(m, buf, 16);
    waitpid(c, &st, 0);
    printf("login child said %.15s status %d\n", buf, WEXITSTATUS(st));
    return 0;
}
