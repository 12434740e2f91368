/* <libgen.h>, <err.h> and <syslog.h>'s LOG_PERROR copy against glibc
   (stderr is sent to stdout so both are compared). */
#include <err.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <syslog.h>
#include <unistd.h>

int main(int argc, char **argv) {
    /* err.h prints argv[0]'s base name: make it the same for both builds */
    if (argc == 1)
        execv("/proc/self/exe", (char *[]){"./msgs", "run", NULL});
    (void)argv;
    const char *paths[] = {"/usr/lib", "/usr/", "usr", "/", "//", "///a//b///", ".", "..", "a/", "a//b", "", "/a",
                           "//a", "a/b/c/", "./x", NULL};
    for (int i = 0; paths[i]; i++) {
        char b[64], d[64];
        strcpy(b, paths[i]);
        strcpy(d, paths[i]);
        printf("'%s': basename '%s' dirname '%s'\n", paths[i], basename(b), dirname(d));
    }
    printf("NULL: '%s' '%s'\n", basename(NULL), dirname(NULL));
    fflush(stdout);
    dup2(1, 2);

    errno = ENOENT;
    warn("opening %s", "x.txt");
    errno = EACCES;
    warn(NULL);
    warnx("plain %d", 42);
    warnx(NULL);
    pid_t c = fork();
    if (c == 0) {
        errno = EPERM;
        err(3, "fatal %s", "thing");
    }
    int st;
    waitpid(c, &st, 0);
    printf("err exit %d\n", WEXITSTATUS(st));
    fflush(stdout);
    c = fork();
    if (c == 0)
        errx(4, "no errno %c", 'z');
    waitpid(c, &st, 0);
    printf("errx exit %d\n", WEXITSTATUS(st));
    fflush(stdout);

    openlog("tester", LOG_PERROR, LOG_DAEMON);
    syslog(LOG_INFO, "hello %s %d", "log", 7);
    errno = ENOSPC;
    syslog(LOG_ERR, "errno says %m");
    syslog(LOG_WARNING, "ends with newline\n");
    printf("mask %x\n", setlogmask(LOG_UPTO(LOG_ERR)));
    fflush(stdout);
    syslog(LOG_INFO, "filtered out");
    syslog(LOG_CRIT, "kept");
    printf("mask now %x\n", setlogmask(0));
    closelog();
    openlog(NULL, LOG_PERROR, 0);
    syslog(LOG_USER | LOG_NOTICE, "default ident");
    closelog();
    return 0;
}
