/* Login and system information calls against glibc: getlogin/getlogin_r
   (no terminal here), getusershell/setusershell/endusershell, gethostid,
   confstr (lengths, truncation, EINVAL), daemon (new session, cwd, detached),
   lockf between processes, get_nprocs & co., getloadavg, getdtablesize,
   getdomainname, mktemp/mkstemps/mkostemp(s) and their *64 names.
   Machine-dependent answers (host id, processor count, descriptor limit) are
   checked against where they come from, so the output is the same on the host
   and in vibix. */
#define _GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

static void template_check(const char *what, const char *t, size_t suffix) {
    size_t n = strlen(t);
    printf("%s: len %zu, prefix kept %d, suffix kept %d, changed %d\n", what, n, strncmp(t, "tmp.", 4) == 0,
           suffix ? strcmp(t + n - suffix, ".txt") == 0 : 1, strstr(t, "XXXXXX") == NULL);
}

int main(void) {
    /* getlogin: no login uid and stdin is not a terminal. */
    errno = 0;
    char *l = getlogin();
    printf("getlogin: %s errno %s\n", l ? "name" : "NULL", strerror(errno));
    char b[64];
    printf("getlogin_r: %d\n", getlogin_r(b, sizeof b));

    /* /etc/shells, or the default list. */
    char *s;
    int n = 0;
    while ((s = getusershell()))
        printf("shell %d: %s\n", n++, s);
    setusershell();
    printf("again: %s\n", (s = getusershell()) ? s : "(none)");
    endusershell();
    printf("after end: %s\n", (s = getusershell()) ? s : "(none)");
    endusershell();

    /* Without /etc/hostid: the host name's IPv4 address, halves swapped (0 if none). */
    long want_id = 0;
    char host[256];
    struct hostent *he;
    if (access("/etc/hostid", F_OK) != 0 && gethostname(host, sizeof host) == 0 && (he = gethostbyname(host)) && he->h_addrtype == AF_INET) {
        uint32_t a;
        memcpy(&a, he->h_addr_list[0], 4);
        want_id = (long)(int32_t)((a << 16) | (a >> 16));
    }
    printf("gethostid is the host name's address: %d\n", access("/etc/hostid", F_OK) == 0 || gethostid() == want_id);

    /* Processor and memory counts, load averages, the descriptor limit. */
    int np = get_nprocs(), npc = get_nprocs_conf();
    printf("nprocs = _SC_NPROCESSORS_ONLN %d, conf = _SC_NPROCESSORS_CONF %d, 1 <= nprocs <= conf %d\n",
           np == sysconf(_SC_NPROCESSORS_ONLN), npc == sysconf(_SC_NPROCESSORS_CONF), 1 <= np && np <= npc);
    long pp = get_phys_pages(), ap = get_avphys_pages();
    printf("phys pages = _SC_PHYS_PAGES %d, avphys sane %d\n", pp == sysconf(_SC_PHYS_PAGES), ap > 0 && ap <= pp);
    double la[3] = { -1, -1, -1 };
    int k = getloadavg(la, 3);
    printf("loadavg %d sane %d, one %d, none %d\n", k, la[0] >= 0 && la[1] >= 0 && la[2] >= 0, getloadavg(la, 1), getloadavg(la, 0));
    struct rlimit nofile;
    getrlimit(RLIMIT_NOFILE, &nofile);
    printf("getdtablesize is RLIMIT_NOFILE %d\n", getdtablesize() == (int)nofile.rlim_cur);
    char dom[128];
    int dr = getdomainname(dom, sizeof dom);
    printf("getdomainname %d '%s'\n", dr, dom);
    errno = 0;
    dr = setdomainname(dom, 100);
    printf("setdomainname too long %d %s\n", dr, strerror(errno));

    /* confstr: every name glibc knows except its own version strings. */
    int names[] = { _CS_PATH, _CS_V6_WIDTH_RESTRICTED_ENVS, _CS_V5_WIDTH_RESTRICTED_ENVS, _CS_V7_WIDTH_RESTRICTED_ENVS };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        size_t len = confstr(names[i], b, sizeof b);
        printf("confstr %d: %zu '%s'\n", names[i], len, b);
    }
    for (int name = 1000; name < 1200; name++) {
        errno = 0;
        b[0] = '#';
        size_t len = confstr(name, b, sizeof b);
        if (len || errno != EINVAL)
            printf("confstr %d: %zu '%s'\n", name, len, b);
    }
    printf("confstr NULL buffer: %zu\n", confstr(_CS_PATH, NULL, 0));
    memset(b, '#', sizeof b);
    printf("confstr truncated: %zu '%s' next %c\n", confstr(_CS_PATH, b, 5), b, b[5]);
    memset(b, '#', sizeof b);
    printf("confstr len 0: %zu %c\n", confstr(_CS_PATH, b, 0), b[0]);
    errno = 0;
    size_t z = confstr(-1, b, sizeof b);
    printf("confstr bad: %zu %s\n", z, strerror(errno));
    errno = 0;
    z = confstr(999, b, sizeof b);
    printf("confstr bad 2: %zu %s\n", z, strerror(errno));

    /* daemon: the daemon reports through a pipe; the intermediate exits 0. */
    fflush(stdout);
    int p[2];
    if (pipe(p))
        return 1;
    pid_t mid = fork();
    if (mid == 0) {
        close(p[0]);
        pid_t before = getpid();
        if (daemon(0, 1) != 0)
            _exit(3);
        char cwd[256], msg[512];
        int len = snprintf(msg, sizeof msg, "daemon: new pid %d, session leader %d, pgrp leader %d, cwd %s\n",
                           getpid() != before, getsid(0) == getpid(), getpgrp() == getpid(),
                           getcwd(cwd, sizeof cwd) ? cwd : "?");
        write(p[1], msg, len);
        pid_t me = getpid();
        if (daemon(1, 0) != 0)
            _exit(4);
        struct stat st, nul;
        fstat(0, &st);
        stat("/dev/null", &nul);
        char cwd2[256];
        len = snprintf(msg, sizeof msg, "daemon again: new pid %d, stdin is /dev/null %d, cwd kept %d\n", getpid() != me,
                       st.st_rdev == nul.st_rdev && S_ISCHR(st.st_mode), getcwd(cwd2, sizeof cwd2) && strcmp(cwd2, "/") == 0);
        write(p[1], msg, len);
        _exit(0);
    }
    close(p[1]);
    int st;
    waitpid(mid, &st, 0);
    printf("intermediate exited %d status %d\n", WIFEXITED(st), WEXITSTATUS(st));
    char buf[1024];
    ssize_t got, total = 0;
    while ((got = read(p[0], buf + total, sizeof buf - 1 - total)) > 0)
        total += got;
    buf[total] = 0;
    fputs(buf, stdout);
    close(p[0]);

    /* lockf: a child sees our lock on the first 10 bytes only. */
    char path[] = "lockfile";
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    write(fd, "0123456789abcdefghij", 20);
    lseek(fd, 0, SEEK_SET);
    printf("lockf F_LOCK: %d\n", lockf(fd, F_LOCK, 10));
    printf("lockf F_TEST own: %d\n", lockf(fd, F_TEST, 10));
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        int f2 = open(path, O_RDWR);
        errno = 0;
        int r1 = lockf(f2, F_TEST, 5);
        int e1 = errno;
        errno = 0;
        int r2 = lockf(f2, F_TLOCK, 5);
        int e2 = errno;
        lseek(f2, 10, SEEK_SET);
        int r3 = lockf(f2, F_TLOCK, 10);
        int r4 = lockf(f2, F_ULOCK, 10);
        printf("child: test %d %s, tlock %d %s, tlock after %d, ulock %d\n", r1, strerror(e1), r2,
               e2 == EAGAIN || e2 == EACCES ? "EAGAIN/EACCES" : strerror(e2), r3, r4);
        fflush(stdout);
        _exit(0);
    }
    waitpid(c, &st, 0);
    printf("lockf F_ULOCK: %d\n", lockf(fd, F_ULOCK, 10));
    errno = 0;
    int lr = lockf(fd, 99, 0);
    printf("lockf bad cmd: %d %s\n", lr, strerror(errno));
    close(fd);

    /* The temporary-name family. */
    char t1[] = "tmp.XXXXXX";
    char *r = mktemp(t1);
    template_check("mktemp", t1, 0);
    struct stat sb;
    printf("mktemp result is template %d, exists %d\n", r == t1, stat(t1, &sb) == 0);
    char bad[] = "tmp.XXXX";
    errno = 0;
    r = mktemp(bad);
    printf("mktemp bad: empty %d errno %s\n", r == bad && bad[0] == 0, strerror(errno));
    char t2[] = "tmp.XXXXXX.txt";
    fd = mkstemps(t2, 4);
    template_check("mkstemps", t2, 4);
    fstat(fd, &sb);
    printf("mkstemps fd ok %d, mode %o\n", fd >= 0, sb.st_mode & 0777);
    close(fd);
    char t3[] = "tmp.XXXXXX";
    fd = mkostemp(t3, O_CLOEXEC);
    template_check("mkostemp", t3, 0);
    printf("mkostemp cloexec %d\n", fd >= 0 && (fcntl(fd, F_GETFD) & FD_CLOEXEC));
    close(fd);
    char t4[] = "tmp.XXXXXX.txt";
    fd = mkostemps(t4, 4, O_APPEND);
    template_check("mkostemps", t4, 4);
    printf("mkostemps append %d\n", fd >= 0 && (fcntl(fd, F_GETFL) & O_APPEND));
    close(fd);
    char t5[] = "tmp.XXXXXX.txt";
    errno = 0;
    int sr = mkstemps(t5, 9);
    printf("mkstemps suffix too long: %d %s\n", sr, strerror(errno));
    char t6[] = "tmp.XXXXXX", t7[] = "tmp.XXXXXX.txt", t8[] = "tmp.XXXXXX", t9[] = "tmp.XXXXXX.txt";
    int a = mkstemp64(t6), b2 = mkstemps64(t7, 4), c2 = mkostemp64(t8, 0), d = mkostemps64(t9, 4, 0);
    printf("*64: %d %d %d %d\n", a >= 0, b2 >= 0, c2 >= 0, d >= 0);
    return 0;
}
