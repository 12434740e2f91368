#ifndef _SYSLOG_H
#define _SYSLOG_H
/* System log over /dev/log: vibix_libc/src/header/syslog. */
#include <features.h>
#include <stdarg.h>
__BEGIN_DECLS
#define LOG_EMERG 0
#define LOG_ALERT 1
#define LOG_CRIT 2
#define LOG_ERR 3
#define LOG_WARNING 4
#define LOG_NOTICE 5
#define LOG_INFO 6
#define LOG_DEBUG 7
#define LOG_PRIMASK 7
#define LOG_PRI(p) ((p) & LOG_PRIMASK)
#define LOG_MAKEPRI(f, p) ((f) | (p))
#define LOG_KERN (0 << 3)
#define LOG_USER (1 << 3)
#define LOG_MAIL (2 << 3)
#define LOG_DAEMON (3 << 3)
#define LOG_AUTH (4 << 3)
#define LOG_SYSLOG (5 << 3)
#define LOG_LPR (6 << 3)
#define LOG_NEWS (7 << 3)
#define LOG_UUCP (8 << 3)
#define LOG_CRON (9 << 3)
#define LOG_AUTHPRIV (10 << 3)
#define LOG_FTP (11 << 3)
#define LOG_LOCAL0 (16 << 3)
#define LOG_LOCAL1 (17 << 3)
#define LOG_LOCAL2 (18 << 3)
#define LOG_LOCAL3 (19 << 3)
#define LOG_LOCAL4 (20 << 3)
#define LOG_LOCAL5 (21 << 3)
#define LOG_LOCAL6 (22 << 3)
#define LOG_LOCAL7 (23 << 3)
#define LOG_NFACILITIES 24
#define LOG_FACMASK 0x3f8
#define LOG_FAC(p) (((p) & LOG_FACMASK) >> 3)
#define LOG_MASK(p) (1 << (p))
#define LOG_UPTO(p) ((1 << ((p) + 1)) - 1)
#define LOG_PID 0x01
#define LOG_CONS 0x02
#define LOG_ODELAY 0x04
#define LOG_NDELAY 0x08
#define LOG_NOWAIT 0x10
#define LOG_PERROR 0x20
#define _PATH_LOG "/dev/log"
/* Name tables for syslog.conf-style parsers (glibc's SYSLOG_NAMES; static,
   so every file that asks gets its own copy). */
#ifdef SYSLOG_NAMES
#define INTERNAL_NOPRI 0x10
#define INTERNAL_MARK LOG_MAKEPRI(LOG_NFACILITIES << 3, 0)
typedef struct _code { char *c_name; int c_val; } CODE;
static CODE prioritynames[] __attribute__((__unused__)) = {
    { (char *)"alert", LOG_ALERT },
    { (char *)"crit", LOG_CRIT },
    { (char *)"debug", LOG_DEBUG },
    { (char *)"emerg", LOG_EMERG },
    { (char *)"err", LOG_ERR },
    { (char *)"error", LOG_ERR },
    { (char *)"info", LOG_INFO },
    { (char *)"none", INTERNAL_NOPRI },
    { (char *)"notice", LOG_NOTICE },
    { (char *)"panic", LOG_EMERG },
    { (char *)"warn", LOG_WARNING },
    { (char *)"warning", LOG_WARNING },
    { 0, -1 }
};
static CODE facilitynames[] __attribute__((__unused__)) = {
    { (char *)"auth", LOG_AUTH },
    { (char *)"authpriv", LOG_AUTHPRIV },
    { (char *)"cron", LOG_CRON },
    { (char *)"daemon", LOG_DAEMON },
    { (char *)"ftp", LOG_FTP },
    { (char *)"kern", LOG_KERN },
    { (char *)"lpr", LOG_LPR },
    { (char *)"mail", LOG_MAIL },
    { (char *)"mark", INTERNAL_MARK },
    { (char *)"news", LOG_NEWS },
    { (char *)"security", LOG_AUTH },
    { (char *)"syslog", LOG_SYSLOG },
    { (char *)"user", LOG_USER },
    { (char *)"uucp", LOG_UUCP },
    { (char *)"local0", LOG_LOCAL0 },
    { (char *)"local1", LOG_LOCAL1 },
    { (char *)"local2", LOG_LOCAL2 },
    { (char *)"local3", LOG_LOCAL3 },
    { (char *)"local4", LOG_LOCAL4 },
    { (char *)"local5", LOG_LOCAL5 },
    { (char *)"local6", LOG_LOCAL6 },
    { (char *)"local7", LOG_LOCAL7 },
    { 0, -1 }
};
#endif
void closelog(void);
void openlog(const char *, int, int);
int setlogmask(int);
void syslog(int, const char *, ...);
void vsyslog(int, const char *, va_list);
__END_DECLS
#endif
