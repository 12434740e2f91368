/* Non-PIE: (void *)lib_fn here is the program's PLT entry (the canonical
   address, an undefined STT_FUNC with a non-zero st_value). Every other view of
   lib_fn must agree with it, while calls still reach the library. */
#include <dlfcn.h>
#include <stdio.h>
int lib_fn(void);
void *lib_addr_got(void);
void *lib_addr_data(void);
int main(int argc, char **argv) {
    void *p = (void *)lib_fn;
    int (*volatile fp)(void) = lib_fn;
    printf("library GOT (GLOB_DAT) == program: %d\n", lib_addr_got() == p);
    printf("library data (R_X86_64_64) == program: %d\n", lib_addr_data() == p);
    printf("dlsym(RTLD_DEFAULT) == program: %d\n", dlsym(RTLD_DEFAULT, "lib_fn") == p);
    void *self = dlopen(NULL, RTLD_NOW);
    printf("dlsym(dlopen(NULL)) == program: %d\n", dlsym(self, "lib_fn") == p);
    char path[4096];
    snprintf(path, sizeof path, "%s/plug.so", argc > 1 ? argv[1] : ".");
    void *h = dlopen(path, RTLD_NOW);
    if (!h) {
        printf("dlopen: %s\n", dlerror());
        return 1;
    }
    void *(*plug_addr)(void) = (void *(*)(void))dlsym(h, "plug_addr");
    printf("dlopened GOT == program: %d\n", plug_addr() == p);
    printf("direct call: %d\n", lib_fn());
    printf("call through the pointer: %d\n", fp());
    printf("call through the library's pointer: %d\n", ((int (*)(void))lib_addr_got())());
    return 0;
}
