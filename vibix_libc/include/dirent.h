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
int scandir(const char *, struct dirent ***, int (*)(const struct dirent *),
            int (*)(const struct dirent **, const struct dirent **));
int alphasort(const struct dirent **, const struct dirent **);
#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
int getdents(int, struct dirent *, size_t);
ssize_t getdents64(int, void *, size_t);
#endif
#ifdef _GNU_SOURCE
int versionsort(const struct dirent **, const struct dirent **);
#endif
#if defined(_LARGEFILE64_SOURCE) || defined(_GNU_SOURCE)
/* x86_64: the large-file names are the same functions and struct. */
#define dirent64 dirent
#define readdir64 readdir
#define readdir64_r readdir_r
#define scandir64 scandir
#define alphasort64 alphasort
#define versionsort64 versionsort
#endif
__END_DECLS
#endif
