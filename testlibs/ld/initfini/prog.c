/* prog -> liba -> libb -> libc: dependencies initialise first, finalizers run
 * in reverse, the executable's own fini first; atexit handlers before them. */
#include <stdlib.h>
#include "say.h"
int liba_value(void);

static void preinit(int argc, char **argv, char **envp) { say("prog", "preinit_array", argc, argv, envp); }
__attribute__((section(".preinit_array"), used)) static void (*preinit_p)(int, char **, char **) = preinit;

__attribute__((constructor)) static void ctor(int argc, char **argv, char **envp)
{
    say("prog", "init_array", argc, argv, envp);
}
__attribute__((destructor)) static void dtor(void) { say("prog", "fini_array", 0, 0, 0); }
static void handler(void) { say("prog", "atexit handler", 0, 0, 0); }

int main(int argc, char **argv, char **envp)
{
    atexit(handler);
    say("prog", liba_value() == 3 ? "main" : "main: wrong value", argc, argv, envp);
    return 0;
}
