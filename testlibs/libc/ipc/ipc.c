/* System V shared memory, semaphores and message queues, ftok, and POSIX
   message queues against glibc. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

union semun { int val; struct semid_ds *buf; unsigned short *array; };

int main(void) {
    close(open("keyfile", O_CREAT | O_WRONLY, 0600));
    key_t k1 = ftok("keyfile", 'A'), k2 = ftok("keyfile", 'B');
    printf("ftok %d distinct %d\n", k1 != -1, k1 != k2);
    errno = 0;
    key_t kb = ftok("missing", 1);
    printf("ftok missing %d errno %d\n", kb, errno);

    int r;
    int shm = shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0600);
    printf("shmget %d\n", shm >= 0);
    char *p = shmat(shm, NULL, 0);
    printf("shmat %d\n", p != (void *)-1);
    strcpy(p, "shared text");
    pid_t c = fork();
    if (c == 0) {
        p[0] = 'S';
        _exit(0);
    }
    waitpid(c, NULL, 0);
    printf("after child: %s\n", p);
    struct shmid_ds ds;
    r = shmctl(shm, IPC_STAT, &ds);
    printf("IPC_STAT %d size %zu nattch %lu mode %o\n", r, ds.shm_segsz,
           (unsigned long)ds.shm_nattch, ds.shm_perm.mode & 0777);
    printf("shmdt %d\n", shmdt(p));
    printf("IPC_RMID %d\n", shmctl(shm, IPC_RMID, NULL));
    errno = 0;
    r = shmctl(shm, IPC_STAT, &ds);
    printf("stat removed %d errno %d\n", r, errno);

    int sem = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    union semun a = {.val = 3};
    r = semctl(sem, 0, SETVAL, a);
    printf("semget %d SETVAL %d GETVAL %d\n", sem >= 0, r, semctl(sem, 0, GETVAL));
    struct sembuf ops[2] = {{0, -2, 0}, {1, 1, 0}};
    r = semop(sem, ops, 2);
    printf("semop %d vals %d", r, semctl(sem, 0, GETVAL));
    printf(" %d\n", semctl(sem, 1, GETVAL));
    struct sembuf take = {0, -5, IPC_NOWAIT};
    errno = 0;
    r = semop(sem, &take, 1);
    printf("semop nowait %d errno %d\n", r, errno);
    struct timespec ts = {0, 10000000};
    take.sem_flg = 0;
    errno = 0;
    r = semtimedop(sem, &take, 1, &ts);
    printf("semtimedop %d errno %d\n", r, errno);
    unsigned short all[2];
    a.array = all;
    r = semctl(sem, 0, GETALL, a);
    printf("GETALL %d %u %u\n", r, all[0], all[1]);
    struct semid_ds sds;
    a.buf = &sds;
    r = semctl(sem, 0, IPC_STAT, a);
    printf("sem IPC_STAT %d nsems %lu\n", r, (unsigned long)sds.sem_nsems);
    printf("sem IPC_RMID %d\n", semctl(sem, 0, IPC_RMID));

    /* a semop that blocks until another process posts, SEM_UNDO undone when
       that process exits, and a sleeper woken by the set's removal (EIDRM) */
    int s2 = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
    pid_t w = fork();
    if (w == 0) {
        struct sembuf down = {0, -1, 0}, hold = {0, 5, SEM_UNDO};
        int rd = semop(s2, &down, 1);
        semop(s2, &hold, 1);
        _exit(rd == 0 ? 0 : 1);
    }
    for (int i = 0; i < 5000 && semctl(s2, 0, GETNCNT) != 1; i++)
        usleep(1000);
    printf("sleepers %d\n", semctl(s2, 0, GETNCNT));
    struct sembuf up = {0, 1, 0};
    semop(s2, &up, 1);
    int st;
    waitpid(w, &st, 0);
    printf("woken child ok %d, value after its exit %d\n", WIFEXITED(st) && WEXITSTATUS(st) == 0, semctl(s2, 0, GETVAL));
    w = fork();
    if (w == 0) {
        struct sembuf down = {0, -1, 0};
        errno = 0;
        int rd = semop(s2, &down, 1);
        _exit(rd == -1 && errno == EIDRM ? 0 : 1);
    }
    for (int i = 0; i < 5000 && semctl(s2, 0, GETNCNT) != 1; i++)
        usleep(1000);
    printf("removed under a sleeper %d\n", semctl(s2, 0, IPC_RMID));
    waitpid(w, &st, 0);
    printf("sleeper got EIDRM %d\n", WIFEXITED(st) && WEXITSTATUS(st) == 0);

    int mq = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    struct { long type; char text[32]; } m1 = {2, "second"}, m2 = {1, "first"}, got;
    r = msgsnd(mq, &m1, sizeof m1.text, 0);
    printf("msgsnd %d", r);
    printf(" %d\n", msgsnd(mq, &m2, sizeof m2.text, 0));
    struct msqid_ds mds;
    r = msgctl(mq, IPC_STAT, &mds);
    printf("msg IPC_STAT %d qnum %lu\n", r, (unsigned long)mds.msg_qnum);
    ssize_t g = msgrcv(mq, &got, sizeof got.text, 1, 0);
    printf("msgrcv type 1: %zd %s\n", g, got.text);
    g = msgrcv(mq, &got, sizeof got.text, 0, 0);
    printf("msgrcv any: %zd %s type %ld\n", g, got.text, got.type);
    errno = 0;
    ssize_t rr = msgrcv(mq, &got, sizeof got.text, 0, IPC_NOWAIT);
    printf("msgrcv empty %zd errno %d\n", rr, errno);
    printf("msg IPC_RMID %d\n", msgctl(mq, IPC_RMID, NULL));

    char name[64];
    snprintf(name, sizeof name, "/vibix-test-%d", (int)getpid());
    struct mq_attr at = {.mq_maxmsg = 4, .mq_msgsize = 64};
    mqd_t q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &at);
    if (q == (mqd_t)-1) {
        printf("mq_open unavailable errno %d\n", errno);
        return 0;
    }
    printf("mq_send %d", mq_send(q, "low", 3, 1));
    printf(" %d", mq_send(q, "high", 4, 9));
    printf(" %d\n", mq_send(q, "mid", 3, 5));
    struct mq_attr cur;
    mq_getattr(q, &cur);
    printf("attr maxmsg %ld msgsize %ld curmsgs %ld flags %ld\n", cur.mq_maxmsg, cur.mq_msgsize, cur.mq_curmsgs, cur.mq_flags);
    char buf[64];
    unsigned prio;
    for (int i = 0; i < 3; i++) {
        ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
        printf("mq_receive %zd %.*s prio %u\n", n, (int)n, buf, prio);
    }
    struct mq_attr nb = {.mq_flags = O_NONBLOCK};
    mq_setattr(q, &nb, NULL);
    errno = 0;
    ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
    printf("empty nonblock %zd errno %d\n", n, errno);
    errno = 0;
    n = mq_receive(q, buf, 8, &prio);
    printf("small buffer %zd errno %d\n", n, errno);
    printf("mq_close %d", mq_close(q));
    printf(" mq_unlink %d\n", mq_unlink(name));
    errno = 0;
    r = mq_unlink(name);
    printf("unlink again %d errno %d\n", r, errno);
    errno = 0;
    q = mq_open("noslash", O_RDONLY);
    printf("no slash %d errno %d\n", q, errno);
    return 0;
}
