/*
 * vfork(2): the parent sleeps until the child execs or exits, and a signal
 * arriving meanwhile does not end that sleep early; its handler runs once
 * vfork has returned.  (A kernel that let the signal interrupt the sleep,
 * and looped around it, would spin with the child never running: this
 * test then hangs, and the runner's timeout fails it.)
 */
#include "../contract.h"
#include <sys/time.h>

static volatile int alarms;

static void on_alarm(int sig, siginfo_t *si, void *uc)
{
	alarms++;
}

int main(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 20000 } };	/* SIGALRM in 20 ms */
	volatile int child_done = 0;
	int status;
	pid_t pid;

	on_signal(SIGALRM, on_alarm, 0, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	pid = vfork();
	if (pid == 0) {
		/* Still the parent's memory: busy for 200 ms, then leave. */
		struct timespec t0, t1;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		do
			clock_gettime(CLOCK_MONOTONIC, &t1);
		while ((t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec) < 200000000L);
		child_done = 1;
		_exit(4);
	}
	printf("vfork returned after the child was done: %s\n", yes(child_done));
	printf("the alarm's handler has run by now: %s\n", yes(alarms == 1));
	waitpid(pid, &status, 0);
	printf("child: %s\n", status_text(status));
	return 0;
}
