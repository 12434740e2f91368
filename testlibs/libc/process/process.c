/* unistd/signal/setjmp: fork/exec/wait, pipes, directories, stat, getopt,
   signals with handlers, setjmp/longjmp, errno per call. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <signal.h>
#include <setjmp.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/mman.h>
#include <getopt.h>
#include <sys/select.h>

static volatile sig_atomic_t got;
static void on_usr1(int sig) { got = sig; }
static jmp_buf jb;
static void jump(int depth) { if (depth == 0) longjmp(jb, 7); jump(depth - 1); }
static sigjmp_buf sjb;
static void on_segv(int sig) { (void)sig; siglongjmp(sjb, 1); }
static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv)
{
    int opt, flag_a = 0;
    char *val = NULL;
    while ((opt = getopt(argc, argv, "ab:")) != -1) {
        if (opt == 'a') flag_a++;
        else if (opt == 'b') val = optarg;
        else printf("unknown option\n");
    }
    printf("getopt: a=%d b=%s optind=%d rest=%s\n", flag_a, val, optind, optind < argc ? argv[optind] : "-");

    int p[2];
    if (pipe(p)) return 1;
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        dprintf(p[1], "child %d says hi\n", 42);
        _exit(3);
    }
    close(p[1]);
    char buf[256];
    ssize_t n = read(p[0], buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    int st;
    waitpid(pid, &st, 0);
    printf("pipe: %s exited=%d status=%d\n", buf, WIFEXITED(st), WEXITSTATUS(st));

    pid = fork();
    if (pid == 0) {
        char *args[] = { "sh", "-c", "echo exec works; exit 5", NULL };
        execvp("sh", args);
        _exit(99);
    }
    waitpid(pid, &st, 0);
    printf("exec status=%d\n", WEXITSTATUS(st));
    fflush(stdout);
    printf("system: %d\n", WEXITSTATUS(system("echo from system; exit 4")));
    FILE *pp = popen("echo popen line; echo second", "r");
    while (fgets(buf, sizeof buf, pp))
        printf("popen: %s", buf);
    printf("pclose: %d\n", WEXITSTATUS(pclose(pp)));

    mkdir("d", 0755);
    for (int i = 0; i < 5; i++) {
        snprintf(buf, sizeof buf, "d/f%d", i);
        int fd = open(buf, O_WRONLY | O_CREAT, 0600);
        write(fd, buf, strlen(buf));
        close(fd);
    }
    DIR *dir = opendir("d");
    char *names[16];
    int k = 0;
    struct dirent *de;
    while ((de = readdir(dir)))
        names[k++] = strdup(de->d_name);
    closedir(dir);
    qsort(names, k, sizeof *names, cmpstr);
    for (int i = 0; i < k; i++) {
        printf("%s ", names[i]);
        free(names[i]);
    }
    struct stat sb;
    stat("d/f3", &sb);
    printf("\nstat: size=%ld reg=%d mode=%o\n", (long)sb.st_size, S_ISREG(sb.st_mode), sb.st_mode & 0777);
    printf("stat missing: %d errno=%d\n", stat("d/nope", &sb), errno);
    printf("rmdir nonempty: %d errno=%d\n", rmdir("d"), errno);
    for (int i = 0; i < 5; i++) {
        snprintf(buf, sizeof buf, "d/f%d", i);
        unlink(buf);
    }
    printf("rmdir: %d access: %d\n", rmdir("d"), access("d", F_OK));
    char cwd[512];
    printf("getcwd ok: %d\n", getcwd(cwd, sizeof cwd) != NULL);
    printf("close bad fd: %d errno=%d\n", close(-1), errno);
    printf("write bad fd: %zd errno=%d\n", write(12345, "x", 1), errno);

    signal(SIGUSR1, on_usr1);
    raise(SIGUSR1);
    printf("signal handled: %d\n", got);
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    got = 0;
    sigaction(SIGUSR2, &sa, &old);
    sigset_t set, prev;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, &prev);
    kill(getpid(), SIGUSR2);
    printf("blocked: %d\n", got);
    sigprocmask(SIG_SETMASK, &prev, NULL);
    printf("unblocked: %d ismember=%d\n", got, sigismember(&set, SIGUSR2));

    int r = setjmp(jb);
    if (r == 0)
        jump(10);
    printf("longjmp returned %d\n", r);
    signal(SIGSEGV, on_segv);
    if (sigsetjmp(sjb, 1) == 0) {
        volatile int *bad = (int *)16;
        *bad = 1;
    }
    signal(SIGSEGV, SIG_DFL);
    printf("recovered from SIGSEGV\n");
    fflush(stdout);

    void *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(m, 7, 8192);
    int last = ((char *)m)[8191];
    printf("mmap: %d ", last);
    printf("munmap: %d\n", munmap(m, 8192));
    printf("sysconf pagesize: %ld\n", sysconf(_SC_PAGESIZE));
    int sp[2];
    pipe(sp);
    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(sp[0], &rs);
    struct timeval tv = { 0, 1000 };
    printf("select empty: %d\n", select(sp[0] + 1, &rs, NULL, NULL, &tv));
    write(sp[1], "x", 1);
    FD_ZERO(&rs);
    FD_SET(sp[0], &rs);
    tv.tv_usec = 1000;
    int sr = select(sp[0] + 1, &rs, NULL, NULL, &tv);
    printf("select ready: %d isset=%d\n", sr, FD_ISSET(sp[0], &rs));
    return 0;
}
