#ifndef _BITS_LOCALE_T_H
#define _BITS_LOCALE_T_H
/* A locale handle (vibix_libc's layout starts like glibc's struct __locale_struct). */
typedef struct __locale_struct *locale_t;
#endif
