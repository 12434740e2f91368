#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

static const char *en(int e) {
    switch (e) { case ENODATA: return "ENODATA"; case ERANGE: return "ERANGE"; case EEXIST: return "EEXIST";
    case ENOENT: return "ENOENT"; case EBADF: return "EBADF"; case EPERM: return "EPERM"; case ENOTSUP: return "ENOTSUP"; default: return "other"; }
}
#define SHOW(expr) do { errno = 0; long r_ = (long)(expr); printf("%-60s = %ld %s\n", #expr, r_, r_ < 0 ? en(errno) : ""); } while (0)

static void list(const char *what, ssize_t n, const char *buf) {
    printf("%s: %zd:", what, n);
    /* The kernel's order is the file system's; print sorted-insensitive by scanning known names. */
    const char *names[] = {"user.a", "user.b", "user.long", "user.probe"};
    for (int i = 0; i < 4; i++)
        for (ssize_t o = 0; o < n; o += strlen(buf + o) + 1)
            if (!strcmp(buf + o, names[i])) printf(" %s", names[i]);
    printf("\n");
}

int main(int argc, char **argv) {
    if (argc < 2 || chdir(argv[1])) return 2;
    int fd = open("f", O_RDWR | O_CREAT | O_TRUNC, 0644);
    symlink("f", "link");
    char buf[256];
    SHOW(setxattr("f", "user.a", "alpha", 5, 0));
    SHOW(setxattr("f", "user.a", "x", 1, XATTR_CREATE));
    SHOW(setxattr("f", "user.b", "x", 1, XATTR_REPLACE));
    SHOW(lsetxattr("f", "user.b", "beta", 4, XATTR_CREATE));
    SHOW(fsetxattr(fd, "user.long", "0123456789", 10, 0));
    SHOW(fsetxattr(fd, "user.empty", NULL, 0, 0));
    SHOW(getxattr("f", "user.a", NULL, 0));
    memset(buf, 0, sizeof buf);
    SHOW(getxattr("link", "user.a", buf, sizeof buf));
    printf("value %s\n", buf);
    SHOW(getxattr("f", "user.long", buf, 3));
    SHOW(getxattr("f", "user.none", buf, sizeof buf));
    SHOW(lgetxattr("link", "user.a", buf, sizeof buf));
    memset(buf, 0, sizeof buf);
    SHOW(lgetxattr("f", "user.b", buf, sizeof buf));
    printf("value %s\n", buf);
    memset(buf, 0, sizeof buf);
    SHOW(fgetxattr(fd, "user.long", buf, sizeof buf));
    printf("value %s\n", buf);
    SHOW(fgetxattr(fd, "user.empty", buf, sizeof buf));
    SHOW(fgetxattr(-1, "user.a", buf, sizeof buf));
    SHOW(listxattr("f", NULL, 0));
    SHOW(llistxattr("f", NULL, 0));
    SHOW(flistxattr(fd, NULL, 0));
    SHOW(listxattr("f", buf, 3));
    ssize_t n = listxattr("link", buf, sizeof buf);
    list("listxattr", n, buf);
    n = llistxattr("f", buf, sizeof buf);
    list("llistxattr", n, buf);
    n = flistxattr(fd, buf, sizeof buf);
    list("flistxattr", n, buf);
    SHOW(removexattr("link", "user.a"));
    SHOW(removexattr("f", "user.a"));
    SHOW(lremovexattr("f", "user.b"));
    SHOW(fremovexattr(fd, "user.long"));
    SHOW(fremovexattr(fd, "user.long"));
    n = flistxattr(fd, buf, sizeof buf);
    list("after remove", n, buf);
    SHOW(getxattr("missing", "user.a", buf, sizeof buf));
    return 0;
}
