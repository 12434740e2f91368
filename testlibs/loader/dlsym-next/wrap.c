/* Interposes on real_fn and forwards with dlsym(RTLD_NEXT). */
#include "rt.h"
#include "dl.h"
int real_fn(int x) {
    int (*next)(int) = (int (*)(int))dlsym(RTLD_NEXT, "real_fn");
    return next ? 1000 + next(x) : -1;
}
