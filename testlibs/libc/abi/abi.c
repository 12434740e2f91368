/* ABI layout of the public types: sizes, alignments and field offsets printed
   from our headers must equal glibc's (Linux x86_64), so code compiled against
   either links with either. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <time.h>
#include <signal.h>
#include <pthread.h>
#include <dirent.h>
#include <setjmp.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <dlfcn.h>
#include <link.h>
#include <getopt.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/ioctl.h>

#define S(t) printf("%-24s size %3zu align %2zu\n", #t, sizeof(t), _Alignof(t))
#define O(t, f) printf("  %-22s %3zu\n", #f, offsetof(t, f))

int main(void)
{
    S(struct stat); O(struct stat, st_dev); O(struct stat, st_ino); O(struct stat, st_nlink); O(struct stat, st_mode);
    O(struct stat, st_uid); O(struct stat, st_gid); O(struct stat, st_rdev); O(struct stat, st_size);
    O(struct stat, st_blksize); O(struct stat, st_blocks); O(struct stat, st_atim); O(struct stat, st_mtim);
    O(struct stat, st_ctim);
    S(struct timespec); O(struct timespec, tv_nsec);
    S(struct timeval); O(struct timeval, tv_usec);
    S(struct tm); O(struct tm, tm_isdst); O(struct tm, tm_gmtoff); O(struct tm, tm_zone);
    S(struct sigaction); O(struct sigaction, sa_mask); O(struct sigaction, sa_flags); O(struct sigaction, sa_restorer);
    S(sigset_t); S(siginfo_t); O(siginfo_t, si_code); O(siginfo_t, si_pid); O(siginfo_t, si_addr);
    S(stack_t); O(stack_t, ss_flags); O(stack_t, ss_size);
    S(pthread_t); S(pthread_attr_t); S(pthread_mutex_t); S(pthread_mutexattr_t); S(pthread_cond_t);
    S(pthread_condattr_t); S(pthread_rwlock_t); S(pthread_rwlockattr_t); S(pthread_key_t); S(pthread_once_t);
    S(pthread_spinlock_t); S(pthread_barrier_t);
    S(struct dirent); O(struct dirent, d_off); O(struct dirent, d_reclen); O(struct dirent, d_type); O(struct dirent, d_name);
    S(jmp_buf); S(sigjmp_buf);
    S(struct flock); O(struct flock, l_whence); O(struct flock, l_start); O(struct flock, l_len); O(struct flock, l_pid);
    S(struct lconv); O(struct lconv, decimal_point); O(struct lconv, negative_sign); O(struct lconv, int_frac_digits);
    S(struct pollfd); O(struct pollfd, revents);
    S(struct iovec); O(struct iovec, iov_len);
    S(struct rlimit); S(struct utsname); O(struct utsname, machine);
    S(struct winsize);
    S(Dl_info); O(Dl_info, dli_saddr);
    S(struct dl_phdr_info); O(struct dl_phdr_info, dlpi_phnum); O(struct dl_phdr_info, dlpi_tls_data);
    S(struct option); O(struct option, val);
    S(div_t); S(ldiv_t); S(fpos_t); S(off_t); S(time_t); S(clock_t); S(pid_t); S(size_t); S(ssize_t); S(mode_t);
    S(ino_t); S(dev_t); S(nlink_t); S(blksize_t); S(sig_atomic_t); S(clockid_t); S(max_align_t);
    printf("consts %d %d %d %d %d %d %d %d %d\n", O_CREAT, O_APPEND, O_CLOEXEC, O_DIRECTORY, SA_SIGINFO,
        SA_RESTART, PTHREAD_CREATE_DETACHED, RTLD_NOW, RTLD_GLOBAL);
    printf("consts %d %d %d %d %ld\n", BUFSIZ, EOF, SIGCHLD, _SC_PAGESIZE, (long)CLOCKS_PER_SEC);
    return 0;
}
