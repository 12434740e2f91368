/* execve/execveat: argv and envp arrive, O_CLOEXEC descriptors close and the
   others stay, caught signals go back to SIG_DFL (ignored ones stay ignored,
   the mask stays), #! scripts, programs and scripts written at run time,
   a multithreaded caller, and the errors
   (EFAULT, E2BIG, ENOENT, EACCES, ENOEXEC, ELOOP). Output as with glibc. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;
static char self[4096];

static void on_usr1(int s) { (void)s; }

static const char *ename(int e)
{
    switch (e) {
    case EFAULT: return "EFAULT";
    case E2BIG: return "E2BIG";
    case ENOENT: return "ENOENT";
    case EACCES: return "EACCES";
    case ENOEXEC: return "ENOEXEC";
    case ELOOP: return "ELOOP";
    case EINVAL: return "EINVAL";
    default: return "other";
    }
}

/* The exec'd image: report what it inherited. */
static int child_main(int argc, char **argv)
{
    printf("exec'd: argc=%d", argc);
    for (int i = 1; i < argc; i++)
        printf(" [%s]", argv[i]);
    printf(" VIBIX_T_X=%s\n", getenv("VIBIX_T_X") ? getenv("VIBIX_T_X") : "(unset)");
    if (argc >= 5 && strcmp(argv[1], "child") == 0) {
        int keep = atoi(argv[2]), cloexec = atoi(argv[3]);
        int kept = fcntl(keep, F_GETFD) >= 0;
        int closed = fcntl(cloexec, F_GETFD);
        printf("fd kept: %d, O_CLOEXEC fd: %d errno=%s\n", kept, closed, errno == EBADF ? "EBADF" : "?");
        struct sigaction sa;
        sigaction(SIGUSR1, NULL, &sa);
        printf("SIGUSR1 handler reset: %d\n", sa.sa_handler == SIG_DFL);
        sigaction(SIGUSR2, NULL, &sa);
        printf("SIGUSR2 still ignored: %d\n", sa.sa_handler == SIG_IGN);
        sigset_t m;
        sigprocmask(SIG_SETMASK, NULL, &m);
        printf("SIGHUP still blocked: %d\n", sigismember(&m, SIGHUP));
    }
    return 3;
}

static void *sleeper(void *a)
{
    (void)a;
    for (;;)
        pause();
}

static int run(char *const *argv, char *const *envp)
{
    pid_t pid = fork();
    if (pid == 0) {
        execve(self, argv, envp);
        printf("execve failed: %s\n", ename(errno));
        _exit(127);
    }
    int st;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st);
}

