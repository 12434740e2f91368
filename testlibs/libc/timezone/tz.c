#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void show(time_t t) {
    struct tm tm;
    char buf[128];
    localtime_r(&t, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %Z %z isdst=%%d gmtoff=%%ld s=%s", &tm);
    printf("  %lld: ", (long long)t);
    printf(buf, tm.tm_isdst, tm.tm_gmtoff);
    printf(" wday=%d yday=%d\n", tm.tm_wday, tm.tm_yday);
}

static void mk(int y, int mon, int d, int h, int mi, int isdst) {
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = mon - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_isdst = isdst;
    time_t t = mktime(&tm);
    printf("  mktime %04d-%02d-%02d %02d:%02d isdst=%2d -> %lld = %02d:%02d isdst=%d %s\n", y, mon, d, h, mi, isdst,
           (long long)t, tm.tm_hour, tm.tm_min, tm.tm_isdst, tm.tm_zone);
}

static void zone(const char *tz) {
    if (tz)
        setenv("TZ", tz, 1);
    else
        unsetenv("TZ");
    tzset();
    printf("TZ=%s: tzname=%s/%s timezone=%ld daylight=%d\n", tz ? tz : "(unset)", tzname[0], tzname[1], timezone,
           daylight);
    /* Around the 2024 transitions of the northern and southern hemispheres. */
    const time_t ts[] = {0, 1710054000 - 1, 1710054000, 1710054000 + 3600, 1730613600 - 1, 1730613600,
                         1711846800, 1729990800, 1712415600, 1727971200, 1719792000, 1704067200,
                         4102444800LL, 4118083200LL, -2208988800LL, 951782400};
    for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++) show(ts[i]);
    mk(2024, 7, 1, 12, 0, -1);
    mk(2024, 7, 1, 12, 0, 0);
    mk(2024, 7, 1, 12, 0, 1);
    mk(2024, 1, 15, 12, 0, -1);
    mk(2024, 1, 15, 12, 0, 1);
    mk(2024, 3, 10, 2, 30, -1); /* US gap */
    mk(2024, 3, 10, 2, 30, 0);
    mk(2024, 3, 10, 2, 30, 1);
    mk(2024, 11, 3, 1, 30, 0); /* US overlap */
    mk(2024, 11, 3, 1, 30, 1);
    mk(2024, 3, 31, 2, 30, 0); /* EU gap */
    mk(2024, 10, 27, 2, 30, 1); /* EU overlap */
    mk(2024, 10, 27, 2, 30, 0);
    mk(2024, 13, 40, 25, 70, -1); /* denormalized */
    mk(2100, 7, 4, 12, 0, -1);
}

int main(void) {
    zone("UTC");
    zone("America/New_York");
    zone(":Europe/Berlin");
    zone("/usr/share/zoneinfo/Australia/Sydney");
    zone("Asia/Kolkata");
    zone("America/St_Johns");
    zone("EST5EDT,M3.2.0,M11.1.0");
    zone("CET-1CEST,M3.5.0,M10.5.0/3");
    zone("NZST-12NZDT,M9.5.0,M4.1.0/3");
    zone("<+0530>-5:30");
    zone("JST-9");
    zone("EST+5");
    zone("");
    zone(NULL);
    /* ctime/localtime follow TZ without an explicit tzset. */
    setenv("TZ", "America/Los_Angeles", 1);
    time_t t = 1720000000;
    printf("ctime %s", ctime(&t));
    struct tm *tm = localtime(&t);
    printf("localtime %d:%02d %s\n", tm->tm_hour, tm->tm_min, tm->tm_zone);
    printf("timegm %lld\n", (long long)timegm(&(struct tm){.tm_year = 124, .tm_mon = 6, .tm_mday = 1}));
    return 0;
}
