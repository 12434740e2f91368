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
    printf("children %d\n", getrusage(RUSAGE_CHILDREN, &ru));
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
    printf("prlimit get %d cur %lu\n", prlimit(getpid(), RLIMIT_NOFILE, NULL, &old), (unsigned long)old.rlim_cur);
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
