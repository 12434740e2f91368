/* <mntent.h> (parsing with escapes and missing fields, addmntent,
   hasmntopt) and <utmp.h>/<utmpx.h> on a private database file
   (pututline insert/replace, getutid/getutline, updwtmp) against glibc. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <mntent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utmp.h>
#include <utmpx.h>

static void show(struct mntent *m) {
    printf("[%s] [%s] [%s] [%s] %d %d", m->mnt_fsname, m->mnt_dir, m->mnt_type, m->mnt_opts, m->mnt_freq, m->mnt_passno);
    char *o = hasmntopt(m, "rw");
    char *u = hasmntopt(m, "uid");
    printf(" rw:%s uid:%s\n", o ? o : "-", u ? u : "-");
}

int main(void) {
    FILE *f = fopen("fstab", "w");
    fputs("# comment line\n"
          "/dev/sda1 / ext4 rw,relatime 0 1\n"
          "\n"
          "   none\t/proc  proc defaults\n"
          "/dev/my\\040disk /mnt/with\\040space vfat uid=1000,rwx,rw 1 2\n"
          "tmpfs /tmp tmpfs\n"
          "server:/x /net nfs ro,soft 0 0 extra\n",
          f);
    fclose(f);
    f = setmntent("fstab", "r");
    struct mntent *m;
    while ((m = getmntent(f)))
        show(m);
    printf("endmntent %d\n", endmntent(f));
    f = setmntent("fstab", "r");
    struct mntent mb;
    char buf[256];
    m = getmntent_r(f, &mb, buf, sizeof buf);
    printf("getmntent_r %d %s\n", m == &mb, m->mnt_dir);
    endmntent(f);
    f = setmntent("mtab", "w+");
    struct mntent add = {"/dev/x y", "/mnt/a\tb", "ext4", "rw,noatime", 0, 2};
    printf("addmntent %d\n", addmntent(f, &add));
    rewind(f);
    m = getmntent(f);
    show(m);
    endmntent(f);
    f = fopen("mtab", "r");
    fgets(buf, sizeof buf, f);
    printf("raw: %s", buf);
    fclose(f);
    printf("setmntent missing %p\n", (void *)setmntent("no-such-file", "r"));

    close(open("utmp.db", O_CREAT | O_WRONLY | O_TRUNC, 0644));
    close(open("wtmp.db", O_CREAT | O_WRONLY | O_TRUNC, 0644));
    printf("utmpname %d\n", utmpname("utmp.db"));
    setutent();
    printf("empty getutent %p\n", (void *)getutent());
    struct utmp u;
    memset(&u, 0, sizeof u);
    u.ut_type = USER_PROCESS;
    u.ut_pid = 1234;
    strcpy(u.ut_line, "pts/7");
    strcpy(u.ut_id, "p7");
    strcpy(u.ut_user, "alice");
    strcpy(u.ut_host, "example");
    u.ut_tv.tv_sec = 1700000000;
    printf("pututline %d\n", pututline(&u) != NULL);
    struct utmp b = u;
    b.ut_pid = 99;
    strcpy(b.ut_line, "tty1");
    strcpy(b.ut_id, "1");
    strcpy(b.ut_user, "root");
    setutent();
    printf("pututline 2 %d\n", pututline(&b) != NULL);
    u.ut_pid = 4321;
    strcpy(u.ut_user, "alice2");
    setutent();
    printf("replace %d\n", pututline(&u) != NULL);
    struct stat st;
    stat("utmp.db", &st);
    printf("file size %lld (2 records of %zu)\n", (long long)st.st_size, sizeof(struct utmp));
    setutent();
    for (struct utmp *e; (e = getutent());)
        printf("entry type %d pid %d line %s id %.4s user %s host %s time %d\n", e->ut_type, e->ut_pid, e->ut_line,
               e->ut_id, e->ut_user, e->ut_host, (int)e->ut_tv.tv_sec);
    struct utmp key;
    memset(&key, 0, sizeof key);
    strcpy(key.ut_line, "tty1");
    setutent();
    struct utmp *e = getutline(&key);
    printf("getutline tty1 -> %s\n", e ? e->ut_user : "none");
    key.ut_type = DEAD_PROCESS;
    strcpy(key.ut_id, "p7");
    setutent();
    e = getutid(&key);
    printf("getutid p7 -> %s\n", e ? e->ut_user : "none");
    key.ut_type = BOOT_TIME;
    setutent();
    e = getutid(&key);
    printf("getutid boot -> %s\n", e ? e->ut_user : "none");
    endutent();
    updwtmp("wtmp.db", &u);
    updwtmp("wtmp.db", &b);
    stat("wtmp.db", &st);
    printf("wtmp size %lld\n", (long long)st.st_size);
    utmpxname("utmp.db");
    setutxent();
    struct utmpx *x = getutxent();
    printf("utmpx %s\n", x ? x->ut_user : "none");
    endutxent();
    return 0;
}
