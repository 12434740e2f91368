/* Calendar conversion and strftime (UTC), clocks and sleeping. */
#include <stdio.h>
#include <time.h>
#include <sys/time.h>
#include <string.h>

int main(void)
{
    static const time_t ts[] = { 0, 1, 86399, 86400, 951782400, 951868800, 1234567890, 2147483647, 2147483648,
        -1, -86401, 4102444800, 1700000000, 253402300799, -2208988800 };
    char buf[256];
    for (size_t i = 0; i < sizeof ts / sizeof *ts; i++) {
        struct tm tm;
        gmtime_r(&ts[i], &tm);
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %V %G %g %u %w %y %C %e %I %p %D %T %R %F %%", &tm);
        printf("%ld: %s | yday=%d wday=%d\n", (long)ts[i], buf, tm.tm_yday, tm.tm_wday);
        strftime(buf, sizeof buf, "%c|%x|%X|%s|%z|%n|%t|%h|%k|%l|%M", &tm);
        printf("  %s\n", buf);
        struct tm l;
        localtime_r(&ts[i], &l);
        time_t back = mktime(&l);
        printf("  mktime: %ld %s", (long)back, asctime(&l));
    }
    struct tm tm = { 0 };
    tm.tm_year = 124;
    tm.tm_mon = 13;
    tm.tm_mday = 35;
    tm.tm_hour = 25;
    tm.tm_min = 61;
    time_t t = mktime(&tm);
    printf("normalized: %ld %d-%d-%d %d:%d\n", (long)t, tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min);
    printf("strftime small: %zu\n", strftime(buf, 5, "%Y-%m-%d", &tm));
    struct timespec a, b, req = { 0, 20000000 };
    clock_gettime(CLOCK_MONOTONIC, &a);
    nanosleep(&req, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    long ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
    printf("slept >= 20ms: %d\n", ms >= 20 && ms < 2000);
    struct timeval tv;
    gettimeofday(&tv, NULL);
    time_t now = time(NULL);
    printf("time consistent: %d\n", now - tv.tv_sec <= 1 && now >= 1700000000);
    printf("clock ok: %d\n", clock() >= 0);
    printf("difftime: %g\n", difftime(10, 3));
    return 0;
}
