/* Runs a Rust test binary (libtest) and prints its stdout with what differs
 * between two runs of the same suite taken out, so `cargo xtask kernel test`
 * can compare a run inside vibix (QEMU) with the one on the host:
 *   - the "test NAME ... RESULT" lines of one block come sorted (with several
 *     test threads they finish in any order);
 *   - "; finished in 1.23s" is cut from the "test result:" line;
 *   - "test NAME has been running for over 60 seconds" notes are dropped (TCG is slow).
 * Usage: libtest-run PROG ARGS...  (exit status: PROG's, 128+signal if killed)
 *        libtest-run -             (filters standard input: the host run's saved output) */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char **pending;
static size_t npending, cap;

static int by_text(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void flush_tests(void) {
    qsort(pending, npending, sizeof *pending, by_text);
    for (size_t i = 0; i < npending; i++) {
        fputs(pending[i], stdout);
        free(pending[i]);
    }
    npending = 0;
}

static int ends_with(const char *s, const char *tail) {
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

static void line(char *l) {
    if (strncmp(l, "test ", 5) == 0 && ends_with(l, " has been running for over 60 seconds\n")) return;
    if (strncmp(l, "test ", 5) == 0 && strncmp(l, "test result: ", 13) != 0) {
        if (npending == cap) {
            cap = cap ? 2 * cap : 256;
            pending = realloc(pending, cap * sizeof *pending);
            if (!pending) perror("realloc"), exit(2);
        }
        pending[npending++] = strdup(l);
        return;
    }
    flush_tests();
    char *f = strncmp(l, "test result: ", 13) == 0 ? strstr(l, "; finished in ") : NULL;
    if (f) strcpy(f, "\n");
    fputs(l, stdout);
}

static void filter(FILE *in) {
    char *l = NULL;
    size_t n = 0;
    while (getline(&l, &n, in) > 0) line(l);
    flush_tests();
    free(l);
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "-") == 0) {
        filter(stdin);
        return 0;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: libtest-run PROG ARGS... | libtest-run -\n");
        return 2;
    }
    int p[2];
    if (pipe(p) < 0) return perror("pipe"), 2;
    fflush(stdout);
    pid_t child = fork();
    if (child < 0) return perror("fork"), 2;
    if (child == 0) {
        dup2(p[1], STDOUT_FILENO);
        close(p[0]), close(p[1]);
        execv(argv[1], argv + 1);
        perror(argv[1]);
        _exit(127);
    }
    close(p[1]);
    FILE *in = fdopen(p[0], "r");
    if (!in) return perror("fdopen"), 2;
    filter(in);
    fclose(in);
    int st;
    while (waitpid(child, &st, 0) < 0)
        if (errno != EINTR) return perror("waitpid"), 2;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
