/* <bits/alltypes.h>: every basic type of the C library in one place (from
   <sys/types.h>): the POSIX scalar types, the pthread types and locale_t. */
#ifndef _BITS_ALLTYPES_H
#define _BITS_ALLTYPES_H
#include <bits/types.h>
#include <bits/pthreadtypes.h>
#include <bits/locale_t.h>
#endif
