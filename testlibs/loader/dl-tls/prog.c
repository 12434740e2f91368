#include "rt.h"
#include "dl.h"
#include "thread.h"
static long *(*ie)(void), *(*gd)(void);
static int (*big0)(void);
static volatile int go, ok;
static void worker(void *arg) {
    long id = (long)arg;
    while (!go) sys6(24, 0, 0, 0, 0, 0, 0);              /* sched_yield until dlopen is done */
    if (!ie) return;
    long *a = ie(), *b = gd();
    int good = *a == 5 && *b == 7 && big0() == 3;      /* fresh images in every thread */
    *a = id; *b = id * 10;
    sys6(24, 0, 0, 0, 0, 0, 0);
    good = good && *ie() == id && *gd() == id * 10 && ie() == a && gd() == b;
    /* dlerror is per thread: each thread sees its own failure. */
    char name[] = "missing_0";
    name[8] = '0' + id;
    dlsym(RTLD_DEFAULT, name);
    sys6(24, 0, 0, 0, 0, 0, 0);
    char *e = dlerror();
    good = good && e && rt_contains(e, name) && dlerror() == 0;
    if (good) __atomic_fetch_add(&ok, 1, __ATOMIC_SEQ_CST);
}
int main(void) {
    struct rt_thread t[4];
    for (long i = 0; i < 4; i++) if (rt_spawn(&t[i], worker, (void *)(i + 1))) { rt_puts("spawn failed\n"); return 1; }
    void *hi = dlopen("libie.so", RTLD_NOW);
    if (!hi) { rt_puts(dlerror()); rt_puts("\n"); go = 1; for (int i = 0; i < 4; i++) rt_join(&t[i]); return 0; }
    void *hg = dlopen("libgd.so", RTLD_NOW);
    if (!hg) { rt_puts(dlerror()); rt_puts("\n"); return 1; }
    ie = (long *(*)(void))dlsym(hi, "ie_addr");
    gd = (long *(*)(void))dlsym(hg, "gd_addr");
    big0 = (int (*)(void))dlsym(hg, "gd_big0");
    go = 1;
    for (int i = 0; i < 4; i++) rt_join(&t[i]);
    rt_puts("threads ok: "); rt_putnum(ok); rt_puts("\n");
    rt_puts("main: "); rt_putnum(*ie()); rt_puts(" "); rt_putnum(*gd()); rt_puts("\n");
    long *tv = dlsym(hg, "gd_var");
    rt_puts(tv == gd() ? "dlsym TLS ok\n" : "dlsym TLS bad\n");
    return 0;
}
