/* Directory walks against glibc on one tree (argv[1], made by run.sh):
   scandir with filters and the alphasort/versionsort orders, strverscmp,
   ftw, nftw (FTW_PHYS, FTW_DEPTH, FTW_MOUNT, FTW_CHDIR, stopping early,
   symlinks dangling and looping, a symlink to a directory outside the
   tree), and the fts family (physical/logical,
   comparator, FTS_SEEDOT, fts_set FTS_SKIP/FTS_AGAIN, fts_children, cycles). */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fts.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *root;
static size_t rootlen;
static char realroot[4096];

static const char *rel(const char *p) {
    if (strncmp(p, root, rootlen) == 0)
        return p[rootlen] ? p + rootlen : "<root>";
    return p;
}

static const char *kind(int t) {
    switch (t) {
    case FTW_F: return "F";
    case FTW_D: return "D";
    case FTW_DNR: return "DNR";
    case FTW_NS: return "NS";
    case FTW_SL: return "SL";
    case FTW_DP: return "DP";
    case FTW_SLN: return "SLN";
    }
    return "?";
}

static int show_cwd;
static const char *stop_at;

/* A walk's callbacks are recorded, then printed sorted by path: the order in
   which a directory's entries come is the file system's (hash order on the
   host's disk, creation order in vibix's tmpfs), so only the order between a
   directory and its entries is checked (before them, or after with FTW_DEPTH). */
enum { MAXREC = 256 };
static char rec_line[MAXREC][512], rec_path[MAXREC][256];
static int rec_dir[MAXREC], nrec;

static void record(const char *path, int is_dir, const char *line) {
    if (nrec == MAXREC)
        return;
    snprintf(rec_path[nrec], sizeof rec_path[nrec], "%s", path);
    snprintf(rec_line[nrec], sizeof rec_line[nrec], "%s", line);
    rec_dir[nrec++] = is_dir;
}

static int by_path(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    int c = strcmp(rec_path[x], rec_path[y]);
    return c ? c : x - y;
}

/* Prints the recorded walk (sorted), whether every entry came after (before,
   when `depth`) the directory holding it, and the walk's result. */
static void done(int ret, int depth) {
    int idx[MAXREC], bad = 0;
    for (int i = 0; i < nrec; i++) {
        idx[i] = i;
        char parent[256];
        snprintf(parent, sizeof parent, "%s", rec_path[i]);
        char *cut = strrchr(parent, '/');
        if (!cut || strcmp(rec_path[i], "<root>") == 0)
            continue;
        if (cut == parent)
            strcpy(parent, "<root>");
        else
            *cut = 0;
        for (int j = 0; j < nrec; j++)
            if (rec_dir[j] && strcmp(rec_path[j], parent) == 0 && (depth ? j < i : j > i)) {
                printf("  order: %s came %s its directory\n", rec_path[i], depth ? "after" : "before");
                bad = 1;
            }
    }
    qsort(idx, nrec, sizeof *idx, by_path);
    for (int i = 0; i < nrec; i++)
        printf("%s\n", rec_line[idx[i]]);
    printf(" -> %d%s\n", ret, bad ? "" : ", order ok");
    nrec = 0;
}

static int nf(const char *p, const struct stat *st, int t, struct FTW *f) {
    char line[512];
    int n = snprintf(line, sizeof line, "  %-4s %s base=%s level=%d", kind(t), rel(p), p + f->base, f->level);
    if (t == FTW_F)
        n += snprintf(line + n, sizeof line - n, " size=%lld", (long long)st->st_size);
    if (t == FTW_SL || t == FTW_SLN)
        n += snprintf(line + n, sizeof line - n, " lnk=%d", S_ISLNK(st->st_mode));
    if (show_cwd) {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd))
            snprintf(line + n, sizeof line - n, " cwd=%s", strncmp(cwd, realroot, strlen(realroot)) == 0 ? (cwd[strlen(realroot)] ? cwd + strlen(realroot) : "<root>") : "<outside>");
    }
    record(rel(p), t == FTW_D || t == FTW_DP || t == FTW_DNR, line);
    if (stop_at && strcmp(rel(p), stop_at) == 0)
        return 42;
    return 0;
}

static int of(const char *p, const struct stat *st, int t) {
    char line[512];
    int n = snprintf(line, sizeof line, "  %-4s %s", kind(t), rel(p));
    if (t == FTW_F)
        snprintf(line + n, sizeof line - n, " size=%lld", (long long)st->st_size);
    record(rel(p), t == FTW_D || t == FTW_DNR, line);
    return 0;
}

static int no_dot(const struct dirent *d) { return d->d_name[0] != '.'; }
static int no_dot64(const struct dirent64 *d) { return d->d_name[0] != '.'; }
static int only_b(const struct dirent *d) { return d->d_name[0] == 'b'; }

