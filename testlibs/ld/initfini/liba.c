#include "say.h"
int libb_value(void);

__attribute__((constructor)) static void ctor(int argc, char **argv, char **envp)
{
    say("liba", "init_array", argc, argv, envp);
}
__attribute__((destructor)) static void dtor(void) { say("liba", "fini_array", 0, 0, 0); }
int liba_value(void) { return 1 + libb_value(); }
