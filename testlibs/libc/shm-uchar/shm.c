#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <semaphore.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/acct.h>
#include <sys/fanotify.h>
#include <sys/io.h>
#include <sys/mman.h>
#include <sys/quota.h>
#include <sys/soundcard.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <uchar.h>
#include <wchar.h>
#include <unistd.h>
#ifdef __VIBIX_LIBC__
#include <sys/membarrier.h>
#else
#include <linux/membarrier.h>
#endif

static void show16(const char *s, size_t len) {
    mbstate_t st;
    memset(&st, 0, sizeof st);
    const char *p = s, *end = s + len;
    for (int guard = 0; guard < 40; guard++) {
        char16_t c = 0xffff;
        size_t r = mbrtoc16(&c, p, end - p, &st);
        if (r == (size_t)-1) { printf(" EILSEQ(%d)", errno == EILSEQ); break; }
        if (r == (size_t)-2) { printf(" incomplete"); break; }
        if (r == (size_t)-3) printf(" [%04x from state]", c);
        else { printf(" %04x/%zu", c, r); if (r == 0) break; p += r; }
    }
    printf(" mbsinit=%d\n", mbsinit(&st) != 0);
}

static void back16(const char16_t *u, int n) {
    mbstate_t st;
    memset(&st, 0, sizeof st);
    char buf[16];
    printf("  c16rtomb:");
    for (int i = 0; i < n; i++) {
        size_t r = c16rtomb(buf, u[i], &st);
        if (r == (size_t)-1) { printf(" EILSEQ(%d)", errno == EILSEQ); memset(&st, 0, sizeof st); continue; }
        printf(" %zu:", r);
        for (size_t k = 0; k < r; k++) printf("%02x", (unsigned char)buf[k]);
    }
    printf("\n");
}

static void uchar_tests(void) {
    static const char16_t good[] = {0x41, 0xe9, 0xd83d, 0xde00, 0x20ac, 0};
    static const char16_t bad[] = {0xde00, 0x41, 0xd83d, 0x42, 0xd83d, 0xd83d, 0xde00};
    const char *mixed = "A\xc3\xa9\xf0\x9f\x98\x80\xe2\x82\xac";
    printf("C.UTF-8:\n ");
    setlocale(LC_ALL, "C.UTF-8");
    show16(mixed, strlen(mixed) + 1);
    printf(" ");
    show16("\xf0\x9f\x98", 3);
    printf(" ");
    show16("\xff", 1);
    back16(good, 6);
    back16(bad, 7);
    mbstate_t st;
    memset(&st, 0, sizeof st);
    char32_t c32;
    size_t r = mbrtoc32(&c32, "\xf0\x9f\x98\x80", 4, &st);
    char buf[8];
    printf("  mbrtoc32 %zu %x c32rtomb %zu\n", r, (unsigned)c32, c32rtomb(buf, 0x1f600, &st));
    printf("  c16rtomb(NULL) %zu\n", c16rtomb(NULL, 0x41, &st));
    printf("C:\n ");
    setlocale(LC_ALL, "C");
    show16("ab", 3);
}

static char name[64], sname[64];

/* "value errno-text", errno read after the call. */
static void res(const char *what, long v) {
    int e = errno;
    printf("  %s: %ld %s\n", what, v, v < 0 ? strerror(e) : "");
    errno = 0;
}
static void sres(const char *what, sem_t *s) {
    int e = errno;
    printf("  %s: %s %s\n", what, s == SEM_FAILED ? "failed" : "opened", s == SEM_FAILED ? strerror(e) : "");
    errno = 0;
}

