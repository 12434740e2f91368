/* SO_PEERCRED and si_uid report the credentials of the process on the other
   side: a child switches to real uid 1000 / effective 1001 (gid 2000/2001),
   then connects to the parent's listening socket, makes a socketpair, and
   signals the parent; the parent checks what it is told. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got_pid, got_uid, got_code, got_value, got;

static void on_usr(int sig, siginfo_t *si, void *ctx) {
    (void)sig;
    (void)ctx;
    got_pid = si->si_pid;
    got_uid = si->si_uid;
    got_code = si->si_code;
    got_value = si->si_code == SI_QUEUE ? si->si_value.sival_int : -1;
    got++;
}

static void show(const char *what, int fd, pid_t child) {
    struct ucred c;
    socklen_t len = sizeof c;
    memset(&c, 0x55, sizeof c);
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &c, &len) != 0) {
        printf("%s: getsockopt failed\n", what);
        return;
    }
    const char *who = c.pid == child ? "child" : c.pid == getpid() ? "self" : c.pid == getppid() ? "parent" : "other";
    printf("%s: %u bytes pid=%s uid=%d gid=%d\n", what, (unsigned)len, who, (int)c.uid, (int)c.gid);
}

/* Waits (with a bound) for the handler to have run `n` times. */
static void wait_for(int n) {
    for (int i = 0; i < 500 && got < n; i++)
        usleep(10000);
}

int main(void) {
    char path[] = "/tmp/cred-report.XXXXXX";
    int tmp = mkstemp(path);
    close(tmp);
    unlink(path);
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    strcpy(a.sun_path, path);
    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(l, (struct sockaddr *)&a, sizeof a) || listen(l, 1)) {
        perror("bind/listen");
        return 1;
    }
    chmod(path, 0777); /* connect needs write permission on the socket file */
    alarm(20);
    struct sigaction sa = { .sa_sigaction = on_usr, .sa_flags = SA_SIGINFO };
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);
    /* The child's real uid may signal us through our saved uid (Linux's rule). */
    if (setresuid(0, 0, 1000)) {
        perror("setresuid parent");
        return 1;
    }
    int go[2], done[2];
    pipe(go);
    pipe(done);
    pid_t child = fork();
    if (child == 0) {
        char b;
        if (setresgid(2000, 2001, 2001) || setresuid(1000, 1001, 1001))
            _exit(10);
        int c = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(c, (struct sockaddr *)&a, sizeof a))
            _exit(11);
        show("child's view of the listener", c, -1);
        int sv[2];
        socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
        show("child's socketpair", sv[0], -1);
        fflush(stdout);
        read(go[0], &b, 1);
        kill(getppid(), SIGUSR1);
        read(go[0], &b, 1);
        union sigval v = { .sival_int = 42 };
        sigqueue(getppid(), SIGUSR2, v);
        read(go[0], &b, 1);
        _exit(3);
    }
    int s = accept(l, NULL, NULL);
    show("accepted connection", s, child);
    write(go[1], "k", 1);
    wait_for(1);
    printf("kill: handled %d, si_pid is child %d, si_uid %d, si_code SI_USER %d\n", (int)got, got_pid == child, (int)got_uid,
           got_code == SI_USER);
    write(go[1], "q", 1);
    wait_for(2);
    printf("sigqueue: handled %d, si_pid is child %d, si_uid %d, si_code SI_QUEUE %d, value %d\n", (int)got, got_pid == child,
           (int)got_uid, got_code == SI_QUEUE, (int)got_value);
    write(go[1], "x", 1);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    if (waitid(P_PID, child, &si, WEXITED) != 0) {
        perror("waitid");
        return 1;
    }
    printf("waitid: si_pid is child %d, si_uid %d, CLD_EXITED %d, status %d\n", si.si_pid == child, (int)si.si_uid,
           si.si_code == CLD_EXITED, si.si_status);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    show("parent's socketpair", sv[1], child);
    int n = socket(AF_UNIX, SOCK_STREAM, 0);
    show("unconnected socket", n, child);
    unlink(path);
    return 0;
}
