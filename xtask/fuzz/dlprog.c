/* Fuzz input: dlopens ./libfz.so (mutated). Exit 0 when it loaded and
   lib_func ran, 3 with dlerror() on stderr when dlopen refused it. */
#include "rt.h"
#include "dl.h"
int main(int argc, char **argv) {
    (void)argc; (void)argv;
    void *h = dlopen("./libfz.so", RTLD_NOW);
    if (!h) {
        const char *e = dlerror();
        sys3(1, 2, (long)"dlopen: ", 8);
        sys3(1, 2, (long)(e ? e : "(no dlerror)"), rt_strlen(e ? e : "(no dlerror)"));
        sys3(1, 2, (long)"\n", 1);
        return 3;
    }
    int (*f)(int) = (int (*)(int))dlsym(h, "lib_func");
    rt_puts(f ? "loaded\n" : "no lib_func\n");
    return f ? (f(1) > 0 ? 0 : 1) : 4;
}
