/* Runs `LDSO --list PROG` and prints what it printed with each load address
 * replaced by 0xADDR, after checking the address: lower-case hex after "0x",
 * page-aligned, non-zero, below the user half's top, and different on every
 * line. The output is then the same wherever the libraries were loaded (the
 * host has ASLR, vibix loads at fixed places), while a wrong address or a
 * line in another format still shows up in it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: mask LDSO PROG\n");
        return 2;
    }
    int p[2];
    if (pipe(p) != 0)
        return 2;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        char *args[] = {argv[1], "--list", argv[2], NULL};
        execv(argv[1], args);
        _exit(127);
    }
    close(p[1]);
    static char buf[65536];
    size_t len = 0;
    ssize_t n;
    while (len < sizeof buf - 1 && (n = read(p[0], buf + len, sizeof buf - 1 - len)) > 0)
        len += n;
    buf[len] = 0;
    int st;
    waitpid(pid, &st, 0);
    printf("exit %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
    unsigned long seen[64];
    int nseen = 0;
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        char *open = strrchr(line, '(');
        size_t l = strlen(line);
        if (!open || strncmp(open, "(0x", 3) != 0 || line[l - 1] != ')') {
            printf("no address: %s\n", line);
            continue;
        }
        char *end;
        unsigned long a = strtoul(open + 3, &end, 16);
        const char *bad = NULL;
        if (end != line + l - 1 || end == open + 3)
            bad = "not hex";
        for (char *c = open + 3; c < end; c++)
            if (*c >= 'A' && *c <= 'F')
                bad = "upper case";
        if (!bad && a == 0)
            bad = "zero";
        if (!bad && a % 4096 != 0)
            bad = "not page-aligned";
        if (!bad && a >= 0x800000000000UL)
            bad = "not a user address";
        for (int i = 0; !bad && i < nseen; i++)
            if (seen[i] == a)
                bad = "twice";
        if (nseen < 64)
            seen[nseen++] = a;
        *open = 0;
        printf("%s(0xADDR)%s%s\n", line, bad ? " BAD ADDRESS: " : "", bad ? bad : "");
    }
    return 0;
}
