/* <sys/resource.h>, interval timers and process times against glibc:
   getrusage, priorities and nice, prlimit/getrlimit64, alarm, setitimer/
   getitimer, ualarm, times, ftime, clock_getcpuclockid, futimes/lutimes. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/timeb.h>
#include <sys/wait.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t alarms;
static void on_alarm(int s) { (void)s; alarms++; }

int main(void) {
    struct rusage ru;
    volatile double x = 0;
    for (int i = 0; i < 3000000; i++)
        x += i;
    int r = getrusage(RUSAGE_SELF, &ru);
    printf("getrusage %d utime-ok %d maxrss-ok %d\n", r, ru.ru_utime.tv_sec >= 0, ru.ru_maxrss > 0);
    printf("cpu time > 0 %d\n", ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec > 0);
    printf("children %d\n", getrusage(RUSAGE_CHILDREN, &ru));
    printf("no children yet: cpu 0 %d\n", ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec == 0);
    /* A child's time reaches wait4's rusage and then RUSAGE_CHILDREN. */
    pid_t kid = fork();
    if (kid == 0) {
        volatile double y = 0;
        for (int i = 0; i < 3000000; i++)
            y += i;
        _exit(0);
    }
    int kst;
    struct rusage kru;
    r = wait4(kid, &kst, 0, &kru);
    printf("wait4 %d cpu > 0 %d maxrss > 0 %d\n", r == kid, kru.ru_utime.tv_sec + kru.ru_stime.tv_sec + kru.ru_utime.tv_usec + kru.ru_stime.tv_usec > 0,
           kru.ru_maxrss > 0);
    getrusage(RUSAGE_CHILDREN, &ru);
    printf("children now cpu > 0 %d\n", ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec > 0);
    errno = 0;
    { long r_ = getrusage(42, &ru); printf("bad who %ld errno %d\n", r_, errno); }

    errno = 0;
    int p0 = getpriority(PRIO_PROCESS, 0);
    printf("prio %d errno %d\n", p0, errno);
    printf("setprio %d\n", setpriority(PRIO_PROCESS, 0, p0 + 2));
    printf("prio now +%d\n", getpriority(PRIO_PROCESS, 0) - p0);
    printf("nice(1) -> +%d\n", nice(1) - p0);
    errno = 0;
    { long r_ = getpriority(7, 0); printf("bad which %ld errno %d\n", r_, errno); }

    struct rlimit rl, old;
    printf("getrlimit64 %d\n", getrlimit64(RLIMIT_NOFILE, &rl));
    struct rlimit lower = {rl.rlim_cur > 64 ? 64 : rl.rlim_cur, rl.rlim_max};
    printf("prlimit set %d\n", prlimit(0, RLIMIT_NOFILE, &lower, &old));
    printf("old same %d\n", old.rlim_cur == rl.rlim_cur && old.rlim_max == rl.rlim_max);
    /* Each call before the printf that shows its result (argument evaluation order is
       unspecified: gcc reads old.rlim_cur before calling when both are arguments). */
    r = prlimit(getpid(), RLIMIT_NOFILE, NULL, &old);
    printf("prlimit get %d cur %lu\n", r, (unsigned long)old.rlim_cur);
    struct rlimit now_rl;
    r = getrlimit(RLIMIT_NOFILE, &now_rl);
    printf("getrlimit after set %d cur %lu max same %d\n", r, (unsigned long)now_rl.rlim_cur, now_rl.rlim_max == rl.rlim_max);
    /* The lowered limit holds for new descriptors. */
    int top = -1, nfd;
    errno = 0;
    while ((nfd = dup(0)) >= 0)
        top = nfd;
    printf("dup until it fails: last fd %d errno EMFILE %d\n", top, errno == EMFILE);
    for (int i = 3; i <= top; i++)
        close(i);
    errno = 0;
    { long r_ = dup2(0, 64); printf("dup2 to the limit %ld errno EBADF %d\n", r_, errno == EBADF); }
    errno = 0;
    { long r_ = fcntl(0, F_DUPFD, 64); printf("F_DUPFD at the limit %ld errno EINVAL %d\n", r_, errno == EINVAL); }
    struct rlimit bad = {rl.rlim_max, 10};
    errno = 0;
    { long r_ = setrlimit(RLIMIT_NOFILE, &bad); printf("soft above hard %ld errno EINVAL %d\n", r_, errno == EINVAL); }
    printf("restore %d\n", setrlimit(RLIMIT_NOFILE, &rl));
    nfd = dup2(0, 64);
    printf("dup2 to 64 after restore %d\n", nfd);
    close(nfd);
    printf("rlimit nice %d\n", getrlimit(RLIMIT_NICE, &rl));
    errno = 0;
    { long r_ = getrlimit(99, &rl); printf("bad resource %ld errno %d\n", r_, errno); }

    signal(SIGALRM, on_alarm);
    printf("alarm %u\n", alarm(10));
    printf("alarm again %u\n", alarm(0) > 5);
    struct itimerval it = {{0, 0}, {0, 30000}}, cur;
    printf("setitimer %d\n", setitimer(ITIMER_REAL, &it, NULL));
    getitimer(ITIMER_REAL, &cur);
    printf("getitimer pending %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_usec > 0 && cur.it_value.tv_usec <= 30000);
    while (!alarms)
        pause();
    printf("alarms %d\n", alarms);
    errno = 0;
    it.it_value.tv_usec = 2000000;
    { long r_ = setitimer(ITIMER_REAL, &it, NULL); printf("bad itimer %ld errno %d\n", r_, errno); }
    ualarm(20000, 0);
    while (alarms < 2)
        pause();
    printf("ualarm fired %d\n", alarms);
    printf("ualarm left %d\n", ualarm(500000, 0) == 0);
    printf("ualarm cancel %d\n", ualarm(0, 0) > 0);

    struct tms t;
    clock_t c = times(&t);
    printf("times ok %d\n", c != (clock_t)-1 && t.tms_utime >= 0);
    struct timeb tb;
    time_t now = time(NULL);
    ftime(&tb);
    printf("ftime %d ms-ok %d\n", tb.time - now <= 1, tb.millitm < 1000);

    clockid_t cid;
    printf("cpuclock self %d\n", clock_getcpuclockid(0, &cid));
    struct timespec ts;
    printf("cpuclock gettime %d\n", clock_gettime(cid, &ts));
    printf("cpuclock pid %d\n", clock_getcpuclockid(getpid(), &cid));
    printf("cpuclock gettime %d\n", clock_gettime(cid, &ts));
    printf("cpuclock none %d\n", clock_getcpuclockid(0x3ffffff0, &cid));

    int fd = open("f", O_CREAT | O_WRONLY, 0644);
    struct timeval tv[2] = {{1000000000, 250000}, {1200000000, 500000}};
    printf("futimes %d\n", futimes(fd, tv));
    struct stat st;
    stat("f", &st);
    printf("atime %ld.%09ld mtime %ld.%09ld\n", (long)st.st_atim.tv_sec, st.st_atim.tv_nsec, (long)st.st_mtim.tv_sec,
           st.st_mtim.tv_nsec);
    symlink("f", "l");
    tv[1].tv_sec = 1300000000;
    printf("lutimes %d\n", lutimes("l", tv));
    lstat("l", &st);
    printf("link mtime %ld\n", (long)st.st_mtim.tv_sec);
    stat("f", &st);
    printf("file mtime %ld\n", (long)st.st_mtim.tv_sec);
    tv[0].tv_usec = 1000000;
    errno = 0;
    { long r_ = futimes(fd, tv); printf("bad usec %ld errno %d\n", r_, errno); }
    printf("futimesat %d\n", futimesat(AT_FDCWD, "f", NULL));
    stat("f", &st);
    printf("now-ish %d\n", st.st_mtim.tv_sec >= now);
    return 0;
}
