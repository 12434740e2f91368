/* The bottom of the chain: DT_INIT/DT_FINI (-Wl,-init/-fini) and init/fini arrays. */
#include "say.h"

void libb_init(void) { say("libb", "DT_INIT", 0, 0, 0); }
void libb_fini(void) { say("libb", "DT_FINI", 0, 0, 0); }

__attribute__((constructor)) static void ctor(int argc, char **argv, char **envp)
{
    say("libb", "init_array", argc, argv, envp);
}
__attribute__((destructor)) static void dtor(void) { say("libb", "fini_array", 0, 0, 0); }
int libb_value(void) { return 2; }
