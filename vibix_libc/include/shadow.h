#ifndef _SHADOW_H
#define _SHADOW_H
/* The shadow password database, /etc/shadow: vibix_libc/src/header/shadow. */
#include <features.h>
#include <bits/types.h>
#include <paths.h>
__BEGIN_DECLS
struct _vibix_FILE;
#define SHADOW _PATH_SHADOW
struct spwd {
    char *sp_namp;
    char *sp_pwdp;
    long sp_lstchg;
    long sp_min;
    long sp_max;
    long sp_warn;
    long sp_inact;
    long sp_expire;
    unsigned long sp_flag;
};
void setspent(void);
void endspent(void);
struct spwd *getspent(void);
struct spwd *fgetspent(struct _vibix_FILE *);
struct spwd *sgetspent(const char *);
int putspent(const struct spwd *, struct _vibix_FILE *);
struct spwd *getspnam(const char *);
int getspnam_r(const char *, struct spwd *, char *, size_t, struct spwd **);
int lckpwdf(void);
int ulckpwdf(void);
__END_DECLS
#endif
