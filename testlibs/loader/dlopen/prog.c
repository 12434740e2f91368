#include "rt.h"
#include "dl.h"
static void say(const char *what, long v) { rt_puts(what); rt_puts(" "); rt_putnum(v); rt_puts("\n"); }
int main(void) {
    int n0 = count_objects();
    void *h = dlopen("libplug.so", RTLD_NOW);
    if (!h) { rt_puts(dlerror()); rt_puts("\n"); return 1; }
    say("objects added", count_objects() - n0);
    int (*fn)(void) = (int (*)(void))dlsym(h, "plug_fn");
    say("plug_fn", fn ? fn() : -1);
    say("dep via handle", dlsym(h, "dep_value") != 0);
    say("local not in default scope", dlsym(RTLD_DEFAULT, "plug_fn") == 0);
    char *e = dlerror();
    say("dlerror names symbol", e && rt_contains(e, "plug_fn"));
    say("dlerror cleared", dlerror() == 0);
    Dl_info di;
    say("dladdr", dladdr((void *)fn, &di) && rt_contains(di.dli_fname, "libplug.so") && rt_contains(di.dli_sname, "plug_fn") && di.dli_saddr == (void *)fn);
    void *h2 = dlopen("libplug.so", RTLD_NOW | RTLD_NOLOAD);
    say("noload finds loaded", h2 == h);
    say("noload of unloaded", dlopen("libglob.so", RTLD_NOLOAD) == 0);
    dlclose(h2);
    rt_puts("first dlclose\n");
    dlclose(h);
    rt_puts("second dlclose\n");
    say("objects after close", count_objects() - n0);
    say("dladdr after close", dladdr((void *)fn, &di));
    /* A failing dlopen leaves nothing behind. */
    say("bad dlopen", dlopen("libbad.so", RTLD_NOW) == 0);
    e = dlerror();
    say("error names symbol", e && rt_contains(e, "missing_function"));
    say("objects after failure", count_objects() - n0);
    say("missing file", dlopen("libnonexistent.so", RTLD_NOW) == 0 && rt_contains(dlerror(), "libnonexistent.so"));
    void *g = dlopen("libglob.so", RTLD_NOW | RTLD_GLOBAL);
    int (*gf)(void) = (int (*)(void))dlsym(RTLD_DEFAULT, "glob_fn");
    say("global in default scope", g && gf ? gf() : -1);
    say("dlclose bad handle", dlclose((void *)16));
    /* RTLD_NODELETE: dlclose keeps it mapped (its finalizer runs at exit). */
    int n1 = count_objects();
    void *nd = dlopen("libnd.so", RTLD_NOW | RTLD_NODELETE);
    int (*ndf)(void) = (int (*)(void))dlsym(nd, "nd_fn");
    dlclose(nd);
    say("nodelete still loaded", count_objects() - n1);
    say("nodelete callable", ndf());
    return 0;
}
