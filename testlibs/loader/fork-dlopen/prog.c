/* fork while other threads dlopen/dlclose in a loop: the loader's locks are
   taken around fork, so every child can dlopen/dlsym/dlclose (a child that
   inherited a lock held by a thread it does not have would hang). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char ham_path[4096], child_path[4096];
static volatile int stop;

static void *hammer(void *arg) {
    long n = 0;
    (void)arg;
    while (!stop) {
        void *h = dlopen(ham_path, RTLD_NOW);
        int (*f)(void) = h ? (int (*)(void))dlsym(h, "ham") : 0;
        if (!f) {
            printf("hammer: %s\n", dlerror());
            return 0;
        }
        f();
        dlclose(h);
        n++;
    }
    return (void *)n;
}

static int child(void) {
    void *h = dlopen(child_path, RTLD_NOW);
    if (!h) return 3;
    int (*f)(void) = (int (*)(void))dlsym(h, "child_fn");
    if (!f || f() != 42) return 4;
    if (dlclose(h)) return 5;
    return 0;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : ".";
    snprintf(ham_path, sizeof ham_path, "%s/libham.so", dir);
    snprintf(child_path, sizeof child_path, "%s/libchild.so", dir);
    pthread_t t[2];
    for (int i = 0; i < 2; i++) pthread_create(&t[i], 0, hammer, 0);
    int ok = 0, hung = 0, failed = 0;
    for (int i = 0; i < 60 && !hung; i++) {
        struct timespec pause = {0, 200000 + i * 10000};
        nanosleep(&pause, 0);
        pid_t pid = fork();
        if (pid == 0) _exit(child());
        if (pid < 0) {
            printf("fork failed\n");
            return 1;
        }
        int st = 0;
        double deadline = now() + 5;
        struct timespec tick = {0, 1000000};
        while (waitpid(pid, &st, WNOHANG) == 0) {
            if (now() > deadline) {
                kill(pid, SIGKILL);
                waitpid(pid, &st, 0);
                hung++;
                break;
            }
            nanosleep(&tick, 0);
        }
        if (!hung) {
            if (WIFEXITED(st) && WEXITSTATUS(st) == 0) ok++;
            else failed++;
        }
    }
    stop = 1;
    void *n0, *n1;
    pthread_join(t[0], &n0);
    pthread_join(t[1], &n1);
    printf("children: %d ok, %d hung, %d failed\n", ok, hung, failed);
    printf("both threads kept loading: %d\n", n0 != 0 && n1 != 0);
    return 0;
}