static void scan(const char *what, const char *dir, int (*filter)(const struct dirent *),
                 int (*cmp)(const struct dirent **, const struct dirent **)) {
    struct dirent **list;
    errno = 0;
    int n = scandir(dir, &list, filter, cmp);
    printf("scandir %s: %d", what, n);
    if (n < 0) {
        printf(" errno %s\n", strerror(errno));
        return;
    }
    for (int i = 0; i < n; i++) {
        printf(" %s", list[i]->d_name);
        free(list[i]);
    }
    free(list);
    printf("\n");
}

static int by_name(const FTSENT **a, const FTSENT **b) { return strcmp((*a)->fts_name, (*b)->fts_name); }

static const char *fkind(int i) {
    static const char *n[] = { "?", "D", "DC", "DEFAULT", "DNR", "DOT", "DP", "ERR", "F", "INIT", "NS", "NSOK", "SL", "SLNONE", "W" };
    return i >= 0 && i <= 14 ? n[i] : "?";
}

static void walk_fts(const char *what, int opts, const char *skip, const char *again) {
    char *paths[] = { (char *)root, NULL };
    printf("fts %s:\n", what);
    FTS *f = fts_open(paths, opts, by_name);
    if (!f) {
        printf("  fts_open: %s\n", strerror(errno));
        return;
    }
    FTSENT *e;
    int agained = 0;
    while ((e = fts_read(f))) {
        printf("  %-7s %s name=%s namelen=%d level=%d", fkind(e->fts_info), rel(e->fts_path), e->fts_name, e->fts_namelen, e->fts_level);
        if (opts & FTS_NOCHDIR)
            printf(" acc=%s", rel(e->fts_accpath));
        if (e->fts_info == FTS_F)
            printf(" size=%lld", (long long)e->fts_statp->st_size);
        if (e->fts_info == FTS_DC)
            printf(" cycle=%s@%d", e->fts_cycle->fts_name, e->fts_cycle->fts_level);
        if (e->fts_info == FTS_NS || e->fts_info == FTS_DNR)
            printf(" errno=%s", strerror(e->fts_errno));
        printf(" parent=%s\n", e->fts_level > 0 ? e->fts_parent->fts_name : "-");
        if (skip && e->fts_info == FTS_D && strcmp(rel(e->fts_path), skip) == 0)
            fts_set(f, e, FTS_SKIP);
        if (again && !agained && strcmp(rel(e->fts_path), again) == 0) {
            agained = 1;
            fts_set(f, e, FTS_AGAIN);
        }
    }
    printf("  end errno=%d\n", errno);
    fts_close(f);
}

