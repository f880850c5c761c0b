/*
 * Eight threads take a pthread mutex (futex-based in musl) 20000 times
 * each to increment a shared counter: no increment is lost, and a
 * condition variable wakes a waiter (FUTEX_WAIT/FUTEX_WAKE under load,
 * and the scheduler switching between threads of one process).
 */
#include <pthread.h>
#include "../contract.h"

#define NTHREADS 8
#define ROUNDS 20000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t all_done = PTHREAD_COND_INITIALIZER;
static long counter;
static int finished;

static void *worker(void *arg)
{
	int i;

	for (i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		if (i % 1000 == 0)
			sched_yield();	/* give the others a chance to contend */
		pthread_mutex_unlock(&lock);
	}
	pthread_mutex_lock(&lock);
	finished++;
	pthread_cond_signal(&all_done);
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_t threads[NTHREADS];
	int i;

	for (i = 0; i < NTHREADS; i++)
		if (pthread_create(&threads[i], NULL, worker, NULL))
			setup_failed("pthread_create");
	pthread_mutex_lock(&lock);
	while (finished < NTHREADS)
		pthread_cond_wait(&all_done, &lock);
	pthread_mutex_unlock(&lock);
	for (i = 0; i < NTHREADS; i++)
		pthread_join(threads[i], NULL);
	printf("counter: %ld (expected %d)\n", counter, NTHREADS * ROUNDS);
	printf("condition variable woke the main thread: yes\n");
	return 0;
}
