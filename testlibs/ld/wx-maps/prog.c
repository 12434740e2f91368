/* Reads /proc/self/maps: no mapping may be writable and executable at once;
 * our loader, libc and library must be the ones mapped (no glibc). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int wx_lib_func(void);
static char maps[65536];

int main(void)
{
    int fd = open("/proc/self/maps", O_RDONLY);
    if (fd < 0) {
        printf("cannot open /proc/self/maps\n");
        return 1;
    }
    size_t len = 0;
    ssize_t n;
    while (len < sizeof maps - 1 && (n = read(fd, maps + len, sizeof maps - 1 - len)) > 0)
        len += (size_t)n;
    close(fd);
    maps[len] = 0;

    int lines = 0, wx = 0, ldso = 0, libc = 0, lib = 0, glibc = 0;
    for (char *line = maps; *line;) {
        char *end = strchr(line, '\n');
        if (end) *end = 0;
        char *perms = strchr(line, ' ');
        lines++;
        if (perms && perms[2] == 'w' && perms[3] == 'x') {
            wx++;
            printf("W+X mapping: %s\n", line);
        }
        if (strstr(line, "/ld-vibix.so.1")) ldso = 1;
        if (strstr(line, "/libc.so") && !strstr(line, "/libc.so.6")) libc = 1;
        if (strstr(line, "/libwx.so")) lib = 1;
        if (strstr(line, "libc.so.6") || strstr(line, "ld-linux")) glibc = 1;
        if (!end) break;
        line = end + 1;
    }
    printf("mappings read: %d\n", lines > 5);
    printf("W+X mappings: %d\n", wx);
    printf("mapped: ld-vibix %d, libc.so %d, libwx.so %d, glibc %d\n", ldso, libc, lib, glibc);
    return wx_lib_func();
}