int main(int argc, char **argv) {
    if (argc < 2)
        return 2;
    root = argv[1];
    rootlen = strlen(root);
    if (!realpath(root, realroot))
        return 3;

    /* strverscmp: the sign of each comparison. */
    static const char *v[] = { "000", "00", "01", "010", "09", "0", "1", "9", "10", "11", "a", "a0", "a1", "a01",
                               "a10", "a9", "item#99", "item#100", "1.2.10", "1.2.9", "1.10", "1.9", "x00y", "x0y", "", "abc" };
    int nv = sizeof v / sizeof *v;
    for (int i = 0; i < nv; i++) {
        printf("%-9s", v[i]);
        for (int j = 0; j < nv; j++) {
            int r = strverscmp(v[i], v[j]);
            putchar(r < 0 ? '<' : r > 0 ? '>' : '=');
        }
        putchar('\n');
    }

    char dir[4096];
    scan("alpha", root, no_dot, alphasort);
    scan("version", root, no_dot, versionsort);
    scan("only b, version", root, only_b, versionsort);
    scan("dots too", root, NULL, alphasort);
    snprintf(dir, sizeof dir, "%s/empty", root);
    scan("empty", dir, no_dot, alphasort);
    snprintf(dir, sizeof dir, "%s/missing", root);
    scan("missing", dir, NULL, alphasort);
    snprintf(dir, sizeof dir, "%s/a.txt", root);
    scan("a file", dir, NULL, alphasort);
    {
        struct dirent64 **l64;
        int n = scandir64(root, &l64, no_dot64, versionsort64);
        printf("scandir64: %d first %s\n", n, n > 0 ? l64[0]->d_name : "-");
        for (int i = 0; i < n; i++)
            free(l64[i]);
        if (n >= 0)
            free(l64);
    }

    printf("ftw:\n");
    done(ftw(root, of, 4), 0);
    printf("nftw 0:\n");
    done(nftw(root, nf, 4, 0), 0);
    printf("nftw PHYS:\n");
    done(nftw(root, nf, 4, FTW_PHYS), 0);
    printf("nftw PHYS|DEPTH:\n");
    done(nftw(root, nf, 1, FTW_PHYS | FTW_DEPTH), 1);
    printf("nftw PHYS|MOUNT:\n");
    done(nftw(root, nf, 4, FTW_PHYS | FTW_MOUNT), 0);
    show_cwd = 1;
    printf("nftw PHYS|CHDIR:\n");
    done(nftw(root, nf, 4, FTW_PHYS | FTW_CHDIR), 0);
    printf("nftw PHYS|CHDIR|DEPTH:\n");
    done(nftw(root, nf, 4, FTW_PHYS | FTW_CHDIR | FTW_DEPTH), 1);
    show_cwd = 0;
    {
        char cwd[4096];
        printf("cwd restored: %d\n", getcwd(cwd, sizeof cwd) && strncmp(cwd, realroot, strlen(realroot)) != 0);
    }
    /* Stopping: what came before the stop depends on the directory order, so
       only the stop itself is shown: the last entry, its directories seen
       before it, and nothing of what is below it. */
    stop_at = "/dir1/sub";
    printf("nftw stop at dir1/sub:\n");
    {
        int r = nftw(root, nf, 4, FTW_PHYS), ancestors = 0, below = 0;
        for (int i = 0; i < nrec; i++) {
            ancestors += strcmp(rec_path[i], "<root>") == 0 || strcmp(rec_path[i], "/dir1") == 0;
            below += strncmp(rec_path[i], "/dir1/sub/", 10) == 0;
        }
        printf(" -> %d, last %s, directories above it seen %d, entries below it %d\n", r, nrec ? rec_path[nrec - 1] : "-", ancestors,
               below);
        nrec = 0;
    }
    stop_at = NULL;
    snprintf(dir, sizeof dir, "%s/dir1", root);
    printf("nftw below dir1:\n");
    done(nftw(dir, nf, 4, FTW_PHYS), 0);
    snprintf(dir, sizeof dir, "%s/a.txt", root);
    printf("nftw a file:\n");
    done(nftw(dir, nf, 4, 0), 0);
    snprintf(dir, sizeof dir, "%s/missing", root);
    errno = 0;
    int r = nftw(dir, nf, 4, 0);
    printf("nftw missing: %d errno %s, %d calls\n", r, strerror(errno), nrec);
    nrec = 0;
    errno = 0;
    printf("nftw empty path: %d", nftw("", nf, 4, 0));
    printf(", %d calls\n", nrec);
    nrec = 0;

    walk_fts("physical", FTS_PHYSICAL, NULL, NULL);
    walk_fts("physical nochdir, skip dir1", FTS_PHYSICAL | FTS_NOCHDIR, "/dir1", "/a.txt");
    walk_fts("logical nochdir", FTS_LOGICAL | FTS_NOCHDIR, "/dir1/sub", NULL);
    walk_fts("physical seedot", FTS_PHYSICAL | FTS_SEEDOT | FTS_NOCHDIR, "/dir1", NULL);
    walk_fts("comfollow on the root", FTS_PHYSICAL | FTS_COMFOLLOW | FTS_NOCHDIR, "/dir1", NULL);
    {
        char *paths[] = { dir, (char *)root, NULL };
        snprintf(dir, sizeof dir, "%s/missing", root);
        FTS *f = fts_open(paths, FTS_PHYSICAL | FTS_NOCHDIR, by_name);
        FTSENT *c = fts_children(f, 0);
        printf("fts roots:");
        for (; c; c = c->fts_link)
            printf(" %s(%s)", c->fts_name, fkind(c->fts_info));
        printf("\n");
        FTSENT *e = fts_read(f);
        printf("first: %s %s\n", rel(e->fts_path), fkind(e->fts_info));
        e = fts_read(f);
        printf("second: %s %s\n", rel(e->fts_path), fkind(e->fts_info));
        c = fts_children(f, 0);
        printf("children:");
        for (; c; c = c->fts_link)
            printf(" %s(%s)", c->fts_name, fkind(c->fts_info));
        printf("\n");
        c = fts_children(f, FTS_NAMEONLY);
        printf("names:");
        for (; c; c = c->fts_link)
            printf(" %s", c->fts_name);
        printf("\n");
        int n = 0;
        while ((e = fts_read(f)))
            n++;
        printf("then %d more\n", n);
        fts_close(f);
    }
    char *none[] = { NULL };
    FTS *f;
    errno = 0;
    f = fts_open(none, 0x4000, NULL);
    printf("bad options: %s %s\n", f ? "stream" : "NULL", strerror(errno));
    return 0;
}
