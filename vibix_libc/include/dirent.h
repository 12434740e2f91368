#ifndef _DIRENT_H
#define _DIRENT_H
#include <features.h>
#include <bits/types.h>
__BEGIN_DECLS
typedef struct _vibix_DIR DIR;
#include <bits/dirent.h>
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
