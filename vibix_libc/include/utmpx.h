#ifndef _UTMPX_H
#define _UTMPX_H
/* utmpx database (glibc's x86_64 record layout, 384 bytes). */
#include <features.h>
#include <bits/types.h>
#include <stdint.h>
__BEGIN_DECLS
struct __exit_status { short __e_termination; short __e_exit; };
struct utmpx {
    short ut_type;
    pid_t ut_pid;
    char ut_line[32];
    char ut_id[4];
    char ut_user[32];
    char ut_host[256];
    struct __exit_status ut_exit;
    int32_t ut_session;
    struct { int32_t tv_sec; int32_t tv_usec; } ut_tv;
    int32_t ut_addr_v6[4];
    char __unused[20];
};
#define EMPTY 0
#define RUN_LVL 1
#define BOOT_TIME 2
#define NEW_TIME 3
#define OLD_TIME 4
#define INIT_PROCESS 5
#define LOGIN_PROCESS 6
#define USER_PROCESS 7
#define DEAD_PROCESS 8
#define ACCOUNTING 9
void endutxent(void);
struct utmpx *getutxent(void);
struct utmpx *getutxid(const struct utmpx *);
struct utmpx *getutxline(const struct utmpx *);
struct utmpx *pututxline(const struct utmpx *);
void setutxent(void);
void updwtmpx(const char *, const struct utmpx *);
int utmpxname(const char *);
__END_DECLS
#endif
