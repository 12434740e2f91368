/* vibix_libc: common declarations helpers. */
#ifndef _FEATURES_H
#define _FEATURES_H

#define __VIBIX_LIBC__ 1

#ifdef __cplusplus
#define __BEGIN_DECLS extern "C" {
#define __END_DECLS }
#else
#define __BEGIN_DECLS
#define __END_DECLS
#endif

#if defined(__cplusplus) || !defined(__STDC_VERSION__) || __STDC_VERSION__ < 199901L
#define __restrict __restrict__
#else
#define __restrict restrict
#endif

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define __noreturn _Noreturn
#else
#define __noreturn __attribute__((__noreturn__))
#endif

#ifndef __THROW
#define __THROW
#endif

#endif
