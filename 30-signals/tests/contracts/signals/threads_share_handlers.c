/*
 * Threads share their dispositions but each has its own mask: a handler
 * installed by one thread runs for a signal sent to another; a signal sent
 * to the process goes to a thread that does not block it; tgkill reaches
 * exactly the named thread (pthread_sigmask(3), signal(7)).
 */
#include "../contract.h"
#include <pthread.h>

static volatile pid_t handled_by;
static volatile int handled;
static pid_t worker_tid;
static volatile int worker_ready, stop_worker;

static void handler(int sig, siginfo_t *si, void *uc)
{
	handled_by = (pid_t)syscall(SYS_gettid);
	handled++;
}

static void *worker(void *arg)
{
	int watch[] = { SIGUSR1, SIGUSR2 };

	worker_tid = (pid_t)syscall(SYS_gettid);
	/* It started with main's mask (SIGUSR1 blocked); it blocks SIGUSR2 only. */
	block(SIGUSR2, SIG_BLOCK);
	block(SIGUSR1, SIG_UNBLOCK);
	printf("worker's mask: %s\n", mask_text(watch, 2));
	worker_ready = 1;
	while (!stop_worker)
		usleep(1000);
	return NULL;
}

static void wait_handled(int n)
{
	for (int i = 0; i < 2000 && handled < n; i++)
		usleep(1000);
}

int main(void)
{
	pthread_t th;
	int watch[] = { SIGUSR1, SIGUSR2 };

	/* The main thread blocks SIGUSR1 only. */
	block(SIGUSR1, SIG_BLOCK);
	if (pthread_create(&th, NULL, worker, NULL))
		setup_failed("pthread_create");
	while (!worker_ready)
		usleep(1000);
	printf("main's mask: %s\n", mask_text(watch, 2));
	/* Installed by main, after the thread started: shared. */
	on_signal(SIGUSR1, handler, 0, NULL);
	on_signal(SIGUSR2, handler, 0, NULL);
	syscall(SYS_tgkill, getpid(), worker_tid, SIGUSR1);
	wait_handled(1);
	printf("tgkill SIGUSR1 to the worker: handled by the worker %s\n",
	       yes(handled_by == worker_tid));
	kill(getpid(), SIGUSR1);	/* only the worker can take it */
	wait_handled(2);
	printf("kill SIGUSR1 to the process: handled by the worker %s\n",
	       yes(handled_by == worker_tid));
	kill(getpid(), SIGUSR2);	/* only main can take it */
	wait_handled(3);
	printf("kill SIGUSR2 to the process: handled by main %s\n", yes(handled_by == getpid()));
	stop_worker = 1;
	pthread_join(th, NULL);
	printf("handled %d\n", handled);
	return 0;
}
