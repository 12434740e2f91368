#ifndef _STRING_H
#define _STRING_H
#include <features.h>
#define __need_size_t
#define __need_NULL
#include <stddef.h>

__BEGIN_DECLS

void *memcpy(void *__restrict, const void *__restrict, size_t);
void *memmove(void *, const void *, size_t);
void *memset(void *, int, size_t);
int memcmp(const void *, const void *, size_t);
void *memchr(const void *, int, size_t);
void *memrchr(const void *, int, size_t);
void *memccpy(void *__restrict, const void *__restrict, int, size_t);
void *mempcpy(void *__restrict, const void *__restrict, size_t);
void *memmem(const void *, size_t, const void *, size_t);
void explicit_bzero(void *, size_t);

size_t strlen(const char *);
size_t strnlen(const char *, size_t);
int strcmp(const char *, const char *);
int strncmp(const char *, const char *, size_t);
int strcoll(const char *, const char *);
#include <bits/locale_t.h>
int strcoll_l(const char *, const char *, locale_t);
size_t strxfrm_l(char *__restrict, const char *__restrict, size_t, locale_t);
char *strerror_l(int, locale_t);
size_t strxfrm(char *__restrict, const char *__restrict, size_t);
char *strcpy(char *__restrict, const char *__restrict);
char *strncpy(char *__restrict, const char *__restrict, size_t);
char *stpcpy(char *__restrict, const char *__restrict);
char *stpncpy(char *__restrict, const char *__restrict, size_t);
size_t strlcpy(char *__restrict, const char *__restrict, size_t);
size_t strlcat(char *__restrict, const char *__restrict, size_t);
char *strcat(char *__restrict, const char *__restrict);
char *strncat(char *__restrict, const char *__restrict, size_t);
char *strchr(const char *, int);
char *strrchr(const char *, int);
char *strchrnul(const char *, int);
char *strstr(const char *, const char *);
char *strcasestr(const char *, const char *);
size_t strspn(const char *, const char *);
size_t strcspn(const char *, const char *);
char *strpbrk(const char *, const char *);
char *strtok(char *__restrict, const char *__restrict);
char *strtok_r(char *__restrict, const char *__restrict, char **__restrict);
char *strsep(char **, const char *);
char *strdup(const char *);
char *strndup(const char *, size_t);
char *strerror(int);
#ifdef _GNU_SOURCE
/* The GNU strerror_r: returns the message (maybe not in the buffer). */
char *strerror_r(int, char *, size_t);
#else
/* The POSIX (XSI) strerror_r. */
int strerror_r(int, char *, size_t) __asm__("__xpg_strerror_r");
#endif
char *strsignal(int);
#ifdef _GNU_SOURCE
int strverscmp(const char *, const char *);
#endif

#include <strings.h>

__END_DECLS
#endif
