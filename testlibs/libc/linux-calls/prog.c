/* Single Linux/POSIX calls the nix crate's tests import (header/sys_kernel,
 * unistd/{at,pathconf,tty}, sched, sys/masked, ...): same results as glibc. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/mount.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHOW(expr) do { errno = 0; long r_ = (long)(expr); printf("%-44s = %ld errno %d\n", #expr, r_, r_ < 0 ? errno : 0); } while (0)

int prctl(int, ...);

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    char dir[] = "/tmp/linux-calls-XXXXXX";
    if (!mkdtemp(dir)) return 1;
    int d = open(dir, O_RDONLY | O_DIRECTORY);

    unsigned r, e, s, gr, ge, gs;
    SHOW(getresuid(&r, &e, &s));
    SHOW(getresgid(&gr, &ge, &gs));
    printf("resuid match %d resgid match %d\n", r == getuid() && e == geteuid(), gr == getgid() && ge == getegid());
    int n = getgroups(0, NULL);
    gid_t g[256];
    printf("getgroups count ok %d\n", n >= 0 && getgroups(256, g) == n);
    SHOW(getgroups(n > 0 ? n - 1 : -1, g) );
    printf("setfsuid(-1) is euid %d\n", setfsuid(-1) == (int)geteuid());
    printf("setfsgid(-1) is egid %d\n", setfsgid(-1) == (int)getegid());
    struct sysinfo si;
    SHOW(sysinfo(&si));
    printf("sysinfo sane %d\n", si.mem_unit > 0 && si.totalram > 0 && si.procs > 0 && si.uptime >= 0);

    SHOW(prctl(15 /* PR_SET_NAME */, (unsigned long)"calls-test", 0, 0, 0));
    char name[17] = "";
    SHOW(prctl(16 /* PR_GET_NAME */, (unsigned long)name, 0, 0, 0));
    printf("name %s\n", name);
    SHOW(prctl(-5, 0, 0, 0, 0));

    SHOW(pathconf("/", _PC_PATH_MAX));
    SHOW(pathconf("/", _PC_NAME_MAX));
    SHOW(pathconf("/", _PC_PIPE_BUF));
    SHOW(pathconf("/", _PC_NO_TRUNC));
    SHOW(pathconf("/", 9999));
    SHOW(pathconf("/nonexistent-dir/x", _PC_NAME_MAX));
    int p[2];
    pipe(p);
    SHOW(fpathconf(p[0], _PC_PIPE_BUF));
    SHOW(fpathconf(-1, _PC_NAME_MAX));

    SHOW(mkfifoat(d, "fifo", 0600));
    SHOW(mknodat(d, "node", S_IFREG | 0644, 0));
    struct stat st;
    fstatat(d, "fifo", &st, 0);
    printf("fifo is fifo %d\n", S_ISFIFO(st.st_mode));
    fstatat(d, "node", &st, 0);
    printf("node is regular %d mode %o\n", S_ISREG(st.st_mode), st.st_mode & 0777);
    SHOW(mkfifoat(d, "fifo", 0600));
    SHOW(symlinkat("target-x", d, "link"));
    char buf[64] = "";
    readlinkat(d, "link", buf, sizeof buf - 1);
    printf("link -> %s\n", buf);
    SHOW(fchownat(d, "node", -1, -1, 0));
    SHOW(fchownat(d, "link", -1, -1, AT_SYMLINK_NOFOLLOW));
    SHOW(fchownat(d, "missing", -1, -1, 0));
    SHOW(eaccess(dir, R_OK | W_OK));
    SHOW(eaccess("/nonexistent", F_OK));
    SHOW(euidaccess("/", X_OK));
    SHOW(renameat2(d, "node", d, "fifo", RENAME_NOREPLACE));
    SHOW(renameat2(d, "node", d, "node2", RENAME_NOREPLACE));
    SHOW(renameat2(d, "node2", d, "fifo", RENAME_EXCHANGE));
    fstatat(d, "node2", &st, 0);
    printf("after exchange node2 is fifo %d\n", S_ISFIFO(st.st_mode));

    int f = openat(d, "data", O_RDWR | O_CREAT, 0600);
    SHOW(fallocate(f, 0, 0, 8192));
    fstat(f, &st);
    printf("allocated size %ld\n", (long)st.st_size);
    SHOW(fallocate(f, 0, 0, 0));

    DIR *dp = opendir(dir);
    struct dirent ent, *res;
    int count = 0, rc;
    while ((rc = readdir_r(dp, &ent, &res)) == 0 && res)
        if (ent.d_name[0] != '.') count++;
    printf("readdir_r rc %d entries %d\n", rc, count);
    closedir(dp);

    int q[2];
    pipe(q);
    char msg[] = "vmsplice-data";
    struct iovec iov = {msg, sizeof msg - 1};
    SHOW(vmsplice(p[1], &iov, 1, 0));
    SHOW(tee(p[0], q[1], 100, SPLICE_F_NONBLOCK));
    memset(buf, 0, sizeof buf);
    read(q[0], buf, sizeof buf - 1);
    printf("tee copied %s\n", buf);
    memset(buf, 0, sizeof buf);
    read(p[0], buf, sizeof buf - 1);
    printf("pipe still had %s\n", buf);

    struct pollfd pfd = {p[0], POLLIN, 0};
    struct timespec zero = {0, 0};
    sigset_t mask;
    sigemptyset(&mask);
    SHOW(ppoll(&pfd, 1, &zero, &mask));
    write(p[1], "x", 1);
    SHOW(ppoll(&pfd, 1, NULL, NULL));
    printf("revents %d\n", pfd.revents);
    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(p[0], &rs);
    SHOW(pselect(p[0] + 1, &rs, NULL, NULL, &zero, &mask));
    struct timespec bad = {0, 2000000000};
    SHOW(pselect(p[0] + 1, &rs, NULL, NULL, &bad, NULL));

    printf("sched_getcpu ok %d\n", sched_getcpu() >= 0);
    cpu_set_t cs;
    sched_getaffinity(0, sizeof cs, &cs);
    SHOW(sched_setaffinity(0, sizeof cs, &cs));
    cpu_set_t none;
    CPU_ZERO(&none);
    SHOW(sched_setaffinity(0, sizeof none, &none));

    char tty[64];
    SHOW(ttyname_r(p[0], tty, sizeof tty));
    SHOW(ttyname_r(-1, tty, sizeof tty));
    errno = 0;
    printf("ttyname(pipe) %s errno %d\n", ttyname(p[0]) ? "tty" : "NULL", errno);

    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    char m1[] = "one", m2[] = "two!";
    struct iovec io[2] = {{m1, 3}, {m2, 4}};
    struct mmsghdr out[2];
    memset(out, 0, sizeof out);
    out[0].msg_hdr.msg_iov = &io[0];
    out[0].msg_hdr.msg_iovlen = 1;
    out[1].msg_hdr.msg_iov = &io[1];
    out[1].msg_hdr.msg_iovlen = 1;
    SHOW(sendmmsg(sv[0], out, 2, 0));
    char b1[8] = "", b2[8] = "";
    struct iovec ii[2] = {{b1, 8}, {b2, 8}};
    struct mmsghdr in[2];
    memset(in, 0, sizeof in);
    in[0].msg_hdr.msg_iov = &ii[0];
    in[0].msg_hdr.msg_iovlen = 1;
    in[1].msg_hdr.msg_iov = &ii[1];
    in[1].msg_hdr.msg_iovlen = 1;
    SHOW(recvmmsg(sv[1], in, 2, 0, NULL));
    printf("received %s(%u) %s(%u)\n", b1, in[0].msg_len, b2, in[1].msg_len);

    char src[] = "remote bytes", dst[32] = "";
    struct iovec local = {dst, sizeof src}, remote = {src, sizeof src};
    SHOW(process_vm_readv(getpid(), &local, 1, &remote, 1, 0));
    printf("process_vm_readv read %s\n", dst);
    SHOW(process_vm_writev(getpid(), &remote, 1, &local, 1, 99));

    SHOW(umount("/nonexistent-mount-point"));
    SHOW(umount2("/nonexistent-mount-point", MNT_DETACH));
    SHOW(mount("none", "/nonexistent-mount-point", "tmpfs", 0, NULL));

    pid_t pid = fork();
    if (pid == 0) {
        int t = open("/bin/true", O_RDONLY | O_CLOEXEC);
        char *argv[] = {"true", NULL}, *envp[] = {NULL};
        fexecve(t, argv, envp);
        _exit(99);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("fexecve child exit %d\n", WEXITSTATUS(status));
    char *argv[] = {"x", NULL}, *envp[] = {NULL};
    SHOW(fexecve(-1, argv, envp));

    /* wait(-1) reaps a child that left our process group. */
    pid = fork();
    if (pid == 0) {
        setsid();
        _exit(7);
    }
    pid_t got = wait(&status);
    printf("wait for a setsid child: pid match %d exit %d\n", got == pid, WIFEXITED(status) ? WEXITSTATUS(status) : -1);

    SHOW(posix_fadvise(f, 0, 0, POSIX_FADV_SEQUENTIAL));
    SHOW(posix_fadvise(p[0], 0, 0, POSIX_FADV_NORMAL));
    SHOW(posix_fadvise(f, 0, 0, 99));
    SHOW(posix_fadvise(-1, 0, 0, POSIX_FADV_NORMAL));

    unlinkat(d, "fifo", 0);
    unlinkat(d, "node2", 0);
    unlinkat(d, "link", 0);
    unlinkat(d, "data", 0);
    rmdir(dir);
    return 0;
}
