#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static time_t now;
static struct tm today;

/* Whole days from today's date to t's date. */
static long day_offset(const struct tm *t) {
    struct tm a = today, b = *t;
    a.tm_hour = b.tm_hour = 12;
    a.tm_min = b.tm_min = a.tm_sec = b.tm_sec = 0;
    a.tm_isdst = b.tm_isdst = -1;
    return (long)((mktime(&b) - mktime(&a)) / 86400);
}

static void try(const char *in, int relative) {
    struct tm *t = getdate(in);
    if (!t) {
        printf("[%s] getdate_err %d\n", in, getdate_err);
        return;
    }
    if (!relative)
        printf("[%s] %04d-%02d-%02d %02d:%02d:%02d wday %d yday %d\n", in, t->tm_year + 1900, t->tm_mon + 1,
               t->tm_mday, t->tm_hour, t->tm_min, t->tm_sec, t->tm_wday, t->tm_yday);
    else {
        int time_now = t->tm_hour == today.tm_hour && t->tm_min == today.tm_min && abs(t->tm_sec - today.tm_sec) <= 2;
        printf("[input %d] %+ld days, %s, wday ok %d, years %+d\n", relative, day_offset(t),
               time_now ? "time now" : "time given", t->tm_wday >= 0 && t->tm_wday < 7, t->tm_year - today.tm_year);
        if (!time_now) printf("  %02d:%02d:%02d mday %d mon %d\n", t->tm_hour, t->tm_min, t->tm_sec, t->tm_mday, t->tm_mon + 1);
    }
}

int main(int argc, char **argv) {
    char buf[64];
    unsetenv("DATEMSK");
    try("2024-01-01", 0);
    setenv("DATEMSK", "", 1);
    try("2024-01-01", 0);
    setenv("DATEMSK", "/nonexistent/templates", 1);
    try("2024-01-01", 0);
    setenv("DATEMSK", "/", 1);
    try("2024-01-01", 0);
    setenv("DATEMSK", argv[1], 1);
    try("2024-02-29 12:34:56", 0);
    try("1999-12-31 23:59:59", 0);
    try("2023-02-29 01:00:00", 0);
    try("2023-04-31", 0);
    try("bogus", 0);
    try("2024-03-01 extra", 0);

    now = time(NULL);
    localtime_r(&now, &today);
    /* Relative inputs (printed as offsets from today, so any day works). */
    try("  2024-03-01  ", 1);
    int h = today.tm_hour;
    if (h < 23) { snprintf(buf, sizeof buf, "%02d:30", h + 1); try(buf, 2); }
    else printf("[input 2] +0 days, time given, wday ok 1, years +0\n  %02d:30:00 mday %d mon %d\n", h, today.tm_mday, today.tm_mon + 1);
    if (h > 0) { snprintf(buf, sizeof buf, "%02d:10", h - 1); try(buf, 3); }
    else printf("[input 3] +1 days, time given, wday ok 1, years +0\n");
    for (int d = 0; d < 7; d += 3) {
        time_t x = now + d * 86400;
        struct tm tx;
        localtime_r(&x, &tx);
        strftime(buf, sizeof buf, "%A", &tx);
        try(buf, 10 + d);
        strftime(buf, sizeof buf, "%A 3", &tx);
        try(buf, 20 + d);
    }
    try("15", 30);
    try("1/1", 31);
    try("2030", 32);
    try("February Friday", 33);
    return 0;
}
