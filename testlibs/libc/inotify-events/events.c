/* Each step does one thing to d/f (or d itself) and prints the events the two
   watches got: wd 1 on the directory d (IN_ALL_EVENTS), wd 2 on d/f. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static int in, wdir, wfile;

static const char *name_of(unsigned bit) {
    static const struct { unsigned bit; const char *name; } names[] = {
        { IN_ACCESS, "ACCESS" }, { IN_MODIFY, "MODIFY" }, { IN_ATTRIB, "ATTRIB" }, { IN_CLOSE_WRITE, "CLOSE_WRITE" },
        { IN_CLOSE_NOWRITE, "CLOSE_NOWRITE" }, { IN_OPEN, "OPEN" }, { IN_MOVED_FROM, "MOVED_FROM" },
        { IN_MOVED_TO, "MOVED_TO" }, { IN_CREATE, "CREATE" }, { IN_DELETE, "DELETE" }, { IN_DELETE_SELF, "DELETE_SELF" },
        { IN_MOVE_SELF, "MOVE_SELF" }, { IN_IGNORED, "IGNORED" }, { IN_ISDIR, "ISDIR" },
    };
    for (unsigned i = 0; i < sizeof names / sizeof *names; i++)
        if (names[i].bit == bit)
            return names[i].name;
    return "?";
}

static void events(const char *step) {
    char buf[4096] __attribute__((aligned(8)));
    printf("%s:", step);
    ssize_t n = read(in, buf, sizeof buf);
    if (n <= 0)
        printf(" (none)");
    for (char *q = buf; q < buf + n;) {
        struct inotify_event *e = (struct inotify_event *)q;
        printf(" [%s", e->wd == wdir ? "d" : e->wd == wfile ? "f" : "?");
        for (unsigned b = 1; b; b <<= 1)
            if (e->mask & b)
                printf(" %s", name_of(b));
        if (e->len)
            printf(" %s", e->name);
        printf("]");
        q += sizeof *e + e->len;
    }
    printf("\n");
}

int main(void) {
    char tmpl[] = "/tmp/inotify-events.XXXXXX";
    if (!mkdtemp(tmpl) || chdir(tmpl))
        return 1;
    mkdir("d", 0755);
    close(open("d/f", O_CREAT | O_WRONLY, 0644));
    in = inotify_init1(IN_NONBLOCK);
    wdir = inotify_add_watch(in, "d", IN_ALL_EVENTS);
    wfile = inotify_add_watch(in, "d/f", IN_ALL_EVENTS);
    events("nothing yet");
    char b[16];

    int fd = open("d/f", O_RDONLY);
    events("open read-only");
    printf("read at the end %zd\n", read(fd, b, sizeof b));
    events("empty read");
    close(fd);
    events("close");

    fd = open("d/f", O_WRONLY | O_TRUNC);
    events("open O_WRONLY|O_TRUNC");
    write(fd, "hello", 5);
    events("write");
    struct iovec v[3] = { { "a", 1 }, { "b", 1 }, { "c", 1 } };
    writev(fd, v, 3);
    events("writev of 3 buffers");
    write(fd, "", 0);
    events("empty write");
    int dup_fd = dup(fd);
    close(fd);
    events("close of one of two descriptors");
    close(dup_fd);
    events("close of the last");

    fd = open("d/f", O_RDWR);
    pread(fd, b, 2, 1);
    events("open O_RDWR, pread");
    char x[2], y[2];
    struct iovec rv[2] = { { x, 2 }, { y, 2 } };
    lseek(fd, 0, SEEK_SET);
    readv(fd, rv, 2);
    events("readv of 2 buffers");
    pid_t kid = fork();
    if (kid == 0) {
        close(fd);
        _exit(0);
    }
    waitpid(kid, NULL, 0);
    events("a forked child closes its copy");
    close(fd);
    events("close");

    int o = open("out", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    fd = open("d/f", O_RDONLY);
    events("open read-only again");
    printf("sendfile %zd\n", sendfile(o, fd, NULL, 100));
    events("sendfile from it");
    close(fd);
    close(o);
    events("close");

    chmod("d/f", 0600);
    events("chmod");
    chown("d/f", 0, 0);
    events("chown");
    chown("d/f", -1, -1);
    events("chown -1 -1");
    utimensat(AT_FDCWD, "d/f", NULL, 0);
    events("utimensat now");
    struct timespec ts[2] = { { 1, 0 }, { 0, UTIME_OMIT } };
    utimensat(AT_FDCWD, "d/f", ts, 0);
    events("utimensat atime only");
    ts[0].tv_nsec = UTIME_OMIT;
    ts[1].tv_sec = 2;
    ts[1].tv_nsec = 0;
    utimensat(AT_FDCWD, "d/f", ts, 0);
    events("utimensat mtime only");
    ts[1].tv_nsec = UTIME_OMIT;
    utimensat(AT_FDCWD, "d/f", ts, 0);
    events("utimensat both omitted");
    truncate("d/f", 1);
    events("truncate");
    link("d/f", "d/g");
    events("link");
    unlink("d/g");
    events("unlink of the second name");
    chmod("d", 0700);
    events("chmod of the directory");
    fd = open("d/f", O_PATH);
    events("open O_PATH");
    close(fd);
    events("close O_PATH");

    DIR *dir = opendir("d");
    events("opendir");
    int entries = 0;
    while (readdir(dir))
        entries++;
    printf("entries %d\n", entries);
    events("readdir to the end");
    closedir(dir);
    events("closedir");

    close(open("d/h", O_CREAT | O_RDWR, 0644));
    events("create and close");
    rename("d/h", "d/f");
    events("rename over f");
    unlink("d/f");
    events("unlink");
    rmdir("d");
    events("rmdir");
    unlink("out");
    chdir("/");
    rmdir(tmpl);
    return 0;
}
