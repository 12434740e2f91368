/* <bits/dirent.h>: struct dirent (Linux's getdents64 record) and the d_type values (from <dirent.h>). */
#ifndef _BITS_DIRENT_H
#define _BITS_DIRENT_H
#include <bits/types.h>
struct dirent {
    ino_t d_ino;
    off_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[256];
};
#if (defined(_LARGEFILE64_SOURCE) || defined(_GNU_SOURCE)) && !defined(_VIBIX_DIRENT64)
#define _VIBIX_DIRENT64
/* x86_64: the large-file record has the layout of struct dirent. */
struct dirent64 {
    ino64_t d_ino;
    off64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[256];
};
#endif
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12
#endif
