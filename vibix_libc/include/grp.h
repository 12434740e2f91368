#ifndef _GRP_H
#define _GRP_H
/* The group database, /etc/group (no NSS): vibix_libc/src/header/grp. */
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
struct _vibix_FILE;
struct group {
    char *gr_name;
    char *gr_passwd;
    gid_t gr_gid;
    char **gr_mem;
};
struct group *getgrgid(gid_t);
struct group *getgrnam(const char *);
int getgrgid_r(gid_t, struct group *, char *, size_t, struct group **);
int getgrnam_r(const char *, struct group *, char *, size_t, struct group **);
struct group *getgrent(void);
void endgrent(void);
void setgrent(void);
struct group *fgetgrent(struct _vibix_FILE *);
int putgrent(const struct group *, struct _vibix_FILE *);
int getgrouplist(const char *, gid_t, gid_t *, int *);
int setgroups(size_t, const gid_t *);
int initgroups(const char *, gid_t);
__END_DECLS
#endif
