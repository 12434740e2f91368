#ifndef _UTMP_H
#define _UTMP_H
/* utmp database (glibc's x86_64 record layout): vibix_libc/src/header/utmp. */
#include <features.h>
#include <utmpx.h>
#include <paths.h>
__BEGIN_DECLS
#define UT_LINESIZE 32
#define UT_NAMESIZE 32
#define UT_HOSTSIZE 256
#define UTMP_FILE _PATH_UTMP
#define UTMP_FILENAME _PATH_UTMP
#define WTMP_FILE _PATH_WTMP
#define WTMP_FILENAME _PATH_WTMP
struct lastlog {
    int32_t ll_time;
    char ll_line[UT_LINESIZE];
    char ll_host[UT_HOSTSIZE];
};
#define utmp utmpx
#define ut_name ut_user
#define ut_time ut_tv.tv_sec
#define ut_addr ut_addr_v6[0]
#define e_termination __e_termination
#define e_exit __e_exit
void endutent(void);
struct utmp *getutent(void);
struct utmp *getutid(const struct utmp *);
struct utmp *getutline(const struct utmp *);
struct utmp *pututline(const struct utmp *);
void setutent(void);
void updwtmp(const char *, const struct utmp *);
int utmpname(const char *);
int login_tty(int);
__END_DECLS
#endif
