#ifndef _DIRENT_H
#define _DIRENT_H
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
typedef struct _vibix_DIR DIR;
struct dirent {
    ino_t d_ino;
    off_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[256];
};
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12
DIR *opendir(const char *);
DIR *fdopendir(int);
struct dirent *readdir(DIR *);
int closedir(DIR *);
int dirfd(DIR *);
void rewinddir(DIR *);
long telldir(DIR *);
void seekdir(DIR *, long);
int readdir_r(DIR *__restrict, struct dirent *__restrict, struct dirent **__restrict);
__END_DECLS
#endif
