#include <dlfcn.h>
#include <stdio.h>
int main(void)
{
    void *h = dlopen("libc.so", RTLD_NOW);
    printf("%s\n", h ? "ok" : dlerror());
    return 0;
}
