/* <pwd.h>, <grp.h>, <shadow.h> against glibc: lookups by name and id in
   the system files, *_r buffer handling (ERANGE), enumeration, the stream
   readers/writers on a test file with malformed lines, getgrouplist.
   Password fields of the system files are never printed. */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <shadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void pw(const char *what, struct passwd *p) {
    if (!p) {
        printf("%s: none\n", what);
        return;
    }
    printf("%s: %s uid %u gid %u gecos '%s' dir %s shell %s\n", what, p->pw_name, p->pw_uid, p->pw_gid, p->pw_gecos,
           p->pw_dir, p->pw_shell);
}

static void gr(const char *what, struct group *g) {
    if (!g) {
        printf("%s: none\n", what);
        return;
    }
    printf("%s: %s gid %u members", what, g->gr_name, g->gr_gid);
    for (char **m = g->gr_mem; *m; m++)
        printf(" %s", *m);
    printf("\n");
}

int main(void) {
    pw("getpwnam root", getpwnam("root"));
    pw("getpwuid 0", getpwuid(0));
    pw("getpwnam nosuchuser", getpwnam("nosuchuser"));
    pw("getpwuid 65432", getpwuid(65432));

    struct passwd pb, *pr;
    char buf[1024], tiny[8];
    int r = getpwnam_r("root", &pb, buf, sizeof buf, &pr);
    printf("getpwnam_r %d %d\n", r, pr == &pb);
    pw("  entry", pr);
    r = getpwuid_r(0, &pb, tiny, sizeof tiny, &pr);
    printf("getpwuid_r tiny %d %p\n", r, (void *)pr);
    r = getpwnam_r("nosuchuser", &pb, buf, sizeof buf, &pr);
    printf("getpwnam_r missing %d %p\n", r, (void *)pr);

    int n = 0, root_seen = 0;
    setpwent();
    for (struct passwd *p; (p = getpwent());) {
        n++;
        root_seen |= strcmp(p->pw_name, "root") == 0;
        printf("pwent %s %u\n", p->pw_name, p->pw_uid);
    }
    endpwent();
    printf("pwent count %d root %d\n", n, root_seen);
    setpwent();
    pw("after rewind", getpwent());
    endpwent();

    gr("getgrnam root", getgrnam("root"));
    gr("getgrgid 0", getgrgid(0));
    gr("getgrnam nosuchgroup", getgrnam("nosuchgroup"));
    struct group gb, *grr;
    r = getgrgid_r(0, &gb, buf, sizeof buf, &grr);
    printf("getgrgid_r %d %d\n", r, grr == &gb);
    r = getgrnam_r("root", &gb, tiny, sizeof tiny, &grr);
    printf("getgrnam_r tiny %d %p\n", r, (void *)grr);
    n = 0;
    setgrent();
    for (struct group *g; (g = getgrent());) {
        n++;
        gr("grent", g);
    }
    endgrent();
    printf("grent count %d\n", n);

    /* stream forms on a test file */
    FILE *f = fopen("db", "w");
    fputs("alice:x:1000:1000:Alice A,,,:/home/alice:/bin/sh\n"
          "# comment\n"
          "broken:line\n"
          "bob:*:1001:100::/home/bob:\n"
          "badid:x:abc:1:::\n",
          f);
    fclose(f);
    f = fopen("db", "r");
    for (struct passwd *p; (p = fgetpwent(f));)
        pw("fgetpwent", p);
    fclose(f);
    struct passwd mk = {"carol", "x", 7, 8, "C", "/c", "/bin/c"};
    printf("putpwent %d\n", putpwent(&mk, stdout));

    f = fopen("gdb", "w");
    fputs("staff:x:50:alice,bob\nempty:*:51:\nbad:x:notnum:a\nsolo:x:52:carol\n", f);
    fclose(f);
    f = fopen("gdb", "r");
    for (struct group *g; (g = fgetgrent(f));)
        gr("fgetgrent", g);
    fclose(f);
    char *mem[] = {"u1", "u2", NULL};
    struct group mg = {"team", "x", 77, mem};
    printf("putgrent %d\n", putgrent(&mg, stdout));

    gid_t groups[64];
    int ng = 64;
    r = getgrouplist("root", 4242, groups, &ng);
    printf("getgrouplist %d first %u\n", r, groups[0]);
    ng = 0;
    r = getgrouplist("root", 4242, groups, &ng);
    printf("getgrouplist none-fit %d need-ok %d\n", r, ng >= 1);

    /* shadow: parsing and writing; system entry without its hash */
    struct spwd *sp = sgetspent("dave:$6$hash:19000:0:99999:7:::\n");
    printf("sgetspent %s lstchg %ld min %ld max %ld warn %ld inact %ld expire %ld flag %lu\n", sp->sp_namp,
           sp->sp_lstchg, sp->sp_min, sp->sp_max, sp->sp_warn, sp->sp_inact, sp->sp_expire, sp->sp_flag);
    printf("putspent %d\n", putspent(sp, stdout));
    printf("sgetspent bad %p\n", (void *)sgetspent("x:y:z"));
    f = fopen("sdb", "w");
    fputs("e1:!:1:2:3:4:5:6:7\ne2::::::::\n", f);
    fclose(f);
    f = fopen("sdb", "r");
    while ((sp = fgetspent(f)))
        printf("fgetspent %s '%s' %ld %ld %lu\n", sp->sp_namp, sp->sp_pwdp, sp->sp_lstchg, sp->sp_expire, sp->sp_flag);
    fclose(f);
    if (geteuid() == 0) {
        sp = getspnam("root");
        printf("getspnam root %s\n", sp ? sp->sp_namp : "none");
        printf("getspnam nosuchuser %p\n", (void *)getspnam("nosuchuser"));
    }
    return 0;
}
