/* Small POSIX/Linux behaviours: per-thread h_errno, select's timeout updated
   with the time left, system() ignoring SIGINT/SIGQUIT and blocking SIGCHLD,
   mremap with MREMAP_FIXED, kill(-1, 0). */
#define _GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static void *herr_thread(void *arg) {
    (void)arg;
    int before = h_errno;
    h_errno = TRY_AGAIN;
    return (void *)(long)(before * 100 + h_errno);
}

static volatile sig_atomic_t got_int, got_chld;
static void on_int(int s) { (void)s; got_int++; }
static void on_chld(int s) { (void)s; got_chld++; }

int main(void) {
    /* h_errno is per thread */
    h_errno = NO_RECOVERY;
    pthread_t t;
    void *res;
    pthread_create(&t, NULL, herr_thread, NULL);
    pthread_join(t, &res);
    printf("h_errno: thread saw %ld, main still %d\n", (long)res, h_errno);

    /* select updates the timeout */
    int p[2];
    pipe(p);
    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(p[0], &rs);
    struct timeval tv = {0, 200000};
    int n = select(p[0] + 1, &rs, NULL, NULL, &tv);
    printf("select: %d, time left %ld.%06ld\n", n, (long)tv.tv_sec, (long)tv.tv_usec);
    write(p[1], "x", 1);
    FD_SET(p[0], &rs);
    tv.tv_sec = 5;
    tv.tv_usec = 0;
    n = select(p[0] + 1, &rs, NULL, NULL, &tv);
    printf("select ready: %d, isset %d, time left > 4s %d, < 5s %d\n", n, FD_ISSET(p[0], &rs) != 0,
           tv.tv_sec >= 4, tv.tv_sec < 5 || tv.tv_usec == 0 ? 1 : 0);
    struct timespec ts = {0, 50000000};
    FD_ZERO(&rs);
    n = pselect(0, &rs, NULL, NULL, &ts, NULL);
    printf("pselect: %d, timeout untouched %d\n", n, ts.tv_sec == 0 && ts.tv_nsec == 50000000);

    /* system: SIGINT/SIGQUIT ignored and SIGCHLD blocked in the caller while the
       command runs; the command itself gets the caller's dispositions */
    signal(SIGINT, on_int);
    signal(SIGCHLD, on_chld);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "kill -INT %d; kill -QUIT %d; exit 3", (int)getpid(), (int)getpid());
    int st = system(cmd);
    printf("system: exited %d status %d, SIGINT handled during it %d\n", WIFEXITED(st), WEXITSTATUS(st), got_int);
    sigset_t pend;
    sigpending(&pend);
    printf("after system: SIGCHLD pending %d, handled %d\n", sigismember(&pend, SIGCHLD), got_chld);
    st = system("trap '' INT; kill -INT $$; exit 4");
    printf("system 2: status %d\n", WEXITSTATUS(st));
    struct sigaction cur;
    sigaction(SIGINT, NULL, &cur);
    printf("SIGINT handler restored %d\n", cur.sa_handler == on_int);
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("SIGCHLD blocked after %d\n", sigismember(&now, SIGCHLD));
    printf("system(NULL) %d\n", system(NULL) != 0);

    /* mremap with MREMAP_FIXED moves to the given address */
    long pg = sysconf(_SC_PAGESIZE);
    char *a = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *target = mmap(NULL, 4 * pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    strcpy(a, "moved");
    char *b = mremap(a, 2 * pg, 2 * pg, MREMAP_MAYMOVE | MREMAP_FIXED, target + pg);
    printf("mremap fixed: at target %d, data %s\n", b == target + pg, b == MAP_FAILED ? "-" : b);
    errno = 0;
    char *c = mremap(b, 2 * pg, 2 * pg, MREMAP_FIXED, target);
    printf("mremap fixed without maymove: failed %d errno EINVAL %d\n", c == MAP_FAILED, errno == EINVAL);

    /* kill(-1, 0): with a child of ours alive there is a process we may signal
       (on the host there are others too; inside vibix the child may be the only one). */
    int hold[2];
    pipe(hold);
    pid_t child = fork();
    if (child == 0) {
        close(hold[1]);
        char c;
        read(hold[0], &c, 1); /* until the parent closes its end */
        _exit(0);
    }
    close(hold[0]);
    errno = 0;
    int kr = kill(-1, 0);
    int ke = errno;
    printf("kill(-1, 0) = %d errno %d\n", kr, ke);
    close(hold[1]);
    int cst;
    printf("child reaped %d\n", waitpid(child, &cst, 0) == child && WIFEXITED(cst) && WEXITSTATUS(cst) == 0);
    return 0;
}