static void try_exec(const char *what, const char *path, char *const *argv, char *const *envp)
{
    pid_t pid = fork();
    if (pid == 0) {
        int r = execve(path, argv, envp);
        printf("%s: %d %s\n", what, r, ename(errno));
        _exit(0);
    }
    waitpid(pid, NULL, 0);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    /* run.sh passes: --paths SCRIPT NOTELF; any other arguments mean "exec'd". */
    if (argc > 1 && strcmp(argv[1], "--paths") != 0)
        return child_main(argc, argv);
    const char *script = argc > 3 ? argv[2] : NULL, *notelf = argc > 3 ? argv[3] : NULL;
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return 1;
    self[n] = 0;

    char *env[] = { "VIBIX_T_X=from parent", NULL };
    char *a1[] = { self, "plain", "two words", "", NULL };
    printf("status %d\n", run(a1, env));

    int keep = open(self, O_RDONLY), cloexec = open(self, O_RDONLY | O_CLOEXEC);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    signal(SIGUSR2, SIG_IGN);
    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGHUP);
    sigprocmask(SIG_BLOCK, &m, NULL);
    char k[16], c[16];
    snprintf(k, sizeof k, "%d", keep);
    snprintf(c, sizeof c, "%d", cloexec);
    char *a2[] = { self, "child", k, c, "x", NULL };
    printf("status %d\n", run(a2, env));
    sigprocmask(SIG_UNBLOCK, &m, NULL);
    signal(SIGUSR2, SIG_DFL);

    /* From a process with a second thread: the threads go, the image runs. */
    char *ok0[] = { self, "x", NULL };
    pid_t pid = fork();
    if (pid == 0) {
        pthread_t t;
        pthread_create(&t, NULL, sleeper, NULL);
        char *a3[] = { self, "from-threaded", NULL };
        execve(self, a3, env);
        _exit(127);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("threaded exec status %d\n", WEXITSTATUS(st));

    /* execveat(fd, "", AT_EMPTY_PATH) runs an open file (fexecve). */
    pid = fork();
    if (pid == 0) {
        char *a4[] = { self, "via-execveat", NULL };
        syscall(SYS_execveat, keep, "", a4, env, AT_EMPTY_PATH);
        printf("execveat failed: %s\n", ename(errno));
        _exit(127);
    }
    waitpid(pid, &st, 0);
    printf("execveat status %d\n", WEXITSTATUS(st));

    /* A #! script (made by run.sh): interpreter, its argument, the script, the rest. */
    if (script) {
        char *a5[] = { (char *)script, "after", NULL };
        pid = fork();
        if (pid == 0) {
            execve(script, a5, env);
            printf("script failed: %s\n", ename(errno));
            _exit(127);
        }
        waitpid(pid, &st, 0);
        printf("script status %d\n", WEXITSTATUS(st));
    }

    /* Programs written at run time (the writable tree, not the initramfs): a
       copy of this program, a #! script naming that copy, and a copy without
       an execute bit (EACCES). */
    const char *dir = "exec-tmp"; /* in the working directory: the same argv text in both runs */
    if (mkdir(dir, 0755) == 0) {
        char copy[64], script2[64], noexec[64];
        snprintf(copy, sizeof copy, "%s/copy", dir);
        snprintf(script2, sizeof script2, "%s/script", dir);
        snprintf(noexec, sizeof noexec, "%s/noexec", dir);
        int in = open(self, O_RDONLY);
        int out = open(copy, O_WRONLY | O_CREAT | O_TRUNC, 0755);
        int out2 = open(noexec, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        char buf[8192];
        ssize_t got;
        while ((got = read(in, buf, sizeof buf)) > 0) {
            if (write(out, buf, got) != got || write(out2, buf, got) != got)
                printf("copy failed\n");
        }
        close(in);
        close(out);
        close(out2);
        char text[128];
        int len = snprintf(text, sizeof text, "#!%s from-tmp-script\n", copy);
        out = open(script2, O_WRONLY | O_CREAT | O_TRUNC, 0755);
        if (write(out, text, len) != len)
            printf("script write failed\n");
        close(out);
        char *a6[] = { copy, "from-tmp", NULL };
        pid = fork();
        if (pid == 0) {
            execve(copy, a6, env);
            printf("tmp copy failed: %s\n", ename(errno));
            _exit(127);
        }
        waitpid(pid, &st, 0);
        printf("tmp copy status %d\n", WEXITSTATUS(st));
        char *a7[] = { script2, "after", NULL };
        pid = fork();
        if (pid == 0) {
            execve(script2, a7, env);
            printf("tmp script failed: %s\n", ename(errno));
            _exit(127);
        }
        waitpid(pid, &st, 0);
        printf("tmp script status %d\n", WEXITSTATUS(st));
        try_exec("no execute bit", noexec, ok0, env);
        unlink(copy);
        unlink(script2);
        unlink(noexec);
        rmdir(dir);
    }

    /* Errors: the caller goes on. */
    char *ok[] = { self, "x", NULL };
    try_exec("missing file", "/nonexistent/prog", ok, env);
    try_exec("a directory", "/", ok, env);
    try_exec("argv at a bad address", self, (char **)16, env);
    char *badarg[] = { self, (char *)16, NULL };
    try_exec("argv[1] at a bad address", self, badarg, env);
    try_exec("path at a bad address", (char *)16, ok, env);
    char *huge = malloc(200000);
    memset(huge, 'a', 199999);
    huge[199999] = 0;
    char *bigenv[] = { huge, NULL };
    try_exec("one 200 KB string", self, ok, bigenv);
    static char *many[101];
    char *chunk = malloc(100000);
    memset(chunk, 'b', 99999);
    chunk[99999] = 0;
    for (int i = 0; i < 100; i++)
        many[i] = chunk;
    try_exec("10 MB of environment", self, ok, many);
    if (notelf)
        try_exec("not an ELF file", notelf, ok, env);
    return 0;
}
