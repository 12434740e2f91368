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
/* x86_64: the large-file functions are the base ones (struct dirent64 has
   struct dirent's layout, <bits/dirent.h>). */
struct dirent64 *readdir64(DIR *);
int readdir64_r(DIR *__restrict, struct dirent64 *__restrict, struct dirent64 **__restrict);
int scandir64(const char *, struct dirent64 ***, int (*)(const struct dirent64 *),
              int (*)(const struct dirent64 **, const struct dirent64 **));
int alphasort64(const struct dirent64 **, const struct dirent64 **);
#ifdef _GNU_SOURCE
int versionsort64(const struct dirent64 **, const struct dirent64 **);
#endif
#endif
__END_DECLS
#endif
