#ifndef _PWD_H
#define _PWD_H
/* The user database, /etc/passwd (no NSS): vibix_libc/src/header/pwd. */
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
struct _vibix_FILE;
struct passwd {
    char *pw_name;
    char *pw_passwd;
    uid_t pw_uid;
    gid_t pw_gid;
    char *pw_gecos;
    char *pw_dir;
    char *pw_shell;
};
void setpwent(void);
void endpwent(void);
struct passwd *getpwent(void);
struct passwd *getpwuid(uid_t);
struct passwd *getpwnam(const char *);
int getpwuid_r(uid_t, struct passwd *, char *, size_t, struct passwd **);
int getpwnam_r(const char *, struct passwd *, char *, size_t, struct passwd **);
struct passwd *fgetpwent(struct _vibix_FILE *);
int putpwent(const struct passwd *, struct _vibix_FILE *);
__END_DECLS
#endif
