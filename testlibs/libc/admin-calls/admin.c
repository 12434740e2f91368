#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/param.h>
#include <sys/personality.h>
#include <sys/timex.h>
#include <sys/xattr.h>

int main(void) {
    /* sched: policy ranges and this process's policy */
    printf("fifo %d..%d rr %d..%d other %d..%d\n", sched_get_priority_min(SCHED_FIFO), sched_get_priority_max(SCHED_FIFO),
           sched_get_priority_min(SCHED_RR), sched_get_priority_max(SCHED_RR), sched_get_priority_min(SCHED_OTHER),
           sched_get_priority_max(SCHED_OTHER));
    errno = 0;
    int r = sched_get_priority_max(99);
    printf("bad policy %d errno %d\n", r, errno);
    struct sched_param sp = { 7 };
    printf("getscheduler %d\n", sched_getscheduler(0));
    r = sched_getparam(0, &sp);
    printf("getparam %d prio %d\n", r, sp.sched_priority);
    sp.sched_priority = 0;
    r = sched_setscheduler(0, SCHED_OTHER, &sp);
    printf("setscheduler other %d now %d\n", r, sched_getscheduler(0));
    errno = 0;
    r = sched_setscheduler(-5, SCHED_OTHER, &sp);
    printf("setscheduler bad pid %d errno %d\n", r, errno);
    struct timespec ts;
    printf("rr_interval %d\n", sched_rr_get_interval(0, &ts));

    /* personality: asking does not change it */
    int p = personality(0xffffffff);
    printf("personality %#x again %#x\n", p, personality(0xffffffff));

    /* adjtimex with no modes only reads */
    struct timex tx;
    memset(&tx, 0, sizeof tx);
    int st = adjtimex(&tx);
    printf("adjtimex state ok %d modes %u\n", st >= TIME_OK && st <= TIME_ERROR, tx.modes);

    /* xattrs on a missing file and on a regular one (support depends on the fs) */
    char buf[64];
    errno = 0;
    ssize_t n = getxattr("/nonexistent", "user.x", buf, sizeof buf);
    printf("getxattr missing %zd errno %d\n", n, errno);
    errno = 0;
    r = lremovexattr("/nonexistent", "user.x");
    printf("lremovexattr missing %d errno %d\n", r, errno);
    FILE *f = fopen("file", "w+");
    fputs("line one\nline two\n", f);
    rewind(f);
    r = setxattr("file", "user.vibix", "v1", 2, XATTR_CREATE);
    if (r == 0) {
        n = getxattr("file", "user.vibix", buf, sizeof buf);
        printf("xattr %.*s size %zd\n", (int)n, buf, getxattr("file", "user.vibix", NULL, 0));
        errno = 0;
        r = setxattr("file", "user.vibix", "v2", 2, XATTR_CREATE);
        printf("create again %d errno %d\n", r, errno);
        ssize_t l = listxattr("file", buf, sizeof buf);
        printf("list has it %d\n", l > 0 && memmem(buf, l, "user.vibix", 11) != NULL);
        n = fgetxattr(fileno(f), "user.vibix", buf, sizeof buf);
        printf("fget %zd remove %d\n", n, removexattr("file", "user.vibix"));
        errno = 0;
        n = getxattr("file", "user.vibix", buf, sizeof buf);
        printf("after remove %zd errno %d\n", n, errno);
    } else {
        printf("setxattr errno %d\n", errno);
    }

    /* fgets_unlocked under the caller's lock */
    flockfile(f);
    char line[32];
    while (fgets_unlocked(line, sizeof line, f))
        printf("got %s", line);
    funlockfile(f);
    fclose(f);

    /* setpgrp makes this process a group leader */
    r = setpgrp();
    printf("setpgrp %d leader %d\n", r, getpgrp() == getpid());

    /* <sys/param.h> bit arrays */
    unsigned char bits[4] = { 0 };
    setbit(bits, 3);
    setbit(bits, 17);
    clrbit(bits, 3);
    printf("bits %02x %02x %02x isset17 %d isclr3 %d howmany %d roundup %d pow2 %d\n", bits[0], bits[1], bits[2],
           isset(bits, 17) != 0, isclr(bits, 3), howmany(10, 4), roundup(10, 4), powerof2(64));
    return 0;
}
