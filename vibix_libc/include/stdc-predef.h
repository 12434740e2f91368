/* <stdc-predef.h>: what the C implementation predefines; GCC includes it
   before every translation unit. wchar_t holds ISO 10646 code points, and
   float/double are IEC 60559 (Annex F and G). */
#ifndef _STDC_PREDEF_H
#define _STDC_PREDEF_H
#if !defined(__GCC_IEC_559) || __GCC_IEC_559 > 0
#define __STDC_IEC_559__ 1
#define __STDC_IEC_60559_BFP__ 201404L
#endif
#if !defined(__GCC_IEC_559_COMPLEX) || __GCC_IEC_559_COMPLEX > 0
#define __STDC_IEC_559_COMPLEX__ 1
#define __STDC_IEC_60559_COMPLEX__ 201404L
#endif
#define __STDC_ISO_10646__ 201706L
#endif
