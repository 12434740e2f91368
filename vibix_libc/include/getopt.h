#ifndef _GETOPT_H
#define _GETOPT_H
#include <features.h>
__BEGIN_DECLS
extern char *optarg;
extern int optind, opterr, optopt;
/* BSD: set to 1 (with optind) to start scanning a new argument vector. */
extern int optreset;
struct option { const char *name; int has_arg; int *flag; int val; };
#define no_argument 0
#define required_argument 1
#define optional_argument 2
int getopt(int, char *const[], const char *);
int getopt_long(int, char *const[], const char *, const struct option *, int *);
int getopt_long_only(int, char *const[], const char *, const struct option *, int *);
__END_DECLS
#endif