static void shm_tests(void) {
    int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
    printf("shm_open create %s\n", fd >= 0 ? "ok" : strerror(errno));
    printf("  cloexec %d\n", (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    printf("  ftruncate %d\n", ftruncate(fd, 4096));
    char *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    pid_t pid = fork();
    if (pid == 0) {
        int f2 = shm_open(name, O_RDWR, 0);
        char *m2 = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, f2, 0);
        strcpy(m2, "written by the child");
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("  parent reads: %s\n", m);
    res("O_EXCL again", shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600));
    printf("  unlink %d\n", shm_unlink(name));
    res("unlink again", shm_unlink(name));
    res("open gone", shm_open(name, O_RDWR, 0));
    res("bad name a/b", shm_open("/a/b", O_RDWR | O_CREAT, 0600));
    res("empty name", shm_open("/", O_RDWR | O_CREAT, 0600));
    munmap(m, 4096);
    close(fd);
}

static void sem_tests(void) {
    sem_t *s = sem_open(sname, O_CREAT | O_EXCL, 0600, 2);
    printf("sem_open create %s\n", s != SEM_FAILED ? "ok" : strerror(errno));
    sem_t *s2 = sem_open(sname, 0);
    printf("  same address %d\n", s2 == s);
    int v = -1;
    sem_getvalue(s, &v);
    printf("  value %d\n", v);
    sres("O_EXCL again", sem_open(sname, O_CREAT | O_EXCL, 0600, 0));
    sem_wait(s);
    sem_wait(s);
    pid_t pid = fork();
    if (pid == 0) {
        sem_t *c = sem_open(sname, 0);
        usleep(50000);
        sem_post(c);
        sem_close(c);
        _exit(0);
    }
    printf("  wait for the child's post: %d\n", sem_wait(s));
    waitpid(pid, NULL, 0);
    res("trywait on 0", sem_trywait(s));
    printf("  close %d close %d\n", sem_close(s2), sem_close(s));
    printf("  unlink %d\n", sem_unlink(sname));
    res("unlink again", sem_unlink(sname));
    sres("open gone", sem_open(sname, 0));
    sres("value too big", sem_open(sname, O_CREAT, 0600, 0x80000000u));
    sres("bad name", sem_open("/a/b", O_CREAT, 0600, 1));
    res("close of a non-semaphore", sem_close((sem_t *)name));
    sem_t *c = sem_open(sname, O_CREAT, 0600, 5);
    sem_getvalue(c, &v);
    printf("  O_CREAT without O_EXCL: value %d\n", v);
    sem_t *c2 = sem_open(sname, O_CREAT, 0600, 9);
    sem_getvalue(c2, &v);
    printf("  O_CREAT on an existing one keeps value %d, same %d\n", v, c == c2);
    sem_close(c);
    sem_close(c2);
    sem_unlink(sname);
}

static void memfd_tests(void) {
    int fd = memfd_create("vibix-test", MFD_CLOEXEC);
    printf("memfd_create %s cloexec %d\n", fd >= 0 ? "ok" : strerror(errno), (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    printf("  write %zd\n", write(fd, "hello memfd", 11));
    struct stat st;
    fstat(fd, &st);
    printf("  size %lld\n", (long long)st.st_size);
    char buf[32] = {0};
    printf("  pread %zd %s\n", pread(fd, buf, sizeof buf - 1, 0), buf);
    int fd2 = memfd_create("plain", 0);
    printf("  no flags: cloexec %d\n", (fcntl(fd2, F_GETFD) & FD_CLOEXEC) != 0);
    res("bad flags", memfd_create("x", 0x1000000));
}

#define C(x) printf("  %s = %#lx\n", #x, (unsigned long)(x))
static void header_tests(void) {
    printf("soundcard:\n");
    C(SNDCTL_DSP_RESET); C(SNDCTL_DSP_SPEED); C(SNDCTL_DSP_SETFMT); C(SNDCTL_DSP_CHANNELS);
    C(SNDCTL_DSP_GETOSPACE); C(SNDCTL_DSP_GETIPTR); C(SNDCTL_DSP_MAPINBUF); C(SNDCTL_DSP_GETODELAY);
    C(SNDCTL_DSP_SETTRIGGER); C(SNDCTL_DSP_GETSPDIF); C(AFMT_S16_NE); C(AFMT_AC3); C(DSP_CAP_BIND);
    C(SOUND_PCM_READ_BITS); C(SOUND_MIXER_READ_VOLUME); C(SOUND_MIXER_WRITE_PCM); C(SOUND_MIXER_READ_DEVMASK);
    C(SOUND_MIXER_INFO); C(SOUND_MASK_MONITOR); C(SOUND_MIXER_NRDEVICES); C(OSS_GETVERSION);
    C(sizeof(audio_buf_info)); C(sizeof(count_info)); C(sizeof(mixer_info));
    static const char *names[] = SOUND_DEVICE_NAMES;
    printf("  names %zu %s %s\n", sizeof names / sizeof *names, names[0], names[24]);
    printf("fanotify:\n");
    C(FAN_ALL_EVENTS); C(FAN_ALL_PERM_EVENTS); C(FAN_ALL_OUTGOING_EVENTS); C(FAN_ALL_INIT_FLAGS);
    C(FAN_ALL_MARK_FLAGS); C(FAN_REPORT_DFID_NAME_TARGET); C(FAN_MARK_IGNORE_SURV); C(FAN_ONDIR);
    C(FAN_EVENT_ON_CHILD); C(FAN_RENAME); C(FAN_FS_ERROR); C(FANOTIFY_METADATA_VERSION); C(FAN_AUDIT);
    C(FAN_EVENT_METADATA_LEN); C(offsetof(struct fanotify_event_metadata, mask));
    C(offsetof(struct fanotify_event_metadata, fd)); C(offsetof(struct fanotify_event_info_fid, handle));
    C(sizeof(struct fanotify_response)); C(FAN_EVENT_INFO_TYPE_PIDFD);
    printf("quota:\n");
    C(QCMD(Q_GETQUOTA, USRQUOTA)); C(QCMD(Q_SETQUOTA, GRPQUOTA)); C(Q_GETNEXTQUOTA); C(QIF_ALL); C(IIF_ALL);
    C(QFMT_VFS_V1); C(sizeof(struct dqblk)); C(sizeof(struct dqinfo)); C(offsetof(struct dqblk, dqb_valid));
    C(sizeof(struct if_nextdqblk)); C(MAX_DQ_TIME); C(dbtob(3)); C(btodb(4096)); C(PRJQUOTA);
    printf("acct:\n");
    C(sizeof(struct acct)); C(sizeof(struct acct_v3)); C(offsetof(struct acct_v3, ac_etime));
    C(offsetof(struct acct, ac_exitcode)); C(offsetof(struct acct, ac_comm)); C(AFORK); C(ASU); C(ACORE);
    C(AXSIG); C(AHZ); C(ACCT_COMM);
    printf("membarrier:\n");
    C(MEMBARRIER_CMD_QUERY); C(MEMBARRIER_CMD_GLOBAL); C(MEMBARRIER_CMD_PRIVATE_EXPEDITED);
    C(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE); C(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ);
    C(MEMBARRIER_CMD_SHARED);
}

int main(void) {
    snprintf(name, sizeof name, "/vibix-shm-test-%d", (int)getpid());
    snprintf(sname, sizeof sname, "/vibix-sem-test-%d", (int)getpid());
    uchar_tests();
    shm_tests();
    sem_tests();
    memfd_tests();
    header_tests();
    return 0;
}
