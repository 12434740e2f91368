/* Fuzz input: dlopens ./libfz.so (mutated). Exit 0 when it loaded and
   lib_func ran, 3 with dlerror() on stderr when dlopen refused it. Only the
   library is mutated: this program's calls into ld-vibix are always valid, so a
   fault inside dlopen is ld-vibix's. */
#include "rt.h"
#include "dl.h"
int main(int argc, char **argv) {
    (void)argc; (void)argv;
    volatile char lib[] = {'.', '/', 'l', 'i', 'b', 'f', 'z', '.', 's', 'o', 0};
    volatile char fn[] = {'l', 'i', 'b', '_', 'f', 'u', 'n', 'c', 0};
    void *h = dlopen((const char *)lib, RTLD_NOW);
    if (!h) {
        const char *e = dlerror();
        char pre[] = {'d', 'l', 'o', 'p', 'e', 'n', ':', ' '}, nl = '\n';
        sys3(1, 2, (long)pre, 8);
        if (e) sys3(1, 2, (long)e, rt_strlen(e));
        sys3(1, 2, (long)&nl, 1);
        return 3;
    }
    int (*f)(int) = (int (*)(int))dlsym(h, (const char *)fn);
    char ok[] = {'o', 'k', '\n'};
    sys3(1, 1, (long)ok, f ? 3 : 0);
    return f ? (f(1) > 0 ? 0 : 1) : 4;
}
