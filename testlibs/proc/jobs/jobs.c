/* Process groups and sessions (setpgid/getpgid/getpgrp/setsid/getsid, their
   errors), kill(0)/kill(-pgid), job control (SIGSTOP/SIGTSTP/SIGCONT with
   WUNTRACED/WCONTINUED, CLD_STOPPED/CLD_CONTINUED, SA_NOCLDSTOP), and
   SIGCHLD set to SIG_IGN reaping children by itself. Output as with glibc. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../_wait.h"

static volatile sig_atomic_t last_code, nchld, got_usr1;
static void on_chld(int s, siginfo_t *si, void *u) { (void)s, (void)u; last_code = si->si_code; nchld++; }
static void on_usr1(int s) { (void)s; got_usr1++; }

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc > 1) { /* exec'd by the setpgid-after-exec check: tell, then wait to be killed */
        kill(getppid(), SIGUSR1);
        for (;;)
            pause();
    }
    int st;
    /* A child of its own is not a group leader: setsid works there. */
    pid_t pid = fork();
    if (pid == 0) {
        pid_t me = getpid();
        int leader = getpgrp() == me;
        pid_t s = setsid();
        printf("child: was leader %d, setsid ok %d, getsid %d, getpgrp %d, getpgid(0) %d\n", leader, s == me, getsid(0) == me, getpgrp() == me, getpgid(0) == me);
        show("child: setsid again", setsid());
        show("child: setpgid as a session leader", setpgid(0, getppid()));
        _exit(0);
    }
    waitpid(pid, &st, 0);

    /* setpgid from the parent: the child's group before and after exec. The
       child stays alive (and silent) until the parent is done with it: it
       waits for the parent's byte on a pipe. */
    int go[2];
    if (pipe(go) != 0)
        return 1;
    pid = fork();
    if (pid == 0) {
        char c;
        close(go[1]);
        if (read(go[0], &c, 1) != 1)
            _exit(1);
        printf("child: in a group of its own %d\n", getpgrp() == getpid());
        _exit(0);
    }
    close(go[0]);
    show("parent: setpgid(child, 0)", setpgid(pid, 0));
    printf("parent: getpgid(child) is child %d\n", getpgid(pid) == pid);
    printf("parent: setpgid(child, child) again %d\n", setpgid(pid, pid));
    if (write(go[1], "g", 1) != 1)
        return 1;
    close(go[1]);
    waitpid(pid, &st, 0);
    show("setpgid(0, -1)", setpgid(0, -1));
    show("getpgid(no such pid)", getpgid(0x3fffffff));
    show("getsid(no such pid)", getsid(0x3fffffff));
    show("setpgid of a non-child", setpgid(1, 0));
    show("setpgid to a group that does not exist", setpgid(0, 0x3ffffff0));

    /* After exec the parent can no longer move the child (EACCES). */
    signal(SIGUSR1, on_usr1);
    sigset_t usr1, old;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigprocmask(SIG_BLOCK, &usr1, &old);
    pid = fork();
    if (pid == 0) {
        char self[4096];
        ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
        self[n > 0 ? n : 0] = 0;
        char *a[] = { self, "wait", NULL };
        execv(self, a);
        _exit(127);
    }
    while (!got_usr1) /* until the exec happened */
        sigsuspend(&old);
    sigprocmask(SIG_SETMASK, &old, NULL);
    got_usr1 = 0;
    show("setpgid after exec", setpgid(pid, 0));
    kill(pid, SIGKILL);
    waitpid(pid, &st, 0);
    printf("exec'd child killed: %d\n", WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);

    /* kill(-pgid) reaches every member of the group, kill(0) our own group. */
    pid_t a = fork();
    if (a == 0) {
        setpgid(0, 0);
        for (;;)
            pause();
    }
    setpgid(a, a);
    pid_t b = fork();
    if (b == 0) {
        for (;;)
            pause();
    }
    setpgid(b, a);
    printf("group: b in a's group %d\n", getpgid(b) == a);
    printf("kill(-a, SIGTERM) %d\n", kill(-a, SIGTERM));
    waitpid(a, &st, 0);
    printf("a %d", WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
    waitpid(b, &st, 0);
    printf(" b %d\n", WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
    show("kill(-no such group)", kill(-0x3ffffff0, SIGTERM));
    pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        signal(SIGUSR1, on_usr1);
        pid_t g = fork();
        if (g == 0) {
            signal(SIGUSR1, on_usr1);
            while (!got_usr1)
                usleep(1000);
            _exit(10);
        }
        usleep(50000);
        kill(0, SIGUSR1);
        waitpid(g, &st, 0);
        printf("kill(0): self %d, group member %d\n", got_usr1, WEXITSTATUS(st));
        _exit(0);
    }
    waitpid(pid, &st, 0);

    /* Job control: stop, report, continue, report. */
    catch_sigchld(on_chld);
    pid = fork();
    if (pid == 0) { /* until killed at the end: never exits under the parent's feet */
        for (;;)
            pause();
    }
    kill(pid, SIGSTOP);
    pid_t w = waitpid(pid, &st, WUNTRACED);
    printf("SIGSTOP: same pid %d stopped %d sig %d\n", w == pid, WIFSTOPPED(st), WSTOPSIG(st));
    while (nchld < 1)
        usleep(1000);
    printf("SIGCHLD %s\n", cld_code(last_code));
    printf("nothing more to report: %d\n", waitpid(pid, &st, WNOHANG | WUNTRACED));
    kill(pid, SIGCONT);
    w = waitpid(pid, &st, WCONTINUED);
    printf("SIGCONT: same pid %d continued %d\n", w == pid, WIFCONTINUED(st));
    while (nchld < 2)
        usleep(1000);
    printf("SIGCHLD %s\n", cld_code(last_code));
    kill(pid, SIGTSTP);
    w = waitpid(pid, &st, WUNTRACED);
    printf("SIGTSTP: stopped %d sig %d\n", WIFSTOPPED(st), WSTOPSIG(st));
    siginfo_t si;
    kill(pid, SIGCONT);
    memset(&si, 0, sizeof si);
    waitid(P_PID, pid, &si, WCONTINUED);
    printf("waitid WCONTINUED: %s status %d\n", cld_code(si.si_code), si.si_status);
    kill(pid, SIGSTOP);
    memset(&si, 0, sizeof si);
    waitid(P_PID, pid, &si, WSTOPPED);
    printf("waitid WSTOPPED: %s status %d\n", cld_code(si.si_code), si.si_status);
    kill(pid, SIGKILL);
    waitpid(pid, &st, 0);
    printf("killed while stopped: %d\n", WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);

    /* SA_NOCLDSTOP: no SIGCHLD for stops. */
    set(SIGCHLD, (void *)on_chld, SA_SIGINFO | SA_RESTART | SA_NOCLDSTOP);
    nchld = 0;
    pid = fork();
    if (pid == 0) {
        raise(SIGSTOP);
        _exit(6);
    }
    waitpid(pid, &st, WUNTRACED);
    usleep(50000);
    printf("SA_NOCLDSTOP: stopped %d, SIGCHLD count %d\n", WIFSTOPPED(st), nchld);
    kill(pid, SIGCONT);
    waitpid(pid, &st, 0);
    printf("continued child exited %d\n", WEXITSTATUS(st));

    /* SIGCHLD ignored: children are reaped by themselves, wait ends in ECHILD. */
    signal(SIGCHLD, SIG_IGN);
    for (int i = 0; i < 3; i++)
        if (fork() == 0)
            _exit(i);
    usleep(100000);
    show("SIG_IGN: wait", wait(&st));
    return 0;
}
