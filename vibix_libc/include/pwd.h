#ifndef _PWD_H
#define _PWD_H
/* /etc/passwd lookups: vibix_libc/src/compat/pwd.rs. */
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
struct passwd {
    char *pw_name;
    char *pw_passwd;
    uid_t pw_uid;
    gid_t pw_gid;
    char *pw_gecos;
    char *pw_dir;
    char *pw_shell;
};
int getpwuid_r(uid_t, struct passwd *, char *, size_t, struct passwd **);
int getpwnam_r(const char *, struct passwd *, char *, size_t, struct passwd **);
__END_DECLS
#endif
