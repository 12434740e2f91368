/* main() ends with pthread_exit while a worker still runs: the process lives
   on, and when the last thread exits it ends as if by exit(0) (atexit runs,
   buffered stdout is flushed). */
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <unistd.h>

static void bye(void) { printf("atexit handler ran\n"); }

static void *worker(void *arg)
{
    usleep(30000);
    printf("worker %ld finishing after main left\n", (long)arg);
    return NULL;
}

int main(void)
{
    atexit(bye);
    pthread_t t;
    pthread_create(&t, NULL, worker, (void *)1L);
    printf("main calls pthread_exit\n");
    pthread_exit(NULL);
}
