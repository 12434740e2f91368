#ifndef _MNTENT_H
#define _MNTENT_H
/* fstab/mtab parsing: vibix_libc/src/header/mntent. */
#include <features.h>
#include <paths.h>
__BEGIN_DECLS
struct _vibix_FILE;
#define MOUNTED _PATH_MOUNTED
#define MNTTAB _PATH_MNTTAB
#define MNTTYPE_IGNORE "ignore"
#define MNTTYPE_NFS "nfs"
#define MNTTYPE_SWAP "swap"
#define MNTOPT_DEFAULTS "defaults"
#define MNTOPT_RO "ro"
#define MNTOPT_RW "rw"
#define MNTOPT_SUID "suid"
#define MNTOPT_NOSUID "nosuid"
#define MNTOPT_NOAUTO "noauto"
struct mntent {
    char *mnt_fsname;
    char *mnt_dir;
    char *mnt_type;
    char *mnt_opts;
    int mnt_freq;
    int mnt_passno;
};
struct _vibix_FILE *setmntent(const char *, const char *);
int endmntent(struct _vibix_FILE *);
struct mntent *getmntent(struct _vibix_FILE *);
struct mntent *getmntent_r(struct _vibix_FILE *, struct mntent *, char *, int);
int addmntent(struct _vibix_FILE *, const struct mntent *);
char *hasmntopt(const struct mntent *, const char *);
__END_DECLS
#endif
