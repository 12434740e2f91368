/* epoll, eventfd, timerfd, signalfd, inotify and statvfs/statfs against
   glibc (stable fields only for the file-system statistics). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int p[2];
    pipe(p);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    printf("epoll %d cloexec %d\n", ep >= 0, (fcntl(ep, F_GETFD) & FD_CLOEXEC) != 0);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0x1122334455667788ull}, out[4];
    printf("ctl add %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    errno = 0;
    int r = epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
    printf("ctl add again %d errno %d\n", r, errno);
    printf("wait empty %d\n", epoll_wait(ep, out, 4, 10));
    write(p[1], "x", 1);
    r = epoll_wait(ep, out, 4, 1000);
    printf("wait %d events %x data %llx\n", r, out[0].events, (unsigned long long)out[0].data.u64);
    ev.events = EPOLLOUT;
    ev.data.fd = p[1];
    printf("ctl add out %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev));
    ev.events = EPOLLIN | EPOLLET;
    printf("ctl mod %d\n", epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
    sigset_t none;
    sigemptyset(&none);
    r = epoll_pwait(ep, out, 4, 100, &none);
    printf("pwait %d\n", r);
    printf("ctl del %d\n", epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL));
    errno = 0;
    r = epoll_ctl(ep, 99, p[0], &ev);
    printf("bad op %d errno %d\n", r, errno);
    errno = 0;
    r = epoll_wait(ep, out, 0, 0);
    printf("bad max %d errno %d\n", r, errno);
    errno = 0;
    r = epoll_create(0);
    printf("create(0) %d errno %d\n", r, errno);

    int efd = eventfd(3, EFD_NONBLOCK);
    eventfd_t v;
    printf("eventfd write %d\n", eventfd_write(efd, 4));
    r = eventfd_read(efd, &v);
    printf("eventfd read %d %llu\n", r, (unsigned long long)v);
    errno = 0;
    r = eventfd_read(efd, &v);
    printf("eventfd empty %d errno %d\n", r, errno);
    int sem = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
    eventfd_read(sem, &v);
    printf("semaphore %llu", (unsigned long long)v);
    eventfd_read(sem, &v);
    printf(" %llu", (unsigned long long)v);
    errno = 0;
    r = eventfd_read(sem, &v);
    printf(" then %d errno %d\n", r, errno);

    int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    struct itimerspec its = {{0, 0}, {0, 30 * 1000 * 1000}}, cur;
    printf("timerfd settime %d\n", timerfd_settime(tfd, 0, &its, NULL));
    timerfd_gettime(tfd, &cur);
    printf("gettime armed %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0);
    uint64_t exp;
    ssize_t got = read(tfd, &exp, 8);
    printf("read %zd expirations %llu\n", got, (unsigned long long)exp);
    its.it_value.tv_nsec = 0;
    its.it_value.tv_sec = 100;
    its.it_interval.tv_sec = 5;
    struct itimerspec old;
    timerfd_settime(tfd, 0, &its, &old);
    its.it_value.tv_sec = 0;
    timerfd_settime(tfd, 0, &its, &old);
    printf("old interval %ld value-set %d\n", (long)old.it_interval.tv_sec, old.it_value.tv_sec > 90);
    /* a periodic timerfd wakes an epoll_wait */
    int t2 = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
    struct itimerspec per = {{0, 10 * 1000 * 1000}, {0, 10 * 1000 * 1000}};
    timerfd_settime(t2, 0, &per, NULL);
    int ep2 = epoll_create1(0);
    struct epoll_event tev = {.events = EPOLLIN, .data.u32 = 7};
    epoll_ctl(ep2, EPOLL_CTL_ADD, t2, &tev);
    r = epoll_wait(ep2, out, 4, 5000);
    printf("timerfd via epoll %d data %u\n", r, out[0].data.u32);
    exp = 0;
    got = read(t2, &exp, 8);
    printf("periodic read %zd at least one %d\n", got, exp >= 1);
    close(ep2);
    close(t2);
    errno = 0;
    r = timerfd_create(12345, 0);
    printf("bad clock %d errno %d\n", r, errno);

    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR1);
    sigprocmask(SIG_BLOCK, &m, NULL);
    int sfd = signalfd(-1, &m, SFD_NONBLOCK);
    struct signalfd_siginfo si;
    errno = 0;
    r = read(sfd, &si, sizeof si);
    printf("signalfd empty %d errno %d\n", r, errno);
    kill(getpid(), SIGUSR1);
    r = read(sfd, &si, sizeof si);
    printf("signalfd read %d signo %u pid-ok %d code %d\n", r, si.ssi_signo, si.ssi_pid == (uint32_t)getpid(), si.ssi_code);

    /* a blocking signalfd read that another process's kill ends */
    sigaddset(&m, SIGUSR2);
    sigprocmask(SIG_BLOCK, &m, NULL);
    int sfd2 = signalfd(-1, &m, 0);
    pid_t kid = fork();
    if (kid == 0) {
        kill(getppid(), SIGUSR2);
        _exit(0);
    }
    r = read(sfd2, &si, sizeof si);
    printf("blocking signalfd read %d signo %u from child %d\n", r, si.ssi_signo, si.ssi_pid == (uint32_t)kid);
    waitpid(kid, NULL, 0);

    mkdir("watched", 0755);
    int in = inotify_init1(IN_NONBLOCK);
    int wd = inotify_add_watch(in, "watched", IN_CREATE | IN_DELETE);
    printf("inotify wd %d\n", wd);
    close(open("watched/new", O_CREAT | O_WRONLY, 0644));
    unlink("watched/new");
    char buf[4096] __attribute__((aligned(8)));
    ssize_t n = read(in, buf, sizeof buf);
    for (char *q = buf; q < buf + n;) {
        struct inotify_event *e = (struct inotify_event *)q;
        printf("event wd %d mask %x name %s\n", e->wd, e->mask, e->len ? e->name : "");
        q += sizeof *e + e->len;
    }
    /* modify, rename inside and out of the watched directory, rmdir of a subdirectory,
       and the watched file's own events */
    int wd2 = inotify_add_watch(in, "watched", IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE);
    printf("same dir again wd %d\n", wd2);
    int f = open("watched/a", O_CREAT | O_WRONLY, 0644);
    int fwd = inotify_add_watch(in, "watched/a", IN_MODIFY | IN_MOVE_SELF | IN_DELETE_SELF);
    printf("file wd %d\n", fwd);
    write(f, "x", 1);
    write(f, "y", 1);
    close(f);
    rename("watched/a", "watched/b");
    rename("watched/b", "moved-out");
    mkdir("watched/sub", 0755);
    rmdir("watched/sub");
    unlink("moved-out");
    unsigned cookie_from = 0;
    n = read(in, buf, sizeof buf);
    for (char *q = buf; q < buf + n;) {
        struct inotify_event *e = (struct inotify_event *)q;
        /* cookies are arbitrary: print whether a move pair shares one */
        int pair = 0;
        if (e->mask & IN_MOVED_FROM) cookie_from = e->cookie;
        if (e->mask & IN_MOVED_TO) pair = e->cookie == cookie_from && e->cookie != 0;
        printf("event wd %d mask %x name %s%s\n", e->wd, e->mask, e->len ? e->name : "", pair ? " (pair)" : "");
        q += sizeof *e + e->len;
    }
    int avail = -1;
    ioctl(in, FIONREAD, &avail);
    printf("queue drained %d\n", avail);
    errno = 0;
    r = read(in, buf, 8);
    printf("read empty %d errno %d\n", r, errno);
    printf("rm watch %d\n", inotify_rm_watch(in, wd));
    errno = 0;
    r = inotify_add_watch(in, "missing-dir", IN_CREATE);
    printf("missing %d errno %d\n", r, errno);

    struct statvfs sv, fsv;
    struct statfs sf;
    printf("statvfs %d fstatvfs %d statfs %d\n", statvfs(".", &sv), fstatvfs(p[0], &fsv), statfs(".", &sf));
    /* Only what holds on any file system (the host disk, vibix's tmpfs): sizes,
       limits, counts that are consistent, and the two calls agreeing. */
    printf("vfs bsize %lu frsize %lu namemax %lu rdonly %d\n", sv.f_bsize, sv.f_frsize, sv.f_namemax,
           (int)(sv.f_flag & ST_RDONLY));
    printf("vfs counts consistent %d\n", sv.f_blocks > 0 && sv.f_bfree <= sv.f_blocks && sv.f_bavail <= sv.f_bfree &&
                                              sv.f_ffree <= sv.f_files && sv.f_favail <= sv.f_ffree);
    printf("statfs agrees %d type set %d\n", sf.f_blocks == sv.f_blocks && sf.f_bsize == (long)sv.f_bsize &&
                                                 sf.f_frsize == (long)sv.f_frsize && sf.f_namelen == (long)sv.f_namemax,
           sf.f_type != 0);
    struct statfs pf;
    r = fstatfs(p[0], &pf);
    printf("pipe fstatfs %d type %lx bsize %ld\n", r, (long)pf.f_type, (long)pf.f_bsize);
    errno = 0;
    r = statvfs("/nonexistent/x", &sv);
    printf("missing statvfs %d errno %d\n", r, errno);
    return 0;
}
