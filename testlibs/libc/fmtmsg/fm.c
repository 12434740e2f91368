/* fmtmsg: layout, label checks, severities (SEV_LEVEL), MSGVERB selection;
   output equals glibc's. glibc reads the variables once per process, so each
   setting runs in its own child. stderr goes to stdout. */
#include <fmtmsg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void cases(void) {
#define T(...) do { int r = fmtmsg(__VA_ARGS__); printf("r=%d\n", r); fflush(stdout); } while (0)
    T(MM_PRINT, "UX:cat", MM_ERROR, "bad thing", "refer to cat(1)", "UX:cat:001");
    T(MM_PRINT, "UX:cat", MM_NOSEV, "no sev", "act", "tag");
    T(MM_PRINT, MM_NULLLBL, MM_INFO, "text only", MM_NULLACT, MM_NULLTAG);
    T(MM_PRINT, "UX:cat", 7, "sev7", MM_NULLACT, "tag");
    T(MM_PRINT, "nocolon", MM_HALT, "x", "y", "z");
    T(MM_PRINT, "12345678901:x", MM_HALT, "x", "y", "z");
    T(MM_PRINT, "1234567890:12345678901234", MM_HALT, "x", "y", "z");
    T(MM_PRINT, "1234567890:123456789012345", MM_HALT, "x", "y", "z");
    T(MM_PRINT, "UX:cat", MM_WARNING, MM_NULLTXT, "act", MM_NULLTAG);
    T(MM_PRINT, MM_NULLLBL, MM_NOSEV, MM_NULLTXT, MM_NULLACT, "tag");
    T(MM_PRINT, MM_NULLLBL, MM_NOSEV, MM_NULLTXT, MM_NULLACT, MM_NULLTAG);
    T(0, "UX:cat", MM_ERROR, "none", "a", "t");
    T(MM_PRINT | MM_SOFT | MM_UTIL | MM_RECOVER, "UX:cat", MM_HALT, "classified", "a", "t");
    T(MM_PRINT, "UX:cat", -1, "neg", "a", "t");
}

int main(void) {
    const char *verbs[] = {NULL, "text:tag", "bogus", "label:severity:text:action:tag", "action", "severity:label", "text:bogus"};
    dup2(1, 2);
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (unsigned i = 0; i <= sizeof verbs / sizeof *verbs; i++) {
        fflush(stdout);
        pid_t p = fork();
        if (p == 0) {
            if (i < sizeof verbs / sizeof *verbs) {
                printf("== MSGVERB=%s\n", verbs[i] ? verbs[i] : "(unset)");
                if (verbs[i]) setenv("MSGVERB", verbs[i], 1);
            } else {
                printf("== SEV_LEVEL\n");
                setenv("SEV_LEVEL", "x,7,SEVEN:bad,3,THREE:y,9:z,8,EIGHT,extra", 1);
            }
            cases();
            _exit(0);
        }
        waitpid(p, NULL, 0);
    }
    return 0;
}
